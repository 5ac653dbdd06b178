// The edition's results as its observer reads them: the secretariat's view (jurors by name),
// without the 'what if' form or any way into the decision.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { found, requirePermission } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { formatDateTime } from "../kernel/i18n";
import { ObserverHeading } from "../results/components/observer";
import { ResultsView } from "../results/components/view";
import { getEditionBrief } from "../results/models/results.server";
import { resultsLoaderData } from "../results/server/route.server";
import resultsCss from "../styles/results.css";
import { routeHead } from "../kernel/components/route-head";

export const { handle, links } = routeHead("results.title", resultsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edition.observe", { editionId: params.editionId });
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  return resultsLoaderData({ request, edition, viewer: { kind: "secretariat", userId: user.id } });
}

export default function ObserverResults() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <ObserverHeading title="observer.results_title" edition={d.edition} />
      {!d.closed ? (
        <p className="panel">{t("results.not_closed", { date: formatDateTime(d.scoringClosesAt, t.locale) })}</p>
      ) : d.results ? (
        <ResultsView data={d.results} basePath={`/observe/${d.edition.id}/results`} readOnly />
      ) : null}
    </>
  );
}

export { ResultsErrorBoundary as ErrorBoundary } from "../results/components/labels";
