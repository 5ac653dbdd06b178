import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser, rolesOf } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { countryName } from "../kernel/i18n/countries";
import { Notice } from "../kernel/components/notice";

export const handle = { title: "dashboard.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    roles: rolesOf(user),
    entities: user.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, country: e.country })),
    juries: user.juries.map((j) => ({ editionId: j.editionId, isChair: j.isChair })),
  };
}

export default function Dashboard() {
  const t = useT();
  const { name, roles, entities, juries } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      {params.get("welcome") ? <Notice>{t("dashboard.welcome", { name })}</Notice> : null}
      <p>{t("dashboard.signed_in_as", { name })}</p>
      <ul className="cards">
        {roles.includes("applicant") ? (
          <li>
            <h2>{t("dashboard.applicant_title")}</h2>
            <p>{t("dashboard.applicant_text")}</p>
            <p>
              <Link to="/applications">{t("dashboard.applicant_link")}</Link>
            </p>
          </li>
        ) : null}
        {roles.includes("nominator") ? (
          <li>
            <h2>{t("dashboard.nominator_title")}</h2>
            <ul>
              {entities.map((e) => (
                <li key={e.id}>
                  <bdi>{e.name}</bdi>
                  {e.country ? ` (${countryName(e.country, t.locale)})` : ""}
                </li>
              ))}
            </ul>
            <p>
              <Link to="/nominations">{t("dashboard.nominator_link")}</Link>
            </p>
          </li>
        ) : null}
        {roles.includes("juror") ? (
          <li>
            <h2>{t("dashboard.juror_title")}</h2>
            <p>{juries.some((j) => j.isChair) ? t("dashboard.juror_chair") : t("dashboard.juror_member")}</p>
            <p>
              <Link to="/jury">{t("dashboard.juror_link")}</Link>
            </p>
          </li>
        ) : null}
        {roles.includes("secretariat") ? (
          <li>
            <h2>{t("dashboard.secretariat_title")}</h2>
            <p>
              <Link to="/secretariat">{t("dashboard.secretariat_link")}</Link>
            </p>
          </li>
        ) : null}
      </ul>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
