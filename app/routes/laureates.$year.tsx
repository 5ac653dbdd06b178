import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can, notFound } from "../accounts/server/permissions.server";
import { getSessionUser } from "../accounts/server/session.server";
import { useT } from "../kernel/components/i18n";
import { themeOf } from "../results/components/labels";
import { countryName } from "../kernel/i18n/countries";
import { editionLaureates } from "../results/models/archive.server";
import { diplomaCodesOf, diplomaRevocationOf } from "../results/models/diploma-codes.server";
import resultsCss from "../styles/results.css";
import { formatDate, localized, localizedLang } from "../kernel/i18n";

export const handle = { title: "results.edition_laureates_title" };
export const links = () => [{ rel: "stylesheet", href: resultsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const year = Number(params.year);
  if (!Number.isInteger(year)) notFound();
  // Live from the decision's announcement instant, read here; the announcement itself (states,
  // e-mails) is the scheduled job's: a visit or a link from another site never performs it.
  const found = editionLaureates({ year, now: new Date() });
  if (!found) notFound();
  // The diploma link only for those who may download it; who the applicant is stays on the server.
  // A revoked diploma is no longer given out: its reader is told when, as on the application's page.
  const laureates = found.laureates.map(({ applicantId, ...l }) => {
    const may = !!l.applicationId && can(user, "diploma.download", { ownerId: applicantId ?? undefined });
    const revoked = may ? diplomaRevocationOf({ applicationId: l.applicationId! }) : null;
    return {
      ...l,
      diploma: may && !revoked,
      revoked: revoked ? { at: revoked.at.getTime(), reason: revoked.reason } : null,
      may,
    };
  });
  // So is its verification code, which the diploma prints and its holder hands out.
  const codes = diplomaCodesOf(laureates.filter((l) => l.may).map((l) => l.applicationId!));
  return {
    year,
    theme: found.edition,
    laureates: laureates.map(({ may: _may, ...l }) => ({
      ...l,
      verify: l.applicationId ? (codes.get(l.applicationId) ?? null) : null,
    })),
  };
}

export default function EditionLaureates() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/laureates">{t("results.archive_title")}</Link>
      </p>
      <h1>{t("results.edition_laureates_heading", { year: d.year })}</h1>
      {d.theme ? (
        <p className="lead">
          <bdi>{themeOf(d.theme, t.locale)}</bdi>
        </p>
      ) : null}
      <ul className="results-laureates">
        {d.laureates.map((l) => (
          <li key={l.id}>
            <h2>
              <bdi>{l.project}</bdi>
            </h2>
            <p>
              {l.organisation ? (
                <>
                  <bdi>{l.organisation}</bdi> —{" "}
                </>
              ) : null}
              {countryName(l.country, t.locale)}
            </p>
            {l.citation ? (
              <blockquote className="results-citation" lang={localizedLang(t.locale, l.citation)}>
                <p dir="auto">{localized(t.locale, l.citation)}</p>
              </blockquote>
            ) : null}
            {l.diploma || l.revoked ? (
              <p>
                {l.revoked ? (
                  <>
                    {t("results.diploma_revoked", { date: formatDate(l.revoked.at, t.locale) })}{" "}
                    <bdi>{l.revoked.reason}</bdi>
                  </>
                ) : (
                  <a href={`/diplomas/${l.applicationId}`} download>
                    {t("results.diploma_download")}
                  </a>
                )}
                {l.verify ? (
                  <>
                    {" · "}
                    <Link to={`/verify/${l.verify}`}>{t("results.diploma_verify")}</Link>
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
