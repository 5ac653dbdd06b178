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
  return (
    <>
      <h1>{t("secretariat.title")}</h1>
      <ul className="cards">
        <li>
          <h2>
            <Link to="/secretariat/editions">{t("secretariat.editions_link")}</Link>
          </h2>
          <p>{t("secretariat.editions_text")}</p>
        </li>
        <li>
          <h2>
            <Link to="/secretariat/screening">{t("secretariat.screening_link")}</Link>
          </h2>
          <p>{t("secretariat.screening_text")}</p>
        </li>
        <li>
          <h2>
            <Link to="/secretariat/entities">{t("entities.title")}</Link>
          </h2>
          <p>{t("secretariat.entities_text")}</p>
        </li>
        <li>
          <h2>
            <Link to="/secretariat/invitations">{t("invitations.title")}</Link>
          </h2>
          <p>{t("secretariat.invitations_text")}</p>
        </li>
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
