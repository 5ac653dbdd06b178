// A nominating entity's member returns one application with comments, declines one, nominates
// three with a PDF letter; the fourth is no longer offered, and a post from a page opened earlier is refused.
import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { e2eDb, waitForMail } from "./support/db";
import { gotoReady, isJsProject } from "./support/hydration";
import { setLanguage, signIn } from "./support/session";
import { expectRefusedBeforePosting } from "./support/validation";
import { seedNominations, tinyPdf } from "./nominations-seed";
import { toLocal } from "../../app/kernel/domain/paris-time";

// A nominator far from Paris: the browser's zone is Bahrain's.
test.use({ timezoneId: "Asia/Bahrain" });

async function openDecision(page: Page, id: string, entityId: string, action: RegExp) {
  await gotoReady(page, `/nominations/${id}?entity=${entityId}`);
  await page.getByRole("link", { name: action }).click();
}

test("a nominator returns, declines, nominates three and is refused a fourth", async ({ page }) => {
  const seed = await seedNominations({ label: "journey", count: 6, applicantLocale: "fr" });
  const [toReturn, toDecline, n1, n2, n3, n4] = seed.applications;
  await setLanguage(page, "en");
  await signIn(page, seed.nominator.email, seed.nominator.password);

  await gotoReady(page, `/nominations?edition=${seed.editionId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nominations");
  await expect(page.getByText("Nominations used: 0 of 3")).toBeVisible();
  // Deadlines are in Paris time; with JavaScript the nominator's own time (Bahrain's here) is added.
  const deadline = page.locator("p", { hasText: "UNESCO deadline for nominations" });
  if (isJsProject()) await expect(deadline).toContainText(/\(Paris time\) \(your time: .+\)/);
  else await expect(deadline).not.toContainText("your time");
  await expect(page.getByRole("row", { name: new RegExp(toReturn.reference) })).toContainText(
    "Waiting for your decision",
  );

  // Return: the comment is required; then the candidate is told in French. The list links each title.
  await page.getByRole("link", { name: toReturn.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(toReturn.title);
  await page.getByRole("link", { name: /Return it to the candidate/ }).click();
  await expectRefusedBeforePosting(
    page,
    "return",
    () => page.getByRole("button", { name: "Return the application" }).click(),
    "This field is required",
  );
  const since = Date.now();
  await page.getByLabel("Your comments to the candidate").fill("Please add evidence of impact.");
  await page.getByRole("button", { name: "Return the application" }).click();
  await expect(page.getByRole("status")).toContainText("returned to the candidate");
  await expect(page.locator("dl.summary").first()).toContainText("Returned to the candidate");
  const returned = await waitForMail(seed.applicant.email, { since, template: "application_returned" });
  expect(returned.locale).toBe("fr");
  expect(returned.text_body).toContain("Please add evidence of impact.");

  // Decline needs a reason and the confirmation box.
  await openDecision(page, toDecline.id, seed.entityId, /Decline it/);
  await page.getByLabel("Reason for declining").fill("Outside the theme of this edition.");
  await expectRefusedBeforePosting(
    page,
    "decline",
    () => page.getByRole("button", { name: "Decline the application" }).click(),
    "Tick the box to confirm",
  );
  await expect(page.getByLabel("Reason for declining")).toHaveValue("Outside the theme of this edition.");
  await page.getByLabel("I confirm that my entity declines this application").check();
  await page.getByRole("button", { name: "Decline the application" }).click();
  await expect(page.getByRole("status")).toContainText("has been declined");

  // The letter is required; a file that is not a PDF is refused, whatever its name says.
  await openDecision(page, n1.id, seed.entityId, /Nominate it/);
  await page.getByLabel("I confirm that my entity nominates this application").check();
  await expectRefusedBeforePosting(
    page,
    "nominate",
    () => page.getByRole("button", { name: "Nominate the application" }).click(),
    "Choose the nomination letter",
  );
  await page
    .getByLabel("Nomination letter")
    .setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("GIF89a not a pdf") });
  await page.getByLabel("I confirm that my entity nominates this application").check();
  await page.getByRole("button", { name: "Nominate the application" }).click();
  await expect(page.locator(".error-summary")).toContainText("must be a PDF file");

  // A second tab on the fourth, opened while nominations are left: the server refuses its post below.
  const other = await page.context().newPage();
  await openDecision(other, n4.id, seed.entityId, /Nominate it/);

  for (const app of [n1, n2, n3]) {
    await openDecision(page, app.id, seed.entityId, /Nominate it/);
    await page
      .getByLabel("Nomination letter")
      .setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
    await page.getByLabel("I confirm that my entity nominates this application").check();
    await page.getByRole("button", { name: "Nominate the application" }).click();
    await expect(page.getByRole("status")).toContainText("has been nominated");
    await expect(page.getByRole("link", { name: /Download the nomination letter/ })).toBeVisible();
  }

  await other
    .getByLabel("Nomination letter")
    .setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
  await other.getByLabel("I confirm that my entity nominates this application").check();
  await other.getByRole("button", { name: "Nominate the application" }).click();
  await expect(other.locator(".notice")).toContainText("has used all its 3 nominations");
  await expect(other.getByLabel("Nomination letter")).toHaveCount(0);
  await other.close();

  // Now the fourth's page says so before any letter is chosen, and offers only what is left.
  await gotoReady(page, `/nominations/${n4.id}?entity=${seed.entityId}`);
  await expect(page.locator(".notice")).toContainText("You can still return it to the candidate");
  await expect(page.getByRole("link", { name: /Nominate it/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Decline it/ })).toBeVisible();

  await gotoReady(page, `/nominations?entity=${seed.entityId}&edition=${seed.editionId}`);
  await expect(page.getByText("Nominations used: 3 of 3")).toBeVisible();
  await expect(page.getByText(/can only be returned to their candidates or declined/)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(n4.reference) })).toContainText("Waiting for your decision");
  await expect(page.getByRole("row", { name: new RegExp(n1.reference) })).toContainText("Nominated");

  // The letter downloads as an attachment.
  await gotoReady(page, `/nominations/${n1.id}?entity=${seed.entityId}`);
  const href = await page.getByRole("link", { name: /Download the nomination letter/ }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("a nominator sets an internal deadline shown in Paris time", async ({ page }) => {
  const seed = await seedNominations({ label: "deadline", count: 1 });
  await setLanguage(page, "en");
  await signIn(page, seed.nominator.email, seed.nominator.password);
  await gotoReady(page, `/nominations?edition=${seed.editionId}`);
  await expect(page.getByText("You have not set an internal deadline")).toBeVisible();
  // After the UNESCO deadline (30 days ahead in the seed) it is refused, saying why.
  await page.getByLabel("Internal deadline (Paris time)").fill(toLocal(Date.now() + 60 * 864e5));
  await page.getByRole("button", { name: "Save the internal deadline" }).click();
  await expect(page.locator(".error-summary")).toContainText("Choose a date before the UNESCO deadline");
  // Ten days ahead, at 18:00 in Paris: saved, and read back as typed.
  const date = `${toLocal(Date.now() + 10 * 864e5).slice(0, 10)}T18:00`;
  await page.getByLabel("Internal deadline (Paris time)").fill(date);
  await page.getByRole("button", { name: "Save the internal deadline" }).click();
  await expect(page.getByRole("status")).toContainText("has been saved");
  await expect(page.getByText(/Your internal deadline: .+ at 18:00/)).toBeVisible();
});

test("another entity's member gets a 404 for an application and its letter", async ({ page }) => {
  const a = await seedNominations({ label: "owner", count: 1 });
  const b = await seedNominations({ label: "intruder", count: 0 });
  await setLanguage(page, "en");
  await signIn(page, b.nominator.email, b.nominator.password);
  const response = await gotoReady(page, `/nominations/${a.applications[0].id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  // Owner's letter: seeded directly, then asked for by the intruder.
  const letterId = randomUUID();
  e2eDb()
    .prepare(
      "insert into nomination_letters (id, application_id, entity_id, uploaded_by, original_name, size_bytes, sha256, stored_name, created_at) values (?, ?, ?, (select user_id from entity_members where entity_id = ?), 'l.pdf', 10, 'x', 'missing', ?)",
    )
    .run(letterId, a.applications[0].id, a.entityId, a.entityId, Date.now());
  const letter = await page.request.get(`/nomination-letters/${letterId}`);
  expect(letter.status()).toBe(404);
});
