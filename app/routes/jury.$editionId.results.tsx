import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission, UNADVERTISED } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { themeOf } from "../results/components/labels";
import { ResultsView, type WhatIfResult } from "../results/components/view";
import { formatDateTime } from "../kernel/i18n";
import { resultsAccess, resultsLoaderData, whatIfAction } from "../results/server/route.server";
import resultsCss from "../styles/results.css";
import { routeHead } from "../kernel/components/route-head";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("results.title", resultsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "jury.results", { editionId: params.editionId }, UNADVERTISED);
  return resultsLoaderData({ request, ...resultsAccess({ user, editionId: params.editionId ?? "", as: "juror" }) });
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "jury.results", { editionId: params.editionId }, UNADVERTISED);
  return whatIfAction({ request, ...resultsAccess({ user, editionId: params.editionId ?? "", as: "juror" }) });
});

export default function JuryResults() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const whatIf = useActionData<typeof action>() as WhatIfResult | undefined;
  return (
    <>
      <p>
        <Link to="/dashboard">{t("nav.dashboard")}</Link>
      </p>
      <h1>{t("results.heading", { year: d.edition.year })}</h1>
      <p className="lead">
        <bdi>{themeOf(d.edition, t.locale)}</bdi>
      </p>
      <p>
        <Link to={`/jury/${d.edition.id}/ballot`}>{t("results.ballot_title")}</Link>
      </p>
      <p className="hint">{t("results.jury_anonymous")}</p>
      {!d.closed ? (
        <p className="panel">{t("results.not_closed", { date: formatDateTime(d.scoringClosesAt, t.locale) })}</p>
      ) : d.results ? (
        <ResultsView data={d.results} basePath={`/jury/${d.edition.id}/results`} whatIf={whatIf} />
      ) : null}
    </>
  );
}

export { ResultsErrorBoundary as ErrorBoundary } from "../results/components/labels";
