// Every page of the results area, in English, French and Arabic: zero axe violations, the
// right <html lang dir>, and (JavaScript project) EcoIndex grade A. One page a test.
import { test } from "@playwright/test";
import { origin, secretariatStatePath, setLanguage } from "./support/session";
import { checkPage, LANGS, useCookies, type Cookies } from "./support/sweep";
import { JUROR_PASSWORD, seedScoredEdition, type SeededEdition } from "./results-seed";

let s: SeededEdition;
let close: SeededEdition;
let juror: Cookies;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  s = await seedScoredEdition(`pages-${test.info().project.name}`);
  close = await seedScoredEdition(`pages-close-${test.info().project.name}`, { closeRace: true });
  // No stored state: a context made here takes the first test's options, and when that test is
  // the secretariat's (a --grep, a retry) the juror's sign-in would keep the secretariat's session.
  const context = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const response = await context.request.post("/login", {
      form: { email: s.jurors[0].email, password: JUROR_PASSWORD },
      headers: { Origin: origin() },
      maxRedirects: 0,
    });
    if (response.status() !== 302) throw new Error(`the juror could not sign in: ${response.status()}`);
    juror = await context.cookies();
  } finally {
    await context.close();
  }
});

const PUBLIC_PAGES = ["/laureates", "/laureates?year=2018&country=FI", "/laureates/2023"];
const SECRETARIAT_PAGES: [string, (s: SeededEdition) => string][] = [
  ["results", (s) => `/secretariat/editions/${s.editionId}/results`],
  ["results breakdown", (s) => `/secretariat/editions/${s.editionId}/results?application=${s.apps[0].id}`],
  ["deliberation", (s) => `/secretariat/editions/${s.editionId}/deliberation`],
  ["decision", (s) => `/secretariat/editions/${s.editionId}/decision`],
];
// With a close race the certificate lists the applications that cannot be separated.
const CLOSE_RACE_PAGES: [string, (s: SeededEdition) => string][] = [
  ["results of a close race", (s) => `/secretariat/editions/${s.editionId}/results`],
  ["decision after a close race", (s) => `/secretariat/editions/${s.editionId}/decision`],
];
const JUROR_PAGES: [string, (s: SeededEdition) => string][] = [
  ["results", (s) => `/jury/${s.editionId}/results`],
  ["ballot", (s) => `/jury/${s.editionId}/ballot`],
];

for (const lang of LANGS) {
  for (const url of PUBLIC_PAGES) {
    test(`the public page ${url} is accessible and light in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      await checkPage(page, url, lang);
    });
  }

  test.describe(() => {
    test.use({ storageState: secretariatStatePath() });
    for (const [name, url] of SECRETARIAT_PAGES) {
      test(`the secretariat's ${name} page is accessible and light in ${lang}`, async ({ page }) => {
        await setLanguage(page, lang);
        await checkPage(page, url(s), lang);
      });
    }
    for (const [name, url] of CLOSE_RACE_PAGES) {
      test(`the secretariat's ${name} page is accessible and light in ${lang}`, async ({ page }) => {
        await setLanguage(page, lang);
        await checkPage(page, url(close), lang);
      });
    }
  });

  for (const [name, url] of JUROR_PAGES) {
    test(`a juror's ${name} page is accessible and light in ${lang}`, async ({ page }) => {
      await useCookies(page, juror);
      await setLanguage(page, lang);
      await checkPage(page, url(s), lang);
    });
  }
}
