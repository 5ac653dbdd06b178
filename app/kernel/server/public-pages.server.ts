// Cheap public pages (docs/decisions/022-cheap-public-pages.md): the pages anyone reads (home,
// call, laureates, privacy, a diploma's verification) answer a visitor who is not signed in with
// a validator over the rendered page, and a 304 when the browser already holds that page. The
// page's CSP nonce is drawn from the page itself, so the 304's policy admits the scripts of the
// body the browser reuses.
import { createHash } from "node:crypto";

const PUBLIC_PATHS = [/^\/$/, /^\/call$/, /^\/laureates$/, /^\/laureates\/[^/]+$/, /^\/privacy$/, /^\/verify\/[^/]+$/];

/** Whether a path is one of the public pages an anonymous visitor may keep and revalidate. */
export function isPublicPagePath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => p.test(pathname));
}

/**
 * Private: the page depends on the language cookie and Accept-Language (and on the session
 * cookie: signed in, the same address is another page), which a shared cache would have to key
 * on whole Cookie headers. A minute, then asked again: a changed call or a new laureate shows
 * within a minute, and the answer to that question is a 304 while nothing changed.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "private, max-age=60, must-revalidate";
export const PUBLIC_PAGE_VARY = "Cookie, Accept-Language, Accept-Encoding";
/** The same addresses for someone signed in: their name and menus, never kept. */
export const SIGNED_IN_CACHE_CONTROL = "private, no-store";

export interface StablePage {
  body: string;
  nonce: string;
  etag: string;
}

/**
 * The page with its per-request nonce replaced by one drawn from the page: a digest of the page
 * with the nonce's places marked, so the same page gets the same nonce and the same validator.
 * The request's nonce is 128 random bits, so it appears nowhere else in the page. Markup slipped
 * into the page changes the digest and so the nonce: to run, it would have to name the nonce of
 * the page that contains it, a fixed point of SHA-256.
 */
export function stablePage(html: string, requestNonce: string): StablePage {
  const parts = requestNonce ? html.split(requestNonce) : [html];
  const digest = createHash("sha256").update(parts.join("\u0000nonce\u0000")).digest();
  const nonce = createHash("sha256")
    .update("csp-nonce\u0000")
    .update(digest)
    .digest()
    .subarray(0, 16)
    .toString("base64");
  // Weak: compression sends other bytes for the same page.
  const etag = `W/"${digest.subarray(0, 18).toString("base64url")}"`;
  return { body: parts.join(nonce), nonce, etag };
}

/** Whether an If-None-Match header names this validator (weak comparison, as for a GET). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const mine = opaque(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === mine);
}
