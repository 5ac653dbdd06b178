// Every page of the results area, in English, French and Arabic: zero axe violations, the
// right <html lang dir>, and (JavaScript project) EcoIndex grade A.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { expectEcoIndexA } from "./support/ecoindex";
import { gotoReady, isJsProject } from "./support/hydration";
import { secretariatStatePath, setLanguage, signIn } from "./support/session";
import { JUROR_PASSWORD, seedScoredEdition } from "./results-seed";

const LANGS = ["en", "fr", "ar"] as const;

async function check(page: Page, url: string, lang: (typeof LANGS)[number]) {
  const response = await gotoReady(page, url);
  expect(response?.status(), url).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await expect(page.locator("h1")).toHaveCount(1);
  await expectAccessible(page);
  if (isJsProject()) await expectEcoIndexA(page, url);
}

for (const lang of LANGS) {
  test(`the public laureates pages are accessible and light in ${lang}`, async ({ page }) => {
    await setLanguage(page, lang);
    await check(page, "/laureates", lang);
    await check(page, "/laureates?year=2018&country=FI", lang);
    await check(page, "/laureates/2023", lang);
  });

  test.describe(() => {
    test.use({ storageState: secretariatStatePath() });
    test(`the secretariat's results, deliberation and decision pages are accessible and light in ${lang}`, async ({ page }) => {
      test.setTimeout(120_000);
      const s = await seedScoredEdition(`pages-${lang}-${test.info().project.name}`);
      await setLanguage(page, lang);
      const base = `/secretariat/editions/${s.editionId}`;
      await check(page, `${base}/results`, lang);
      await check(page, `${base}/results?application=${s.apps[0].id}`, lang);
      await check(page, `${base}/deliberation`, lang);
      await check(page, `${base}/decision`, lang);
    });
  });

  test(`a juror's results and ballot pages are accessible and light in ${lang}`, async ({ page }) => {
    test.setTimeout(90_000);
    const s = await seedScoredEdition(`pages-juror-${lang}-${test.info().project.name}`);
    await signIn(page, s.jurors[0].email, JUROR_PASSWORD);
    await setLanguage(page, lang);
    await check(page, `/jury/${s.editionId}/results`, lang);
    await check(page, `/jury/${s.editionId}/ballot`, lang);
  });
}
