// Every page that exists, in English, French and Arabic: zero axe violations (WCAG 2.2 A/AA),
// the right <html lang dir>, and EcoIndex grade A within the first-visit budget. EcoIndex is
// measured in the JavaScript project only: without JavaScript a page sends strictly less.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { waitForMail, extractLink } from "./support/db";
import { expectEcoIndexA } from "./support/ecoindex";
import { gotoReady, isJsProject } from "./support/hydration";
import { confirmationPath, origin, registerApplicant, secretariatStatePath, setLanguage, uniqueEmail } from "./support/session";

const LANGS = ["en", "fr", "ar"] as const;

async function check(page: Page, url: string, lang: (typeof LANGS)[number], status = 200) {
  const response = await gotoReady(page, url);
  expect(response?.status(), url).toBe(status);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await expect(page.locator("h1")).toHaveCount(1);
  await expectAccessible(page);
  if (isJsProject()) await expectEcoIndexA(page, url);
}

const VISITOR_PAGES: [string, number][] = [
  ["/", 200],
  ["/login", 200],
  ["/register", 200],
  ["/register?sent=1", 200],
  ["/register/confirm/not-a-real-token", 200],
  ["/forgot-password", 200],
  ["/reset-password/not-a-real-token", 200],
  ["/setup/not-a-real-token", 200],
  ["/invitations/not-a-real-token", 200],
  ["/no-such-page", 404],
];

for (const lang of LANGS) {
  test.describe(`pages in ${lang}`, () => {
    for (const [url, status] of VISITOR_PAGES) {
      test(`a visitor's ${url} is accessible and light in ${lang}`, async ({ page }) => {
        await setLanguage(page, lang);
        await check(page, url, lang, status);
      });
    }

    test(`the registration form with errors is accessible in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      await gotoReady(page, "/register");
      await page.locator("form#register button[type=submit]").click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expect(page.locator(".field-error")).toHaveCount(3);
      await expectAccessible(page);
    });

    test(`an applicant's workspace and account pages are accessible and light in ${lang}`, async ({ page }) => {
      await registerApplicant(page, `pages-${lang}`);
      await setLanguage(page, lang);
      await check(page, "/dashboard", lang);
      await check(page, "/account", lang);
    });

    test(`a valid registration confirmation page is accessible and light in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      const email = uniqueEmail(`confirm-${lang}`);
      const since = Date.now();
      await page.request.post("/register", { form: { name: "Confirm Page", email, password: "a long applicant passphrase", locale: lang }, headers: { Origin: origin() }, maxRedirects: 0 });
      await check(page, await confirmationPath(email, since), lang);
    });

    test(`a valid password reset form is accessible and light in ${lang}`, async ({ page }) => {
      const account = await registerApplicant(page, `reset-${lang}`);
      await page.context().clearCookies();
      await setLanguage(page, lang);
      const since = Date.now();
      await page.request.post("/forgot-password", { form: { email: account.email }, headers: { Origin: origin() } });
      const mail = await waitForMail(account.email, { since, template: "password_reset" });
      await check(page, new URL(extractLink(mail.text_body, "/reset-password/")).pathname, lang);
    });

    test.describe(() => {
      test.use({ storageState: secretariatStatePath() });

      test(`the secretariat's pages are accessible and light in ${lang}`, async ({ page }) => {
        await setLanguage(page, lang);
        for (const url of ["/secretariat", "/secretariat/entities", "/secretariat/entities?add=1", "/secretariat/invitations", "/secretariat/invitations?new=1"]) await check(page, url, lang);
      });

      test(`an invitation acceptance form is accessible and light in ${lang}`, async ({ page, browser }) => {
        await setLanguage(page, lang);
        const email = uniqueEmail(`invitee-${lang}`);
        const since = Date.now();
        const response = await page.request.post("/secretariat/invitations", {
          form: { role: "secretariat", name: "Colleague", email, locale: lang },
          headers: { Origin: origin() },
          maxRedirects: 0,
        });
        expect(response.status()).toBe(302);
        const mail = await waitForMail(email, { since, template: "invitation" });
        expect(mail.locale).toBe(lang);
        const visitorContext = await browser.newContext({ javaScriptEnabled: isJsProject(), baseURL: process.env.E2E_BASE_URL });
        const visitor = await visitorContext.newPage();
        try {
          await setLanguage(visitor, lang);
          await check(visitor, new URL(extractLink(mail.text_body, "/invitations/")).pathname, lang);
        } finally {
          await visitorContext.close();
        }
      });
    });
  });
}
