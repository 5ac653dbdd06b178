import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSessionUser } from "../accounts/server/session.server";
import { useT } from "../kernel/components/i18n";
import { ActionLink } from "../kernel/components/action-link";

export const handle = { title: "home.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return { signedIn: !!user };
}

export default function Home() {
  const t = useT();
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("app.name")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <ul className="cards">
        <li>
          <h2>{t("home.candidates_title")}</h2>
          <p>{t("home.candidates_text")}</p>
        </li>
        <li>
          <h2>{t("home.nominators_title")}</h2>
          <p>{t("home.nominators_text")}</p>
        </li>
        <li>
          <h2>{t("home.jury_title")}</h2>
          <p>{t("home.jury_text")}</p>
        </li>
      </ul>
      <p className="button-row">
        <Link to="/call">{t("home.call_link")}</Link>
        <Link to="/laureates">{t("home.laureates_link")}</Link>
      </p>
      {signedIn ? (
        <ActionLink to="/dashboard">{t("home.go_dashboard")}</ActionLink>
      ) : (
        <p className="button-row">
          <Link to="/register" className="button">
            {t("home.register")}
          </Link>
          <Link to="/login">{t("home.login")}</Link>
        </p>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
