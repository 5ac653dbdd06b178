import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { users } from "../../../db/schema";
import * as z from "zod";
import {
  formValues,
  MAX_FORM_BYTES,
  MAX_FORM_FIELDS,
  MAX_MULTIPART_PARTS,
  readForm,
  validateForm,
} from "../../../app/kernel/forms/validate.server";
import * as account from "../../../app/routes/account";
import { cookieFor, makeUser, run } from "../../fixtures/builders";

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/x", {
    method: "POST",
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** The status of the Response readForm threw, or "parsed" when it returned a form. */
async function outcome(request: Request): Promise<number | "parsed"> {
  try {
    await readForm(request);
    return "parsed";
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

const boundary = "----e2eBoundary7MA4YWxkTrZu0gW";
const part = (name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe("readForm", () => {
  it("parses a url-encoded form and a multipart form with its boundary", async () => {
    const urlencoded = await readForm(
      post("intent=save&name=%C3%89lise", { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" }),
    );
    expect(formValues(urlencoded)).toEqual({ intent: "save", name: "Élise" });
    const multipart = await readForm(
      post(`${part("intent", "save")}--${boundary}--\r\n`, {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
      }),
    );
    expect(formValues(multipart)).toEqual({ intent: "save" });
  });

  it("answers 415 to a body that is not a form: JSON, text, XML, no Content-Type, multipart without a boundary, a compressed body", async () => {
    expect(await outcome(post('{"intent":"save"}', { "Content-Type": "application/json" }))).toBe(415);
    expect(await outcome(post("intent=save", { "Content-Type": "text/plain" }))).toBe(415);
    expect(await outcome(post("<intent>save</intent>", { "Content-Type": "application/xml" }))).toBe(415);
    expect(await outcome(post(null))).toBe(415);
    expect(await outcome(post(part("a", "b"), { "Content-Type": "multipart/form-data" }))).toBe(415);
    expect(await outcome(post(part("a", "b"), { "Content-Type": "multipart/form-data; boundary=" }))).toBe(415);
    expect(
      await outcome(
        post("intent=save", { "Content-Type": "application/x-www-form-urlencoded", "Content-Encoding": "gzip" }),
      ),
    ).toBe(415);
  });

  it("answers 400 to a form that cannot be parsed: a wrong boundary, a truncated multipart body, bytes that are not UTF-8", async () => {
    expect(
      await outcome(
        post(`${part("a", "b")}--${boundary}--\r\n`, { "Content-Type": "multipart/form-data; boundary=not-the-one" }),
      ),
    ).toBe(400);
    expect(
      await outcome(post(part("a", "b").slice(0, 30), { "Content-Type": `multipart/form-data; boundary=${boundary}` })),
    ).toBe(400);
    expect(
      await outcome(
        post(new Uint8Array([0x61, 0x3d, 0xff, 0xfe, 0x00]), { "Content-Type": "application/x-www-form-urlencoded" }),
      ),
    ).toBe(400);
  });

  it("answers 413 to a body over the cap, declared or streamed, without reading it whole", async () => {
    expect(
      await outcome(
        post("a=b", {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(MAX_FORM_BYTES + 1),
        }),
      ),
    ).toBe(413);
    let pulled = 0;
    const chunk = new TextEncoder().encode(`a=${"x".repeat(64 * 1024)}`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    expect(await outcome(post(endless, { "Content-Type": "application/x-www-form-urlencoded" }))).toBe(413);
    expect(pulled).toBeLessThan(MAX_FORM_BYTES / chunk.byteLength + 4);
  });

  it("answers 400 to a form of more fields or parts than any form of ours sends, before parsing them", async () => {
    const urlencoded = { "Content-Type": "application/x-www-form-urlencoded" };
    const multipart = { "Content-Type": `multipart/form-data; boundary=${boundary}` };
    // 300,000 empty fields in a megabyte: 0.3 s of the request thread to parse, from anyone.
    expect(await outcome(post("a=&".repeat(300_000), urlencoded))).toBe(400);
    expect(await outcome(post("a=&".repeat(MAX_FORM_FIELDS), urlencoded))).toBe(400);
    expect(await outcome(post("a=&".repeat(MAX_FORM_FIELDS - 1), urlencoded))).toBe("parsed");
    // 10,000 empty file parts under a megabyte: ~0.4 s each; eight at once stalled the server 10 s.
    const fileParts = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="${i}"\r\n\r\n\r\n`,
      ).join("") + `--${boundary}--\r\n`;
    expect(await outcome(post(fileParts(10_000), multipart))).toBe(400);
    expect(await outcome(post(fileParts(MAX_MULTIPART_PARTS + 1), multipart))).toBe(400);
    expect(await outcome(post(fileParts(MAX_MULTIPART_PARTS), multipart))).toBe("parsed");
  });

  it("gives a schema only strings: a field sent as a file counts as missing, a repeated field keeps its last value", async () => {
    const body = new FormData();
    body.append("name", new File(["x"], "name.txt"));
    body.append("lang", "en");
    body.append("lang", "fr");
    const schema = z.object({ name: z.string({ error: "errors.required" }), lang: z.string() });
    const result = await validateForm(post(body), schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.name).toMatchObject({ message: "errors.required" });
    expect(result.values).toEqual({ lang: "fr" });
  });

  it("stores a text's line breaks as \\n, whether the browser sent \\r\\n (a form posted without JavaScript) or not", async () => {
    const native = new URLSearchParams({ text: "one\r\ntwo\rthree\nfour" });
    const scripted = new FormData();
    scripted.append("text", "one\ntwo\nthree\nfour");
    for (const body of [native, scripted])
      expect(formValues(await readForm(post(body)))).toEqual({ text: "one\ntwo\nthree\nfour" });
  });

  it("an action given a JSON body answers 415 as a thrown response (the error page), not a 500, and changes nothing", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const res = await run(() =>
      account.action({
        request: post('{"name":"x"}', { "Content-Type": "application/json", Cookie: cookie }),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(415);
    expect(db().select({ name: users.name }).from(users).where(eq(users.id, user.id)).get()!.name).toBe(user.name);
  });
});
