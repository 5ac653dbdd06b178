// Every page of the nominations area in English, French and Arabic: zero axe violations, the
// right <html lang dir>, one h1, and (JavaScript project) EcoIndex grade A within the budget.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { expectEcoIndexA } from "./support/ecoindex";
import { gotoReady, isJsProject } from "./support/hydration";
import { origin, secretariatStatePath, setLanguage } from "./support/session";
import { nominateDirectly, seedNominations } from "./nominations-seed";

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

async function signInByRequest(page: Page, email: string, password: string) {
  const response = await page.request.post("/login", { form: { email, password }, headers: { Origin: origin() }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

for (const lang of LANGS) {
  test(`the nominating entity's pages are accessible and light in ${lang}`, async ({ page }) => {
    const seed = await seedNominations({ label: `pages-${lang}`, count: 3 });
    nominateDirectly(seed, [seed.applications[2].id]);
    await signInByRequest(page, seed.nominator.email, seed.nominator.password);
    await setLanguage(page, lang);
    const id = seed.applications[0].id;
    await check(page, `/nominations?edition=${seed.editionId}`, lang);
    await check(page, `/nominations/${id}`, lang);
    await check(page, `/nominations/${id}?do=return`, lang);
    await check(page, `/nominations/${id}?do=decline`, lang);
    await check(page, `/nominations/${id}?do=nominate`, lang);
    await check(page, `/nominations/${seed.applications[2].id}`, lang);
    // The nomination form with errors (no letter, no confirmation) is accessible too.
    await gotoReady(page, `/nominations/${id}?do=nominate`);
    await page.locator("form#nominate button[type=submit]").click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page);
  });

  test.describe(() => {
    test.use({ storageState: secretariatStatePath() });

    test(`the screening pages are accessible and light in ${lang}`, async ({ page }) => {
      const seed = await seedNominations({ label: `pages-screening-${lang}`, count: 2 });
      nominateDirectly(seed, seed.applications.map((a) => a.id));
      await setLanguage(page, lang);
      await check(page, `/secretariat/screening?edition=${seed.editionId}`, lang);
      await check(page, `/secretariat/screening?edition=${seed.editionId}&country=SN&state=nominated`, lang);
      await check(page, `/secretariat/screening/${seed.applications[0].id}`, lang);
      await gotoReady(page, `/secretariat/screening/${seed.applications[0].id}`);
      await page.locator('form#screening input[value="fail"]').first().check();
      await page.locator("form#screening button[type=submit]").click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectAccessible(page);
    });
  });
}
