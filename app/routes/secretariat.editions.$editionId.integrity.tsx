// The integrity audits of an edition: did the jurors judge independently (pairs agreeing beyond
// chance, home bias), and did each stage treat groups of applications alike. The secretariat's
// only: a juror gets the 404 of a page that does not exist.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission, UNADVERTISED } from "../accounts/server/permissions.server";
import { IntegrityAudits } from "../results/components/integrity";
import { ResultsStepHeader, ThemeLead } from "../results/components/steps";
import { integrityRouteData } from "../results/server/integrity-page.server";
import resultsCss from "../styles/results.css";

export const handle = { title: "integrity.title" };
export const links = () => [{ rel: "stylesheet", href: resultsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "integrity.audit", { editionId: params.editionId }, UNADVERTISED);
  return integrityRouteData(request, params.editionId, user.locale);
}

export default function IntegrityPage() {
  const d = useLoaderData<typeof loader>();
  const base = `/secretariat/editions/${d.edition.id}/integrity`;
  return (
    <>
      <ResultsStepHeader edition={d.edition} current="integrity" lead={<ThemeLead edition={d.edition} />} />
      <IntegrityAudits data={d} basePath={base} />
    </>
  );
}

// "Computing…" while the juror audit is computed in the worker, else the site's error page.
export { ResultsErrorBoundary as ErrorBoundary } from "../results/components/labels";
