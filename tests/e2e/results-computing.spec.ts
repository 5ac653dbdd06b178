// While the results are computed in the worker (decision 021), their page says so: a page like
// every other (one h1, axe-clean, EcoIndex A) in the three languages, with a link that refreshes
// it without JavaScript (with JavaScript it asks again by itself). Its own server, on its own copy
// of the demo, whose worker waits ten minutes before each job, so that the page is seen waiting.
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { buildDemoAt } from "./support/demo";
import { startServer, type StartedServer } from "./support/server";
import { sessionFor } from "./support/world";
import { checkPage, LANGS } from "./support/sweep";

let server: StartedServer;
let secretariatCookie = "";
let secretariatId = "";
let editionId = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer({
    prepare: async (env) => {
      const demo = buildDemoAt(env.DATABASE_PATH);
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

test("the integrity page says its audits are being computed, not the results, in each language", async ({ page }) => {
  const titles = {
    en: "Computing the integrity audits…",
    fr: "Calcul des audits d’intégrité en cours…",
    ar: "جارٍ حساب تدقيقات النزاهة…",
  } as const;
  for (const lang of LANGS) {
    const db = new Database(server.env.DATABASE_PATH);
    db.pragma("busy_timeout = 5000");
    db.prepare("update users set locale = ? where id = ?").run(lang, secretariatId);
    db.close();
    const res = await page.goto(`${server.baseURL}/secretariat/editions/${editionId}/integrity`);
    expect(res?.status()).toBe(503);
    await expect(page.locator("h1")).toHaveText(titles[lang]);
    await expect(page.getByRole("status")).toContainText(/\d{1,2}:\d{2}/);
  }
});
