import { isRouteErrorResponse, Link, useLocation, useRevalidator, useRouteError } from "@remix-run/react";
import { useEffect } from "react";
import { formatTime } from "../i18n";
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
  if (status >= 500 && typeof window !== "undefined" && !computingOf(error)) console.error(error);
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

/** What app/kernel/server/computing.server.ts throws (a 503) while a computation runs or after it failed. */
type Computing = { computing: { since: number } } | { computeFailed: true };

function computingOf(error: unknown): Computing | null {
  if (!isRouteErrorResponse(error) || error.status !== 503) return null;
  const data = error.data as Partial<Computing> | null;
  return data && typeof data === "object" && ("computing" in data || "computeFailed" in data)
    ? (data as Computing)
    : null;
}

/**
 * The page shown while a long computation runs in the worker. A plain link reloads it (no
 * JavaScript needed); with JavaScript it asks again every three seconds by itself and shows the
 * results once they are there. Not a meta refresh: a page that reloads on a timer takes a screen
 * reader's reader back to the top and cannot be paused (WCAG 2.2.1, axe's meta-refresh rule).
 */
function ComputingMessage({ state }: { state: Computing }) {
  const t = useT();
  const { pathname, search } = useLocation();
  const { revalidate, state: loading } = useRevalidator();
  const waiting = !("computeFailed" in state);
  useEffect(() => {
    if (!waiting || loading !== "idle") return;
    const timer = setTimeout(revalidate, 3000);
    return () => clearTimeout(timer);
  }, [waiting, loading, revalidate]);
  const again = <a href={`${pathname}${search}`}>{t("computing.refresh")}</a>;
  if ("computeFailed" in state)
    return (
      <>
        <h1>{t("computing.failed")}</h1>
        <p>{t("computing.failed_help")}</p>
        <p>{again}</p>
      </>
    );
  return (
    <>
      <h1>{t("computing.title")}</h1>
      <p role="status">{t("computing.since", { time: formatTime(state.computing.since, t.locale) })}</p>
      <p>{again}</p>
    </>
  );
}

/** The page shown inside the site's layout when a route fails: 404s look like any missing page. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const key = useRouteErrorKey();
  const computing = computingOf(error);
  if (computing) return <ComputingMessage state={computing} />;
  return <ErrorMessage messageKey={key} />;
}
