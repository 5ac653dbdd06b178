// The observer's pages of an edition, in English, French and Arabic: zero axe violations, the
// right <html lang dir>, and (JavaScript project) EcoIndex grade A. One page a test. Then the
// observer's one journey: filing a note, which works without JavaScript too.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eDb } from "./support/db";
import { setLanguage } from "./support/session";
import { checkPage, LANGS, signedInCookies, useCookies, type Cookies } from "./support/sweep";
import { JUROR_PASSWORD, seedScoredEdition, type SeededEdition } from "./results-seed";

let edition: SeededEdition;
let observer: Cookies;
let observerEmail: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const project = test.info().project.name;
  edition = await seedScoredEdition(`observer-${project}`);
  const db = e2eDb();
  // The observer shares the jurors' passphrase: its hash is copied rather than computed again.
  const { password_hash: hash } = db
    .prepare("select password_hash from users where email = ?")
    .get(edition.jurors[0].email) as { password_hash: string };
  const userId = randomUUID();
  const now = Date.now();
  observerEmail = `observer.${project}.${now}@e2e.test`;
  db.prepare(
    "insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, 'Olga Observer', ?, 'en', ?)",
  ).run(userId, observerEmail, hash, now);
  db.prepare("insert into edition_observers (id, edition_id, user_id, note, created_at) values (?, ?, ?, '', ?)").run(
    randomUUID(),
    edition.editionId,
    userId,
    now,
  );
  observer = await signedInCookies(browser, observerEmail, JUROR_PASSWORD);
});

const PAGES: [string, () => string][] = [
  ["overview", () => `/observe/${edition.editionId}`],
  ["results", () => `/observe/${edition.editionId}/results`],
  ["integrity", () => `/observe/${edition.editionId}/integrity`],
  ["audit log", () => `/observe/${edition.editionId}/audit`],
];

for (const lang of LANGS) {
  for (const [name, url] of PAGES) {
    test(`the observer's ${name} page is accessible and light in ${lang}`, async ({ page }) => {
      await useCookies(page, observer);
      await setLanguage(page, lang);
      await checkPage(page, url(), lang, {
        also: async (shown) => {
          // Read-only: no form but the note's, and no applicant's address anywhere.
          const text = await shown.locator("main").innerText();
          for (const app of edition.apps) expect(text).not.toContain(app.applicantEmail);
          await expect(shown.locator("main form:not(#observer-note)")).toHaveCount(0);
        },
      });
    });
  }
}

test("the observer files a note, keeps it on error, and finds it filed", async ({ page }) => {
  await useCookies(page, observer);
  await setLanguage(page, "en");
  await page.goto(`/observe/${edition.editionId}`);
  const note = page.getByLabel("Note");
  await note.fill(" ");
  await page.getByRole("button", { name: "File the note" }).click();
  await expect(page.getByText("This field is required").first()).toBeVisible();
  await note.fill("The jury worked independently.");
  await page.getByRole("button", { name: "File the note" }).click();
  await expect(page.getByRole("status")).toHaveText("Your note is filed.");
  await expect(page.getByLabel("Note")).toHaveValue("The jury worked independently.");
});
