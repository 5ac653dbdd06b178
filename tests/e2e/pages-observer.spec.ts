// The observer's journeys first (filing a note, reading the log by action), which work without
// JavaScript too, so that the log the sweep reads holds rows. Then the observer's pages of an
// edition, in English, French and Arabic: zero axe violations, the right <html lang dir>, and
// (JavaScript project) EcoIndex grade A, one page a test. Then the secretariat's side: the
// edition's observers on its overview, and the confirmation step of a removal.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eDb } from "./support/db";
import { SECRETARIAT, setLanguage } from "./support/session";
import { checkPage, LANGS, signedInCookies, useCookies, type Cookies } from "./support/sweep";
import { JUROR_PASSWORD, seedScoredEdition, type SeededEdition } from "./results-seed";

let edition: SeededEdition;
let observer: Cookies;
let observerEmail: string;
let secretariat: Cookies;
/** A second observer of the edition, whom the secretariat's pages list and remove. */
let leaving: { rowId: string; email: string };

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
  const leavingId = randomUUID();
  leaving = { rowId: randomUUID(), email: `leaving.${project}.${now}@e2e.test` };
  db.prepare(
    "insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, 'Lena Leaving', ?, 'fr', ?)",
  ).run(leavingId, leaving.email, hash, now);
  db.prepare("insert into edition_observers (id, edition_id, user_id, note, created_at) values (?, ?, ?, '', ?)").run(
    leaving.rowId,
    edition.editionId,
    leavingId,
    now,
  );
  secretariat = await signedInCookies(browser, SECRETARIAT.email, SECRETARIAT.password);
});

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

test("the observer shows one action of the audit log, then every action again", async ({ page }) => {
  await useCookies(page, observer);
  await setLanguage(page, "en");
  // A note filed is a row of the log (the seeded edition's own rows were written without it).
  await page.goto(`/observe/${edition.editionId}`);
  await page.getByLabel("Note").fill("Read the log by action.");
  await page.getByRole("button", { name: "File the note" }).click();
  await expect(page.getByRole("status")).toHaveText("Your note is filed.");
  await page.goto(`/observe/${edition.editionId}/audit`);
  await page.getByLabel("Action").selectOption("observer.note_filed");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/\?action=observer.note_filed$/);
  await expect(page.getByRole("status")).toContainText("Entries of the action “Observer’s note filed”");
  const cells = page.locator("tbody tr td:nth-child(2)");
  expect(await cells.count()).toBeGreaterThan(0);
  for (const cell of await cells.all()) await expect(cell).toContainText("Observer’s note filed");
  await page.getByRole("link", { name: "Show every action" }).click();
  await expect(page.getByRole("status")).toContainText("Entries about this edition");
});

// After the journeys above: the audit log then holds rows, and its sweep checks its filter too.
const PAGES: [string, () => string][] = [
  ["overview", () => `/observe/${edition.editionId}`],
  ["results", () => `/observe/${edition.editionId}/results`],
  ["integrity", () => `/observe/${edition.editionId}/integrity`],
  ["audit log", () => `/observe/${edition.editionId}/audit`],
];

for (const lang of LANGS) {
  for (const [name, url] of PAGES) {
    test(`the observer's ${name} page is accessible and light in ${lang}`, async ({ context }) => {
      await useCookies(context, observer);
      await setLanguage(context, lang);
      await checkPage(context, url(), lang, {
        also: async (shown) => {
          // Read-only: no form that posts but the note's (the audit log's filter is a GET), and no
          // applicant's address anywhere.
          const text = await shown.locator("main").innerText();
          for (const app of edition.apps) expect(text).not.toContain(app.applicantEmail);
          await expect(shown.locator('main form:not(#observer-note):not([method="get"])')).toHaveCount(0);
          if (name === "audit log")
            await expect(shown.locator('main form[method="get"] select[name="action"]')).toHaveCount(1);
        },
      });
    });
  }
}

const SECRETARIAT_PAGES: [string, () => string][] = [
  ["edition overview with its observers", () => `/secretariat/editions/${edition.editionId}`],
  ["observer removal step", () => `/secretariat/editions/${edition.editionId}?remove=${leaving.rowId}`],
];

for (const lang of LANGS) {
  for (const [name, url] of SECRETARIAT_PAGES) {
    test(`the secretariat's ${name} page is accessible and light in ${lang}`, async ({ context }) => {
      await useCookies(context, secretariat);
      await setLanguage(context, lang);
      await checkPage(context, url(), lang);
    });
  }
}

test("the secretariat removes an observer after confirming, and the list no longer shows them", async ({ page }) => {
  // An observer of this test's own, so that the sweep above still finds the one it shows.
  const db = e2eDb();
  const { password_hash: hash } = db.prepare("select password_hash from users where email = ?").get(observerEmail) as {
    password_hash: string;
  };
  const userId = randomUUID();
  const rowId = randomUUID();
  const email = `removed.${test.info().project.name}.${Date.now()}@e2e.test`;
  db.prepare(
    "insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, 'Rémi Removed', ?, 'fr', ?)",
  ).run(userId, email, hash, Date.now());
  db.prepare("insert into edition_observers (id, edition_id, user_id, note, created_at) values (?, ?, ?, '', ?)").run(
    rowId,
    edition.editionId,
    userId,
    Date.now(),
  );
  await useCookies(page, secretariat);
  await setLanguage(page, "en");
  await page.goto(`/secretariat/editions/${edition.editionId}`);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.goto(`/secretariat/editions/${edition.editionId}?remove=${rowId}`);
  await page.getByRole("button", { name: "Remove the observer" }).click();
  await expect(page.getByRole("status")).toContainText("The observer is removed");
  await expect(page.getByRole("cell", { name: email })).toHaveCount(0);
});
