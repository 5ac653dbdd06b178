// Every page of the nominations area in English, French and Arabic: zero axe violations, the
// right <html lang dir>, one h1, and (JavaScript project) EcoIndex grade A within the budget.
// One page a test.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { gotoReady } from "./support/hydration";
import { secretariatStatePath, setLanguage } from "./support/session";
import { checkPage, LANGS, signedInCookies, useCookies, type Cookies } from "./support/sweep";
import { nominateDirectly, seedNominations, type Seeded } from "./nominations-seed";

// One entity's applications (the third already nominated) and one batch for screening.
let entity: Seeded;
let screening: Seeded;
let nominator: Cookies;
test.beforeAll(async ({ browser }) => {
  entity = await seedNominations({ label: "pages", count: 3 });
  nominateDirectly(entity, [entity.applications[2].id]);
  nominator = await signedInCookies(browser, entity.nominator.email, entity.nominator.password);
  screening = await seedNominations({ label: "pages-screening", count: 2 });
  nominateDirectly(
    screening,
    screening.applications.map((a) => a.id),
  );
});

const NOMINATOR_PAGES: [string, (s: Seeded) => string][] = [
  ["workspace", (s) => `/nominations?edition=${s.editionId}`],
  ["an application", (s) => `/nominations/${s.applications[0].id}`],
  ["the return form", (s) => `/nominations/${s.applications[0].id}?do=return`],
  ["the decline form", (s) => `/nominations/${s.applications[0].id}?do=decline`],
  ["the nomination form", (s) => `/nominations/${s.applications[0].id}?do=nominate`],
  ["a nominated application", (s) => `/nominations/${s.applications[2].id}`],
];
const SCREENING_PAGES: [string, (s: Seeded) => string][] = [
  ["the screening list", (s) => `/secretariat/screening?edition=${s.editionId}`],
  ["the filtered screening list", (s) => `/secretariat/screening?edition=${s.editionId}&country=SN&state=nominated`],
  ["an application's screening", (s) => `/secretariat/screening/${s.applications[0].id}`],
];

for (const lang of LANGS) {
  for (const [name, url] of NOMINATOR_PAGES) {
    test(`the nominating entity's ${name} is accessible and light in ${lang}`, async ({ context }) => {
      await useCookies(context, nominator);
      await setLanguage(context, lang);
      await checkPage(context, url(entity), lang);
    });
  }

  test(`the nomination form with errors is accessible in ${lang}`, async ({ page }) => {
    await useCookies(page, nominator);
    await setLanguage(page, lang);
    // No letter, no confirmation.
    await gotoReady(page, `/nominations/${entity.applications[0].id}?do=nominate`);
    await page.locator("form#nominate button[type=submit]").click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page);
  });

  test.describe(() => {
    test.use({ storageState: secretariatStatePath() });

    for (const [name, url] of SCREENING_PAGES) {
      test(`${name} is accessible and light in ${lang}`, async ({ context }) => {
        await setLanguage(context, lang);
        await checkPage(context, url(screening), lang);
      });
    }

    test(`the screening form with errors is accessible in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      await gotoReady(page, `/secretariat/screening/${screening.applications[0].id}`);
      await page.locator('form#screening input[value="fail"]').first().check();
      await page.locator("form#screening button[type=submit]").click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectAccessible(page);
    });
  });
}
