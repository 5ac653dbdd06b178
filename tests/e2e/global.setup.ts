// Runs once before both projects: the one-time setup link creates the first secretariat
// account (without JavaScript, the plain HTML path), and never works again.
import { expect, test as setup } from "@playwright/test";
import { readFileSync } from "node:fs";
import { SECRETARIAT, secretariatStatePath } from "./support/session";

setup("the one-time setup link creates the first secretariat account and then stops working", async ({ page }) => {
  const token = readFileSync(process.env.E2E_SETUP_TOKEN_FILE!, "utf8").trim();
  await page.goto(`/setup/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up the system");
  await page.getByLabel("Full name").fill(SECRETARIAT.name);
  await page.getByLabel("E-mail address").fill(SECRETARIAT.email);
  await page.getByLabel("Choose a password").fill("short");
  await page.getByRole("button", { name: "Create the secretariat account" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator(".error-summary")).toContainText("at least 12 characters");
  await expect(page.getByLabel("Full name")).toHaveValue(SECRETARIAT.name);
  await page.getByLabel("Choose a password").fill(SECRETARIAT.password);
  await page.getByRole("button", { name: "Create the secretariat account" }).click();
  await expect(page).toHaveURL(/\/secretariat$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Secretariat");
  await page.context().storageState({ path: secretariatStatePath() });

  await page.goto(`/setup/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This setup link cannot be used");
});
