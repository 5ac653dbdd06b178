import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { found, requireSecretariat, UNADVERTISED } from "../accounts/server/permissions.server";
import { Checkbox, resultForIntent, SubmitButton, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { ResultsStepHeader } from "../results/components/steps";
import { OutcomeTable } from "../results/components/outcome";
import { closeBallotSchema, idsFrom, openDeliberationSchema } from "../results/server/forms.server";
import { SHORTLIST_PREFIX } from "../results/forms/results-fields";
import { fieldError, readForm, validateForm } from "../kernel/forms/validate.server";
import { closeBallot, openDeliberation } from "../results/models/deliberation.server";
import { editionResults, getEditionBrief, scoringClosed } from "../results/models/results.server";
import { deliberationView } from "../results/server/deliberation-view.server";
import resultsCss from "../styles/results.css";

export const handle = { title: "results.deliberation_title" };
export const links = () => [{ rel: "stylesheet", href: resultsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSecretariat(request, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const view = deliberationView({ editionId: edition.id, names: true });
  let candidates: { id: string; reference: string; title: string; rank: number; checked: boolean }[] = [];
  if (!view && scoringClosed(edition)) {
    const r = editionResults({ edition, viewer: { kind: "secretariat", userId: user.id } });
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
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSecretariat(request, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "close") {
    const form = await validateForm(request, closeBallotSchema, formData);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const result = closeBallot({ editionId: edition.id, actorId: user.id });
    if (!result.ok)
      return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
    return redirect(`/secretariat/editions/${edition.id}/deliberation?closed=1`);
  }
  const form = await validateForm(request, openDeliberationSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = openDeliberation({ edition, actorId: user.id, shortlist: idsFrom(form.values, SHORTLIST_PREFIX) });
  if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
  return redirect(`/secretariat/editions/${edition.id}/deliberation?opened=1`);
}

export default function SecretariatDeliberation() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/secretariat/editions/${d.edition.id}`;
  return (
    <>
      <ResultsStepHeader
        editionId={d.edition.id}
        heading={t("results.deliberation_heading", { year: d.edition.year })}
        current="deliberation"
        notices={[
          ["opened", "results.deliberation_opened"],
          ["closed", "results.ballot_closed_notice"],
        ]}
      />
      {!d.closed ? (
        <p className="panel">{t("results.deliberation_wait")}</p>
      ) : !d.view ? (
        d.candidates.length === 0 ? (
          <p className="panel">{t("results.no_reviews")}</p>
        ) : (
          <>
            <h2>{t("results.shortlist_title")}</h2>
            <p>{t("results.shortlist_help")}</p>
            <ValidatedForm
              id="open"
              result={resultForIntent(result, "open")}
              schema={() => import("../results/forms/deliberation").then((m) => m.openDeliberationSchema)}
              defaultValues={Object.fromEntries(
                d.candidates.filter((c) => c.checked).map((c) => [`${SHORTLIST_PREFIX}${c.id}`, "on"]),
              )}
            >
              <input type="hidden" name="intent" value="open" />
              <fieldset className="field" id="open-shortlist">
                <legend>{t("results.shortlist_legend")}</legend>
                {d.candidates.map((c) => (
                  <Checkbox
                    key={c.id}
                    name={`${SHORTLIST_PREFIX}${c.id}`}
                    label={t("results.shortlist_item", { rank: c.rank, reference: c.reference, title: c.title })}
                  />
                ))}
              </fieldset>
              <SubmitButton>{t("results.open_deliberation")}</SubmitButton>
            </ValidatedForm>
          </>
        )
      ) : (
        <>
          <h2>{t("results.shortlist_title")}</h2>
          <ul>
            {d.view.shortlist.map((a) => (
              <li key={a.id}>
                {a.reference} <bdi>{a.title}</bdi>
              </li>
            ))}
          </ul>
          <h2>{t("results.votes_title")}</h2>
          <ul>
            {d.view.status.map((s, i) => (
              <li key={i}>
                <bdi>{s.label}</bdi>
                {s.isChair ? ` (${t("results.chair")})` : ""} — {s.voted ? t("results.voted") : t("results.not_voted")}
              </li>
            ))}
          </ul>
          {d.view.outcome ? (
            <>
              <h2>{t("results.outcome_title")}</h2>
              <OutcomeTable rows={d.view.outcome.rows} ballots={d.view.outcome.ballots} />
              <p>
                <Link to={`${base}/decision`}>{t("results.go_decision")}</Link>
              </p>
            </>
          ) : (
            <>
              <h2>{t("results.close_title")}</h2>
              <ValidatedForm
                id="close"
                result={resultForIntent(result, "close")}
                schema={() => import("../results/forms/deliberation").then((m) => m.closeBallotSchema)}
              >
                <input type="hidden" name="intent" value="close" />
                <Checkbox name="confirm" label={t("results.close_confirm")} />
                <SubmitButton>{t("results.close_submit")}</SubmitButton>
              </ValidatedForm>
            </>
          )}
        </>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
