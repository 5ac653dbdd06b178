// The privacy notice: public, in every language, describing what this application holds today.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSessionUser } from "../accounts/server/session.server";
import { useT } from "../kernel/components/i18n";

export const handle = { title: "privacy.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return { signedIn: !!user };
}

export default function Privacy() {
  const t = useT();
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>
      <h2>{t("privacy.controller_title")}</h2>
      <p>{t("privacy.controller_text")}</p>
      <h2>{t("privacy.held_title")}</h2>
      <ul>
        <li>{t("privacy.held_everyone")}</li>
        <li>{t("privacy.held_applicants")}</li>
        <li>{t("privacy.held_nominators")}</li>
        <li>{t("privacy.held_jurors")}</li>
        <li>{t("privacy.held_emails")}</li>
        <li>{t("privacy.held_audit")}</li>
        <li>{t("privacy.held_technical")}</li>
      </ul>
      <h2>{t("privacy.why_title")}</h2>
      <p>{t("privacy.why_text")}</p>
      <h2>{t("privacy.who_title")}</h2>
      <ul>
        <li>{t("privacy.who_secretariat")}</li>
        <li>{t("privacy.who_nominators")}</li>
        <li>{t("privacy.who_jury")}</li>
        <li>{t("privacy.who_gender")}</li>
        <li>{t("privacy.who_observers")}</li>
      </ul>
      <h2>{t("privacy.public_title")}</h2>
      <p>
        {t("privacy.public_text")} <Link to="/laureates">{t("nav.laureates")}</Link>
      </p>
      <h2>{t("privacy.keep_title")}</h2>
      <p>{t("privacy.keep_text")}</p>
      <h2>{t("privacy.rights_title")}</h2>
      <ul>
        <li>
          {t("privacy.rights_copy")} {signedIn ? <Link to="/account#your-data">{t("nav.account")}</Link> : null}
        </li>
        <li>{t("privacy.rights_correct")}</li>
        <li>{t("privacy.rights_erase")}</li>
      </ul>
      <p>{t("privacy.rights_contact")}</p>
      <h2>{t("privacy.rules_title")}</h2>
      <p>{t("privacy.rules_text")}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
