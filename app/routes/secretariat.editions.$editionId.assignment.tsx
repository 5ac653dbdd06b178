import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { found, requireSecretariat } from "../accounts/server/permissions.server";
import { ApplicationChoice } from "../applications/components/choice";
import { Checkbox, SelectField, SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { JurySecretariatNav } from "../jury/components/secretariat-nav";
import { countParam, Pager, pageParam } from "../kernel/components/pager";
import { assignmentSchema } from "../jury/forms/jury.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { listJury } from "../jury/models/members.server";
import { pendingProposals } from "../jury/models/conflicts.server";
import { applicationOptions, countEligible, resolveApplication } from "../jury/models/eligible-applications.server";
import { defaultMaxLoad, runAssignment, type Explanation } from "../jury/models/assignment.server";
import { juryWriteOffThread } from "../jury/models/jury-writes.server";
import {
  addAssignment,
  findAssignment,
  removeAssignment,
  swapAssignment,
} from "../jury/models/assignment-edits.server";
import { assignmentOverview } from "../jury/models/assignment-overview.server";
import { beforeScoringCloses, getJuryEdition } from "../jury/models/shared.server";
import type { Failure } from "../kernel/models/result.server";
import juryCss from "../styles/jury.css";
import { routeHead } from "../kernel/components/route-head";
import { siteOrigin } from "../kernel/server/site.server";
import { DataTable } from "../kernel/components/table";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { WorkerLost } from "../kernel/server/worker-pool.server";
import { whenDone } from "../kernel/server/computing.server";
import { formatList } from "../kernel/i18n";
import { ShownName, shownPseudonym } from "../kernel/components/i18n";

export const { handle, links } = routeHead("jury.assignment.title", juryCss);

const ADJUSTMENTS = ["add", "swap", "remove"] as const;
type Adjustment = (typeof ADJUSTMENTS)[number];
const adjustmentOf = (value: unknown): Adjustment | null =>
  (ADJUSTMENTS as readonly unknown[]).includes(value) ? (value as Adjustment) : null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const edition = found(getJuryEdition({ editionId: params.editionId ?? "" }));
  const adjust = adjustmentOf(new URL(request.url).searchParams.get("adjust"));
  const jurors = listJury({ editionId: edition.id })
    .filter((j) => !j.replacedAt)
    .map((j) => ({ id: j.id, name: j.name }));
  const reviewers = Math.min(edition.reviewersPerApplication, Math.max(1, jurors.length));
  // One thing per page: an adjustment step needs the jurors and how to name an application, not the preview.
  const overview = adjust
    ? null
    : await whenDone(assignmentOverview({ editionId: edition.id, reviewers, page: pageParam(request) }));
  const applicationsCount = overview ? overview.applicationsCount : countEligible({ editionId: edition.id });
  return {
    edition: { id: edition.id, year: edition.year },
    closed: !beforeScoringCloses(edition),
    adjust,
    jurors,
    reviewers,
    overview,
    applicationOptions: adjust ? applicationOptions({ editionId: edition.id }) : null,
    pendingConflicts: adjust ? 0 : pendingProposals({ editionId: edition.id }),
    defaults: {
      reviewers: String(reviewers),
      maxLoad: String(defaultMaxLoad(applicationsCount, reviewers, jurors.length)),
      minLoad: "0",
    },
  };
}

type Result = {
  errors: Record<string, { message: string; vars?: Record<string, string | number> }>;
  values: Record<string, unknown>;
  intent?: unknown;
  explanation?: Explanation;
  technical?: string;
  conflictsFirst?: { pending: number; undetected: number };
};

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const edition = found(getJuryEdition({ editionId: params.editionId ?? "" }));
  const form = await validateForm(request, assignmentSchema);
  const bad = (result: Result) => data(result, { status: 400 });
  if (!form.ok)
    return bad({
      errors: form.errors,
      values: form.values,
      intent: form.values.intent,
    });
  const input = form.data;
  const here = `/secretariat/editions/${edition.id}/assignment`;
  // Once scoring has closed the assignment is what the jury scored: nothing is run, changed or published.
  if (!beforeScoringCloses(edition))
    return bad({
      errors: fieldError("form", "errors.jury_assignment_closed"),
      values: form.values,
      intent: input.intent,
    });
  switch (input.intent) {
    case "run": {
      // Seconds at 10,000 applications, in the worker thread: other requests go on meanwhile.
      const done = await runAssignment({
        editionId: edition.id,
        actorId: user.id,
        reviewers: input.reviewers,
        maxLoad: input.maxLoad,
        minLoad: input.minLoad,
      }).catch((error: unknown) => {
        if (error instanceof WorkerLost) return { ok: false as const, lost: true as const };
        throw error;
      });
      if (!done.ok && ("lost" in done || "changed" in done))
        return bad({
          errors: fieldError(
            "reviewers",
            "lost" in done ? "errors.jury_assignment_lost" : "errors.jury_assignment_changed",
          ),
          values: form.values,
          intent: "run",
        });
      if (!done.ok && "pendingConflicts" in done)
        return bad({
          errors: fieldError("reviewers", "errors.jury_assignment_conflicts_first"),
          values: form.values,
          intent: "run",
          conflictsFirst: { pending: done.pendingConflicts, undetected: done.undetectedConflicts },
        });
      if (!done.ok)
        return bad({
          errors: fieldError("reviewers", "errors.jury_assignment_infeasible"),
          values: form.values,
          intent: "run",
          explanation: done.explanation,
          technical: done.technical,
        });
      return redirect(`${here}?generated=${done.pairs}`);
    }
    case "add":
    case "remove":
    case "swap": {
      // A failure about the application is shown next to the field the form had (list or reference).
      const refused = (failure: Failure) =>
        bad({
          errors: fieldError(
            failure.field === "applicationId" && input.reference !== undefined ? "reference" : failure.field,
            failure.error,
            failure.vars,
          ),
          values: form.values,
          intent: input.intent,
        });
      const application = resolveApplication({
        editionId: edition.id,
        applicationId: input.applicationId,
        reference: input.reference,
      });
      if (!application.ok) return refused(application);
      if (input.intent === "add") {
        const done = addAssignment({
          editionId: edition.id,
          actorId: user.id,
          memberId: input.memberId,
          applicationId: application.id,
          maxLoad: input.maxLoad,
        });
        if (!done.ok) return refused(done);
        return redirect(`${here}?adjusted=1`);
      }
      const assignment = findAssignment({
        editionId: edition.id,
        memberId: input.fromMemberId,
        applicationId: application.id,
      });
      if (!assignment.ok) return refused(assignment);
      const done =
        input.intent === "remove"
          ? removeAssignment({
              editionId: edition.id,
              actorId: user.id,
              assignmentId: assignment.id,
            })
          : swapAssignment({
              editionId: edition.id,
              actorId: user.id,
              assignmentId: assignment.id,
              memberId: input.memberId,
              maxLoad: input.maxLoad,
            });
      if (!done.ok)
        return refused({
          ...done,
          field: done.field === "assignmentId" ? "fromMemberId" : done.field,
        });
      return redirect(`${here}?adjusted=1`);
    }
    case "publish": {
      // ~1.4 s of writing at 10,000 applications, in the reading worker: others are answered meanwhile.
      const done = await juryWriteOffThread("publish", {
        editionId: edition.id,
        actorId: user.id,
        origin: siteOrigin(),
      }).catch((error: unknown) => {
        if (error instanceof WorkerLost)
          return { ok: false as const, field: "confirm", error: "errors.jury_write_lost" };
        throw error;
      });
      if (!done.ok)
        return bad({
          errors: fieldError(done.field, done.error),
          values: form.values,
          intent: "publish",
        });
      return redirect(`${here}?published=${done.published}`);
    }
  }
});

export default function AssignmentPage() {
  const t = useT();
  const {
    edition,
    closed,
    adjust: adjustParam,
    jurors,
    overview,
    applicationOptions,
    pendingConflicts,
    defaults,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const [params] = useSearchParams();
  const adjust = adjustmentOf(result?.intent) ?? adjustParam;
  const jurorOptions = jurors.map((j) => ({ value: j.id, label: shownPseudonym(j.name, t) }));
  if (adjust) {
    const schema = {
      add: "addAssignmentSchema",
      swap: "swapAssignmentSchema",
      remove: "removeAssignmentSchema",
    } as const;
    return (
      <>
        <JurySecretariatNav editionId={edition.id} year={edition.year} />
        <h1>{t("jury.assignment.title")}</h1>
        <p>
          <Link to=".">{t("jury.assignment.back")}</Link>
        </p>
        <h2>{t(`jury.assignment.adjust_${adjust}`)}</h2>
        <ValidatedForm
          schema={() => import("../jury/forms/jury").then((m) => m[schema[adjust]])}
          intent={adjust}
          result={result}
          defaultValues={{ maxLoad: defaults.maxLoad }}
        >
          <ApplicationChoice options={applicationOptions} />
          {adjust === "add" ? null : (
            <SelectField
              name="fromMemberId"
              label={t("jury.assignment.from")}
              placeholder={t("fields.choose")}
              options={jurorOptions}
            />
          )}
          {adjust === "remove" ? null : (
            <SelectField
              name="memberId"
              label={t(adjust === "swap" ? "jury.assignment.swap_to" : "jury.juror")}
              placeholder={t("fields.choose")}
              options={jurorOptions}
            />
          )}
          {adjust === "remove" ? null : (
            <TextField name="maxLoad" type="number" label={t("jury.assignment.max_load")} />
          )}
          <SubmitButton>{t(`jury.assignment.${adjust}`)}</SubmitButton>
        </ValidatedForm>
      </>
    );
  }
  const published = countParam(params.get("published"));
  const generated = countParam(params.get("generated"));
  const notice =
    published !== null
      ? t("jury.assignment.published", { count: published })
      : generated !== null
        ? t("jury.assignment.generated", { count: generated })
        : params.get("adjusted")
          ? t("jury.assignment.adjusted")
          : null;
  const o = overview!;
  return (
    <>
      <JurySecretariatNav editionId={edition.id} year={edition.year} />
      <h1>{t("jury.assignment.title")}</h1>
      <p>{t("jury.assignment.intro")}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      {closed ? <p className="notice">{t("errors.jury_assignment_closed")}</p> : null}
      {pendingConflicts > 0 && !result?.conflictsFirst ? (
        <p className="notice">
          {t("jury.assignment.conflicts_pending", { count: pendingConflicts })}{" "}
          <Link to={`/secretariat/editions/${edition.id}/conflicts`}>{t("jury.assignment.conflicts_link")}</Link>
        </p>
      ) : null}
      {result?.conflictsFirst ? (
        <div className="notice" role="alert">
          <h2>{t("jury.assignment.conflicts_first_title")}</h2>
          {result.conflictsFirst.pending > 0 ? (
            <p>{t("jury.assignment.conflicts_pending", { count: result.conflictsFirst.pending })}</p>
          ) : null}
          {result.conflictsFirst.undetected > 0 ? (
            <p>{t("jury.assignment.conflicts_undetected", { count: result.conflictsFirst.undetected })}</p>
          ) : null}
          <p>
            <Link to={`/secretariat/editions/${edition.id}/conflicts`}>{t("jury.assignment.conflicts_link")}</Link>
          </p>
        </div>
      ) : null}
      {result?.explanation ? (
        <div className="notice" role="alert">
          <h2>{t("jury.assignment.infeasible_title")}</h2>
          <ul>
            {result.explanation.map((e, i) => (
              <li key={i}>{t(e.key, e.vars)}</li>
            ))}
          </ul>
          <details>
            <summary>{t("jury.assignment.technical")}</summary>
            <p dir="ltr">{result.technical}</p>
          </details>
        </div>
      ) : null}
      <h2>{t("jury.assignment.run_title")}</h2>
      <ValidatedForm
        schema={() => import("../jury/forms/jury").then((m) => m.runAssignmentSchema)}
        intent="run"
        result={result}
        defaultValues={defaults}
      >
        <TextField
          name="reviewers"
          type="number"
          label={t("jury.assignment.reviewers")}
          hint={t("jury.assignment.reviewers_hint", { jurors: jurors.length })}
        />
        <TextField name="maxLoad" type="number" label={t("jury.assignment.max_load")} />
        <TextField name="minLoad" type="number" label={t("jury.assignment.min_load")} />
        <SubmitButton>{t("jury.assignment.run")}</SubmitButton>
      </ValidatedForm>

      <h2>{t("jury.assignment.preview_title")}</h2>
      {o.assigned === 0 ? (
        <p className="panel">{t("jury.assignment.empty")}</p>
      ) : (
        <>
          <h3>{t("jury.assignment.loads")}</h3>
          <ul>
            {o.loads.map((l) => (
              <li key={l.id}>
                <ShownName text={l.name} />: {l.load}
              </li>
            ))}
          </ul>
          <h3 id="coverage">{t("jury.assignment.coverage")}</h3>
          <p>
            {t("jury.assignment.coverage_summary", {
              covered: o.covered,
              under: o.underCovered,
              reviewers: defaults.reviewers,
            })}
          </p>
          <DataTable
            rows={o.coverage}
            columns={[
              {
                head: "jury.application",
                cell: (c) => (
                  <>
                    <ShownName text={c.title} /> ({c.language}, <bdi>{c.reference}</bdi>)
                  </>
                ),
              },
              {
                head: "jury.assignment.jurors",
                cell: (c) => (c.jurors.length === 0 ? t("jury.assignment.nobody") : formatList(c.jurors, t.locale)),
              },
            ]}
          />
          <Pager page={o.page} pages={o.pages} search={params.toString()} />
          <h3>{t("jury.assignment.pairs")}</h3>
          <ul>
            {o.pairs.map((p, i) => (
              <li key={i}>{t("jury.assignment.pair", { a: p.a, b: p.b, count: p.count })}</li>
            ))}
          </ul>
          {o.otherPairs > 0 ? <p>{t("jury.assignment.other_pairs", { count: o.otherPairs })}</p> : null}
        </>
      )}
      {o.recused.length > 0 ? (
        <>
          <h3>{t("jury.assignment.recused_title")}</h3>
          <ul>
            {o.recused.map((r) => (
              <li key={r.id}>
                <ShownName text={r.title} /> — <bdi>{r.juror}</bdi>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("jury.assignment.adjust_title")}</h2>
      <ul className="button-row">
        {ADJUSTMENTS.map((a) => (
          <li key={a}>
            <Link to={`?adjust=${a}`}>{t(`jury.assignment.adjust_${a}`)}</Link>
          </li>
        ))}
      </ul>

      <h2>{t("jury.assignment.publish_title")}</h2>
      <p>
        {o.unpublished > 0
          ? t("jury.assignment.unpublished", { count: o.unpublished })
          : o.assigned === 0
            ? t("jury.assignment.nothing_computed")
            : t("jury.assignment.nothing_unpublished")}
      </p>
      <ValidatedForm
        schema={() => import("../jury/forms/jury").then((m) => m.publishSchema)}
        intent="publish"
        result={result}
      >
        <Checkbox name="confirm" label={t("jury.assignment.publish_confirm")} />
        <SubmitButton>{t("jury.assignment.publish")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
