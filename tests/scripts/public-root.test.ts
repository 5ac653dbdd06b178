import express from "express";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePublicRoot } from "../../scripts/public-root.mjs";

let base = "";
let close: () => void = () => {};

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), "prize-public-"));
  writeFileSync(join(folder, "robots.txt"), "User-agent: *\n");
  writeFileSync(join(folder, "a file.txt"), "spaced\n");
  mkdirSync(join(folder, "icons"));
  writeFileSync(join(folder, "icons", "star.svg"), "<svg/>");
  mkdirSync(join(folder, "build"));
  writeFileSync(join(folder, "build", "entry.js"), "//");
  const app = express();
  app.use(servePublicRoot(folder));
  app.use((_req, res) => res.status(404).send("the app's own 404"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((done) => server.once("listening", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`, { redirect: "manual" });
  return { status: response.status, body: await response.text(), location: response.headers.get("location") };
};

describe("the files beside the build in public/", () => {
  it("are served from the site's root, in folders too and by an encoded name", async () => {
    expect(await get("/robots.txt")).toMatchObject({ status: 200, body: "User-agent: *\n" });
    expect(await get("/icons/star.svg")).toMatchObject({ status: 200, body: "<svg/>" });
    expect(await get("/a%20file.txt")).toMatchObject({ status: 200, body: "spaced\n" });
  });

  it("leave every other path to the app, the build's folder and a folder's own path included", async () => {
    for (const path of [
      "/",
      "/call",
      "/robots.txt.bak",
      "/build/entry.js",
      "/icons",
      "/%E0%A4%A",
      "/icons/missing.svg",
    ]) {
      expect(await get(path), path).toEqual({ status: 404, body: "the app's own 404", location: null });
    }
  });
});
