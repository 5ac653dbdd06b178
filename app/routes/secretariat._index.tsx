import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { listEditionsBrief } from "../nominations/models/entity.server";
import { localized, textsOf } from "../kernel/i18n";

export const handle = { title: "secretariat.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  return { editions: listEditionsBrief() };
}

export default function SecretariatHome() {
  const t = useT();
  const { editions } = useLoaderData<typeof loader>();
  // The secretariat's work, one card a part: where it is, its link's words and what it is for.
  const sections = [
    { to: "/secretariat/editions", link: t("secretariat.editions_link"), text: t("secretariat.editions_text") },
    { to: "/secretariat/screening", link: t("secretariat.screening_link"), text: t("secretariat.screening_text") },
    { to: "/secretariat/entities", link: t("entities.title"), text: t("secretariat.entities_text") },
    { to: "/secretariat/invitations", link: t("invitations.title"), text: t("secretariat.invitations_text") },
  ];
  return (
    <>
      <h1>{t("secretariat.title")}</h1>
      <ul className="cards">
        {sections.map((section) => (
          <li key={section.to}>
            <h2>
              <Link to={section.to}>{section.link}</Link>
            </h2>
            <p>{section.text}</p>
          </li>
        ))}
      </ul>
      <h2>{t("secretariat.editions")}</h2>
      {editions.length === 0 ? (
        <p className="panel">{t("secretariat.no_editions")}</p>
      ) : (
        <ul>
          {editions.map((e) => (
            <li key={e.id}>
              {e.year}: <bdi>{localized(t.locale, textsOf(e, "theme"))}</bdi>{" "}
              <span className="tag">{t(`phase.${e.phase}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
