// Every page of the applicant's application, in English, French and Arabic: zero axe violations,
// the right <html lang dir>, one h1, and (JavaScript project) EcoIndex grade A.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { expectEcoIndexA } from "./support/ecoindex";
import { gotoReady, isJsProject } from "./support/hydration";
import { origin, registerApplicant, setLanguage } from "./support/session";
import { closeCall, openCall, tinyPdf, type OpenCall } from "./applications-fixtures";

const LANGS = ["en", "fr", "ar"] as const;

let call: OpenCall | undefined;
test.beforeAll(() => {
  call = openCall();
});
test.afterAll(() => closeCall(call));

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
  test(`the applicant's application pages are accessible and light in ${lang}`, async ({ page }) => {
    await registerApplicant(page, `apply-pages-${lang}`);
    await setLanguage(page, lang);
    await check(page, "/applications", lang);
    const started = await page.request.post("/applications", { form: { editionId: call!.editionId }, headers: { Origin: origin() }, maxRedirects: 0 });
    expect(started.status()).toBe(302);
    const base = started.headers()["location"];
    expect(base).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    await page.request.post(`${base}/sections/background`, { form: { intent: "save", version: "1", title: "Écoles vertes", organisation: "Trust", country: "FR" }, headers: { Origin: origin() }, maxRedirects: 0 });
    await page.request.post(`${base}/attachments`, { multipart: { file: { name: "report.pdf", mimeType: "application/pdf", buffer: tinyPdf() } }, headers: { Origin: origin() }, maxRedirects: 0 });
    for (const path of ["", "/sections/background", "/sections/contact", "/sections/pedagogy", "/sections/links", "/attachments", "/declarations", "/check", "/withdraw"]) {
      await check(page, `${base}${path}`, lang);
    }
  });

  test(`a section with errors and a refused upload are accessible in ${lang}`, async ({ page }) => {
    await registerApplicant(page, `apply-errors-${lang}`);
    await setLanguage(page, lang);
    const started = await page.request.post("/applications", { form: { editionId: call!.editionId }, headers: { Origin: origin() }, maxRedirects: 0 });
    const base = started.headers()["location"];
    await gotoReady(page, `${base}/sections/contact`);
    await page.locator('button[name="intent"][value="complete"]').click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page);
    await gotoReady(page, `${base}/attachments`);
    await page.locator('input[type="file"]').setInputFiles({ name: "evil.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
    await page.locator("form#upload button[type=submit]").click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page);
  });
}
