// Every page of the jury, in English, French and Arabic: zero axe violations and (JavaScript
// project) EcoIndex grade A.
import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";
import { publishPair, seedJuryScenario, type JuryScenario } from "../fixtures/jury";
import { expectAccessible } from "./support/a11y";
import { e2eDb, freeEditionYear } from "./support/db";
import { expectEcoIndexA } from "./support/ecoindex";
import { gotoReady, isJsProject } from "./support/hydration";
import { secretariatStatePath, setLanguage, signIn } from "./support/session";

const LANGS = ["en", "fr", "ar"] as const;
const PASSWORD = "juror passphrase for e2e";
let s: JuryScenario;
let reviewId: string;
let proposalId: string;
// A second edition where nothing is published yet, so a declared conflict can still be withdrawn.
let early: JuryScenario;

test.beforeAll(async () => {
  const passwordHash = await hash(PASSWORD, { algorithm: 2 });
  const database = drizzle(e2eDb(), { schema });
  s = seedJuryScenario(database, { passwordHash, year: freeEditionYear(), label: "pages" });
  reviewId = publishPair(database, s.editionId, s.jurors[0].memberId, s.applications[1].id);
  const boReview = publishPair(database, s.editionId, s.jurors[1].memberId, s.applications[1].id);
  // A proposed conflict on Bo's submitted review: the register's row actions and the confirmation step.
  database.update(schema.reviews).set({ state: "submitted", scores: { innovation: 7, impact: 8, inclusion: 6 }, confidence: 4, submittedAt: new Date() }).where(eq(schema.reviews.id, boReview)).run();
  proposalId = database.insert(schema.conflicts).values({ editionId: s.editionId, jurorId: s.jurors[1].memberId, applicationId: s.applications[1].id, source: "same_organisation", reason: "ecolepourtous.org", status: "proposed" }).returning().get().id;
  early = seedJuryScenario(database, { passwordHash, year: freeEditionYear(), label: "pages-early" });
  const member = database.insert(schema.juryMembers).values({ editionId: early.editionId, userId: s.jurors[0].userId }).returning().get();
  database.insert(schema.conflicts).values({ editionId: early.editionId, jurorId: member.id, applicationId: early.applications[0].id, source: "declared", reason: "Declared by mistake" }).run();
});

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
  test(`a juror's pages are accessible and light in ${lang}`, async ({ page }) => {
    await signIn(page, s.jurors[0].email, PASSWORD);
    await setLanguage(page, lang);
    // The review page comes last: the scoring form with errors is checked on it next.
    for (const url of ["/jury", `/jury/${s.editionId}/conflicts`, `/jury/${early.editionId}/conflicts?withdraw=${early.applications[0].id}`, `/jury/reviews/${reviewId}`]) await check(page, url, lang);
    await expect(page.locator("form#review")).toBeVisible();
    // The scoring form with errors.
    await page.locator('form#review button[value="submit"]').click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page);
  });

  test.describe(() => {
    test.use({ storageState: secretariatStatePath() });
    test(`the secretariat's jury pages are accessible and light in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      for (const p of ["jury", "jury?invite=1", "assignment", "assignment?adjust=add", "assignment?adjust=swap", "assignment?adjust=remove", "progress"]) await check(page, `/secretariat/editions/${s.editionId}/${p}`, lang);
      await check(page, `/secretariat/editions/${s.editionId}/jury?edit=${s.jurors[0].memberId}`, lang);
      // A refused computation (conflicts to decide first) explains itself, accessibly.
      await gotoReady(page, `/secretariat/editions/${s.editionId}/assignment`);
      await page.locator('form#run input[name="reviewers"]').fill("3");
      await page.locator("form#run button[type=submit]").click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectAccessible(page);
    });

    test(`the secretariat's conflict register, its proposals and their confirmation step are accessible and light in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      for (const p of ["conflicts", "conflicts?add=1", `conflicts?confirm=${proposalId}`]) await check(page, `/secretariat/editions/${s.editionId}/${p}`, lang);
      // The confirmation step refused without its box ticked: the error is shown, accessibly.
      await page.locator("form#confirm button[type=submit]").click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectAccessible(page);
    });
  });
}
