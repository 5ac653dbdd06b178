import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { found, requireSecretariat, UNADVERTISED } from "../accounts/server/permissions.server";
import { Checkbox, SubmitButton, ValidatedForm } from "../kernel/components/form";
import { PostForm, ShownName, shownPseudonym, useT } from "../kernel/components/i18n";
import { CloseScoringNow, ResultsStepHeader } from "../results/components/steps";
import { OutcomeTable } from "../results/components/outcome";
import { idsFrom, openDeliberationSchema, tieBreakSchema } from "../results/server/forms.server";
import { SHORTLIST_PREFIX } from "../results/forms/results-fields";
import { fieldError, formValues, keptValues, readForm, refused, validateForm } from "../kernel/forms/validate.server";
import { getDeliberation, openDeliberation, previewOpening } from "../results/models/deliberation.server";
import { getEditionBrief, pendingResults, scoringClosed } from "../results/models/results.server";
import { briefly } from "../kernel/server/computing.server";
import { deliberationView, tieBreakChoice } from "../results/server/deliberation-view.server";
import { chooseTieBreak } from "../results/models/tie-break.server";
import { TallyTables, TieBreakFacts, TieBreakRadios, TieBreakSummary } from "../results/components/tally";
import resultsCss from "../styles/results.css";
import { routeHead } from "../kernel/components/route-head";
import { closeVotePost } from "../results/server/close-ballot.server";
import { ApplicationList, CloseBallotForm, CloseRunoffForm } from "../results/components/deliberation";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { siteOrigin } from "../kernel/server/site.server";
import { RULE_LABEL } from "../results/domain/tally";
import type { TieBreakRule } from "../../db/enums";

export const { handle, links } = routeHead("results.deliberation_title", resultsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSecretariat(request, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const view = deliberationView({ editionId: edition.id, names: true });
  let candidates: { id: string; reference: string; title: string; rank: number; checked: boolean }[] = [];
  if (!view && scoringClosed(edition)) {
    const r = await briefly(pendingResults({ edition, viewer: { kind: "secretariat", userId: user.id } }));
    const n = Math.max(edition.laureateCount * 2, 5);
    candidates = (r.results?.applications ?? []).map((a, i) => ({
      id: a.applicationId,
      reference: r.applications.get(a.applicationId)?.reference ?? "",
      title: r.applications.get(a.applicationId)?.title ?? "",
      rank: a.rank,
      checked: i < n,
    }));
  }
  return {
    edition: { id: edition.id, year: edition.year, phase: edition.phase },
    closed: scoringClosed(edition),
    view,
    candidates,
    tieBreak: view ? null : tieBreakChoice({ editionId: edition.id }),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "tiebreak") {
    const form = await validateForm(request, tieBreakSchema, formData);
    if (!form.ok) return refused(form.errors, form.values);
    const seenAt = String(formData.get("seen") ?? "");
    const seen = /^\d{1,15}$/.test(seenAt) ? Number(seenAt) : undefined;
    const result = chooseTieBreak({ edition, actorId: user.id, rule: form.data.tieBreak, seen });
    if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
    return redirect(`/secretariat/editions/${edition.id}/deliberation?rule=1`);
  }
  if (intent === "close" || intent === "close_runoff") {
    const refusal = await closeVotePost(request, formData, { intent, editionId: edition.id, actorId: user.id });
    const notice = intent === "close" ? "closed" : "runoff_closed";
    return refusal ?? redirect(`/secretariat/editions/${edition.id}/deliberation?${notice}=1`);
  }
  // Back from the confirmation to the shortlist form, with the choices it was sent.
  if (intent === "edit") return { values: keptValues(formValues(formData)) };
  // A second opening (another tab, a colleague) finds the ballot open: the page says so, as it is.
  if (getDeliberation({ editionId: edition.id }))
    return redirect(`/secretariat/editions/${edition.id}/deliberation?already_open=1`);
  const form = await validateForm(request, openDeliberationSchema, formData);
  if (!form.ok) return refused(form.errors, form.values);
  const opening = { edition, shortlist: idsFrom(form.values, SHORTLIST_PREFIX), rule: form.data.tieBreak };
  // Nothing changes the shortlist or the rule once the ballot is open: a first post shows what
  // opening will do, and only the second, from that page, opens it.
  if (form.data.intent === "check") {
    const preview = previewOpening(opening);
    if (!preview.ok) return refused(fieldError(preview.field, preview.error, preview.vars), form.values);
    const { shortlist, rule, mailed, notMailed } = preview;
    return { confirm: { shortlist, rule, mailed, notMailed }, values: form.values };
  }
  const result = openDeliberation({ ...opening, actorId: user.id, origin: siteOrigin() });
  if (!result.ok) return refused(fieldError(result.field, result.error, result.vars), form.values);
  return redirect(`/secretariat/editions/${edition.id}/deliberation?opened=1`);
});

export default function SecretariatDeliberation() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/secretariat/editions/${d.edition.id}`;
  const confirm = result && "confirm" in result ? result.confirm : null;
  // Choices sent back (from the confirmation, or refused) replace the default ticks: a box they
  // leave unticked must not come back ticked.
  const sent = result && "values" in result && !confirm ? result.values : null;
  return (
    <>
      <ResultsStepHeader
        edition={d.edition}
        current="deliberation"
        notices={[
          ["opened", "results.deliberation_opened"],
          ["already_open", "results.deliberation_already_open"],
          ["closed", "results.ballot_closed_notice"],
          ["rule", "deliberation.tie_break_saved"],
          ["runoff_closed", "deliberation.runoff_closed_notice"],
        ]}
      />
      {!d.closed ? (
        <>
          <p className="panel">{t("results.deliberation_wait")}</p>
          <CloseScoringNow edition={d.edition} />
          <h2>{t("deliberation.tie_break_title")}</h2>
          <p>{t("deliberation.tie_break_early")}</p>
          {d.tieBreak ? <TieBreakFacts tb={d.tieBreak} /> : null}
          <ValidatedForm
            intent="tiebreak"
            result={result}
            schema={() => import("../results/forms/deliberation").then((m) => m.tieBreakSchema)}
            defaultValues={d.tieBreak ? { tieBreak: d.tieBreak.rule } : {}}
          >
            <TieBreakRadios />
            {/* Which rule this page showed: one chosen since in another tab is not replaced unseen. */}
            <input type="hidden" name="seen" value={String(d.tieBreak?.chosenAt ?? 0)} />
            <SubmitButton secondary>{t("deliberation.tie_break_save")}</SubmitButton>
          </ValidatedForm>
        </>
      ) : !d.view ? (
        d.candidates.length === 0 ? (
          <p className="panel">{t("results.no_reviews")}</p>
        ) : confirm ? (
          <OpeningConfirmation confirm={confirm} candidates={d.candidates} />
        ) : (
          <>
            <h2>{t("results.shortlist_title")}</h2>
            <p>{t("results.shortlist_help")}</p>
            <ValidatedForm
              // Answers come back with the intent of either post ("check", or "open" refused after
              // its confirmation): no other form is on the page with this one.
              id="open"
              result={result}
              schema={() => import("../results/forms/deliberation").then((m) => m.openDeliberationSchema)}
              defaultValues={
                sent
                  ? {}
                  : {
                      ...Object.fromEntries(
                        d.candidates.filter((c) => c.checked).map((c) => [`${SHORTLIST_PREFIX}${c.id}`, "on"]),
                      ),
                    }
              }
            >
              <input type="hidden" name="intent" value="check" />
              <fieldset className="field" id="open-shortlist">
                <legend>{t("results.shortlist_legend")}</legend>
                {d.candidates.map((c) => (
                  <Checkbox
                    key={c.id}
                    name={`${SHORTLIST_PREFIX}${c.id}`}
                    label={t("results.shortlist_item", {
                      rank: c.rank,
                      reference: c.reference,
                      title: shownPseudonym(c.title, t),
                    })}
                  />
                ))}
              </fieldset>
              {d.tieBreak ? (
                <>
                  {/* The error summary's link for the rule (a forged post) lands here. */}
                  <h3 id="open-tieBreak">{t("deliberation.tie_break_title")}</h3>
                  <p>{t("deliberation.tie_break_fixed_before")}</p>
                  <TieBreakFacts tb={d.tieBreak} />
                  <input type="hidden" name="tieBreak" value={d.tieBreak.rule} />
                </>
              ) : (
                <TieBreakRadios />
              )}
              <SubmitButton>{t("results.open_deliberation")}</SubmitButton>
            </ValidatedForm>
          </>
        )
      ) : (
        <>
          <h2>{t("results.shortlist_title")}</h2>
          <ApplicationList applications={d.view.shortlist} />
          {!d.view.outcome && d.view.tieBreak ? (
            <>
              <h2>{t("deliberation.tie_break_title")}</h2>
              <p>{t("deliberation.tie_break_ballot_open")}</p>
              <TieBreakFacts tb={d.view.tieBreak} />
            </>
          ) : null}
          <h2>{t("results.votes_title")}</h2>
          <ul>
            {d.view.status.map((s, i) => (
              <li key={i}>
                <ShownName text={s.label ?? ""} />
                {s.isChair ? ` (${t("results.chair")})` : ""} — {s.voted ? t("results.voted") : t("results.not_voted")}
              </li>
            ))}
          </ul>
          {d.view.outcome ? (
            <>
              <h2>{t("results.outcome_title")}</h2>
              <OutcomeTable rows={d.view.outcome.rows} ballots={d.view.outcome.ballots} />
              <h2>{t("deliberation.tie_break_title")}</h2>
              {d.view.tieBreak ? <TieBreakSummary tb={d.view.tieBreak} /> : <p>{t("deliberation.tie_break_none")}</p>}
              {d.view.runoff?.open ? <CloseRunoffForm result={result} voters={d.view.runoff.voters} /> : null}
              {d.view.tieBreak?.runoff?.tally ? (
                <TallyTables tally={d.view.tieBreak.runoff.tally} heading={t("deliberation.runoff_tally_title")} />
              ) : null}
              {d.view.tally ? <TallyTables tally={d.view.tally} heading={t("deliberation.tally_title")} /> : null}
              <p>
                <Link to={`${base}/decision`}>{t("results.go_decision")}</Link>
              </p>
            </>
          ) : (
            <>
              <CloseBallotForm result={result} />
            </>
          )}
        </>
      )}
    </>
  );
}

/**
 * What opening the deliberation will do, to confirm: the shortlist and the rule it fixes for good,
 * the jurors it e-mails. The confirming form carries the same choices again.
 */
function OpeningConfirmation({
  confirm,
  candidates,
}: {
  confirm: { shortlist: string[]; rule: TieBreakRule; mailed: string[]; notMailed: number };
  candidates: { id: string; reference: string; title: string; rank: number }[];
}) {
  const t = useT();
  const fields: Record<string, string> = { tieBreak: confirm.rule };
  for (const id of confirm.shortlist) fields[`${SHORTLIST_PREFIX}${id}`] = "on";
  return (
    <>
      <h2>{t("results.open_confirm_title")}</h2>
      <p>{t("results.open_confirm_shortlist")}</p>
      <ul>
        {candidates
          .filter((c) => confirm.shortlist.includes(c.id))
          .map((c) => (
            <li key={c.id}>
              {t("results.shortlist_item", { rank: c.rank, reference: c.reference, title: shownPseudonym(c.title, t) })}
            </li>
          ))}
      </ul>
      <p>{t("results.open_confirm_rule", { rule: t(RULE_LABEL[confirm.rule]) })}</p>
      <p className="notice">{t("results.open_confirm_final")}</p>
      {confirm.mailed.length > 0 ? (
        <>
          <p>{t("results.open_confirm_mailed")}</p>
          <ul>
            {confirm.mailed.map((name, i) => (
              <li key={i}>
                <bdi>{name}</bdi>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("results.open_confirm_no_juror")}</p>
      )}
      {confirm.notMailed > 0 ? <p>{t("results.open_confirm_not_mailed", { count: confirm.notMailed })}</p> : null}
      <PostForm place="open-confirm">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="button-row">
          <button type="submit" name="intent" value="open" className="button">
            {t("results.open_confirm_submit")}
          </button>
          <button type="submit" name="intent" value="edit" className="button secondary">
            {t("results.open_confirm_edit")}
          </button>
        </div>
      </PostForm>
    </>
  );
}

export { ResultsErrorBoundary as ErrorBoundary } from "../results/components/labels";
