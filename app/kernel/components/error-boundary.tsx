import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "./i18n";

/**
 * The message for an error page. 400, 413 and 415 come from readForm (a body that could not be
 * read as the form expects): the person is told nothing changed, not that the service failed.
 */
export function errorMessageKey(
  status: number,
): "errors.page_not_found" | "errors.forbidden" | "errors.bad_request" | "errors.unexpected" {
  if (status === 404) return "errors.page_not_found";
  if (status === 403) return "errors.forbidden";
  if (status >= 400 && status < 500) return "errors.bad_request";
  return "errors.unexpected";
}

/** The page shown inside the site's layout when a route fails: 404s look like any missing page. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = errorMessageKey(status);
  // On the server, entry.server.tsx handleError has logged it already (once).
  if (status >= 500 && typeof window !== "undefined") console.error(error);
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
