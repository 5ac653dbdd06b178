// Every page of the jury, in English, French and Arabic: zero axe violations and (JavaScript
// project) EcoIndex grade A. One page a test.
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";
import { publishPair, seedJuryScenario, type JuryScenario } from "../fixtures/jury";
import { expectAccessible } from "./support/a11y";
import { e2eDb, freeEditionYear } from "./support/db";
import { gotoReady } from "./support/hydration";
import { secretariatStatePath, setLanguage } from "./support/session";
import { checkPage as check, LANGS, signedInCookies, useCookies, type Cookies } from "./support/sweep";
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
  database
    .update(schema.reviews)
    .set({
      state: "submitted",
      scores: { innovation: 7, impact: 8, inclusion: 6 },
      confidence: 4,
      submittedAt: new Date(),
    })
    .where(eq(schema.reviews.id, boReview))
    .run();
  proposalId = database
    .insert(schema.conflicts)
    .values({
      editionId: s.editionId,
      jurorId: s.jurors[1].memberId,
      applicationId: s.applications[1].id,
      source: "same_organisation",
      reason: "ecolepourtous.org",
      status: "proposed",
    })
    .returning()
    .get().id;
  early = seedJuryScenario(database, { passwordHash, year: freeEditionYear(), label: "pages-early" });
  const member = database
    .insert(schema.juryMembers)
    .values({ editionId: early.editionId, userId: s.jurors[0].userId })
    .returning()
    .get();
  database
    .insert(schema.conflicts)
    .values({
      editionId: early.editionId,
      jurorId: member.id,
      applicationId: early.applications[0].id,
      source: "declared",
      reason: "Declared by mistake",
    })
    .run();
});

/** The juror's session, made once: signing in per test would cost a password hash each time. */
let juror: Cookies;
test.beforeAll(async ({ browser }) => {
  juror = await signedInCookies(browser, s.jurors[0].email, PASSWORD);
});

const JUROR_PAGES: [string, () => string][] = [
  ["workspace", () => "/jury"],
  ["conflict declaration", () => `/jury/${s.editionId}/conflicts`],
  ["conflict withdrawal", () => `/jury/${early.editionId}/conflicts?withdraw=${early.applications[0].id}`],
  ["review", () => `/jury/reviews/${reviewId}`],
];
const SECRETARIAT_PAGES = [
  "jury",
  "jury?invite=1",
  "jury?edit=:juror",
  "assignment",
  "assignment?adjust=add",
  "assignment?adjust=swap",
  "assignment?adjust=remove",
  "progress",
  "conflicts",
  "conflicts?add=1",
  "conflicts?confirm=:proposal",
];
const secretariatUrl = (p: string) =>
  `/secretariat/editions/${s.editionId}/${p.replace(":juror", s.jurors[0].memberId).replace(":proposal", proposalId)}`;

for (const lang of LANGS) {
  for (const [name, url] of JUROR_PAGES) {
    test(`a juror's ${name} page is accessible and light in ${lang}`, async ({ context }) => {
      await useCookies(context, juror);
      await setLanguage(context, lang);
      await check(context, url(), lang);
    });
  }

  test(`the scoring form with errors is accessible in ${lang}`, async ({ page }) => {
    await useCookies(page, juror);
    await setLanguage(page, lang);
    await gotoReady(page, `/jury/reviews/${reviewId}`);
    await page.locator('form#review button[value="submit"]').click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectAccessible(page);
  });

  test.describe(() => {
    test.use({ storageState: secretariatStatePath() });

    for (const p of SECRETARIAT_PAGES) {
      test(`the secretariat's ${p.split(":")[0]} page is accessible and light in ${lang}`, async ({ context }) => {
        await setLanguage(context, lang);
        await check(context, secretariatUrl(p), lang);
      });
    }

    test(`a refused assignment computation explains itself accessibly in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      // Conflicts to decide first.
      await gotoReady(page, secretariatUrl("assignment"));
      await page.locator('form#run input[name="reviewers"]').fill("3");
      await page.locator("form#run button[type=submit]").click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectAccessible(page);
    });

    test(`the conflict confirmation step refused without its box ticked is accessible in ${lang}`, async ({ page }) => {
      await setLanguage(page, lang);
      await gotoReady(page, secretariatUrl("conflicts?confirm=:proposal"));
      await page.locator("form#confirm button[type=submit]").click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectAccessible(page);
    });
  });
}
