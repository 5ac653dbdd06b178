import { data } from "@remix-run/node";
import type * as z from "zod";
import type { Failure } from "../models/result.server";
import { zodErrors, type FieldErrors } from "./errors";

const SECRET_FIELDS = new Set(["password", "currentPassword"]);

/**
 * The largest url-encoded body a form of ours can legitimately send: the edition settings'
 * three call texts of 20,000 characters each, up to 9 bytes a character once percent-encoded,
 * are about 540 kB. Anything larger is refused before it is read into memory.
 */
export const MAX_FORM_BYTES = 1024 * 1024;

export type FormBody = { kind: "urlencoded" | "multipart"; contentType: string; bytes: Uint8Array };

/**
 * The most fields a form of ours sends (an edition's section wording: 11 sections × 3 languages ×
 * title and prompt, under 100), with room to spare, and the most parts of an upload (a file and
 * a few fields). Parsing costs per field: a 1 MB body of 300,000 empty fields, or of 15,000
 * empty file parts, held the request thread 0.3 s and 0.6 s, from anyone, signed in or not.
 */
export const MAX_FORM_FIELDS = 1000;
export const MAX_MULTIPART_PARTS = 50;

/** How many times `needle` occurs in `bytes`, counting no further than `limit` + 1. */
function occurrences(bytes: Uint8Array, needle: Buffer, limit: number): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && count <= limit; at = haystack.indexOf(needle, at + needle.length))
    count++;
  return count;
}

export function refuse(status: 400 | 413 | 415, reason: string): never {
  // A plain-text reason for API clients; the page a browser shows is the ErrorBoundary's,
  // translated, which reads only the status.
  throw new Response(reason, { status, statusText: reason, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A multipart boundary as RFC 2046 allows it: 1 to 70 characters of a small alphabet. */
const BOUNDARY = /^[0-9A-Za-z'()+_,./:=?-](?:[0-9A-Za-z'()+_,./:=? -]{0,68}[0-9A-Za-z'()+_,./:=?-])?$/;

function boundaryOf(contentType: string): string | null {
  for (const param of contentType.split(";").slice(1)) {
    const eq = param.indexOf("=");
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== "boundary") continue;
    let value = param.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return BOUNDARY.test(value) ? value : null;
  }
  return null;
}

/**
 * Reads a form post's raw body after checking what it claims to be: url-encoded, or multipart
 * with a usable boundary (else 415), not compressed (415: nothing here inflates bodies), and at
 * most `maxBytes` (413, reading stops there). Throws those responses; never a 500.
 */
/** A request's media type, without its parameters, in lower case ("" when none is given). */
export function mediaTypeOf(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
}

/** The 400 page for a post naming an action (`intent`) that no form of its page posts. */
export function refuseUnknownIntent(): never {
  refuse(400, "Bad Request: unknown intent");
}

export async function readFormBody(
  request: Request,
  { maxBytes = MAX_FORM_BYTES }: { maxBytes?: number } = {},
): Promise<FormBody> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const mediaType = mediaTypeOf(request);
  let kind: FormBody["kind"];
  if (mediaType === "application/x-www-form-urlencoded") kind = "urlencoded";
  else if (mediaType === "multipart/form-data") {
    if (!boundaryOf(contentType)) refuse(415, "Unsupported Media Type: multipart/form-data needs a boundary");
    kind = "multipart";
  } else refuse(415, "Unsupported Media Type: send application/x-www-form-urlencoded or multipart/form-data");
  const encoding = (request.headers.get("Content-Encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "")
    refuse(415, "Unsupported Media Type: compressed bodies are not accepted");
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) refuse(413, "Payload Too Large");
  if (request.bodyUsed) refuse(400, "Bad Request: the body was already read");
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  try {
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Reading stops here; the server discards the rest once the 413 is sent (cancelling the
      // stream would reset the connection before the client reads the answer).
      if (size > maxBytes) {
        reader.releaseLock();
        refuse(413, "Payload Too Large");
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    refuse(400, "Bad Request: the body could not be read");
  }
  return { kind, contentType, bytes: new Uint8Array(Buffer.concat(chunks)) };
}

const AMPERSAND = Buffer.from("&");

/** Parses a body read by readFormBody; a malformed one (bad multipart, invalid UTF-8) is a 400. */
export async function parseFormBody(body: FormBody): Promise<FormData> {
  // Counted before parsing (a scan of the bytes): each field costs the parser far more.
  if (body.kind === "urlencoded" && occurrences(body.bytes, AMPERSAND, MAX_FORM_FIELDS) >= MAX_FORM_FIELDS)
    refuse(400, "Bad Request: too many fields");
  if (body.kind === "multipart") {
    // One delimiter per part, and the closing one: more than the parts allowed is refused.
    const delimiter = Buffer.from(`--${boundaryOf(body.contentType)}`, "latin1");
    if (occurrences(body.bytes, delimiter, MAX_MULTIPART_PARTS + 1) > MAX_MULTIPART_PARTS + 1)
      refuse(400, "Bad Request: too many parts");
  }
  try {
    if (body.kind === "urlencoded") {
      // Browsers send UTF-8; bytes that are not are a malformed request, not text to guess at.
      const text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
      const form = new FormData();
      for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
      return form;
    }
    const copy = new Request("http://form.invalid/", {
      method: "POST",
      headers: { "Content-Type": body.contentType },
      body: body.bytes as unknown as BodyInit,
    });
    return await copy.formData();
  } catch {
    refuse(400, "Bad Request: the form could not be parsed");
  }
}

/**
 * The one way an action reads a form post (an ESLint rule forbids request.formData() elsewhere):
 * an unsupported Content-Type answers 415, an oversized body 413, one that cannot be parsed 400,
 * each thrown as a Response so the route's ErrorBoundary shows it, translated.
 */
export async function readForm(request: Request, options: { maxBytes?: number } = {}): Promise<FormData> {
  return parseFormBody(await readFormBody(request, options));
}

/** Values to send back after a failed post: everything typed except passwords. */
export function keptValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)));
}

/**
 * A form's text fields. A field sent as a file, where text is expected, is left out (so it is
 * "missing"), and a field sent several times keeps its last value (as it always has: a hidden
 * fallback before a checkbox of the same name relies on it): no schema sees a File or an array.
 * Line breaks are stored as "\n" whoever sent them: a browser posting a form itself sends a
 * text area's as "\r\n", a script's FormData may not, and the same text saved both ways read as a
 * change (audited) each time.
 */
export function formValues(body: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of body.entries()) if (typeof value === "string") values[key] = value.replace(/\r\n?/g, "\n");
  return values;
}

export type Validated<T> =
  | { ok: true; data: T; values: Record<string, unknown> }
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/** Reads a url-encoded or multipart body as strings and validates it with a form's schema. */
export async function validateForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  formData?: FormData,
): Promise<Validated<z.infer<S>>> {
  const values: Record<string, unknown> = formValues(formData ?? (await readForm(request)));
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors = zodErrors(parsed.error);
    // An intent none of the page's forms posts (a forged post, or a page older than the code):
    // each form shows only the answer to its own intent, so the page came back unchanged and
    // silent. It is a request that cannot be read as the form expects: the 400 page, translated,
    // saying nothing was changed.
    if (errors.intent?.message === "errors.intent_invalid") refuseUnknownIntent();
    return { ok: false, errors, values: keptValues(values) };
  }
  return { ok: true, data: parsed.data, values: keptValues(values) };
}

/** One error; a failure that names no field is the whole form's. */
export function fieldError(
  field: string | undefined,
  message: string,
  vars?: Record<string, string | number>,
): FieldErrors {
  return { [field ?? "form"]: { message, vars } };
}

/** A refused post's answer: the errors and what was typed, with status 400. */
export function refused(errors: FieldErrors, values: Record<string, unknown>) {
  return data({ errors, values }, { status: 400 });
}

/**
 * A refused post's answer when the model said no: its error on the field it names, with what was
 * typed; 429 when the error is the one that says the sender must wait (`throttled`), else 400.
 */
export function failed(failure: Omit<Failure, "ok">, values: Record<string, unknown>, throttled?: string) {
  return data(
    { errors: fieldError(failure.field, failure.error, failure.vars), values },
    { status: failure.error === throttled ? 429 : 400 },
  );
}
