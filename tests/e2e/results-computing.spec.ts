// While the results are computed in the worker (decision 021), their page says so: a page like
// every other (one h1, axe-clean, EcoIndex A) in the three languages, with a link that refreshes
// it without JavaScript (with JavaScript it asks again by itself). Its own server, on its own copy
// of the demo, whose worker waits ten minutes before each job, so that the page is seen waiting.
import { expect, test } from "@playwright/test";
import { checkPage, LANGS } from "./support/sweep";
import {
  setSecretariatLanguage,
  signInSecretariat,
  startSlowedResults,
  type SlowedResults,
} from "./support/slowed-results";

let slowed: SlowedResults;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  slowed = await startSlowedResults({ RESULTS_WORKER_DELAY_MS: "600000", COMPUTING_WAIT_MS: "200" });
});
test.afterAll(async () => {
  await slowed?.server.stop();
});

test.beforeEach(async ({ page }) => {
  await signInSecretariat(page, slowed);
});

for (const lang of LANGS) {
  test(`the results page says the results are being computed, and since when, in ${lang}`, async ({ page }) => {
    setSecretariatLanguage(slowed, lang);
    const url = `${slowed.server.baseURL}/secretariat/editions/${slowed.editionId}/results`;
    await checkPage(page, url, lang, {
      status: 503,
      also: async (shown) => {
        await expect(shown.locator("h1")).toHaveText(/…$/);
        await expect(shown.getByRole("status")).toContainText(/\d{1,2}:\d{2}/);
        const again = shown.locator("main a", { hasText: /./ }).last();
        await expect(again).toHaveAttribute("href", new RegExp(`/secretariat/editions/${slowed.editionId}/results`));
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
    setSecretariatLanguage(slowed, lang);
    const res = await page.goto(`${slowed.server.baseURL}/secretariat/editions/${slowed.editionId}/integrity`);
    expect(res?.status()).toBe(503);
    await expect(page.locator("h1")).toHaveText(titles[lang]);
    await expect(page.getByRole("status")).toContainText(/\d{1,2}:\d{2}/);
  }
});
