// While the results are computed in the worker (decision 021), their page says so: a page like
// every other (one h1, axe-clean, EcoIndex A) in the three languages, with a link that refreshes
// it without JavaScript (with JavaScript it asks again by itself). Its own server, on its own copy
// of the demo, whose worker waits ten minutes before each job, so that the page is seen waiting.
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { DemoResult } from "../../scripts/seed/demo";
import { startServer, type StartedServer } from "./support/server";
import { sessionFor } from "./support/world";
import { checkPage, LANGS } from "./support/sweep";

const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

let server: StartedServer;
let secretariatCookie = "";
let secretariatId = "";
let editionId = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer({
    prepare: async (env) => {
      // Built by `tsx` in a child process, as `npm run demo` does (see demo-read-only.spec.ts).
      const resultFile = join(dirname(env.DATABASE_PATH), "demo-result.json");
      execFileSync(process.execPath, [TSX_CLI, "scripts/seed/demo.ts"], {
        env: { ...process.env, DEMO_DATABASE_PATH: env.DATABASE_PATH, DEMO_RESULT_FILE: resultFile },
        stdio: "ignore",
        // The seed must end by itself, as `npm run demo` needs it to (a worker thread once kept it open).
        timeout: 90_000,
      });
      const demo = JSON.parse(readFileSync(resultFile, "utf8")) as DemoResult;
      const db = new Database(env.DATABASE_PATH);
      try {
        const email = demo.logins.find((l) => l.role === "secretariat")!.email;
        const user = db.prepare("select id from users where email = ?").get(email) as { id: string };
        secretariatId = user.id;
        secretariatCookie = await sessionFor(user.id, db);
        editionId = (db.prepare("select id from editions where year = 2023").get() as { id: string }).id;
        // Scoring closed yesterday: the results page computes the edition's results.
        db.prepare("update editions set scoring_closes_at = ? where id = ?").run(Date.now() - 864e5, editionId);
      } finally {
        db.close();
      }
    },
    extraEnv: {
      RESULTS_WORKER_DELAY_MS: "600000",
      COMPUTING_WAIT_MS: "200",
      MAIL_INTERVAL_MS: "3600000",
      JOBS_INTERVAL_MS: "3600000",
    },
  });
});
test.afterAll(async () => {
  await server?.stop();
});

test.beforeEach(async ({ page }) => {
  const [name, value] = secretariatCookie.split(";")[0].split("=");
  await page.context().addCookies([{ name, value, url: server.baseURL }]);
});

for (const lang of LANGS) {
  test(`the results page says the results are being computed, and since when, in ${lang}`, async ({ page }) => {
    // The page's language is the profile's.
    const db = new Database(server.env.DATABASE_PATH);
    db.pragma("busy_timeout = 5000");
    db.prepare("update users set locale = ? where id = ?").run(lang, secretariatId);
    db.close();
    const url = `${server.baseURL}/secretariat/editions/${editionId}/results`;
    await checkPage(page, url, lang, {
      status: 503,
      also: async (shown) => {
        await expect(shown.locator("h1")).toHaveText(/…$/);
        await expect(shown.getByRole("status")).toContainText(/\d{1,2}:\d{2}/);
        const again = shown.locator("main a", { hasText: /./ }).last();
        await expect(again).toHaveAttribute("href", new RegExp(`/secretariat/editions/${editionId}/results`));
      },
    });
  });
}
