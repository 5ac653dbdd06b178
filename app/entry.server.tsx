import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { NonceProvider } from "./kernel/components/nonce";
import { pageBytes } from "./kernel/server/page-bytes.server";
import { I18nFallbackProvider, type RootData } from "./kernel/components/i18n";
import { fallbackRootData } from "./kernel/i18n/fallback.server";
import { resolveLocale } from "./kernel/i18n/locale.server";
import { rememberRouteMatches } from "./kernel/server/route-matching.server";
import { rememberServerRoutes } from "./kernel/server/server-routes.server";
import {
  isPublicPagePath,
  matchesIfNoneMatch,
  PUBLIC_PAGE_CACHE_CONTROL,
  PUBLIC_PAGE_VARY,
  SIGNED_IN_CACHE_CONTROL,
  stablePage,
} from "./kernel/server/public-pages.server";

export { startup, shutdown, prepare, startWorker, deliverDueMail } from "./startup.server";
export { siteOrigin, createHostGuard, isAllowedOrigin } from "./kernel/server/site.server";
export { plainRefusal } from "./kernel/server/plain-refusal.server";
export { createAdmission } from "./kernel/server/admission.server";

// Before the first request: Remix matches routes through it (decision 050), and builds the
// page's route tree through the other (decision 054).
rememberRouteMatches();
rememberServerRoutes();

const ABORT_DELAY = 5_000;

/**
 * What Remix reports as an error. A 4xx (an unknown URL, a POST to a page without an action, a
 * body readForm refused) is the client's doing and answered as such: logging its stack at error
 * level would bury the real faults, and would let anyone fill the log. Real 5xx are logged once,
 * with their stack; an aborted request (the client went away) is not a fault either.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (
    error instanceof Error &&
    error.message.startsWith("Warning: Single fetch-enabled apps should not be making ?_data requests")
  ) {
    console.warn(`A legacy ?_data request: ${new URL(request.url).pathname}`);
    return;
  }
  console.error(error);
};
export const streamTimeout = ABORT_DELAY;

interface ServerContext {
  nonce?: string;
  /** Puts another nonce in the response's CSP (scripts/server.mjs). */
  setNonce?: (nonce: string) => void;
}

type PublicPage = "anonymous" | "signed-in" | null;

/** Whether this is a public page's document, and for whom: its root data says who is signed in. */
function publicPage(request: Request, status: number, headers: Headers, remixContext: EntryContext): PublicPage {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (status !== 200 || !isPublicPagePath(new URL(request.url).pathname)) return null;
  const root = remixContext.staticHandlerContext.loaderData.root as { user?: unknown } | undefined;
  if (!root) return null;
  if (root.user) return "signed-in";
  return headers.has("Set-Cookie") ? null : "anonymous";
}

/**
 * What the root's error page reads when the root loader failed (null when it did not): the
 * language of the cookie or Accept-Language, chosen without the database, which may be what
 * failed, and the few messages that page shows.
 */
export async function rootErrorFallback(
  request: Request,
  remixContext: Pick<EntryContext, "staticHandlerContext">,
): Promise<RootData | null> {
  if (remixContext.staticHandlerContext.loaderData.root) return null;
  return fallbackRootData(await resolveLocale(request));
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const context = loadContext as ServerContext;
  const nonce = context.nonce ?? "";
  const page = publicPage(request, responseStatusCode, responseHeaders, remixContext);
  if (page === "signed-in") responseHeaders.set("Cache-Control", SIGNED_IN_CACHE_CONTROL);
  if (page === "anonymous" && nonce && context.setNonce) {
    return renderPublicPage(request, responseHeaders, remixContext, nonce, context.setNonce);
  }
  // Every page is rendered whole, then sent in one piece (docs/decisions/028-pages-sent-whole.md):
  // no page streams deferred data, and a page streamed in chunks went through the event loop,
  // the web stream and the compression once per chunk; on a busy server each of those steps
  // waited behind every other request, so a large page (a review with the application's text)
  // took many times longer than a small one.
  const fallback = await rootErrorFallback(request, remixContext);
  const html = await renderHtml(request, remixContext, nonce, fallback, (error) => {
    responseStatusCode = 500;
    console.error(error);
  });
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  const body = new Uint8Array(html.buffer as ArrayBuffer, html.byteOffset, html.byteLength);
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}

/**
 * The page's whole HTML, UTF-8. An error in the shell rejects; an error below it (React then renders
 * that part in the browser) goes to `onError`, or rejects when there is none.
 */
function renderHtml(
  request: Request,
  remixContext: EntryContext,
  nonce: string,
  fallback: RootData | null,
  onError?: (error: unknown) => void,
): Promise<Buffer> {
  return pageBytes(
    <NonceProvider value={nonce}>
      <I18nFallbackProvider value={fallback}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nFallbackProvider>
    </NonceProvider>,
    { nonce, abortAfterMs: ABORT_DELAY, onError },
  );
}

/**
 * A public page for an anonymous visitor, rendered whole (a few kilobytes) so that its validator
 * and nonce can be drawn from it (docs/decisions/022-cheap-public-pages.md): a 304 when the
 * browser holds this very page.
 */
async function renderPublicPage(
  request: Request,
  responseHeaders: Headers,
  remixContext: EntryContext,
  requestNonce: string,
  setNonce: (nonce: string) => void,
): Promise<Response> {
  const html = (await renderHtml(request, remixContext, requestNonce, null)).toString("utf8");
  const page = stablePage(html, requestNonce);
  setNonce(page.nonce);
  responseHeaders.set("ETag", page.etag);
  responseHeaders.set("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
  responseHeaders.append("Vary", PUBLIC_PAGE_VARY);
  if (matchesIfNoneMatch(request.headers.get("If-None-Match"), page.etag)) {
    return new Response(null, { status: 304, headers: responseHeaders });
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(page.body, { status: 200, headers: responseHeaders });
}
