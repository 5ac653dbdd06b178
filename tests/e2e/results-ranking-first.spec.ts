// The results page shows the ranking while its rank intervals are computed, the longest part of
// the results at 10,000 applications (decision 046): the table without its interval and
// probability columns, and a line saying since when they are on their way. A page like every
// other (one h1, axe-clean, EcoIndex A) in the three languages, with a link that refreshes it
// without JavaScript. Its own server, on its own copy of the demo, whose worker waits ten minutes
// before each whole results computation and no other job (the ranking is one of its own).
import { expect, test } from "@playwright/test";
import { checkPage, LANGS } from "./support/sweep";
import {
  setSecretariatLanguage,
  signInSecretariat,
  slowedResultsUrl,
  startSlowedResults,
  untilResultsShown,
  type SlowedResults,
} from "./support/slowed-results";

const INTERVAL = { en: "95% rank interval", fr: "Intervalle de rang à 95 %", ar: "مجال الرتبة 95%" } as const;
const PROBABILITY = {
  en: "Probability of being a laureate",
  fr: "Probabilité d’être lauréat",
  ar: "احتمال الفوز",
} as const;

let slowed: SlowedResults;

const resultsUrl = () => slowedResultsUrl(slowed);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  slowed = await startSlowedResults({
    RESULTS_WORKER_DELAY_MS: "600000",
    RESULTS_WORKER_DELAY_KINDS: "results",
    COMPUTING_WAIT_MS: "300",
  });
  // The ranking is not delayed: asked until it is there (its first ask starts it), so that every
  // page below is the ranking without its intervals.
  await untilResultsShown(slowed, "the ranking");
});
test.afterAll(async () => {
  await slowed?.server.stop();
});

test.beforeEach(async ({ page }) => {
  await signInSecretariat(page, slowed);
});

for (const lang of LANGS) {
  test(`the results page shows the ranking while its rank intervals are computed, and says since when, in ${lang}`, async ({
    page,
  }) => {
    setSecretariatLanguage(slowed, lang);
    await checkPage(page, resultsUrl(), lang, {
      also: async (shown) => {
        await expect(shown.locator("#ranking")).toBeVisible();
        await expect(shown.locator(".results-table tbody tr").first()).toBeVisible();
        const status = shown.getByRole("status");
        // The mark `npm run bench:server` waits on; the certificate is not announced before the intervals.
        await expect(status).toHaveAttribute("data-intervals", "computing");
        await expect(status).toContainText(/\d{1,2}:\d{2}/);
        await expect(status.locator("a")).toHaveAttribute(
          "href",
          new RegExp(`/secretariat/editions/${slowed.editionId}/results$`),
        );
        // No interval, probability or interval chart until the resamples are there.
        await expect(shown.locator("thead th", { hasText: INTERVAL[lang] })).toHaveCount(0);
        await expect(shown.locator("thead th", { hasText: PROBABILITY[lang] })).toHaveCount(0);
        await expect(shown.locator("#chart-intervals-title")).toHaveCount(0);
      },
    });
  });
}
