import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "./i18n";

/** The page shown inside the site's layout when a route fails: 404s look like any missing page. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "errors.page_not_found" : status === 403 ? "errors.forbidden" : "errors.unexpected";
  if (status >= 500 && typeof window === "undefined") console.error(error);
  return (
    <>
      <h1>{t(key)}</h1>
      <p>{t(`${key}_help`)}</p>
      <p>
        <Link to="/">{t("nav.home")}</Link>
      </p>
    </>
  );
}
