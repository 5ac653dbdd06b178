// The integrity audits of an edition: did the jurors judge independently (pairs agreeing beyond
// chance, home bias), and did each stage treat groups of applications alike. The secretariat's
// only: a juror gets the 404 of a page that does not exist.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { found, requirePermission, UNADVERTISED } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { resolveLocale } from "../kernel/i18n/locale.server";
import { FairnessSection, JurorAuditSection } from "../results/components/integrity";
import { ResultsStepHeader, ThemeLead } from "../results/components/steps";
import { getEditionBrief } from "../results/models/results.server";
import { integrityPageData, parseGroup } from "../results/server/integrity-page.server";
import resultsCss from "../styles/results.css";

export const handle = { title: "integrity.title" };
export const links = () => [{ rel: "stylesheet", href: resultsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "integrity.audit", { editionId: params.editionId }, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const group = parseGroup(new URL(request.url).searchParams.get("group"));
  return integrityPageData({ edition, group, locale: await resolveLocale(request, user.locale) });
}

export default function IntegrityPage() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const base = `/secretariat/editions/${d.edition.id}/integrity`;
  return (
    <>
      <ResultsStepHeader edition={d.edition} current="integrity" lead={<ThemeLead edition={d.edition} />} />
      <p>{t("integrity.lead")}</p>
      <h2 id="jurors">{t("integrity.jurors_title")}</h2>
      {d.scoringOpen ? <p className="notice">{t("integrity.scoring_open")}</p> : null}
      <JurorAuditSection data={d.jurors} />
      <h2 id="fairness">{t("integrity.fairness_title")}</h2>
      <FairnessSection data={d.fairness} basePath={base} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
