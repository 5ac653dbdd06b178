import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireSecretariat, UNADVERTISED } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { CloseScoringNow, ResultsStepHeader, ThemeLead } from "../results/components/steps";
import { ResultsView, type WhatIfResult } from "../results/components/view";
import { formatDateTime } from "../kernel/i18n";
import { resultsAccess, resultsLoaderData, whatIfAction } from "../results/server/route.server";
import resultsCss from "../styles/results.css";
import { routeHead } from "../kernel/components/route-head";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("results.title", resultsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSecretariat(request, UNADVERTISED);
  return resultsLoaderData({
    request,
    ...resultsAccess({ user, editionId: params.editionId ?? "", as: "secretariat" }),
  });
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request, UNADVERTISED);
  return whatIfAction({ request, ...resultsAccess({ user, editionId: params.editionId ?? "", as: "secretariat" }) });
});

export default function SecretariatResults() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const whatIf = useActionData<typeof action>() as WhatIfResult | undefined;
  const base = `/secretariat/editions/${d.edition.id}`;
  return (
    <>
      <ResultsStepHeader edition={d.edition} current="results" lead={<ThemeLead edition={d.edition} />} />
      {!d.closed ? (
        <>
          <p className="panel">{t("results.not_closed", { date: formatDateTime(d.scoringClosesAt, t.locale) })}</p>
          <CloseScoringNow edition={d.edition} />
        </>
      ) : d.results ? (
        <>
          {d.results.problem ? null : (
            <p className="button-row">
              <a href={`${base}/results/export/csv`} className="button secondary" download>
                {t("results.export_csv")}
              </a>
              <a href={`${base}/results/export/xlsx`} className="button secondary" download>
                {t("results.export_xlsx")}
              </a>
              <a href={`${base}/results/export/json`} className="button secondary" download>
                {t("results.export_json")}
              </a>
            </p>
          )}
          <ResultsView data={d.results} basePath={`${base}/results`} whatIf={whatIf} />
        </>
      ) : null}
    </>
  );
}

export { ResultsErrorBoundary as ErrorBoundary } from "../results/components/labels";
