// Small helpers of the results area, shared by its views and charts, and the error boundary of the
// pages that wait for the results: one module every results page loads already, so that the
// boundary costs no request of its own.
import { useEffect } from "react";
import { isRouteErrorResponse, useLocation, useRevalidator, useRouteError } from "@remix-run/react";
import { RouteErrorBoundary } from "../../kernel/components/error-boundary";
import { shownPseudonym, useT } from "../../kernel/components/i18n";
import { formatTime, type Locale, localized, textsOf } from "../../kernel/i18n";
import type { JurorLabel } from "../domain/results-page";
import type { ComputingData } from "../../kernel/domain/computing";

export function criterionTitle(
  c: { titleEn: string; titleFr: string; titleAr: string | null },
  locale: Locale,
): string {
  return localized(locale, textsOf(c, "title"));
}

export function jurorText(
  label: JurorLabel,
  t: (key: string, vars?: Record<string, string | number>) => string,
): string {
  return label.kind === "name" ? shownPseudonym(label.name, t) : t("results.juror_letter", { letter: label.letter });
}

export function themeOf(e: { themeEn: string; themeFr: string; themeAr?: string | null }, locale: Locale): string {
  return localized(locale, textsOf(e, "theme"));
}

function computingOf(error: unknown): ComputingData | null {
  if (!isRouteErrorResponse(error) || error.status !== 503) return null;
  const data = error.data as Partial<ComputingData> | null;
  return data && typeof data === "object" && ("computing" in data || "computeFailed" in data)
    ? (data as ComputingData)
    : null;
}

/** While `waiting`, with JavaScript: the page's data asked again every three seconds. */
export function useAskAgain(waiting: boolean) {
  const { revalidate, state: loading } = useRevalidator();
  useEffect(() => {
    if (!waiting || loading !== "idle") return;
    const timer = setTimeout(revalidate, 3000);
    return () => clearTimeout(timer);
  }, [waiting, loading, revalidate]);
}

/** A plain link to the page itself: how it is asked again without JavaScript. */
export function RefreshLink() {
  const t = useT();
  const { pathname, search } = useLocation();
  return <a href={`${pathname}${search}`}>{t("computing.refresh")}</a>;
}

/**
 * The page shown while the results are computed in the worker. A plain link reloads it (no
 * JavaScript needed); with JavaScript it asks again every three seconds by itself and shows the
 * results once they are there. Not a meta refresh: a page that reloads on a timer takes a screen
 * reader's reader back to the top and cannot be paused (WCAG 2.2.1, axe's meta-refresh rule).
 */
function ComputingMessage({ state }: { state: ComputingData }) {
  const t = useT();
  const waiting = !("computeFailed" in state);
  useAskAgain(waiting);
  const again = <RefreshLink />;
  // The integrity pages wait for their audits, not for the results: the page says which.
  const audits = ("computeFailed" in state ? state.subject : state.computing.subject) === "audits";
  if ("computeFailed" in state)
    return (
      <>
        <h1>{t(audits ? "computing.failed_audits" : "computing.failed")}</h1>
        <p>{t("computing.failed_help")}</p>
        <p>{again}</p>
      </>
    );
  return (
    <>
      <h1>{t(audits ? "computing.title_audits" : "computing.title")}</h1>
      <p role="status">
        {t(audits ? "computing.since_audits" : "computing.since", {
          time: formatTime(state.computing.since, t.locale),
        })}
      </p>
      <p>{again}</p>
    </>
  );
}

/**
 * The error boundary of the pages that wait for the worker (results, deliberation, decision, integrity):
 * "computing…" while the worker computes them, else the site's error page. Here rather than in
 * the site's boundary, so that other pages carry neither its code nor its messages.
 */
export function ResultsErrorBoundary() {
  const computing = computingOf(useRouteError());
  return computing ? <ComputingMessage state={computing} /> : <RouteErrorBoundary />;
}
