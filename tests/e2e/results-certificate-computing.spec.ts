// The secretariat's results page does not wait for the laureates' certificate, computed after
// the results and about as long at 10,000 applications: it shows the ranking at once and says
// that the expected ranks are on their way, and since when (decision 036). A page like every
// other (one h1, axe-clean, EcoIndex A) in the three languages, with a link that refreshes it
// without JavaScript. Its own server, on its own copy of the demo, whose worker waits ten
// minutes before each certificate and no other job.
import { expect, test } from "@playwright/test";
import { checkPage, LANGS } from "./support/sweep";
import { gotoReady, isJsProject } from "./support/hydration";
import {
  setSecretariatLanguage,
  signInSecretariat,
  slowedResultsUrl,
  startSlowedResults,
  untilResultsShown,
  type SlowedResults,
} from "./support/slowed-results";

const EXPECTED_RANK = { en: "Expected rank", fr: "Rang attendu", ar: "الرتبة المتوقعة" } as const;

let slowed: SlowedResults;

const resultsUrl = () => slowedResultsUrl(slowed);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  slowed = await startSlowedResults({
    RESULTS_WORKER_DELAY_MS: "600000",
    RESULTS_WORKER_DELAY_KINDS: "certificate",
    COMPUTING_WAIT_MS: "300",
  });
  // The results themselves are not delayed: asked until they are there (a second or so; longer
  // on a busy machine), so that every page below is the ranking without its certificate.
  await untilResultsShown(slowed, "the results");
});
test.afterAll(async () => {
  await slowed?.server.stop();
});

test.beforeEach(async ({ page }) => {
  await signInSecretariat(page, slowed);
});

for (const lang of LANGS) {
  test(`the results page shows the ranking while the certificate is computed, and says since when, in ${lang}`, async ({
    page,
  }) => {
    setSecretariatLanguage(slowed, lang);
    await checkPage(page, resultsUrl(), lang, {
      also: async (shown) => {
        await expect(shown.locator("#ranking")).toBeVisible();
        await expect(shown.locator(".results-table tbody tr").first()).toBeVisible();
        const status = shown.getByRole("status");
        // The mark `npm run bench:server` waits on (a failed certificate has its own).
        await expect(status).toHaveAttribute("data-certificate", "computing");
        await expect(status).toContainText(/\d{1,2}:\d{2}/);
        await expect(status.locator("a")).toHaveAttribute(
          "href",
          new RegExp(`/secretariat/editions/${slowed.editionId}/results$`),
        );
        // No expected-rank column until the certificate is there.
        await expect(shown.locator("thead th", { hasText: EXPECTED_RANK[lang] })).toHaveCount(0);
      },
    });
  });
}

test("a what-if weight typed while the page waits for its certificate stays as typed", async ({ page }) => {
  setSecretariatLanguage(slowed, "en");
  await gotoReady(page, resultsUrl());
  const weight = page.locator('input[name^="w_"]').first();
  await weight.fill("7");
  if (isJsProject()) {
    // With JavaScript the page asks for its data again every three seconds while it waits: twice.
    for (let i = 0; i < 2; i++)
      await page.waitForResponse((answer) => answer.url().includes("/results.data"), { timeout: 15_000 });
  } else {
    // Without it, nothing reloads the page by itself (no meta refresh) to lose what was typed.
    await page.waitForTimeout(4000);
    await expect(page.locator('meta[http-equiv="refresh" i]')).toHaveCount(0);
  }
  await expect(page.getByRole("status")).toContainText(/\d{1,2}:\d{2}/);
  await expect(weight).toHaveValue("7");
});
