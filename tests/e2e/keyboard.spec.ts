// Keyboard only (WCAG 2.2 asks that everything work from the keyboard): the main tasks done
// with Tab, arrow keys, Space and Enter, never the mouse, with JavaScript on and off. Every
// control reached shows where the focus is.
import { hash } from "@node-rs/argon2";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";
import { publishPair, seedJuryScenario, type JuryScenario } from "../fixtures/jury";
import { closeCall, openCall, type OpenCall } from "./applications-fixtures";
import { e2eDb, freeEditionYear } from "./support/db";
import { gotoReady } from "./support/hydration";
import { confirmationPath, setLanguage, signIn, uniqueEmail } from "./support/session";

const JUROR_PASSWORD = "juror passphrase for keyboard";
let call: OpenCall | undefined;
let jury: JuryScenario;
let reviewId: string;

test.beforeAll(async () => {
  call = openCall();
  const database = drizzle(e2eDb(), { schema });
  jury = seedJuryScenario(database, {
    passwordHash: await hash(JUROR_PASSWORD, { algorithm: 2 }),
    year: freeEditionYear(),
    label: "keyboard",
  });
  reviewId = publishPair(database, jury.editionId, jury.jurors[0].memberId, jury.applications[1].id);
});
test.afterAll(() => closeCall(call));

/** Presses Tab until `target` has the focus (failing if it never does), and checks the focus is visible. */
async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) {
      const shown = await target.evaluate((el) => {
        const style = getComputedStyle(el);
        return el.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      });
      expect(shown, "the focused control shows a visible focus indicator").toBe(true);
      return;
    }
  }
  throw new Error(`Not reached with ${max} presses of Tab: ${String(target)}`);
}

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

test("an applicant registers, starts an application and completes a section with the keyboard alone", async ({
  page,
}) => {
  await setLanguage(page, "en");
  await gotoReady(page, "/register");
  // The first stop is the skip link, which moves on to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await typeInto(page, page.getByLabel("Full name"), "Keyboard Applicant");
  const email = uniqueEmail("keyboard");
  const since = Date.now();
  await typeInto(page, page.getByLabel("E-mail address"), email);
  await typeInto(page, page.getByLabel("Choose a password"), "a long keyboard passphrase");
  await tabTo(page, page.getByRole("button", { name: "Create account" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
  await gotoReady(page, await confirmationPath(email, since));
  await tabTo(page, page.getByRole("button", { name: "Activate my account" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard/);

  await gotoReady(page, "/applications");
  await tabTo(page, page.getByRole("button", { name: "Start your application" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: "Pedagogy" }));
  await page.keyboard.press("Enter");
  await typeInto(
    page,
    page.getByLabel("How the project changes teaching and learning, and what is new in its approach."),
    "Pupils learn by measuring their school's energy use.",
  );
  await tabTo(page, page.getByRole("button", { name: "Save and mark as completed" }));
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\?saved=1$/);
  await expect(page.locator("#status-pedagogy")).toHaveText("Completed");
});

test("a juror scores and submits a review with the keyboard alone", async ({ page }) => {
  const ana = jury.jurors[0];
  await signIn(page, ana.email, JUROR_PASSWORD);
  await setLanguage(page, "en");
  await gotoReady(page, `/jury/reviews/${reviewId}`);
  // In a radio group Space chooses the focused score and the arrow keys move along the scale.
  for (const [criterion, score] of [
    ["Innovation", 7],
    ["Impact", 8],
    ["Inclusion", 6],
  ] as const) {
    const radios = page.getByRole("group", { name: criterion }).getByRole("radio");
    await tabTo(page, radios.first());
    await page.keyboard.press("Space");
    for (let s = 1; s < score; s++) await page.keyboard.press("ArrowRight");
    await expect(radios.nth(score - 1)).toBeChecked();
  }
  await tabTo(page, page.getByLabel("1 — very low"));
  await page.keyboard.press("Space");
  for (let s = 1; s < 4; s++) await page.keyboard.press("ArrowRight");
  await expect(page.getByLabel("4 — high")).toBeChecked();
  await typeInto(page, page.getByLabel("Overall comment for the jury"), "Scored without a mouse");
  await tabTo(page, page.getByRole("button", { name: "Submit the review" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toContainText("Your review has been submitted");
});
