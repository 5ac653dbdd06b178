// The edition's integrity audits as its observer reads them: the same audits the secretariat
// reads, without the export.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { found, requirePermission } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { resolveLocale } from "../kernel/i18n/locale.server";
import { FairnessSection, JurorAuditSection } from "../results/components/integrity";
import { getEditionBrief } from "../results/models/results.server";
import { integrityPageData, parseGroup } from "../results/server/integrity-page.server";
import resultsCss from "../styles/results.css";

export const handle = { title: "integrity.title" };
export const links = () => [{ rel: "stylesheet", href: resultsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edition.observe", { editionId: params.editionId });
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const group = parseGroup(new URL(request.url).searchParams.get("group"));
  return integrityPageData({ edition, group, locale: await resolveLocale(request, user.locale) });
}

export default function ObserverIntegrity() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const base = `/observe/${d.edition.id}`;
  return (
    <>
      <h1>{t("observer.integrity_title", { year: d.edition.year })}</h1>
      <p>
        <Link to={base}>{t("observer.back")}</Link>
      </p>
      <p>{t("integrity.lead")}</p>
      <h2 id="jurors">{t("integrity.jurors_title")}</h2>
      {d.scoringOpen ? <p className="notice">{t("integrity.scoring_open")}</p> : null}
      <JurorAuditSection data={d.jurors} />
      <h2 id="fairness">{t("integrity.fairness_title")}</h2>
      <FairnessSection data={d.fairness} basePath={`${base}/integrity`} exportable={false} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
