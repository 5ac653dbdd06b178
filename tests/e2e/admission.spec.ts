// Pages admitted a few at a time (decision 049), in the real server: with one place, a results
// page waiting for its computation gives it to the next page rather than keep it for its whole
// wait; and a REQUEST_CONCURRENCY that is not a whole number from 1 stops the server at start.
// HTTP only (@http): its own server on a copy of the demo, whose worker holds every computation.
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { slowedResultsUrl, startSlowedResults, type SlowedResults } from "./support/slowed-results";

test.describe("pages admitted a few at a time @http", () => {
  let slowed: SlowedResults;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    slowed = await startSlowedResults({
      RESULTS_WORKER_DELAY_MS: "600000",
      // Long enough that a page kept behind it would plainly come after it.
      COMPUTING_WAIT_MS: "2500",
      REQUEST_CONCURRENCY: "1",
    });
  });
  test.afterAll(async () => {
    await slowed?.server.stop();
  });

  test("a page waiting for its results gives the only place to the next page, which is answered first", async () => {
    const headers = { Cookie: slowed.secretariatCookie.split(";")[0], "Accept-Language": "en" };
    const answered: string[] = [];
    const results = fetch(slowedResultsUrl(slowed), { headers, redirect: "manual" }).then(async (r) => {
      await r.arrayBuffer();
      answered.push(`results ${r.status}`);
    });
    // The results page is in its wait once its computation has begun (the worker holds it).
    await new Promise((r) => setTimeout(r, 1000));
    expect(answered).toEqual([]);
    const call = await fetch(`${slowed.server.baseURL}/call`, { headers });
    await call.arrayBuffer();
    answered.push(`call ${call.status}`);
    await results;
    expect(answered).toEqual(["call 200", "results 503"]);
  });
});

test("a REQUEST_CONCURRENCY that is not a whole number from 1 stops the server at start, saying so @http", async () => {
  const dir = mkdtempSync(join(tmpdir(), "prize-admission-"));
  try {
    const child = spawn(process.execPath, ["scripts/cluster.mjs"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        WEB_CONCURRENCY: "1",
        REQUEST_CONCURRENCY: "0",
        PORT: "0",
        DATABASE_PATH: join(dir, "prize.db"),
        MAIL_DIR: join(dir, "mail"),
        UPLOAD_DIR: join(dir, "uploads"),
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once("exit", done));
    expect(code).not.toBe(0);
    expect(stderr).toContain('REQUEST_CONCURRENCY must be a whole number from 1, not "0".');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
