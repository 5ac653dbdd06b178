// The one way a file leaves the server: as a download, never rendered. Every route that answers
// with a file (attachments, nomination letters, diplomas, exports) builds its response here, so
// the headers cannot drift apart from one route to the next.
//
// Such a route must stay a resource route: no default export and no ErrorBoundary. Exporting
// either makes Remix treat it as a page and answer the document request with the HTML shell,
// the file's bytes escaped inside the page data (tests/app/routes/resource-routes.test.ts).

import { translate } from "../i18n";
import { catalogues, resolveLocale } from "../i18n/locale.server";

/** RFC 5987 attr-char: what may stay unescaped in `filename*` (encodeURIComponent leaves more). */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment` with the name as UTF-8 in `filename*` (RFC 6266 / 5987) and an ASCII `filename`
 * fallback for older clients: non-ASCII, quotes, backslashes and `%` (which some clients decode)
 * become "_"; control characters never reach the header.
 */
export function contentDisposition(name: string): string {
  // Bidirectional overrides, embeddings and isolates too: "\u202Efdp.exe" shows as "exe.pdf".
  const clean = name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim() || "download";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(clean)}`;
}

/** The extensions a downloaded file of each type may keep (the first is added when its name has none of them). */
const EXTENSIONS: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "text/csv": [".csv"],
  "application/json": [".json"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
};

/**
 * The name a file is saved under ends with its type's extension: a PDF uploaded as "annex.html"
 * (with a script after its last page) would open as a web page from the juror's disk; it is
 * saved as "annex.html.pdf".
 */
export function nameForType(name: string, type: string): string {
  const extensions = EXTENSIONS[type.split(";")[0].trim().toLowerCase()];
  if (!extensions || extensions.some((extension) => name.toLowerCase().endsWith(extension))) return name;
  return `${name}${extensions[0]}`;
}

/**
 * A file as a download: exact bytes, the given type, never cached. `X-Content-Type-Options:
 * nosniff` is set on every response by scripts/server.mjs; set here too, it would be sent twice.
 */
export function fileResponse({
  bytes,
  name,
  type,
}: {
  bytes: Uint8Array | string;
  name: string;
  type: string;
}): Response {
  const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as unknown as BodyInit, {
    status: 200,
    headers: {
      "Content-Type": type,
      "Content-Length": String(body.byteLength),
      "Content-Disposition": contentDisposition(nameForType(name, type)),
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * The signed-in reader's profile language, if any (app/accounts/server/session.server.ts
 * profileLocale): the kernel imports no area, so each file route passes it in.
 */
export type ProfileLocale = (request: Request) => Promise<string | null | undefined>;

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" };

function thrownStatus(thrown: unknown): number | null {
  if (thrown && typeof thrown === "object" && (thrown as { type?: unknown }).type === "DataWithResponseInit") {
    return (thrown as { init?: ResponseInit | null }).init?.status ?? 500;
  }
  return null;
}

/** What a refused file's answer says, by status: the sentence of the catalogue a page would show. */
const REFUSAL: Record<number, string> = {
  400: "errors.bad_request",
  403: "errors.forbidden",
  404: "errors.not_found",
  503: "errors.file_unavailable",
};

/**
 * Wraps the loader of a file route. The permission helpers deny with a thrown `data()` (404),
 * which a page renders in its layout; from a resource route Remix would turn it into a JSON
 * "Unexpected Server Error" and log it as an error. Here it becomes a plain response with the
 * same status, so a file a user may not read answers exactly like a file that does not exist.
 * Redirects (to sign in) and other thrown Responses pass through untouched. `profileLocale`
 * (accounts' own, passed in by the route) finds the signed-in reader's language for the sentences
 * such a response says, as the pages choose it.
 */
export function fileLoader<Args extends { request: Request }>(
  load: (args: Args) => Promise<Response>,
  profileLocale: ProfileLocale,
): (args: Args) => Promise<Response> {
  return async (args) => {
    try {
      return await load(args);
    } catch (thrown) {
      const status = thrownStatus(thrown);
      if (status === null) throw thrown;
      return plainAnswer(args.request, profileLocale, status, REFUSAL[status] ?? "errors.unexpected");
    }
  };
}

/**
 * A refused file's answer, as plain text in the reader's language (profile, then cookie, then
 * Accept-Language): "Not found" for a file that does not exist and for one the reader may not
 * read alike. A file that needed a worker thread which was lost (it crashed or overran its time)
 * says so rather than a bare "Error", and when to try again.
 */
async function plainAnswer(
  request: Request,
  profileLocale: ProfileLocale,
  status: number,
  key: string,
): Promise<Response> {
  let profile: string | null | undefined = null;
  try {
    profile = await profileLocale(request);
  } catch {
    // The database may be failing too: the sentence still goes out, in the cookie's language.
  }
  const locale = await resolveLocale(request, profile);
  return new Response(translate(catalogues[locale], key) + "\n", {
    status,
    headers: { ...PLAIN, "Content-Language": locale, ...(status === 503 ? { "Retry-After": "5" } : {}) },
  });
}
