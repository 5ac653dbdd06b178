import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { authorize, can, found, requirePermission, UNADVERTISED } from "../accounts/server/permissions.server";
import type { SessionUser } from "../accounts/server/session.server";
import {
  Checkbox,
  resultForIntent,
  SelectField,
  SubmitButton,
  TextField,
  ValidatedForm,
} from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { OutcomeTable } from "../results/components/outcome";
import { ballotSchema, closeBallotSchema, idsFrom, recommendationSchema } from "../results/server/forms.server";
import { RANK_PREFIX } from "../results/forms/results-fields";
import { fieldError, readForm, validateForm } from "../kernel/forms/validate.server";
import {
  closeBallot,
  getDecisionRow,
  ownBallot,
  recordRecommendation,
  submitBallot,
} from "../results/models/deliberation.server";
import { getEditionBrief } from "../results/models/results.server";
import { deliberationView } from "../results/server/deliberation-view.server";
import resultsCss from "../styles/results.css";
import { Notice } from "../kernel/components/notice";

export const handle = { title: "results.ballot_title" };
export const links = () => [{ rel: "stylesheet", href: resultsCss }];

/** The edition and the user's seat on its jury (the rule asked first has made sure they hold one). */
function ballotOf(user: SessionUser, editionId: string) {
  return {
    edition: found(getEditionBrief({ editionId })),
    seat: found(user.juries.find((j) => j.editionId === editionId)),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "ballot.vote", { editionId: params.editionId }, UNADVERTISED);
  const { edition, seat } = ballotOf(user, params.editionId ?? "");
  const isChair = can(user, "ballot.chair", { editionId: edition.id });
  const view = deliberationView({ editionId: edition.id, memberId: seat.memberId, names: false });
  const own = ownBallot({ editionId: edition.id, memberId: seat.memberId });
  const ranks: Record<string, string> = {};
  own?.ranking.forEach((group, level) => group.forEach((id) => (ranks[`${RANK_PREFIX}${id}`] = String(level + 1))));
  const decision = isChair ? getDecisionRow({ editionId: edition.id }) : null;
  const recommendation: Record<string, string> = {};
  if (decision?.recommendation) {
    decision.recommendation.forEach((id, i) => {
      recommendation[`choice_${i + 1}`] = id;
      recommendation[`citation_en_${i + 1}`] = decision.citations?.[id]?.en ?? "";
      recommendation[`citation_fr_${i + 1}`] = decision.citations?.[id]?.fr ?? "";
    });
    recommendation.minutes = decision.minutes ?? "";
  }
  return {
    edition: { id: edition.id, year: edition.year, laureateCount: edition.laureateCount },
    isChair,
    view,
    ranks,
    voted: own !== null,
    recommendation,
    recommended: decision?.recommendedAt ? decision.recommendedAt.getTime() : null,
    decided: decision?.decidedAt ? true : false,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ballot.vote", { editionId: params.editionId }, UNADVERTISED);
  const { edition, seat } = ballotOf(user, params.editionId ?? "");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const back = `/jury/${edition.id}/ballot`;
  if (intent === "close" || intent === "recommend") {
    authorize(user, "ballot.chair", { editionId: edition.id });
    if (intent === "close") {
      const form = await validateForm(request, closeBallotSchema, formData);
      if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
      const result = closeBallot({ editionId: edition.id, actorId: user.id });
      if (!result.ok)
        return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
      return redirect(`${back}?closed=1`);
    }
    const count = edition.laureateCount;
    const form = await validateForm(request, recommendationSchema(count), formData);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const order: string[] = [];
    const citations: Record<string, { en: string; fr: string }> = {};
    for (let i = 1; i <= count; i++) {
      const id = String(form.values[`choice_${i}`]);
      order.push(id);
      citations[id] = {
        en: String(form.values[`citation_en_${i}`]).trim(),
        fr: String(form.values[`citation_fr_${i}`]).trim(),
      };
    }
    const result = recordRecommendation({
      edition,
      actorId: user.id,
      order,
      citations,
      minutes: String(form.values.minutes).trim(),
    });
    if (!result.ok)
      return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
    return redirect(`${back}?recommended=1`);
  }
  const form = await validateForm(request, ballotSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const ranks = Object.fromEntries(
    idsFrom(form.values, RANK_PREFIX).map((id) => [id, Number(form.values[`${RANK_PREFIX}${id}`])]),
  );
  const result = submitBallot({ editionId: edition.id, memberId: seat.memberId, actorId: user.id, ranks });
  if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
  return redirect(`${back}?voted=1`);
}

export default function Ballot() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("voted")
    ? "results.ballot_saved"
    : params.get("closed")
      ? "results.ballot_closed_notice"
      : params.get("recommended")
        ? "results.recommendation_saved"
        : null;
  return (
    <>
      <p>
        <Link to={`/jury/${d.edition.id}/results`}>{t("results.title")}</Link>
      </p>
      <h1>{t("results.ballot_heading", { year: d.edition.year })}</h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      {!d.view ? (
        <p className="panel">{t("results.ballot_not_open")}</p>
      ) : !d.view.closed ? (
        <>
          <p>{t("results.ballot_help")}</p>
          {d.voted ? <p className="panel">{t("results.ballot_already")}</p> : null}
          <ValidatedForm
            id="ballot"
            result={resultForIntent(result, "vote")}
            defaultValues={d.ranks}
            schema={() => import("../results/forms/deliberation").then((m) => m.ballotSchema)}
          >
            <input type="hidden" name="intent" value="vote" />
            <div id="ballot-ballot" tabIndex={-1}>
              {d.view.shortlist.map((a) => (
                <TextField
                  key={a.id}
                  name={`${RANK_PREFIX}${a.id}`}
                  type="number"
                  label={t("results.ballot_rank_label", { reference: a.reference, title: a.title })}
                />
              ))}
            </div>
            <SubmitButton>{t("results.ballot_submit")}</SubmitButton>
          </ValidatedForm>
          {d.isChair ? (
            <>
              <h2>{t("results.votes_title")}</h2>
              <ul>
                {d.view.status.map((s, i) => (
                  <li key={i}>
                    {t("results.juror_letter", { letter: s.letter })}
                    {s.self ? ` (${t("results.you")})` : ""} — {s.voted ? t("results.voted") : t("results.not_voted")}
                  </li>
                ))}
              </ul>
              <h2>{t("results.close_title")}</h2>
              <ValidatedForm
                id="close"
                result={resultForIntent(result, "close")}
                schema={() => import("../results/forms/deliberation").then((m) => m.closeBallotSchema)}
              >
                <input type="hidden" name="intent" value="close" />
                <Checkbox name="confirm" label={t("results.close_confirm")} />
                <SubmitButton secondary>{t("results.close_submit")}</SubmitButton>
              </ValidatedForm>
            </>
          ) : null}
        </>
      ) : (
        <>
          <h2>{t("results.outcome_title")}</h2>
          {d.view.outcome ? <OutcomeTable rows={d.view.outcome.rows} ballots={d.view.outcome.ballots} /> : null}
          {d.isChair && !d.decided ? (
            <>
              <h2>{t("results.recommendation_title")}</h2>
              <p>{t("results.recommendation_help")}</p>
              <ValidatedForm
                id="recommend"
                result={resultForIntent(result, "recommend")}
                schema={() =>
                  import("../results/forms/deliberation").then((m) => m.recommendationSchema(d.edition.laureateCount))
                }
                defaultValues={{
                  ...Object.fromEntries(
                    (d.view.outcome?.rows ?? [])
                      .slice(0, d.edition.laureateCount)
                      .map((r, i) => [`choice_${i + 1}`, r.id]),
                  ),
                  ...d.recommendation,
                }}
              >
                <input type="hidden" name="intent" value="recommend" />
                {Array.from({ length: d.edition.laureateCount }, (_, i) => (
                  <fieldset className="field" key={i}>
                    <legend>{t("results.recommendation_place", { n: i + 1 })}</legend>
                    <SelectField
                      name={`choice_${i + 1}`}
                      label={t("results.recommendation_choice")}
                      placeholder={t("fields.choose")}
                      options={d.view!.shortlist.map((a) => ({ value: a.id, label: `${a.reference} — ${a.title}` }))}
                    />
                    <TextField
                      name={`citation_en_${i + 1}`}
                      label={t("results.citation_en")}
                      multiline
                      rows={3}
                      dirAuto
                    />
                    <TextField
                      name={`citation_fr_${i + 1}`}
                      label={t("results.citation_fr")}
                      multiline
                      rows={3}
                      dirAuto
                    />
                  </fieldset>
                ))}
                <TextField name="minutes" label={t("results.minutes")} multiline rows={6} dirAuto />
                <SubmitButton>{t("results.recommendation_submit")}</SubmitButton>
              </ValidatedForm>
            </>
          ) : null}
        </>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
