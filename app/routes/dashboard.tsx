import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser, rolesOf } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { countryName } from "../kernel/i18n/countries";
import { Notice } from "../kernel/components/notice";
import { observedEditions } from "../results/models/observer.server";

export const handle = { title: "dashboard.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    roles: rolesOf(user),
    entities: user.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, country: e.country })),
    juries: user.juries.map((j) => ({ editionId: j.editionId, isChair: j.isChair })),
    observing: user.observing.length ? observedEditions({ userId: user.id }) : [],
  };
}

/** The card of one of the user's roles: what it is, then the way to its pages. */
function RoleCard({ title, to, link, children }: { title: string; to: string; link: string; children?: ReactNode }) {
  return (
    <li>
      <h2>{title}</h2>
      {children}
      <p>
        <Link to={to}>{link}</Link>
      </p>
    </li>
  );
}

export default function Dashboard() {
  const t = useT();
  const { name, roles, entities, juries, observing } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      {params.get("welcome") ? <Notice>{t("dashboard.welcome", { name })}</Notice> : null}
      <p>{t("dashboard.signed_in_as", { name })}</p>
      <ul className="cards">
        {roles.includes("applicant") ? (
          <RoleCard title={t("dashboard.applicant_title")} to="/applications" link={t("dashboard.applicant_link")}>
            <p>{t("dashboard.applicant_text")}</p>
          </RoleCard>
        ) : null}
        {roles.includes("nominator") ? (
          <RoleCard title={t("dashboard.nominator_title")} to="/nominations" link={t("dashboard.nominator_link")}>
            <ul>
              {entities.map((e) => (
                <li key={e.id}>
                  <bdi>{e.name}</bdi>
                  {e.country ? ` (${countryName(e.country, t.locale)})` : ""}
                </li>
              ))}
            </ul>
          </RoleCard>
        ) : null}
        {roles.includes("juror") ? (
          <RoleCard title={t("dashboard.juror_title")} to="/jury" link={t("dashboard.juror_link")}>
            <p>{juries.some((j) => j.isChair) ? t("dashboard.juror_chair") : t("dashboard.juror_member")}</p>
          </RoleCard>
        ) : null}
        {observing.length ? (
          <li>
            <h2>{t("dashboard.observer_title")}</h2>
            <p>{t("dashboard.observer_text")}</p>
            <ul>
              {observing.map((e) => (
                <li key={e.id}>
                  <Link to={`/observe/${e.id}`}>{t("dashboard.observer_link", { year: e.year })}</Link>
                </li>
              ))}
            </ul>
          </li>
        ) : null}
        {roles.includes("secretariat") ? (
          <RoleCard title={t("dashboard.secretariat_title")} to="/secretariat" link={t("dashboard.secretariat_link")} />
        ) : null}
      </ul>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
