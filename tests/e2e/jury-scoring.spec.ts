// The jury at work, with and without JavaScript: a juror declares a conflict, the secretariat
// detects and confirms conflicts, computes and publishes the assignment (without that application), the juror saves a
// draft,
// comes back and submits, sees colleagues' scores only after submitting, gets 404 for a
// colleague's review; the secretariat sees progress and sends a reminder that reaches the outbox.
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";
import { seedJuryScenario, type JuryScenario } from "../fixtures/jury";
import { e2eDb, freeEditionYear, waitForMail } from "./support/db";
import { gotoReady, isJsProject, watchDataReloads } from "./support/hydration";
import { secretariatStatePath, setLanguage, signIn } from "./support/session";
import { expectRefusedBeforePosting } from "./support/validation";

const PASSWORD = "juror passphrase for e2e";
let s: JuryScenario;

test.beforeAll(async () => {
  const passwordHash = await hash(PASSWORD, { algorithm: 2 });
  s = seedJuryScenario(drizzle(e2eDb(), { schema }), { passwordHash, year: freeEditionYear(), label: "e2e" });
});

test("a juror declares a conflict, scores with a draft, and sees colleagues only after submitting", async ({
  browser,
  page,
}) => {
  const [ana, bo, chidi] = s.jurors;
  const textbooks = s.applications[2];
  const classe = s.applications[1];

  // 1. Ana declares a conflict with "Open textbooks for all".
  await signIn(page, ana.email, PASSWORD);
  await setLanguage(page, "en");
  await gotoReady(page, `/jury/${s.editionId}/conflicts`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your conflicts of interest");
  await page.getByRole("button", { name: "Declare the conflict" }).click();
  // Each message in the summary says which field it is about.
  await expect(page.locator(".error-summary li")).toHaveText([
    "Application: This field is required",
    "Reason: This field is required",
  ]);
  // The page's other form (the confirmation) shows nothing of the answer to this one.
  await expect(page.locator("form#declare .error-summary")).toBeVisible();
  await expect(page.locator(".error-summary")).toHaveCount(1);
  await page.getByLabel("Application", { exact: true }).selectOption({ label: textbooks.title });
  await page.getByLabel("Reason").fill("I sit on their board");
  await page.getByRole("button", { name: "Declare the conflict" }).click();
  await expect(page.getByRole("status")).toContainText("Your conflict has been recorded");
  // A second one by mistake, withdrawn after a confirmation.
  await page.getByLabel("Application", { exact: true }).selectOption({ label: classe.title });
  await page.getByLabel("Reason").fill("Wrong line");
  await page.getByRole("button", { name: "Declare the conflict" }).click();
  await expect(page.getByRole("row", { name: new RegExp(classe.title) })).toContainText("Wrong line");
  await page.getByRole("link", { name: `Withdraw — ${classe.title}` }).click();
  await expect(page.getByRole("heading", { name: "Withdraw this declared conflict?" })).toBeVisible();
  await expectRefusedBeforePosting(
    page,
    "withdraw",
    () => page.getByRole("button", { name: "Withdraw the conflict" }).click(),
    "Tick the box to confirm",
  );
  await page.getByLabel("I confirm I have no conflict of interest with this application").check();
  await page.getByRole("button", { name: "Withdraw the conflict" }).click();
  await expect(page.getByRole("status")).toContainText("Your declared conflict has been withdrawn");
  await expect(page.getByRole("row", { name: new RegExp(classe.title) })).toContainText("No conflict declared");
  await expect(page.getByRole("row", { name: new RegExp(textbooks.title) })).toContainText("I sit on their board");
  await page.getByLabel("I have no conflict of interest with the other applications listed").check();
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Your declaration has been recorded");

  // 2. The secretariat detects conflicts (Chidi is from Kenya, like the solar project),
  //    confirms the proposal, then computes and publishes the assignment.
  const staff = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: secretariatStatePath(),
    javaScriptEnabled: test.info().project.name === "js",
  });
  const sp = await staff.newPage();
  await setLanguage(sp, "en");
  await gotoReady(sp, `/secretariat/editions/${s.editionId}/assignment`);
  await expect(sp.getByText("Nothing to publish yet: compute the assignment above first.")).toBeVisible();
  await sp.getByRole("button", { name: "Compute" }).click();
  await expect(sp.getByRole("alert").first()).toContainText("Conflicts to decide first");
  await sp.getByRole("link", { name: "Go to the conflicts register" }).click();
  await expect(sp.getByRole("heading", { level: 1 })).toHaveText("Conflicts of interest");
  await sp.getByRole("button", { name: "Detect conflicts" }).click();
  await expect(sp.getByRole("status")).toContainText("1 possible conflict found and recorded as a proposal.");
  await expect(sp.getByRole("row", { name: /Juror Chidi/ })).toContainText("Proposed");
  await sp.getByRole("button", { name: "Confirm the proposal that touches no submitted review" }).click();
  await expect(sp.getByRole("status")).toContainText("1 proposal confirmed.");
  await expect(sp.getByRole("row", { name: /Juror Chidi/ })).toContainText("Confirmed");
  await gotoReady(sp, `/secretariat/editions/${s.editionId}/assignment`);
  await sp.getByRole("button", { name: "Compute" }).click();
  await expect(sp.getByRole("status")).toContainText("The assignment has been computed");
  await sp.getByLabel("I have checked the preview").check();
  await sp.getByRole("button", { name: "Publish the assignment" }).click();
  await expect(sp.getByRole("status")).toContainText("have been published");
  await expect(sp.getByText("Everything is published.")).toBeVisible();
  await waitForMail(ana.email, { template: "jury_assignment" });

  // Chidi has already submitted his review of the French application.
  const sqlite = e2eDb();
  sqlite
    .prepare(
      "update reviews set state = 'submitted', scores = ?, overall_comment = 'Chidi thinks it is good', confidence = 3, submitted_at = ? where juror_id = ? and application_id = ?",
    )
    .run(JSON.stringify({ innovation: 9, impact: 9, inclusion: 9 }), Date.now(), chidi.memberId, classe.id);

  // 3. Ana's dashboard lists her applications, never the one she is in conflict with.
  await gotoReady(page, "/jury");
  await expect(page.getByRole("link", { name: classe.title })).toBeVisible();
  await expect(page.getByText(textbooks.title)).toHaveCount(0);

  // 4. She saves a draft, comes back, then submits.
  await page.getByRole("link", { name: classe.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(classe.title);
  const reviewUrl = new URL(page.url()).pathname;
  await expect(page.getByText("shown once you have submitted your own review")).toBeVisible();
  await page.getByRole("group", { name: "Innovation" }).getByLabel("7", { exact: true }).check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").first()).toContainText("Your draft has been saved");
  await gotoReady(page, reviewUrl);
  await expect(page.getByRole("group", { name: "Innovation" }).getByLabel("7", { exact: true })).toBeChecked();
  if (isJsProject()) {
    // With JavaScript a change saves itself as a draft a few seconds later, even the very first
    // click (made before the form's enhancer has arrived).
    const reloads = watchDataReloads(page);
    await page.getByRole("group", { name: "Impact" }).getByLabel("4", { exact: true }).check();
    await expect(page.locator(".jury-autosave")).toContainText("Draft saved automatically at");
    // The draft's answer carries the new version: the page does not reload its data (decision 027).
    expect(await reloads()).toEqual([]);
    await gotoReady(page, reviewUrl);
    await expect(page.getByRole("group", { name: "Impact" }).getByLabel("4", { exact: true })).toBeChecked();
    await expect(page.getByRole("group", { name: "Innovation" }).getByLabel("7", { exact: true })).toBeChecked();
    // Signed out meanwhile: the draft does not take the page to the sign-in form; it says so, and
    // the scores chosen stay on the page until a sign-in lets the next change save them.
    const cookies = await page.context().cookies();
    await page.context().clearCookies();
    await page.getByRole("group", { name: "Impact" }).getByLabel("6", { exact: true }).check();
    await expect(page.locator(".jury-autosave")).toContainText("You are signed out");
    expect(new URL(page.url()).pathname).toBe(reviewUrl);
    await expect(page.getByRole("group", { name: "Impact" }).getByLabel("6", { exact: true })).toBeChecked();
    await page.context().addCookies(cookies);
    await page.getByRole("group", { name: "Impact" }).getByLabel("7", { exact: true }).check();
    await expect(page.locator(".jury-autosave")).toContainText("Draft saved automatically at");
    await gotoReady(page, reviewUrl);
    await expect(page.getByRole("group", { name: "Impact" }).getByLabel("7", { exact: true })).toBeChecked();
  }
  // Submitting an incomplete review lists what is missing.
  await page.getByRole("button", { name: "Submit the review" }).click();
  await expect(page.locator(".error-summary")).toContainText("Score this criterion");
  await expect(page.locator(".error-summary")).toContainText("Choose your confidence level");
  await page.getByRole("group", { name: "Impact" }).getByLabel("8", { exact: true }).check();
  await page.getByRole("group", { name: "Inclusion" }).getByLabel("6", { exact: true }).check();
  await page.getByLabel("4 — high").check();
  await page.getByLabel("Overall comment for the jury").fill("Convincing and inclusive");
  await page.getByRole("button", { name: "Submit the review" }).click();
  await expect(page.getByRole("status").first()).toContainText("Your review has been submitted");
  // 5. Now she sees her colleague's scores, by the letter the results give him, not by name.
  const seats = sqlite
    .prepare("select id from jury_members where edition_id = ? order by created_at, id")
    .all(s.editionId) as { id: string }[];
  const chidiLetter = String.fromCharCode(65 + seats.findIndex((seat) => seat.id === chidi.memberId));
  await expect(page.getByRole("cell", { name: `Juror ${chidiLetter}`, exact: true })).toBeVisible();
  await expect(page.getByText("Juror Chidi")).toHaveCount(0);
  await expect(page.getByText("Chidi thinks it is good")).toBeVisible();

  // 6. A colleague's review, asked for by id, does not exist for her.
  const boReview = sqlite
    .prepare("select id from reviews where juror_id = ? and application_id = ?")
    .get(bo.memberId, textbooks.id) as { id: string };
  const response = await page.goto(`/jury/reviews/${boReview.id}`);
  expect(response?.status()).toBe(404);

  // 7. The secretariat sees progress and reminds Bo, who has reviews left.
  await gotoReady(sp, `/secretariat/editions/${s.editionId}/progress`);
  await expect(sp.getByRole("heading", { level: 1 })).toHaveText("Scoring progress");
  const since = Date.now();
  await sp.getByRole("button", { name: "Send a reminder to Juror Bo" }).click();
  await expect(sp.getByRole("status")).toContainText("Reminders sent: 1.");
  const mail = await waitForMail(bo.email, { since, template: "jury_reminder" });
  expect(mail.subject).toBe("Reminder: reviews to finish");
  // The table says when Bo was reminded, and when the next reminder can go instead of a button.
  const row = sp.locator("tr", { hasText: "Juror Bo" });
  await expect(row).toContainText("by the secretariat");
  await expect(row).toContainText("the next reminder can go from");
  await expect(sp.getByRole("button", { name: "Send a reminder to Juror Bo" })).toHaveCount(0);
  await staff.close();
});
