// The secretariat adds a nominating entity and invites a nominator, who accepts by e-mail.
import { expect, test } from "@playwright/test";
import { extractLink, waitForMail } from "./support/db";
import { gotoReady, isJsProject } from "./support/hydration";
import { secretariatStatePath, setLanguage, uniqueEmail } from "./support/session";

test.use({ storageState: secretariatStatePath() });

test("the secretariat adds a National Commission, invites a nominator in French, and the nominator joins", async ({
  page,
  browser,
}) => {
  await setLanguage(page, "en");
  const country = isJsProject() ? "KE" : "SN";
  const entityName = `National Commission ${country} ${Date.now()}`;
  await gotoReady(page, "/secretariat/entities?add=1");

  // A National Commission without a country is refused, and the name typed is kept.
  await page.getByLabel("National Commission for UNESCO").check();
  await page.getByLabel("Name").fill(entityName);
  await page.getByRole("button", { name: "Add the entity" }).click();
  await expect(page.locator(".error-summary")).toContainText("Choose the country");
  await expect(page.getByLabel("Name")).toHaveValue(entityName);

  await page.getByLabel("Country").selectOption(country);
  await page.getByRole("button", { name: "Add the entity" }).click();
  await expect(page.getByRole("status")).toContainText("has been added");
  await expect(page.getByRole("cell", { name: entityName })).toBeVisible();

  const email = uniqueEmail("nominator");
  await gotoReady(page, "/secretariat/invitations?new=1");
  await page.getByLabel("Nominator").check();
  await page.getByLabel("Full name").fill("Awa Ndiaye");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Preferred language").selectOption("fr");
  await page.getByLabel("Nominating entity").selectOption({ label: entityName });
  const since = Date.now();
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText("sent by e-mail");
  await expect(page.locator("tr", { hasText: email })).toContainText("Waiting");

  const mail = await waitForMail(email, { since, template: "invitation" });
  expect(mail.locale).toBe("fr");
  expect(mail.text_body).toContain("Responsable des désignations");
  const link = new URL(extractLink(mail.text_body, "/invitations/")).pathname;

  const invitee = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    javaScriptEnabled: isJsProject(),
    storageState: { cookies: [], origins: [] },
  });
  const p = await invitee.newPage();
  await gotoReady(p, link);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Accept your invitation");
  await p.getByLabel("Choose a password").fill("nominator passphrase 2024");
  await p.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(p).toHaveURL(/\/dashboard/);
  await expect(p.getByText(entityName)).toBeVisible();
  // The link was single-use.
  await p.context().clearCookies();
  await gotoReady(p, link);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("This invitation cannot be used");
  await invitee.close();

  await gotoReady(page, "/secretariat/invitations");
  await expect(page.locator("tr", { hasText: email })).toContainText("Accepted");
});
