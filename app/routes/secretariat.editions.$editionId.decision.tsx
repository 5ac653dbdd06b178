import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { found, requireSecretariat, UNADVERTISED } from "../accounts/server/permissions.server";
import { Checkbox, SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { ResultsStepHeader } from "../results/components/steps";
import { ApplicationList } from "../results/components/deliberation";
import { decisionSchema, idsFrom } from "../results/server/forms.server";
import { LAUREATE_PREFIX } from "../results/forms/results-fields";
import { parisDateToInstant, parisLocalToInstant } from "../kernel/domain/paris-time";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import type { FieldErrors } from "../kernel/forms/errors";
import { formatDate, formatDateTime, formatList } from "../kernel/i18n";
import { decisionSummary, recordDecision } from "../results/models/decision.server";
import { chairConflictedWith, getDeliberation, voteLaureatePlaces } from "../results/models/deliberation.server";
import { getEditionBrief, listResultApplications } from "../results/models/results.server";
import { officialCertificateView } from "../results/server/certificate-view.server";
import { CertificatePanel } from "../results/components/certificate";
import resultsCss from "../styles/results.css";
import { routeHead } from "../kernel/components/route-head";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { ShownName, shownPseudonym } from "../kernel/components/i18n";

export const { handle, links } = routeHead("results.decision_title", resultsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSecretariat(request, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const decision = decisionSummary({ editionId: edition.id });
  const deliberation = getDeliberation({ editionId: edition.id });
  const apps = listResultApplications({ editionId: edition.id });
  const byId = new Map(apps.map((a) => [a.id, a]));
  const candidateIds = deliberation?.shortlist ?? apps.map((a) => a.id);
  const name = (id: string) => ({ id, reference: byId.get(id)?.reference ?? "", title: byId.get(id)?.title ?? "" });
  const votePlaces = decision?.decidedAt ? null : voteLaureatePlaces({ edition });
  const recommended = new Set(decision?.recommendation ?? []);
  return {
    // The vote's laureate places, and what a recommendation leaves out of them: the secretariat
    // decides knowing where the recommendation departs from the jury's vote.
    vote: votePlaces
      ? {
          places: votePlaces.map(name),
          leftOut: decision?.recommendation ? votePlaces.filter((id) => !recommended.has(id)).map(name) : [],
          chairConflicted: chairConflictedWith({ editionId: edition.id, places: votePlaces }),
        }
      : null,
    certificate: await officialCertificateView(edition, user.id),
    edition: { id: edition.id, year: edition.year, phase: edition.phase, laureateCount: edition.laureateCount },
    candidates: candidateIds.filter((id) => byId.has(id)).map(name),
    recommendation:
      decision?.recommendation?.map((id) => ({ ...name(id), citation: decision.citations?.[id] ?? null })) ?? null,
    minutes: decision?.minutes ?? null,
    minutesTally: decision?.minutesTally ?? null,
    minutesFairness: decision?.minutesFairness ?? null,
    decided: decision?.decidedAt
      ? {
          laureates: (decision.laureates ?? []).map(name),
          decisionDate: decision.decisionDate!.getTime(),
          sha256: decision.snapshotSha256 ?? "",
          announcementAt: decision.announcementAt!.getTime(),
          announcedAt: decision.announcedAt?.getTime() ?? null,
        }
      : null,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const form = await validateForm(request, decisionSchema);
  // Every mistake of the post at once, each on its field (the schema's, then the instants' and the
  // count's): the record itself checks them again.
  const now = Date.now();
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const text = (name: string) => (typeof form.values[name] === "string" ? (form.values[name] as string) : "");
  const decisionDate = errors.decisionDate ? null : parisDateToInstant(text("decisionDate"));
  if (!errors.decisionDate) {
    if (!decisionDate) Object.assign(errors, fieldError("decisionDate", "errors.decision_date_invalid"));
    else if (decisionDate.getTime() > now + 864e5)
      Object.assign(errors, fieldError("decisionDate", "errors.decision_date_future"));
  }
  const announcementAt = errors.announcementAt ? null : parisLocalToInstant(text("announcementAt"));
  if (!errors.announcementAt) {
    if (!announcementAt) Object.assign(errors, fieldError("announcementAt", "errors.announcement_invalid"));
    else if (announcementAt.getTime() <= now)
      Object.assign(errors, fieldError("announcementAt", "errors.announcement_past"));
  }
  const laureates = idsFrom(form.values, LAUREATE_PREFIX);
  // The Director-General may choose another number than the edition plans, but a decision cannot
  // be undone: a number that differs is confirmed as such, in a second step the page then shows.
  if (laureates.length > 0 && laureates.length !== edition.laureateCount && form.values.countConfirm !== "on")
    Object.assign(
      errors,
      fieldError("countConfirm", "errors.decision_count_differs", {
        count: laureates.length,
        planned: edition.laureateCount,
      }),
    );
  if (!form.ok || !decisionDate || !announcementAt || Object.keys(errors).length > 0)
    return refused(errors, form.values);
  const result = await recordDecision({
    edition,
    actorId: user.id,
    laureates,
    decisionDate,
    announcementAt,
  });
  if (!result.ok) return refused(fieldError(result.field, result.error, result.vars), form.values);
  return redirect(`/secretariat/editions/${edition.id}/decision?decided=1`);
});

export default function Decision() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ResultsStepHeader edition={d.edition} current="decision" notices={[["decided", "results.decision_saved"]]} />
      <h2>{t("results.recommendation_title")}</h2>
      {d.recommendation ? (
        <>
          <ol>
            {d.recommendation.map((r) => (
              <li key={r.id}>
                {r.reference} <ShownName text={r.title} />
                {r.citation ? (
                  <blockquote className="results-citation">
                    <p lang="en" dir="auto">
                      {r.citation.en}
                    </p>
                    <p lang="fr" dir="auto">
                      {r.citation.fr}
                    </p>
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ol>
          <h3>{t("results.minutes")}</h3>
          <p dir="auto" className="panel">
            {d.minutes}
          </p>
          {d.minutesTally ? (
            <>
              <h3>{t("deliberation.minutes_tally")}</h3>
              <p dir="auto" className="panel results-minutes">
                {d.minutesTally}
              </p>
            </>
          ) : null}
          {d.minutesFairness ? (
            <>
              <h3>{t("deliberation.minutes_fairness")}</h3>
              <p dir="auto" className="panel results-minutes" id="minutes-fairness">
                {d.minutesFairness}
              </p>
            </>
          ) : null}
        </>
      ) : d.vote?.chairConflicted ? null : (
        <p className="panel">{t("results.recommendation_none")}</p>
      )}
      {d.vote ? (
        <section className="panel" aria-labelledby="vote-places" data-vote-places>
          <h3 id="vote-places">{t("results.vote_places")}</h3>
          <ApplicationList applications={d.vote.places} />
          {d.vote.leftOut.length > 0 ? (
            <p className="notice" role="note">
              {t("results.recommendation_departs", {
                references: formatList(
                  d.vote.leftOut.map((a) => a.reference),
                  t.locale,
                ),
              })}
            </p>
          ) : null}
          {!d.recommendation && d.vote.chairConflicted ? <p>{t("results.chair_conflicted_vote")}</p> : null}
        </section>
      ) : null}
      {d.certificate.certificate ? (
        <CertificatePanel data={d.certificate.certificate} />
      ) : d.certificate.state === "not_yet" ? (
        <section aria-labelledby="certificate" className="panel">
          <h2 id="certificate">{t("certificate.title")}</h2>
          <p>{t("certificate.not_yet")}</p>
        </section>
      ) : null}
      <h2>{t("results.decision_record_title")}</h2>
      {d.decided ? (
        <dl className="summary">
          <dt>{t("results.decision_laureates")}</dt>
          <dd>
            <ApplicationList applications={d.decided.laureates} />
          </dd>
          <dt>{t("results.decision_date")}</dt>
          <dd>{formatDate(d.decided.decisionDate, t.locale)}</dd>
          <dt>{t("results.announcement_at")}</dt>
          <dd>{t("results.paris_time", { date: formatDateTime(d.decided.announcementAt, t.locale) })}</dd>
          <dt>{t("results.announcement_state")}</dt>
          <dd>
            {d.decided.announcedAt
              ? t("results.announced_on", { date: formatDateTime(d.decided.announcedAt, t.locale) })
              : t("results.embargoed")}
          </dd>
          <dt>{t("results.snapshot")}</dt>
          <dd>
            <code className="results-hash">{d.decided.sha256}</code>{" "}
            <a href={`/secretariat/editions/${d.edition.id}/decision/snapshot`} download>
              {t("results.snapshot_download")}
            </a>
          </dd>
        </dl>
      ) : d.candidates.length === 0 ? (
        <p className="panel">{t("results.no_reviews")}</p>
      ) : (
        <>
          <p>{t("results.decision_help")}</p>
          <ValidatedForm
            id="decide"
            schema={() => import("../results/forms/deliberation").then((m) => m.decisionSchema)}
            result={result}
            defaultValues={Object.fromEntries(
              (d.recommendation ?? (d.vote?.chairConflicted ? d.vote.places : [])).map((r) => [
                `${LAUREATE_PREFIX}${r.id}`,
                "on",
              ]),
            )}
          >
            <input type="hidden" name="intent" value="decide" />
            <fieldset className="field" id="decide-laureates">
              <legend>{t("results.decision_laureates")}</legend>
              {d.candidates.map((c) => (
                <Checkbox
                  key={c.id}
                  name={`${LAUREATE_PREFIX}${c.id}`}
                  label={`${c.reference} — ${shownPseudonym(c.title, t)}`}
                />
              ))}
            </fieldset>
            <TextField
              name="decisionDate"
              type="text"
              label={t("results.decision_date")}
              hint={t("results.decision_date_hint")}
            />
            <TextField
              name="announcementAt"
              type="datetime-local"
              label={t("results.announcement_at")}
              hint={t("results.announcement_hint")}
            />
            {result?.errors?.countConfirm || result?.values?.countConfirm ? (
              <Checkbox name="countConfirm" label={t("results.decision_count_confirm")} />
            ) : null}
            <Checkbox name="confirm" label={t("results.decision_confirm")} />
            <SubmitButton>{t("results.decision_submit")}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  );
}

export { ResultsErrorBoundary as ErrorBoundary } from "../results/components/labels";
