// Every page of the applicant's application, in English, French and Arabic: zero axe violations,
// the right <html lang dir>, one h1, and (JavaScript project) EcoIndex grade A. One page a test.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { gotoReady } from "./support/hydration";
import { origin, registerApplicant, setLanguage } from "./support/session";
import { checkPage, emptyContext, LANGS, useCookies, type Cookies, type Lang } from "./support/sweep";
import { closeCall, openCall, tinyPdf, type OpenCall } from "./applications-fixtures";

const PATHS = [
  "",
  "/sections/background",
  "/sections/contact",
  "/sections/pedagogy",
  "/sections/links",
  "/attachments",
  "/declarations",
  "/check",
  "/withdraw",
];

let call: OpenCall | undefined;
/** One applicant per language (the language is the profile's), each with a started application. */
const applicants = new Map<Lang, { cookies: Cookies; base: string }>();

test.beforeAll(async ({ browser }) => {
  call = openCall();
  for (const lang of LANGS) {
    const context = await emptyContext(browser);
    const page = await context.newPage();
    try {
      await registerApplicant(page, `apply-pages-${lang}`);
      await setLanguage(page, lang);
      const started = await page.request.post("/applications", {
        form: { editionId: call.editionId },
        headers: { Origin: origin() },
        maxRedirects: 0,
      });
      expect(started.status()).toBe(302);
      const base = started.headers()["location"];
      expect(base).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
      await page.request.post(`${base}/sections/background`, {
        form: { intent: "save", version: "1", title: "Écoles vertes", organisation: "Trust", country: "FR" },
        headers: { Origin: origin() },
        maxRedirects: 0,
      });
      await page.request.post(`${base}/attachments`, {
        multipart: { file: { name: "report.pdf", mimeType: "application/pdf", buffer: tinyPdf() } },
        headers: { Origin: origin() },
        maxRedirects: 0,
      });
      applicants.set(lang, { cookies: await context.cookies(), base });
    } finally {
      await context.close();
    }
  }
});
test.afterAll(() => closeCall(call));

for (const lang of LANGS) {
  test(`the applicant's applications list is accessible and light in ${lang}`, async ({ context }) => {
    await useCookies(context, applicants.get(lang)!.cookies);
    await checkPage(context, "/applications", lang);
  });

  for (const path of PATHS) {
    test(`the application page "${path || "/"}" is accessible and light in ${lang}`, async ({ context }) => {
      const { cookies, base } = applicants.get(lang)!;
      await useCookies(context, cookies);
      await checkPage(context, `${base}${path}`, lang);
    });
  }

  test(`a section with errors and a refused upload are accessible in ${lang}`, async ({ page }) => {
    await registerApplicant(page, `apply-errors-${lang}`);
    await setLanguage(page, lang);
    const started = await page.request.post("/applications", {
      form: { editionId: call!.editionId },
      headers: { Origin: origin() },
      maxRedirects: 0,
    });
    const base = started.headers()["location"];
    await gotoReady(page, `${base}/sections/contact`);
    await page.locator('button[name="intent"][value="complete"]').click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page);
    await gotoReady(page, `${base}/attachments`);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "evil.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
    await page.locator("form#upload button[type=submit]").click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page);
  });
}
