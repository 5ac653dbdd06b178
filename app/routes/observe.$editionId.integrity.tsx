// The edition's integrity audits as its observer reads them: the same audits the secretariat
// reads, without the export.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "../accounts/server/permissions.server";
import { IntegrityAudits } from "../results/components/integrity";
import { ObserverHeading } from "../results/components/observer";
import { integrityRouteData } from "../results/server/integrity-page.server";
import resultsCss from "../styles/results.css";

export const handle = { title: "integrity.title" };
export const links = () => [{ rel: "stylesheet", href: resultsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edition.observe", { editionId: params.editionId });
  return integrityRouteData(request, params.editionId, user.locale);
}

export default function ObserverIntegrity() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <ObserverHeading title="observer.integrity_title" edition={d.edition} />
      <IntegrityAudits data={d} basePath={`/observe/${d.edition.id}/integrity`} exportable={false} />
    </>
  );
}

// "Computing…" while the juror audit is computed in the worker, else the site's error page.
export { ResultsErrorBoundary as ErrorBoundary } from "../results/components/labels";
