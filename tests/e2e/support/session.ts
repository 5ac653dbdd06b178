/** Accounts and languages for journeys: the secretariat made once by the setup project. */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { dirname, join } from "node:path";
import { extractLink, waitForMail } from "./db";
import { gotoReady } from "./hydration";

export const SECRETARIAT = {
  name: "Amina Diallo",
  email: "secretariat@e2e.test",
  password: "e2e secretariat passphrase",
};

export function secretariatStatePath(): string {
  const db = process.env.E2E_DATABASE_PATH;
  if (!db) throw new Error("E2E_DATABASE_PATH is not set: is tests/e2e/global-setup.ts running?");
  return join(dirname(db), "secretariat-state.json");
}

/** An address unique to this test and project, so the js and nojs runs never collide. */
export function uniqueEmail(label: string): string {
  const info = test.info();
  return `${label}.${info.project.name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@e2e.test`.toLowerCase();
}

export function origin(): string {
  const base = process.env.E2E_BASE_URL;
  if (!base) throw new Error("E2E_BASE_URL is not set");
  return new URL(base).origin;
}

/** Switches the language as the visible switch does (cookie, and profile when signed in). */
export async function setLanguage(user: Page | BrowserContext, lang: "en" | "fr" | "ar"): Promise<void> {
  const response = await user.request.post("/language", {
    form: { lang, redirectTo: "/" },
    headers: { Origin: origin() },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

/**
 * Creates an applicant account through the real registration action and its e-mailed
 * confirmation link; the page is signed in.
 */
export async function registerApplicant(
  page: Page,
  label = "applicant",
): Promise<{ email: string; password: string; name: string }> {
  const account = { email: uniqueEmail(label), password: "a long applicant passphrase", name: `Applicant ${label}` };
  const since = Date.now();
  const response = await page.request.post("/register", {
    form: { name: account.name, email: account.email, password: account.password, locale: "en" },
    headers: { Origin: origin() },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBe(302);
  expect(response.headers()["location"]).toBe("/register?sent=1");
  const confirmed = await page.request.post(await confirmationPath(account.email, since), {
    headers: { Origin: origin() },
    maxRedirects: 0,
  });
  expect(confirmed.status(), await confirmed.text()).toBe(302);
  return account;
}

/** The path of the confirmation link e-mailed to a new address after `since`. */
export async function confirmationPath(email: string, since: number): Promise<string> {
  const mail = await waitForMail(email, { since, template: "registration_confirm" });
  return new URL(extractLink(mail.text_body, "/register/confirm/")).pathname;
}

/**
 * After the registration form was sent: the check-your-e-mail page, then the link and its button,
 * as a person does. The link's page reads in the language chosen at registration: `button` is
 * its button in that language.
 */
export async function activateFromMail(
  page: Page,
  email: string,
  since: number,
  button = "Activate my account",
): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
  await gotoReady(page, await confirmationPath(email, since));
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1/);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await gotoReady(page, "/login");
  await page.getByLabel(/e-mail|adresse|البريد/i).fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form#login button[type="submit"]').click();
  await expect(page).toHaveURL(/\/dashboard|\/secretariat/);
}
