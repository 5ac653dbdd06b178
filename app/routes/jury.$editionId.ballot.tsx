import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { authorize, can, found, requirePermission, UNADVERTISED } from "../accounts/server/permissions.server";
import type { SessionUser } from "../accounts/server/session.server";
import { Checkbox, SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from "../kernel/components/form";
import type { FormResult, SchemaLoader } from "../kernel/components/form";
import { ShownName, shownPseudonym, useT } from "../kernel/components/i18n";
import { OutcomeTable } from "../results/components/outcome";
import { CloseBallotForm, CloseRunoffForm } from "../results/components/deliberation";
import {
  ballotSchema,
  castSchema,
  idsFrom,
  recommendationSchema,
  runoffBallotSchema,
} from "../results/server/forms.server";
import { CAST_PREFIX, RANK_PREFIX, RUNOFF_PREFIX } from "../results/forms/results-fields";
import { fieldError, readForm, refused, validateForm } from "../kernel/forms/validate.server";
import { getDecisionRow, ownBallot, recordRecommendation, submitBallot } from "../results/models/deliberation.server";
import { closeVotePost } from "../results/server/close-ballot.server";
import { getEditionBrief } from "../results/models/results.server";
import { deliberationView, minutesTallyOf } from "../results/server/deliberation-view.server";
import { fairnessMinutesOf } from "../results/server/integrity-page.server";
import { castDecidingVote, ownRunoffBallot, submitRunoffBallot } from "../results/models/tie-break-votes.server";
import { TallyTables, TieBreakFacts, TieBreakSummary } from "../results/components/tally";
import { formatList, isLocale } from "../kernel/i18n";
import resultsCss from "../styles/results.css";
import { routeHead } from "../kernel/components/route-head";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("results.ballot_title", resultsCss);

// A laureate's citation is written in English and in French (the call's two languages).
const CITATION_LANGUAGES = ["en", "fr"] as const;

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
  const view = deliberationView({
    editionId: edition.id,
    memberId: seat.memberId,
    names: false,
    voters: isChair ? "names" : "none",
  });
  const own = ownBallot({ editionId: edition.id, memberId: seat.memberId });
  const ranks: Record<string, string> = {};
  own?.ranking.forEach((group, level) => group.forEach((id) => (ranks[`${RANK_PREFIX}${id}`] = String(level + 1))));
  const runoffRanks: Record<string, string> = {};
  ownRunoffBallot({ editionId: edition.id, memberId: seat.memberId })?.ranking.forEach((group, level) =>
    group.forEach((id) => (runoffRanks[`${RUNOFF_PREFIX}${id}`] = String(level + 1))),
  );
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
  // What the recommendation will record of the fairness audit, in the chair's own language.
  const language = isLocale(user.locale) ? user.locale : "en";
  const fairness =
    isChair && view?.closed && !decision?.decidedAt
      ? { text: await fairnessMinutesOf({ edition, locale: language }), lang: language }
      : null;
  return {
    edition: { id: edition.id, year: edition.year, laureateCount: edition.laureateCount },
    isChair,
    view,
    ranks,
    voted: own !== null,
    runoffRanks,
    recommendation,
    recommended: decision?.recommendedAt ? decision.recommendedAt.getTime() : null,
    decided: decision?.decidedAt ? true : false,
    fairness,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "ballot.vote", { editionId: params.editionId }, UNADVERTISED);
  const { edition, seat } = ballotOf(user, params.editionId ?? "");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const back = `/jury/${edition.id}/ballot`;
  if (intent === "runoff") {
    const form = await validateForm(request, runoffBallotSchema, formData);
    if (!form.ok) return refused(form.errors, form.values);
    const ranks = Object.fromEntries(
      idsFrom(form.values, RUNOFF_PREFIX).map((id) => [id, Number(form.values[`${RUNOFF_PREFIX}${id}`])]),
    );
    const result = submitRunoffBallot({ editionId: edition.id, memberId: seat.memberId, actorId: user.id, ranks });
    if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
    return redirect(`${back}?runoff_voted=1`);
  }
  if (intent === "cast" || intent === "close_runoff") {
    authorize(user, "ballot.chair", { editionId: edition.id });
    if (intent === "close_runoff") {
      const refusal = await closeVotePost(request, formData, { intent, editionId: edition.id, actorId: user.id });
      return refusal ?? redirect(`${back}?runoff_closed=1`);
    }
    const form = await validateForm(request, castSchema, formData);
    if (!form.ok) return refused(form.errors, form.values);
    const result = castDecidingVote({
      edition,
      actorId: user.id,
      memberId: seat.memberId,
      chosen: idsFrom(form.values, CAST_PREFIX),
    });
    if (!result.ok)
      return data(
        { errors: fieldError(result.field, result.error, result.vars), values: form.values },
        { status: 400 },
      );
    return redirect(`${back}?cast=1`);
  }
  if (intent === "close" || intent === "recommend") {
    authorize(user, "ballot.chair", { editionId: edition.id });
    if (intent === "close") {
      const refusal = await closeVotePost(request, formData, { intent, editionId: edition.id, actorId: user.id });
      return refusal ?? redirect(`${back}?closed=1`);
    }
    const count = edition.laureateCount;
    const form = await validateForm(request, recommendationSchema(count), formData);
    if (!form.ok) return refused(form.errors, form.values);
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
      chairMemberId: seat.memberId,
      order,
      citations,
      minutes: String(form.values.minutes).trim(),
      minutesTally: minutesTallyOf(edition.id, user.locale),
      minutesFairness: await fairnessMinutesOf({ edition, locale: user.locale }),
      seen: seenRecommendation(formData.get("seen")),
    });
    if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
    return redirect(`${back}?recommended=1`);
  }
  const form = await validateForm(request, ballotSchema, formData);
  if (!form.ok) return refused(form.errors, form.values);
  const ranks = Object.fromEntries(
    idsFrom(form.values, RANK_PREFIX).map((id) => [id, Number(form.values[`${RANK_PREFIX}${id}`])]),
  );
  const result = submitBallot({ editionId: edition.id, memberId: seat.memberId, actorId: user.id, ranks });
  // Closed while the juror ranked: the ballot form is no longer on the page to hold the error, so
  // the page says it above the outcome (409: the vote met a ballot in another state).
  if (!result.ok && result.error === "errors.ballot_closed") return data({ tooLate: true as const }, { status: 409 });
  if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
  return redirect(`${back}?voted=1`);
});

/** The recommendation the chair's page showed (when it was recorded, ms; 0: none), or undefined if not posted. */
function seenRecommendation(value: FormDataEntryValue | null): number | undefined {
  const ms = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** A juror's ranking of some applications, one number field each: the ballot and the run-off alike. */
function RankingForm({
  id,
  intent,
  result,
  ranks,
  prefix,
  apps,
  schema,
  submit,
}: {
  id: string;
  intent: string;
  result: FormResult | null | undefined;
  ranks: Record<string, string>;
  prefix: string;
  apps: { id: string; reference: string; title: string }[];
  schema: SchemaLoader;
  submit: string;
}) {
  const t = useT();
  return (
    <ValidatedForm id={id} intent={intent} result={result} defaultValues={ranks} schema={schema}>
      <div id={`${id}-${id}`} tabIndex={-1}>
        {apps.map((a) => (
          <TextField
            key={a.id}
            name={`${prefix}${a.id}`}
            type="number"
            label={t("results.ballot_rank_label", { reference: a.reference, title: shownPseudonym(a.title, t) })}
          />
        ))}
      </div>
      <SubmitButton>{submit}</SubmitButton>
    </ValidatedForm>
  );
}

export default function Ballot() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const tooLate = !!answer && "tooLate" in answer;
  const result = answer && !("tooLate" in answer) ? answer : undefined;
  const [params] = useSearchParams();
  const pending = d.view?.tieBreak?.status === "awaiting_cast" || d.view?.tieBreak?.status === "runoff_open";
  const notice = params.get("voted")
    ? "results.ballot_saved"
    : params.get("closed")
      ? "results.ballot_closed_notice"
      : tooLate
        ? "results.ballot_closed_before_vote"
        : params.get("recommended")
          ? "results.recommendation_saved"
          : params.get("runoff_voted")
            ? "deliberation.runoff_saved"
            : params.get("runoff_closed")
              ? "deliberation.runoff_closed_notice"
              : params.get("cast")
                ? "deliberation.cast_saved"
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
          {d.view.withheld > 0 ? (
            <p className="panel">{t("results.ballot_withheld", { count: d.view.withheld })}</p>
          ) : null}
          {/* Just voted, the notice above says it already. */}
          {d.voted && notice !== "results.ballot_saved" ? <p className="panel">{t("results.ballot_already")}</p> : null}
          <RankingForm
            id="ballot"
            intent="vote"
            result={result}
            ranks={d.ranks}
            prefix={RANK_PREFIX}
            apps={d.view.shortlist}
            schema={() => import("../results/forms/deliberation").then((m) => m.ballotSchema)}
            submit={t("results.ballot_submit")}
          />
          {d.view.tieBreak ? (
            <>
              <h2>{t("deliberation.tie_break_title")}</h2>
              <p>{t("deliberation.tie_break_ballot_open")}</p>
              <TieBreakFacts tb={d.view.tieBreak} />
            </>
          ) : null}
          {d.isChair ? (
            <>
              <h2>{t("results.votes_title")}</h2>
              <ul>
                {d.view.status.map((s, i) => (
                  <li key={i}>
                    <ShownName text={s.label ?? ""} />
                    {s.self ? ` (${t("results.you")})` : ""} — {s.voted ? t("results.voted") : t("results.not_voted")}
                  </li>
                ))}
              </ul>
              <CloseBallotForm result={result} secondary />
            </>
          ) : null}
        </>
      ) : (
        <>
          <h2>{t("results.outcome_title")}</h2>
          {d.view.outcome ? <OutcomeTable rows={d.view.outcome.rows} ballots={d.view.outcome.ballots} /> : null}
          <h2>{t("deliberation.tie_break_title")}</h2>
          {d.view.tieBreak ? <TieBreakSummary tb={d.view.tieBreak} /> : <p>{t("deliberation.tie_break_none")}</p>}
          <TieBreakVotes result={result} />
          {d.view.tieBreak?.runoff?.tally ? (
            <TallyTables tally={d.view.tieBreak.runoff.tally} heading={t("deliberation.runoff_tally_title")} />
          ) : null}
          {d.view.tally ? <TallyTables tally={d.view.tally} heading={t("deliberation.tally_title")} /> : null}
          {d.isChair && !d.decided && !pending && (d.view.outcome?.withheldPlaces.length ?? 0) > 0 ? (
            <p className="panel" data-recommendation="not-the-chair's">
              {t("deliberation.chair_conflicted_recommendation", {
                places: formatList(d.view.outcome!.withheldPlaces.map(String), t.locale),
              })}
            </p>
          ) : d.isChair && !d.decided && !pending ? (
            <>
              <h2>{t("results.recommendation_title")}</h2>
              <p>{t("results.recommendation_help")}</p>
              <ValidatedForm
                intent="recommend"
                result={result}
                schema={() =>
                  import("../results/forms/deliberation").then((m) => m.recommendationSchema(d.edition.laureateCount))
                }
                defaultValues={{
                  ...Object.fromEntries(
                    (d.view.outcome?.rows ?? [])
                      .filter((r) => !r.withheld)
                      .slice(0, d.edition.laureateCount)
                      .map((r, i) => [`choice_${i + 1}`, r.id]),
                  ),
                  ...d.recommendation,
                }}
                labels={Object.fromEntries(
                  Array.from({ length: d.edition.laureateCount }, (_, i) => {
                    const group = t("results.recommendation_place", { n: i + 1 });
                    const named = (name: string, key: string) => [name, t("fields.in_group", { group, field: t(key) })];
                    return [
                      named(`choice_${i + 1}`, "results.recommendation_choice"),
                      ...CITATION_LANGUAGES.map((lang) =>
                        named(`citation_${lang}_${i + 1}`, `results.citation_${lang}`),
                      ),
                    ];
                  }).flat(),
                )}
              >
                {Array.from({ length: d.edition.laureateCount }, (_, i) => (
                  <fieldset className="field" key={i}>
                    <legend>{t("results.recommendation_place", { n: i + 1 })}</legend>
                    <SelectField
                      name={`choice_${i + 1}`}
                      label={t("results.recommendation_choice")}
                      placeholder={t("fields.choose")}
                      options={d.view!.shortlist.map((a) => ({
                        value: a.id,
                        label: `${a.reference} — ${shownPseudonym(a.title, t)}`,
                      }))}
                    />
                    {CITATION_LANGUAGES.map((lang) => (
                      <TextArea
                        key={lang}
                        name={`citation_${lang}_${i + 1}`}
                        label={t(`results.citation_${lang}`)}
                        rows={3}
                      />
                    ))}
                  </fieldset>
                ))}
                <TextArea name="minutes" label={t("results.minutes")} rows={6} />
                {d.fairness ? (
                  <section aria-labelledby="fairness-summary">
                    <h3 id="fairness-summary">{t("deliberation.minutes_fairness")}</h3>
                    <p>{t("deliberation.minutes_fairness_preview")}</p>
                    <p lang={d.fairness.lang} dir="auto" className="panel results-minutes">
                      {d.fairness.text}
                    </p>
                  </section>
                ) : null}
                {/* Which recommendation this page showed: one recorded since in another tab is not replaced unseen. */}
                <input type="hidden" name="seen" value={String(d.recommended ?? 0)} />
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

/** The chair's casting vote and the run-off ballot, when the rule calls for them. */
function TieBreakVotes({ result }: { result: FormResult | undefined }) {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const view = d.view!;
  return (
    <>
      {view.cast ? (
        <>
          <h3>{t("deliberation.cast_title")}</h3>
          <p>{t("deliberation.cast_help", { count: view.cast.places })}</p>
          <ValidatedForm
            intent="cast"
            result={result}
            schema={() => import("../results/forms/deliberation").then((m) => m.castSchema)}
          >
            <fieldset className="field" id="cast-cast">
              <legend>{t("deliberation.cast_legend")}</legend>
              {view.cast.apps.map((a) => (
                <Checkbox
                  key={a.id}
                  name={`${CAST_PREFIX}${a.id}`}
                  label={`${a.reference} — ${shownPseudonym(a.title, t)}`}
                />
              ))}
            </fieldset>
            <SubmitButton>{t("deliberation.cast_submit")}</SubmitButton>
          </ValidatedForm>
        </>
      ) : null}
      {view.runoff?.open ? (
        <>
          <h3>{t("deliberation.runoff_title")}</h3>
          {view.runoff.apps.length < 2 ? (
            <p className="panel">{t("deliberation.runoff_excluded")}</p>
          ) : (
            <>
              <p>{t("deliberation.runoff_help")}</p>
              {Object.keys(d.runoffRanks).length > 0 ? (
                <p className="panel">{t("deliberation.runoff_already")}</p>
              ) : null}
              <RankingForm
                id="runoff"
                intent="runoff"
                result={result}
                ranks={d.runoffRanks}
                prefix={RUNOFF_PREFIX}
                apps={view.runoff.apps}
                schema={() => import("../results/forms/deliberation").then((m) => m.runoffBallotSchema)}
                submit={t("deliberation.runoff_submit")}
              />
            </>
          )}
          {d.isChair ? <CloseRunoffForm result={result} voters={view.runoff.voters} /> : null}
        </>
      ) : null}
    </>
  );
}
