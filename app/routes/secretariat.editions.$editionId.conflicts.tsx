import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { found, notFound, requireSecretariat } from "../accounts/server/permissions.server";
import { ApplicationChoice } from "../applications/components/choice";
import { Checkbox, SelectField, SubmitButton, TextArea, ValidatedForm } from "../kernel/components/form";
import { PostForm, useT } from "../kernel/components/i18n";
import { JurySecretariatNav } from "../jury/components/secretariat-nav";
import { Pager, pageParam } from "../kernel/components/pager";
import { conflictsSchema } from "../jury/forms/jury.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { formatDate, formatDateTime } from "../kernel/i18n";
import { listJury } from "../jury/models/members.server";
import { listConflicts } from "../jury/models/conflicts.server";
import {
  addManualConflict,
  confirmConflict,
  conflictForDecision,
  dismissConflict,
} from "../jury/models/conflict-decisions.server";
import { detectConflicts } from "../jury/models/conflict-detect.server";
import { applicationOptions, resolveApplication } from "../jury/models/eligible-applications.server";
import { decisionRecorded, getJuryEdition } from "../jury/models/shared.server";
import type { Failure } from "../kernel/models/result.server";
import juryCss from "../styles/jury.css";
import { routeHead } from "../kernel/components/route-head";
import { siteOrigin } from "../kernel/server/site.server";
import { DataTable } from "../kernel/components/table";
import { Notice } from "../kernel/components/notice";
import { ActionLink } from "../kernel/components/action-link";
import { juryWriteOffThread } from "../jury/models/jury-writes.server";
import { lostAsNull } from "../kernel/server/worker-pool.server";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { ShownName, shownPseudonym } from "../kernel/components/i18n";

export const { handle, links } = routeHead("jury.conflicts_admin.title", juryCss);

type Decision = NonNullable<ReturnType<typeof conflictForDecision>>;

/** What the confirmation step shows, in plain values (dates as instants). */
function decisionView(d: Decision) {
  return { ...d, review: d.review ? { ...d.review, submittedAt: d.review.submittedAt?.getTime() ?? null } : null };
}

// Reads only: detection, confirmation and dismissal are POSTs (a link followed from anywhere
// must never change the register or recuse a review).
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const edition = found(getJuryEdition({ editionId: params.editionId ?? "" }));
  const search = new URL(request.url).searchParams;
  const adding = !!search.get("add");
  const confirmId = search.get("confirm");
  // The confirmation step of one proposal, on a page of its own.
  const confirming = confirmId ? conflictForDecision({ editionId: edition.id, conflictId: confirmId }) : null;
  if (confirmId && confirming?.status !== "proposed") notFound();
  const jury = confirming ? [] : listJury({ editionId: edition.id }).filter((j) => !j.replacedAt);
  const register = adding || confirming ? null : listConflicts({ editionId: edition.id, page: pageParam(request) });
  return {
    edition: { id: edition.id, year: edition.year },
    closed: decisionRecorded(edition),
    adding,
    confirming: confirming ? decisionView(confirming) : null,
    conflicts: register
      ? register.rows.map((c) => ({
          id: c.id,
          jurorName: c.jurorName,
          title: c.title,
          reference: c.reference,
          source: c.source,
          reason: c.reason,
          status: c.status,
          reviewState: c.reviewState,
        }))
      : [],
    total: register?.total ?? 0,
    proposed: register?.proposed ?? 0,
    proposedWithSubmitted: register?.proposedWithSubmitted ?? 0,
    page: Math.min(pageParam(request), register?.pages ?? 1),
    pages: register?.pages ?? 1,
    jurors: jury.map((j) => ({
      id: j.id,
      name: j.name,
      declaredAt: j.conflictsDeclaredAt?.getTime() ?? null,
    })),
    // One thing per page: the form, with its list of applications (or reference field), apart from the register.
    applicationOptions: adding ? applicationOptions({ editionId: edition.id }) : null,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const edition = found(getJuryEdition({ editionId: params.editionId ?? "" }));
  const form = await validateForm(request, conflictsSchema);
  if (!form.ok)
    return data(
      { errors: form.errors, values: form.values, intent: form.values.intent, decision: null },
      { status: 400 },
    );
  const input = form.data;
  const here = `/secretariat/editions/${edition.id}/conflicts`;
  const origin = siteOrigin();
  const refused = (failure: Failure, decision: Decision | null = null) =>
    data(
      {
        errors: fieldError(
          failure.field === "applicationId" && input.intent === "add" && input.reference !== undefined
            ? "reference"
            : failure.field,
          failure.error,
          failure.vars,
        ),
        values: form.values,
        intent: input.intent,
        decision: decision ? decisionView(decision) : null,
      },
      { status: 400 },
    );
  // Once the decision is recorded, the register is what it was decided on (its snapshot froze the
  // results): nothing is detected, added, confirmed or dismissed, no review recused any more.
  if (decisionRecorded(edition)) return refused({ ok: false, field: "intent", error: "errors.jury_register_closed" });
  switch (input.intent) {
    case "detect": {
      // Read and recorded in the reading worker (decision 040): other requests go on meanwhile.
      const added = await detectConflicts({ editionId: edition.id, actorId: user.id }).catch(lostAsNull);
      if (added === null) return refused({ ok: false, field: "intent", error: "errors.jury_write_lost" });
      return redirect(`${here}?detected=${added}`);
    }
    case "confirm_safe": {
      // 9,000 proposals at 10,000 applications: written in the reading worker (decision 039).
      const done = await juryWriteOffThread("confirmSafe", { editionId: edition.id, actorId: user.id, origin }).catch(
        lostAsNull,
      );
      if (!done) return refused({ ok: false, field: "intent", error: "errors.jury_write_lost" });
      return redirect(`${here}?confirmed_many=${done.confirmed}&left=${done.left}`);
    }
    case "confirm": {
      const done = confirmConflict({
        editionId: edition.id,
        conflictId: input.conflictId,
        actorId: user.id,
        origin,
        submittedReviewAcknowledged: input.acknowledge !== undefined,
      });
      // Another edition's conflict, or none, is not there for this page.
      if (!done.ok && done.error === "errors.jury_conflict_unknown") notFound();
      if (!done.ok) {
        // A submitted review needs the step that names it: the refusal shows that step.
        const decision =
          done.field === "acknowledge"
            ? conflictForDecision({ editionId: edition.id, conflictId: input.conflictId })
            : null;
        return refused(done, decision);
      }
      return redirect(`${here}?confirmed=1`);
    }
    case "dismiss": {
      const done = dismissConflict({ editionId: edition.id, conflictId: input.conflictId, actorId: user.id });
      if (!done.ok && done.error === "errors.jury_conflict_unknown") notFound();
      if (!done.ok) return refused(done);
      return redirect(`${here}?dismissed=1`);
    }
    case "add": {
      const application = resolveApplication({
        editionId: edition.id,
        applicationId: input.applicationId,
        reference: input.reference,
      });
      if (!application.ok) return refused(application);
      const done = addManualConflict({
        editionId: edition.id,
        actorId: user.id,
        memberId: input.memberId,
        applicationId: application.id,
        reason: input.reason,
        origin,
      });
      if (!done.ok) return refused(done);
      return redirect(done.confirmStep ? `${here}?confirm=${done.confirmStep}` : `${here}?added=1`);
    }
  }
});

/** One button on a proposal's row; the hidden text names the row for screen readers. */
function ProposalAction({
  intent,
  conflict,
}: {
  intent: "confirm" | "dismiss";
  conflict: { id: string; jurorName: string; title: string };
}) {
  const t = useT();
  return (
    <PostForm place={`${intent}-${conflict.id}`} className="jury-inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="conflictId" value={conflict.id} />
      <button type="submit" className="button secondary">
        {t(`jury.conflicts_admin.${intent}`)}
        <span className="visually-hidden">
          {" "}
          —{" "}
          {t("jury.conflicts_admin.row", {
            juror: shownPseudonym(conflict.jurorName, t),
            title: shownPseudonym(conflict.title, t),
          })}
        </span>
      </button>
    </PostForm>
  );
}

/** A conflict's status in the register; a proposal's also offers its confirmation and dismissal. */
function ConflictStatus({
  conflict: c,
}: {
  conflict: { id: string; jurorName: string; title: string; status: string; reviewState: string | null };
}) {
  const t = useT();
  return (
    <>
      {t(`jury.conflict_status.${c.status}`)}
      {c.status === "proposed" ? (
        <>
          {c.reviewState === "submitted" ? <> — {t("jury.conflicts_admin.on_submitted")}</> : null}
          <div className="button-row">
            {c.reviewState === "submitted" ? (
              <Link to={`?confirm=${c.id}`} className="button secondary">
                {t("jury.conflicts_admin.confirm")}
                <span className="visually-hidden">
                  {" "}
                  —{" "}
                  {t("jury.conflicts_admin.row", {
                    juror: shownPseudonym(c.jurorName, t),
                    title: shownPseudonym(c.title, t),
                  })}
                </span>
              </Link>
            ) : (
              <ProposalAction intent="confirm" conflict={c} />
            )}{" "}
            <ProposalAction intent="dismiss" conflict={c} />
          </div>
        </>
      ) : null}
    </>
  );
}

function ConfirmStep({
  decision,
  result,
}: {
  decision: ReturnType<typeof decisionView>;
  result: ReturnType<typeof useActionData<typeof action>>;
}) {
  const t = useT();
  const review = decision.review;
  return (
    <>
      <h2 id="confirm-title">{t("jury.conflicts_admin.confirm_title")}</h2>
      <dl className="summary">
        <dt>{t("jury.juror")}</dt>
        <dd>
          <ShownName text={decision.jurorName} />
        </dd>
        <dt>{t("jury.application")}</dt>
        <dd>
          <ShownName text={decision.title} /> (<bdi>{decision.reference}</bdi>)
        </dd>
        <dt>{t("jury.conflicts_admin.source")}</dt>
        <dd>
          {t(`jury.source.${decision.source}`)}
          {decision.reason ? (
            <>
              {" — "}
              <bdi>{decision.reason}</bdi>
            </>
          ) : null}
        </dd>
        <dt>{t("jury.conflicts_admin.review")}</dt>
        <dd>
          {!review
            ? t("jury.conflicts_admin.review_none")
            : review.state === "submitted"
              ? t("jury.conflicts_admin.review_submitted", {
                  date: review.submittedAt ? formatDateTime(review.submittedAt, t.locale) : "—",
                  total: review.total,
                  max: review.maxTotal,
                })
              : t(`jury.conflicts_admin.review_${review.state}`)}
        </dd>
      </dl>
      <p>
        {review?.state === "submitted"
          ? t("jury.conflicts_admin.confirm_submitted_warning")
          : review
            ? t("jury.conflicts_admin.confirm_review_warning")
            : t("jury.conflicts_admin.confirm_no_review")}
      </p>
      <ValidatedForm
        schema={() => import("../jury/forms/jury").then((m) => m.confirmConflictSchema)}
        intent="confirm"
        result={result}
      >
        <input type="hidden" name="conflictId" value={decision.id} />
        {review?.state === "submitted" ? (
          <Checkbox
            name="acknowledge"
            label={t("jury.conflicts_admin.acknowledge", { juror: shownPseudonym(decision.jurorName, t) })}
          />
        ) : null}
        <div className="button-row">
          <SubmitButton>{t("jury.conflicts_admin.confirm_button")}</SubmitButton>
          <Link to=".">{t("jury.conflicts_admin.back")}</Link>
        </div>
      </ValidatedForm>
    </>
  );
}

export default function ConflictsRegister() {
  const t = useT();
  const {
    edition,
    closed,
    adding: addingParam,
    confirming,
    conflicts,
    total,
    proposed,
    proposedWithSubmitted,
    page,
    pages,
    jurors,
    applicationOptions,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const adding = addingParam || result?.intent === "add";
  const decision = confirming ?? result?.decision ?? null;
  if (decision) {
    return (
      <>
        <JurySecretariatNav editionId={edition.id} year={edition.year} />
        <h1>{t("jury.conflicts_admin.title")}</h1>
        <ConfirmStep decision={decision} result={result} />
      </>
    );
  }
  if (adding) {
    return (
      <>
        <JurySecretariatNav editionId={edition.id} year={edition.year} />
        <h1>{t("jury.conflicts_admin.title")}</h1>
        <p>
          <Link to=".">{t("jury.conflicts_admin.back")}</Link>
        </p>
        <h2>{t("jury.conflicts_admin.add_title")}</h2>
        <ValidatedForm
          id="conflict"
          schema={() => import("../jury/forms/jury").then((m) => m.manualConflictSchema)}
          intent="add"
          result={result}
        >
          <SelectField
            name="memberId"
            label={t("jury.juror")}
            placeholder={t("fields.choose")}
            options={jurors.map((j) => ({ value: j.id, label: shownPseudonym(j.name, t) }))}
          />
          <ApplicationChoice options={applicationOptions} />
          <TextArea name="reason" label={t("jury.conflicts.reason")} rows={2} />
          <SubmitButton>{t("jury.conflicts_admin.add")}</SubmitButton>
        </ValidatedForm>
      </>
    );
  }
  const detected = params.get("detected");
  const notice = params.get("added")
    ? t("jury.conflicts_admin.added")
    : params.get("confirmed")
      ? t("jury.conflicts_admin.confirmed_notice")
      : params.get("dismissed")
        ? t("jury.conflicts_admin.dismissed_notice")
        : params.get("confirmed_many") !== null
          ? [
              t("jury.conflicts_admin.confirmed_many", { count: Number(params.get("confirmed_many")) || 0 }),
              Number(params.get("left")) > 0
                ? t("jury.conflicts_admin.left", { count: Number(params.get("left")) })
                : "",
            ]
              .filter(Boolean)
              .join(" ")
          : detected !== null
            ? Number(detected) > 0
              ? t("jury.conflicts_admin.detected", { count: Number(detected) || 0 })
              : t("jury.conflicts_admin.detected_none")
            : null;
  // A refused row action (a decided or unknown conflict) is said at the top of the register.
  const refusal = result?.errors ? Object.values(result.errors)[0] : null;
  return (
    <>
      <JurySecretariatNav editionId={edition.id} year={edition.year} />
      <h1>{t("jury.conflicts_admin.title")}</h1>
      <p>{t("jury.conflicts_admin.intro")}</p>
      {closed ? <p className="notice">{t("errors.jury_register_closed")}</p> : null}
      {refusal ? (
        <div className="error-summary" role="alert">
          <h2>{t("errors.summary_title")}</h2>
          <p>{t(refusal.message, refusal.vars)}</p>
        </div>
      ) : notice ? (
        <Notice>{notice}</Notice>
      ) : null}
      <h2>{t("jury.conflicts_admin.detect_title")}</h2>
      <p>{t("jury.conflicts_admin.detect_intro")}</p>
      <PostForm place="detect">
        <input type="hidden" name="intent" value="detect" />
        <SubmitButton>{t("jury.conflicts_admin.detect")}</SubmitButton>
      </PostForm>
      <h2>{t("jury.conflicts_admin.declarations")}</h2>
      <ul>
        {jurors.map((j) => (
          <li key={j.id}>
            <ShownName text={j.name} />:{" "}
            {j.declaredAt
              ? t("jury.conflicts_admin.declared_on", {
                  date: formatDate(j.declaredAt, t.locale),
                })
              : t("jury.conflicts_admin.not_declared")}
          </li>
        ))}
      </ul>
      <h2>{t("jury.conflicts_admin.register")}</h2>
      {total === 0 ? (
        <p className="panel">{t("jury.conflicts_admin.empty")}</p>
      ) : (
        <>
          <p>{t("jury.conflicts_admin.count", { count: total })}</p>
          {proposed > 0 ? (
            <div className="panel">
              <p>{t("jury.conflicts_admin.pending", { count: proposed })}</p>
              {proposed > proposedWithSubmitted ? (
                <PostForm place="confirm_safe">
                  <input type="hidden" name="intent" value="confirm_safe" />
                  <SubmitButton secondary>
                    {t("jury.conflicts_admin.confirm_safe", { count: proposed - proposedWithSubmitted })}
                  </SubmitButton>
                </PostForm>
              ) : null}
              {proposedWithSubmitted > 0 ? (
                <p>{t("jury.conflicts_admin.pending_submitted", { count: proposedWithSubmitted })}</p>
              ) : null}
            </div>
          ) : null}
          <DataTable
            rows={conflicts}
            columns={[
              { head: "jury.juror", cell: (c) => <ShownName text={c.jurorName} /> },
              {
                head: "jury.application",
                cell: (c) => (
                  <>
                    <ShownName text={c.title} /> (<bdi>{c.reference}</bdi>)
                  </>
                ),
              },
              { head: "jury.conflicts_admin.source", cell: (c) => t(`jury.source.${c.source}`) },
              { head: "jury.conflicts.reason", cell: (c) => c.reason, dir: "auto" },
              { head: "jury.status", cell: (c) => <ConflictStatus conflict={c} /> },
            ]}
          />
          <Pager page={page} pages={pages} search={params.toString()} />
        </>
      )}
      <ActionLink to="?add=1">{t("jury.conflicts_admin.add_title")}</ActionLink>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
