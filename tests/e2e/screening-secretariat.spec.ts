// The secretariat filters the nominated applications, exports the list as CSV, and screens one
// application eligible and another ineligible (the candidate gets the reasons by e-mail).
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { waitForMail } from "./support/db";
import { gotoReady } from "./support/hydration";
import { expectRefusedBeforePosting } from "./support/validation";
import { secretariatStatePath, setLanguage } from "./support/session";
import { nominateDirectly, seedNominations } from "./nominations-seed";

test.use({ storageState: secretariatStatePath() });

test("the secretariat filters, exports CSV and screens one application eligible and one ineligible", async ({
  page,
}) => {
  const seed = await seedNominations({ label: "screening", count: 4, applicantLocale: "fr" });
  nominateDirectly(
    seed,
    seed.applications.map((a) => a.id),
  );
  const [senegal1, kenya1, senegal2] = seed.applications; // countries alternate SN, KE, SN, KE
  await setLanguage(page, "en");

  await gotoReady(page, `/secretariat/screening?edition=${seed.editionId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eligibility screening");
  await expect(page.getByText("4 applications")).toBeVisible();
  await page.getByLabel("Country").selectOption("SN");
  await page.getByRole("button", { name: "Apply the filters" }).click();
  await expect(page).toHaveURL(/country=SN/);
  await expect(page.getByText("2 applications")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(senegal1.reference) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(kenya1.reference) })).toHaveCount(0);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export the list as CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^screening-.*\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(senegal1.reference);
  expect(csv).toContain(senegal2.reference);
  expect(csv).not.toContain(kenya1.reference);

  // Eligible: every rule passes.
  await page.getByRole("link", { name: senegal1.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(senegal1.reference);
  for (const key of seed.ruleKeys)
    await page
      .getByRole("group", { name: `Rule ${key}` })
      .getByLabel("Pass")
      .check();
  await page.getByRole("button", { name: "Save the decisions" }).click();
  await expect(page.getByRole("status")).toContainText("have been saved");
  await expect(page.getByText("Result: Eligible")).toBeVisible();

  // Ineligible: a failed rule needs its evidence, which the candidate receives in French.
  await gotoReady(page, `/secretariat/screening/${senegal2.id}`);
  await page
    .getByRole("group", { name: `Rule ${seed.ruleKeys[0]}` })
    .getByLabel("Pass")
    .check();
  await page
    .getByRole("group", { name: `Rule ${seed.ruleKeys[1]}` })
    .getByLabel("Fail")
    .check();
  await expectRefusedBeforePosting(
    page,
    "screening",
    () => page.getByRole("button", { name: "Save the decisions" }).click(),
    "Write the evidence for a failed rule",
  );
  await expect(page.getByText(/Result: not decided yet/)).toBeVisible();
  const since = Date.now();
  await page
    .locator(`textarea[name="evidence__${seed.ruleKeys[1]}"]`)
    .fill("The project does not use ICT in education.");
  await page
    .getByRole("group", { name: `Rule ${seed.ruleKeys[1]}` })
    .getByLabel("Fail")
    .check();
  await page
    .getByRole("group", { name: `Rule ${seed.ruleKeys[0]}` })
    .getByLabel("Pass")
    .check();
  await page
    .getByRole("group", { name: `Rule ${seed.ruleKeys[2]}` })
    .getByLabel("Pass")
    .check();
  await page.getByRole("button", { name: "Save the decisions" }).click();
  await expect(page.getByText("Result: Not eligible")).toBeVisible();
  const mail = await waitForMail(seed.applicant.email, { since, template: "application_ineligible" });
  expect(mail.locale).toBe("fr");
  expect(mail.text_body).toContain(`Critère ${seed.ruleKeys[1]}`);
  expect(mail.text_body).toContain("The project does not use ICT in education.");
});

test("a nominator gets 404 on the screening pages and exports", async ({ browser }) => {
  const seed = await seedNominations({ label: "screening-denied", count: 1 });
  const context = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await gotoReady(page, "/login");
  await page.getByLabel(/e-mail/i).fill(seed.nominator.email);
  await page.locator('input[name="password"]').fill(seed.nominator.password);
  await page.locator('form#login button[type="submit"]').click();
  await expect(page).toHaveURL(/\/dashboard/);
  for (const url of [
    "/secretariat/screening",
    `/secretariat/screening/${seed.applications[0].id}`,
    `/secretariat/screening/export.csv?edition=${seed.editionId}`,
    `/secretariat/screening/export.xlsx?edition=${seed.editionId}`,
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
  await context.close();
});
