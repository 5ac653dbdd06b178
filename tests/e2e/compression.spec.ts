// Pages go out compressed as the browser asks (docs/decisions/045-brotli-window.md): Brotli with
// a 256 KiB window, which holds the largest page whole, rather than the encoder's 4 MiB default,
// whose memory, taken and given back for every response, cost a crowd of readers a quarter of the
// server's time.
import { expect, test } from "@playwright/test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { rawRequest } from "./support/raw-http";

/** The response's bytes as sent, not decoded (Playwright's request decodes them). */
const rawGet = (path: string, acceptEncoding: string) =>
  rawRequest(path, { headers: { "Accept-Encoding": acceptEncoding } });

/** The window a Brotli stream declares in its first bits (RFC 7932, section 9.1), as log2 of its size. */
function brotliWindowBits(stream: Buffer): number {
  const bits = stream.readUInt16LE(0);
  if ((bits & 1) === 0) return 16;
  const n = (bits >> 1) & 7;
  if (n !== 0) return 17 + n;
  const m = (bits >> 4) & 7;
  return m === 0 ? 17 : 8 + m;
}

/** The document from its first characters to its last script, which closes the loader data's stream. */
function expectWholePage(html: string) {
  expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  expect(html).toContain("</html>");
  expect(html).toMatch(/streamController\.close\(\);<\/script>(<!--\/\$-->)*$/);
}

test("a page asked for in Brotli comes back in Brotli with a 256 KiB window, and whole @http", async () => {
  const { headers, body } = await rawGet("/call", "gzip, deflate, br, zstd");
  expect(headers["content-encoding"]).toBe("br");
  expect(brotliWindowBits(body)).toBe(18);
  expectWholePage(brotliDecompressSync(body).toString("utf8"));
});

test("a page asked for in gzip alone comes back in gzip, and one asked for uncompressed as it is @http", async () => {
  const gzip = await rawGet("/call", "gzip");
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expectWholePage(gunzipSync(gzip.body).toString("utf8"));
  const identity = await rawGet("/call", "identity");
  expect(identity.headers["content-encoding"]).toBeUndefined();
  expectWholePage(identity.body.toString("utf8"));
});

test("the build's scripts go out as compressed at build time, in Brotli or gzip as asked @http", async () => {
  // The root route's script, named in every page (docs/decisions/053-precompressed-assets.md).
  const page = (await rawGet("/call", "identity")).body.toString("utf8");
  const script = page.match(/\/build\/root-[\w-]+\.js/)?.[0];
  expect(script).toBeTruthy();
  const plain = await rawGet(script!, "identity");
  expect(plain.headers["content-encoding"]).toBeUndefined();
  const brotli = await rawGet(script!, "gzip, deflate, br, zstd");
  expect(brotli.headers).toMatchObject({
    "content-encoding": "br",
    "cache-control": "public, max-age=31536000, immutable",
    vary: "Accept-Encoding",
  });
  expect(brotli.headers["content-type"]).toMatch(/^application\/javascript/);
  // Sent whole with its length, as a file is: compressed on the fly it would come in chunks.
  expect(brotli.headers["content-length"]).toBe(String(brotli.body.length));
  expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
  const gzip = await rawGet(script!, "gzip");
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
});
