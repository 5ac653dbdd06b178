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

/**
 * The message key of the error a route boundary caught. An unexpected error is logged in the
 * browser; on the server, entry.server.tsx handleError has logged it already (once).
 */
export function useRouteErrorKey() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500 && typeof window !== "undefined") console.error(error);
  return errorMessageKey(status);
}

/** What an error page says: what went wrong, what to do, and the way home. */
export function ErrorMessage({ messageKey }: { messageKey: ReturnType<typeof errorMessageKey> }) {
  const t = useT();
  return (
    <>
      <h1>{t(messageKey)}</h1>
      <p>{t(`${messageKey}_help`)}</p>
      <p>
        <Link to="/">{t("nav.home")}</Link>
      </p>
    </>
  );
}

/** The page shown inside the site's layout when a route fails: 404s look like any missing page. */
export function RouteErrorBoundary() {
  const key = useRouteErrorKey();
  return <ErrorMessage messageKey={key} />;
}
