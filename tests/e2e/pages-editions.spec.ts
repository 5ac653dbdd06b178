// Every page of the editions area in English, French and Arabic: zero axe violations, the right
// <html lang dir>, one h1, and (JavaScript project) EcoIndex grade A within the budget. One page
// a test.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { e2eDb, freeEditionYear } from "./support/db";
import { gotoReady } from "./support/hydration";
import { origin, secretariatStatePath, setLanguage } from "./support/session";
import { checkPage as check, LANGS } from "./support/sweep";

const DAY = 864e5;

function parisLocal(daysFromNow: number): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(Date.now() + daysFromNow * DAY));
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
    reminderDaysBefore: "3",
  };
  for (const key of [
    "organisation",
    "objectives",
    "technology",
    "pedagogy",
    "inclusion",
    "impact",
    "replicability",
    "sustainability",
  ])
    form[`words_${key}`] = "500";
  const response = await page.request.post("/secretariat/editions/new", {
    form,
    headers: { Origin: origin() },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBe(302);
  return new URL(response.headers()["location"], origin()).pathname.split("/")[3];
}

/** A draft edition made through the real action, with its first criterion and rule. */
let draft: { editionId: string; criterionId: string; ruleId: string };
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: secretariatStatePath() });
  try {
    const editionId = await createEdition(await context.newPage(), "sweep");
    const criterionId = (
      e2eDb().prepare("select id from criteria where edition_id = ? order by position limit 1").get(editionId) as {
        id: string;
      }
    ).id;
    const ruleId = (
      e2eDb()
        .prepare("select id from eligibility_rules where edition_id = ? order by position limit 1")
        .get(editionId) as { id: string }
    ).id;
    draft = { editionId, criterionId, ruleId };
  } finally {
    await context.close();
  }
});

const SECRETARIAT_PAGES: [string, (d: typeof draft) => string][] = [
  ["editions list", () => "/secretariat/editions"],
  ["new edition", () => "/secretariat/editions/new"],
  ["edition", (d) => `/secretariat/editions/${d.editionId}`],
  ["settings", (d) => `/secretariat/editions/${d.editionId}/settings`],
  ["criteria", (d) => `/secretariat/editions/${d.editionId}/criteria`],
  ["criterion edit", (d) => `/secretariat/editions/${d.editionId}/criteria?edit=${d.criterionId}`],
  ["criterion removal", (d) => `/secretariat/editions/${d.editionId}/criteria?remove=${d.criterionId}`],
  ["eligibility rules", (d) => `/secretariat/editions/${d.editionId}/eligibility`],
  ["eligibility rule edit", (d) => `/secretariat/editions/${d.editionId}/eligibility?edit=${d.ruleId}`],
  ["application sections", (d) => `/secretariat/editions/${d.editionId}/sections`],
  ["section wording edit", (d) => `/secretariat/editions/${d.editionId}/sections?edit=sustainability`],
  ["phase change", (d) => `/secretariat/editions/${d.editionId}/phase?to=call_open`],
];

for (const lang of LANGS) {
  test.describe(`editions pages in ${lang}`, () => {
    test(`the public call page without an open call is accessible and light in ${lang}`, async ({ context }) => {
      const open = e2eDb().prepare("select count(*) as n from editions where phase = 'call_open'").get() as {
        n: number;
      };
      await setLanguage(context, lang);
      // Another journey may have a call open at this moment; otherwise this is the empty state.
      await check(context, "/call", lang, {
        also: async (shown) => {
          if (open.n === 0) await expect(shown.locator(".panel")).toBeVisible();
        },
      });
    });

    test.describe(() => {
      test.use({ storageState: secretariatStatePath() });

      for (const [name, url] of SECRETARIAT_PAGES) {
        test(`the secretariat's ${name} page is accessible and light in ${lang}`, async ({ context }) => {
          await setLanguage(context, lang);
          await check(context, url(draft), lang);
        });
      }

      test(`the settings form with errors is accessible in ${lang}`, async ({ page }) => {
        await setLanguage(page, lang);
        await gotoReady(page, "/secretariat/editions/new");
        await page.locator("form#edition button[type=submit]").click();
        await expect(page.locator(".error-summary")).toBeVisible();
        await expectAccessible(page);
      });

      test(`the open call page is accessible and light in ${lang}`, async ({ page }) => {
        const open = e2eDb().prepare("select count(*) as n from editions where phase = 'call_open'").get() as {
          n: number;
        };
        await setLanguage(page, lang);
        if (open.n > 0) {
          // Another journey's call is open: only one can be, so check that one.
          await check(page, "/call", lang);
          return;
        }
        const editionId = await createEdition(page, `call-${lang}`);
        try {
          const opened = await page.request.post(`/secretariat/editions/${editionId}/phase`, {
            form: { editionId, to: "call_open", confirm: "on" },
            headers: { Origin: origin() },
            maxRedirects: 0,
          });
          expect(opened.status()).toBe(302);
          await check(page, "/call", lang, {
            also: (shown) => expect(shown.locator(".editions-deadline")).toBeVisible(),
          });
        } finally {
          // Never leave a call open for other journeys.
          await page.request.post(`/secretariat/editions/${editionId}/phase`, {
            form: { editionId, to: "screening", confirm: "on" },
            headers: { Origin: origin() },
            maxRedirects: 0,
          });
          e2eDb()
            .prepare("update editions set phase = 'screening' where id = ? and phase = 'call_open'")
            .run(editionId);
        }
      });
    });
  });
}
