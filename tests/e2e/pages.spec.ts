// Every page that exists, in English, French and Arabic: zero axe violations (WCAG 2.2 A/AA),
// the right <html lang dir>, and EcoIndex grade A within the first-visit budget. EcoIndex is
// measured in the JavaScript project only: without JavaScript a page sends strictly less.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { e2eDb, extractLink, insertEdition, waitForMail } from "./support/db";
import { gotoReady, isJsProject } from "./support/hydration";
import {
  confirmationPath,
  origin,
  registerApplicant,
  secretariatStatePath,
  setLanguage,
  uniqueEmail,
} from "./support/session";
import { checkPage as check, emptyContext, LANGS, useCookies, type Cookies, type Lang } from "./support/sweep";

/** One applicant per language (the language is the profile's), registered once for the file. */
const applicants = new Map<Lang, Cookies>();
test.beforeAll(async ({ browser }) => {
  for (const lang of LANGS) {
    const context = await emptyContext(browser);
    try {
      const page = await context.newPage();
      await registerApplicant(page, `pages-${lang}`);
      await setLanguage(page, lang);
      applicants.set(lang, await context.cookies());
    } finally {
      await context.close();
    }
  }
});

const VISITOR_PAGES: [string, number][] = [
  ["/", 200],
  ["/login", 200],
  ["/register", 200],
  ["/register?sent=1", 200],
  ["/register/confirm/not-a-real-token", 200],
  ["/forgot-password", 200],
  ["/privacy", 200],
  ["/reset-password/not-a-real-token", 200],
  ["/setup/not-a-real-token", 200],
  ["/invitations/not-a-real-token", 200],
  ["/no-such-page", 404],
];

for (const lang of LANGS) {
  test.describe(`pages in ${lang}`, () => {
    for (const [url, status] of VISITOR_PAGES) {
      test(`a visitor's ${url} is accessible and light in ${lang}`, async ({ context }) => {
        await setLanguage(context, lang);
        await check(context, url, lang, { status });
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

    for (const url of ["/dashboard", "/account", "/account/erasure"]) {
      test(`an applicant's ${url} is accessible and light in ${lang}`, async ({ context }) => {
        await useCookies(context, applicants.get(lang)!);
        await check(context, url, lang);
      });
    }

    test(`a valid registration confirmation page is accessible and light in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      const email = uniqueEmail(`confirm-${lang}`);
      const since = Date.now();
      await page.request.post("/register", {
        form: { name: "Confirm Page", email, password: "a long applicant passphrase", locale: lang },
        headers: { Origin: origin() },
        maxRedirects: 0,
      });
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

      for (const url of [
        "/secretariat",
        "/secretariat/entities",
        "/secretariat/entities?add=1",
        "/secretariat/invitations",
        "/secretariat/invitations?new=1",
        // The two forms with a long list: the nominating entities, the editions.
        "/secretariat/invitations?new=nominator",
        "/secretariat/invitations?new=juror",
        "/secretariat/data-requests",
        "/secretariat/retention",
      ]) {
        test(`the secretariat's ${url} is accessible and light in ${lang}`, async ({ context }) => {
          await setLanguage(context, lang);
          await check(context, url, lang);
        });
      }

      test(`an invitation's withdrawal step is accessible and light in ${lang}`, async ({ context }) => {
        await setLanguage(context, lang);
        const email = uniqueEmail(`withdrawn-${lang}`);
        const response = await context.request.post("/secretariat/invitations", {
          form: { role: "secretariat", name: "Colleague", email, locale: lang },
          headers: { Origin: origin() },
          maxRedirects: 0,
        });
        expect(response.status()).toBe(302);
        const { id } = e2eDb().prepare("select id from invitations where email = ?").get(email) as { id: string };
        await check(context, `/secretariat/invitations?withdraw=${id}`, lang);
      });

      // A juror's form also asks their country (the long list), languages and expertise.
      for (const role of ["secretariat", "juror"] as const) {
        test(`an invitation acceptance form (${role}) is accessible and light in ${lang}`, async ({
          page,
          browser,
        }) => {
          await setLanguage(page, lang);
          const email = uniqueEmail(`invitee-${lang}`);
          const since = Date.now();
          const response = await page.request.post("/secretariat/invitations", {
            form: {
              role,
              name: "Colleague",
              email,
              locale: lang,
              ...(role === "juror" ? { editionId: insertEdition("Pages").id } : {}),
            },
            headers: { Origin: origin() },
            maxRedirects: 0,
          });
          expect(response.status()).toBe(302);
          const mail = await waitForMail(email, { since, template: "invitation" });
          expect(mail.locale).toBe(lang);
          const visitorContext = await browser.newContext({
            javaScriptEnabled: isJsProject(),
            baseURL: process.env.E2E_BASE_URL,
          });
          const visitor = await visitorContext.newPage();
          try {
            await setLanguage(visitor, lang);
            await check(visitor, new URL(extractLink(mail.text_body, "/invitations/")).pathname, lang);
          } finally {
            await visitorContext.close();
          }
        });
      }
    });
  });
}
