import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireSecretariat } from "../accounts/server/permissions.server";
import { EditionBackLink } from "../editions/components/edition-forms";
import { Checkbox, SubmitButton, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { phaseSchema } from "../editions/forms/edition.server";
import { fieldError, refused } from "../kernel/forms/validate.server";
import { editionOr404, editionPost } from "../editions/server/secretariat.server";
import { formatDateTime } from "../kernel/i18n";
import { previousPhase } from "../editions/domain/constants";
import { backwardsBlocker, changePhase, isAdjacentPhase } from "../editions/models/edition.server";
import { reviewsOutstanding } from "../jury/models/counts.server";
import { pendingProposals } from "../jury/models/conflicts.server";
import editionsCss from "../styles/editions.css";
import { routeHead } from "../kernel/components/route-head";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("editions.phase_title", editionsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const found = editionOr404(params.editionId);
  const to = new URL(request.url).searchParams.get("to") ?? "";
  const e = found.edition;
  // A move already made (a colleague, another tab): the overview says so.
  if (to === e.phase) throw redirect(`/secretariat/editions/${e.id}?phase_already=1`);
  // Only the next phase or the one before can be asked for; anything else is no page at all.
  if (!isAdjacentPhase(e.phase, to)) notFound();
  return {
    edition: {
      id: e.id,
      year: e.year,
      phase: e.phase,
      deadlineAt: e.deadlineAt.getTime(),
      scoringClosesAt: e.scoringClosesAt.getTime(),
      locked: !!e.lockedAt,
    },
    to,
    backwards: previousPhase(e.phase) === to,
    // A move back the jury's work forbids now: the page says why, with nothing to confirm.
    blocker: backwardsBlocker({ editionId: e.id, from: e.phase, to }),
    // Closing scoring early leaves these reviews out of the results: the page says how many.
    outstanding: to === "deliberation" ? reviewsOutstanding({ editionId: e.id }) : 0,
    // A submitted review under an undecided proposal counts in the results while the ballot leaves
    // its juror out: the page says so before scoring closes, with the way to decide them.
    proposals: to === "deliberation" ? pendingProposals({ editionId: e.id }) : 0,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const form = await editionPost(request, params.editionId, phaseSchema);
  if (!form.ok) return form.refusal;
  if (editionOr404(form.editionId).edition.phase === form.data.to)
    return redirect(`/secretariat/editions/${form.editionId}?phase_already=1`);
  const result = changePhase({ editionId: form.editionId, to: form.data.to, actorId: user.id });
  if (!result.ok) return refused(fieldError("confirm", result.error, result.vars), form.values);
  return redirect(`/secretariat/editions/${form.editionId}?phase=1`);
});

const CONSEQUENCES: Record<string, string> = {
  call_open: "editions.phase_effect_call_open",
  screening: "editions.phase_effect_screening",
  scoring: "editions.phase_effect_scoring",
  deliberation: "editions.phase_effect_deliberation",
};

export default function PhaseChange() {
  const t = useT();
  const { edition, to, backwards, outstanding, proposals, blocker } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const from = t(`phase.${edition.phase}`);
  const target = t(`phase.${to}`);
  return (
    <>
      <EditionBackLink editionId={edition.id} year={edition.year} />
      <h1>{t("editions.phase_title")}</h1>
      <p className="lead">
        {t(backwards ? "editions.phase_confirm_back" : "editions.phase_confirm", {
          from,
          to: target,
          year: edition.year,
        })}
      </p>
      {!backwards && CONSEQUENCES[to] ? (
        <p>
          {t(CONSEQUENCES[to], {
            deadline: formatDateTime(edition.deadlineAt, t.locale),
            close: formatDateTime(edition.scoringClosesAt, t.locale),
          })}
        </p>
      ) : null}
      {!backwards && to === "deliberation" ? (
        <p>
          {outstanding === 0
            ? t("editions.phase_all_reviews_in")
            : t("editions.phase_outstanding_reviews", { count: outstanding })}
        </p>
      ) : null}
      {!backwards && proposals > 0 ? (
        <p className="notice">
          {t("editions.phase_pending_proposals", { count: proposals })}{" "}
          <Link to={`/secretariat/editions/${edition.id}/conflicts`}>{t("editions.phase_decide_proposals")}</Link>.
        </p>
      ) : null}
      {blocker ? (
        <p className="notice">{t(blocker)}</p>
      ) : (
        <PhaseForm edition={edition} to={to} target={target} result={result} />
      )}
    </>
  );
}

function PhaseForm({
  edition,
  to,
  target,
  result,
}: {
  edition: { id: string };
  to: string;
  target: string;
  result: ReturnType<typeof useActionData<typeof action>>;
}) {
  const t = useT();
  return (
    <>
      <p>{t("editions.phase_audited")}</p>
      <ValidatedForm
        id="phase"
        schema={() => import("../editions/forms/edition").then((m) => m.phaseSchema)}
        result={result}
      >
        <input type="hidden" name="editionId" value={edition.id} />
        <input type="hidden" name="to" value={to} />
        <Checkbox name="confirm" label={t("editions.phase_confirm_check", { to: target })} />
        <div className="button-row">
          <SubmitButton>{t("editions.move_to", { phase: target })}</SubmitButton>
          <Link to={`/secretariat/editions/${edition.id}`}>{t("editions.cancel")}</Link>
        </div>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
