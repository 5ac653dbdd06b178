// The secretariat's results page does not wait for the laureates' certificate, computed after
// the results and about as long at 10,000 applications: it shows the ranking at once and says
// that the expected ranks are on their way, and since when (decision 036). A page like every
// other (one h1, axe-clean, EcoIndex A) in the three languages, with a link that refreshes it
// without JavaScript. Its own server, on its own copy of the demo, whose worker waits ten
// minutes before each certificate and no other job.
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

const EXPECTED_RANK = { en: "Expected rank", fr: "Rang attendu", ar: "الرتبة المتوقعة" } as const;

const resultsUrl = () => `${server.baseURL}/secretariat/editions/${editionId}/results`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
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
      RESULTS_WORKER_DELAY_KINDS: "certificate",
      COMPUTING_WAIT_MS: "300",
      MAIL_INTERVAL_MS: "3600000",
      JOBS_INTERVAL_MS: "3600000",
    },
  });
  // The results themselves are not delayed: asked until they are there (a second or so; longer
  // on a busy machine), so that every page below is the ranking without its certificate.
  const headers = { Cookie: secretariatCookie.split(";")[0] };
  for (let i = 0; i < 120; i++) {
    const answer = await fetch(resultsUrl(), { headers, redirect: "manual" });
    await answer.arrayBuffer();
    if (answer.status === 200) return;
    expect(answer.status).toBe(503);
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error("the results were not computed within two minutes");
});
test.afterAll(async () => {
  await server?.stop();
});

test.beforeEach(async ({ page }) => {
  const [name, value] = secretariatCookie.split(";")[0].split("=");
  await page.context().addCookies([{ name, value, url: server.baseURL }]);
});

for (const lang of LANGS) {
  test(`the results page shows the ranking while the certificate is computed, and says since when, in ${lang}`, async ({
    page,
  }) => {
    const db = new Database(server.env.DATABASE_PATH);
    db.pragma("busy_timeout = 5000");
    db.prepare("update users set locale = ? where id = ?").run(lang, secretariatId);
    db.close();
    await checkPage(page, resultsUrl(), lang, {
      also: async (shown) => {
        await expect(shown.locator("#ranking")).toBeVisible();
        await expect(shown.locator(".results-table tbody tr").first()).toBeVisible();
        const status = shown.getByRole("status");
        await expect(status).toContainText(/\d{1,2}:\d{2}/);
        await expect(status.locator("a")).toHaveAttribute(
          "href",
          new RegExp(`/secretariat/editions/${editionId}/results$`),
        );
        // No expected-rank column until the certificate is there.
        await expect(shown.locator("thead th", { hasText: EXPECTED_RANK[lang] })).toHaveCount(0);
      },
    });
  });
}
