// Every page of the results area, in English, French and Arabic: zero axe violations, the
// right <html lang dir>, and (JavaScript project) EcoIndex grade A. One page a test. The
// deliberation pages are seen in each of their states: the tie-break rule fixed while scoring is
// open, the shortlist, a tie settled by the lottery with the tally, the chair's casting vote and
// the jury's run-off.
import { expect, test } from "@playwright/test";
import { e2eDb } from "./support/db";
import { secretariatStatePath, setLanguage } from "./support/session";
import { checkPage, LANGS, signedInCookies, useCookies, type Cookies } from "./support/sweep";
import { JUROR_PASSWORD, seedScoredEdition, type SeededEdition } from "./results-seed";
import { seedDeliberation } from "./results-deliberation-seed";

type Edition = "scored" | "early" | "lottery" | "chair" | "runoff";
const editions = {} as Record<Edition, SeededEdition>;
const chairs = {} as Record<Edition, Cookies>;
let close: SeededEdition;
// More jurors than a page of the jurors' table and bars of the leniency chart.
let largeJury: SeededEdition;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const project = test.info().project.name;
  for (const name of ["scored", "early", "lottery", "chair", "runoff"] as const)
    editions[name] = await seedScoredEdition(`pages-${name}-${project}`);
  close = await seedScoredEdition(`pages-close-${project}`, { closeRace: true });
  largeJury = await seedScoredEdition(`pages-large-${project}`, { jurors: 30 });
  // Its last application's reviews are drafts again: the results list it apart, unranked.
  e2eDb()
    .prepare("update reviews set state = 'draft', submitted_at = null where application_id = ?")
    .run(largeJury.apps[3].id);
  e2eDb()
    .prepare("update editions set scoring_closes_at = ? where id = ?")
    .run(Date.now() + 864e5, editions.early.editionId);
  seedDeliberation(editions.lottery, { rule: "lottery" });
  seedDeliberation(editions.chair, { rule: "chair" });
  seedDeliberation(editions.runoff, { rule: "jury", runoff: true });
  for (const name of ["scored", "lottery", "chair", "runoff"] as const)
    chairs[name] = await signedInCookies(browser, editions[name].jurors[0].email, JUROR_PASSWORD);
});

const PUBLIC_PAGES = ["/laureates", "/laureates?year=2018&country=FI", "/laureates/2023"];
const SECRETARIAT_PAGES: [string, () => string][] = [
  ["results", () => `/secretariat/editions/${editions.scored.editionId}/results`],
  [
    "results breakdown",
    () => `/secretariat/editions/${editions.scored.editionId}/results?application=${editions.scored.apps[0].id}`,
  ],
  ["deliberation", () => `/secretariat/editions/${editions.scored.editionId}/deliberation`],
  ["deliberation while scoring is open", () => `/secretariat/editions/${editions.early.editionId}/deliberation`],
  ["deliberation settled by the lottery", () => `/secretariat/editions/${editions.lottery.editionId}/deliberation`],
  ["deliberation with a run-off open", () => `/secretariat/editions/${editions.runoff.editionId}/deliberation`],
  ["decision", () => `/secretariat/editions/${editions.scored.editionId}/decision`],
  ["integrity", () => `/secretariat/editions/${editions.scored.editionId}/integrity`],
];
// With a close race the certificate lists the applications that cannot be separated.
const CLOSE_RACE_PAGES: [string, (s: SeededEdition) => string][] = [
  ["results of a close race", (s) => `/secretariat/editions/${s.editionId}/results`],
  ["decision after a close race", (s) => `/secretariat/editions/${s.editionId}/decision`],
];
const LARGE_JURY_PAGES: [string, (s: SeededEdition) => string][] = [
  [
    "results (a large jury, jurors 26–30, one application unranked)",
    (s) => `/secretariat/editions/${s.editionId}/results?jurors=2`,
  ],
];
const JUROR_PAGES: [string, Edition, (s: SeededEdition) => string][] = [
  ["results", "scored", (s) => `/jury/${s.editionId}/results`],
  ["ballot", "scored", (s) => `/jury/${s.editionId}/ballot`],
  ["ballot settled by the lottery", "lottery", (s) => `/jury/${s.editionId}/ballot`],
  ["ballot awaiting the casting vote", "chair", (s) => `/jury/${s.editionId}/ballot`],
  ["ballot with a run-off open", "runoff", (s) => `/jury/${s.editionId}/ballot`],
];

for (const lang of LANGS) {
  for (const url of PUBLIC_PAGES) {
    test(`the public page ${url} is accessible and light in ${lang}`, async ({ context }) => {
      await setLanguage(context, lang);
      await checkPage(context, url, lang);
    });
  }

  test.describe(() => {
    test.use({ storageState: secretariatStatePath() });
    for (const [name, url] of SECRETARIAT_PAGES) {
      test(`the secretariat's ${name} page is accessible and light in ${lang}`, async ({ context }) => {
        await setLanguage(context, lang);
        await checkPage(context, url(), lang);
      });
    }
    for (const [name, url] of CLOSE_RACE_PAGES) {
      test(`the secretariat's ${name} page is accessible and light in ${lang}`, async ({ context }) => {
        await setLanguage(context, lang);
        await checkPage(context, url(close), lang);
      });
    }
    for (const [name, url] of LARGE_JURY_PAGES) {
      test(`the secretariat's ${name} page is accessible and light in ${lang}`, async ({ context }) => {
        await setLanguage(context, lang);
        await checkPage(context, url(largeJury), lang, {
          also: async (shown) => {
            await expect(shown.locator("#unranked + p + ul > li")).toHaveText([
              new RegExp(`^${largeJury.apps[3].reference}`),
            ]);
          },
        });
      });
    }
  });

  for (const [name, edition, url] of JUROR_PAGES) {
    test(`a juror's ${name} page is accessible and light in ${lang}`, async ({ context }) => {
      await useCookies(context, chairs[edition]);
      await setLanguage(context, lang);
      await checkPage(context, url(editions[edition]), lang);
    });
  }
}

test.describe(() => {
  test.use({ storageState: secretariatStatePath(), viewport: { width: 375, height: 800 } });
  test("at 375 px in Arabic, a Latin title in the ranking never leaves its first word beside the reference", async ({
    context,
    page,
  }) => {
    test.setTimeout(120_000);
    const narrow = await seedScoredEdition(`pages-narrow-${test.info().project.name}`);
    const { id, reference } = narrow.apps[0];
    e2eDb()
      .prepare("update applications set title = ? where id = ?")
      .run("Les Sentinelles du littoral, éducation numérique au bord de la mer", id);
    await setLanguage(context, "ar");
    await page.goto(`/secretariat/editions/${narrow.editionId}/results`);
    const row = page.locator(".results-table tbody tr", { hasText: reference });
    const ref = (await row.getByRole("link", { name: reference }).boundingBox())!;
    const title = (await row.locator(".results-title").boundingBox())!;
    // The title fits whole on the reference's line, or starts on the line below it: wrapped word by
    // word, its first word stayed beside the reference, on its far side in right-to-left text.
    expect(title.y >= ref.y + ref.height - 1 || title.height <= ref.height + 1).toBe(true);
  });
});
