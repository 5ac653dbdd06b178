// Every page of the editions area in English, French and Arabic: zero axe violations, the right
// <html lang dir>, one h1, and (JavaScript project) EcoIndex grade A within the budget.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { e2eDb, freeEditionYear } from "./support/db";
import { expectEcoIndexA } from "./support/ecoindex";
import { gotoReady, isJsProject } from "./support/hydration";
import { origin, secretariatStatePath, setLanguage } from "./support/session";

const LANGS = ["en", "fr", "ar"] as const;
const DAY = 864e5;

/**
 * Checks one page. Accessibility fails at once; an EcoIndex miss is collected in `budget` so
 * that one run reports every page over budget (the test fails at the end if any is).
 */
async function check(page: Page, url: string, lang: (typeof LANGS)[number], budget: string[] = []) {
  const response = await gotoReady(page, url);
  expect(response?.status(), url).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await expect(page.locator("h1")).toHaveCount(1);
  await expectAccessible(page);
  if (isJsProject()) {
    try {
      await expectEcoIndexA(page, url);
    } catch (error) {
      budget.push((error as Error).message.split("\n")[0]);
    }
  }
}

function parisLocal(daysFromNow: number): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(
    new Date(Date.now() + daysFromNow * DAY),
  );
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** Creates a draft edition through the real action and returns its id. */
async function createEdition(page: Page, label: string): Promise<string> {
  const year = freeEditionYear();
  const form: Record<string, string> = {
    year: String(year),
    themeEn: `Pages theme ${label} ${year}`,
    themeFr: `Thème des pages ${label} ${year}`,
    themeAr: `موضوع الصفحات ${year}`,
    callTextEn: "UNESCO invites nominations.",
    callTextFr: "L’UNESCO invite à proposer des candidatures.",
    callTextAr: "تدعو اليونسكو إلى تقديم الترشيحات.",
    callOpensAt: parisLocal(-1),
    deadlineAt: parisLocal(30),
    scoringOpensAt: parisLocal(40),
    scoringClosesAt: parisLocal(70),
    announcementAt: parisLocal(200),
    laureateCount: "2",
    quotaPerEntity: "3",
    reviewersPerApplication: "5",
    scaleMin: "1",
    scaleMax: "10",
    method: "jurorBias",
    maxFileMb: "10",
    maxTotalMb: "30",
    maxPdfPages: "100",
  };
  for (const key of ["organisation", "objectives", "technology", "pedagogy", "inclusion", "impact", "replicability", "sustainability"]) form[`words_${key}`] = "500";
  const response = await page.request.post("/secretariat/editions/new", { form, headers: { Origin: origin() }, maxRedirects: 0 });
  expect(response.status(), await response.text()).toBe(302);
  return new URL(response.headers()["location"], origin()).pathname.split("/")[3];
}

for (const lang of LANGS) {
  test.describe(`editions pages in ${lang}`, () => {
    test(`the public call page without an open call is accessible and light in ${lang}`, async ({ page }) => {
      const open = e2eDb().prepare("select count(*) as n from editions where phase = 'call_open'").get() as { n: number };
      await setLanguage(page, lang);
      await check(page, "/call", lang);
      // Another journey may have a call open at this moment; otherwise this is the empty state.
      if (open.n === 0) await expect(page.locator(".panel")).toBeVisible();
    });

    test.describe(() => {
      test.use({ storageState: secretariatStatePath() });

      test(`the secretariat's editions pages are accessible and light in ${lang}`, async ({ page }) => {
        await setLanguage(page, lang);
        test.slow(); // ten pages, each measured
        const budget: string[] = [];
        const editionId = await createEdition(page, lang);
        const criterionId = (e2eDb().prepare("select id from criteria where edition_id = ? order by position limit 1").get(editionId) as { id: string }).id;
        const ruleId = (e2eDb().prepare("select id from eligibility_rules where edition_id = ? order by position limit 1").get(editionId) as { id: string }).id;
        for (const url of [
          "/secretariat/editions",
          "/secretariat/editions/new",
          `/secretariat/editions/${editionId}`,
          `/secretariat/editions/${editionId}/settings`,
          `/secretariat/editions/${editionId}/criteria`,
          `/secretariat/editions/${editionId}/criteria?edit=${criterionId}`,
          `/secretariat/editions/${editionId}/criteria?remove=${criterionId}`,
          `/secretariat/editions/${editionId}/eligibility`,
          `/secretariat/editions/${editionId}/eligibility?edit=${ruleId}`,
          `/secretariat/editions/${editionId}/phase?to=call_open`,
        ]) {
          await check(page, url, lang, budget);
        }
        expect(budget).toEqual([]);
      });

      test(`the settings form with errors is accessible in ${lang}`, async ({ page }) => {
        await setLanguage(page, lang);
        await gotoReady(page, "/secretariat/editions/new");
        await page.locator("form#edition button[type=submit]").click();
        await expect(page.locator(".error-summary")).toBeVisible();
        await expectAccessible(page);
      });

      test(`the open call page is accessible and light in ${lang}`, async ({ page }) => {
        const open = e2eDb().prepare("select count(*) as n from editions where phase = 'call_open'").get() as { n: number };
        await setLanguage(page, lang);
        if (open.n > 0) {
          // Another journey's call is open: only one can be, so check that one.
          await check(page, "/call", lang);
          return;
        }
        const editionId = await createEdition(page, `call-${lang}`);
        try {
          const opened = await page.request.post(`/secretariat/editions/${editionId}/phase`, { form: { editionId, to: "call_open", confirm: "on" }, headers: { Origin: origin() }, maxRedirects: 0 });
          expect(opened.status()).toBe(302);
          await check(page, "/call", lang);
          await expect(page.locator(".editions-deadline")).toBeVisible();
        } finally {
          // Never leave a call open for other journeys.
          await page.request.post(`/secretariat/editions/${editionId}/phase`, { form: { editionId, to: "screening", confirm: "on" }, headers: { Origin: origin() }, maxRedirects: 0 });
          e2eDb().prepare("update editions set phase = 'screening' where id = ? and phase = 'call_open'").run(editionId);
        }
      });
    });
  });
}
