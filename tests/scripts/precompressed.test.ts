import express from "express";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress, servePrecompressed } from "../../scripts/precompressed.mjs";

const folder = mkdtempSync(join(tmpdir(), "prize-precompressed-"));
const script = "export const words = [" + Array.from({ length: 400 }, (_, i) => `"word ${i}"`).join(", ") + "];\n";
const style = "main { color: #222; }\n".repeat(100);
let base = "";
let close: () => void = () => {};
let written = 0;

beforeAll(async () => {
  mkdirSync(join(folder, "_shared"));
  writeFileSync(join(folder, "_shared", "chunk-ABC.js"), script);
  writeFileSync(join(folder, "app.css"), style);
  writeFileSync(join(folder, "tiny.js"), "export {};\n");
  writeFileSync(join(folder, "logo.png"), Buffer.alloc(4096, 7));
  writeFileSync(join(folder, "stale.js"), script);
  written = await precompress(folder);
  // A copy older than its file (the file rebuilt without its copies): never sent.
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(folder, "stale.js.br"), past, past);
  utimesSync(join(folder, "stale.js.gz"), past, past);
  const app = express();
  app.use("/build", servePrecompressed(folder), express.static(folder, { immutable: true, maxAge: "1y" }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((done) => server.once("listening", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

/** The response as sent: headers and undecoded bytes (fetch would decode them). */
function raw(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("the build's assets compressed once", () => {
  it("are written beside each text file of 1 KiB or more, in Brotli and gzip, and not again when up to date", async () => {
    expect(written).toBe(6);
    expect(brotliDecompressSync(readFileSync(join(folder, "_shared", "chunk-ABC.js.br"))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(folder, "app.css.gz"))).toString()).toBe(style);
    expect(existsSync(join(folder, "tiny.js.br"))).toBe(false);
    expect(existsSync(join(folder, "logo.png.br"))).toBe(false);
    const before = statSync(join(folder, "app.css.br")).mtimeMs;
    expect(await precompress(folder)).toBe(2); // only the stale copies
    expect(statSync(join(folder, "app.css.br")).mtimeMs).toBe(before);
  });

  it("are sent in Brotli to a browser that accepts it, with the static files' type and cache", async () => {
    const response = await raw("/build/_shared/chunk-ABC.js", { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      "content-encoding": "br",
      "content-type": "application/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
      "content-length": String(response.body.length),
    });
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
    // Brotli at its highest quality: smaller than the gzip copy.
    expect(response.body.length).toBeLessThan(readFileSync(join(folder, "_shared", "chunk-ABC.js.gz")).length);
  });

  it("are sent in gzip when Brotli is not accepted, and as they are when neither is", async () => {
    const gzip = await raw("/build/app.css", { "Accept-Encoding": "gzip;q=1, br;q=0" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(gunzipSync(gzip.body).toString()).toBe(style);
    const plain = await raw("/build/app.css", { "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(style);
    expect(plain.headers.vary).toBe("Accept-Encoding");
  });

  it("answer a repeated request with 304, and HEAD with the headers alone", async () => {
    const first = await raw("/build/app.css", { "Accept-Encoding": "br" });
    const again = await raw("/build/app.css", { "Accept-Encoding": "br", "If-None-Match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await raw("/build/app.css", { "Accept-Encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(first.body.length));
    expect(head.body.length).toBe(0);
  });

  it("leave a Range request, a stale copy, a small file and an unknown path to the static files", async () => {
    const range = await raw("/build/app.css", { "Accept-Encoding": "br", Range: "bytes=0-3" });
    expect(range.status).toBe(206);
    expect(range.body.toString()).toBe("main");
    const stale = await raw("/build/stale.js", { "Accept-Encoding": "br" });
    expect(stale.headers["content-encoding"]).toBeUndefined();
    expect(stale.body.toString()).toBe(script);
    const tiny = await raw("/build/tiny.js", { "Accept-Encoding": "br" });
    expect(tiny.body.toString()).toBe("export {};\n");
    expect((await raw("/build/none.js", { "Accept-Encoding": "br" })).status).toBe(404);
    expect((await raw("/build/%E0%A4%A", { "Accept-Encoding": "br" })).status).toBe(404);
    // No Accept-Encoding at all (a command-line client): the file as it is.
    expect((await raw("/build/app.css")).headers["content-encoding"]).toBeUndefined();
  });
});
