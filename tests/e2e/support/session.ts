/** Accounts and languages for journeys: the secretariat made once by the setup project. */
import { expect, test, type Page } from "@playwright/test";
import { dirname, join } from "node:path";
import { gotoReady } from "./hydration";

export const SECRETARIAT = { name: "Amina Diallo", email: "secretariat@e2e.test", password: "e2e secretariat passphrase" };

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
export async function setLanguage(page: Page, lang: "en" | "fr" | "ar"): Promise<void> {
  const response = await page.request.post("/language", { form: { lang, redirectTo: "/" }, headers: { Origin: origin() }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

/** Creates an applicant account through the real registration action; the page is signed in. */
export async function registerApplicant(page: Page, label = "applicant"): Promise<{ email: string; password: string; name: string }> {
  const account = { email: uniqueEmail(label), password: "a long applicant passphrase", name: `Applicant ${label}` };
  const response = await page.request.post("/register", {
    form: { name: account.name, email: account.email, password: account.password, locale: "en" },
    headers: { Origin: origin() },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBe(302);
  return account;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await gotoReady(page, "/login");
  await page.getByLabel(/e-mail|adresse|البريد/i).fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form#login button[type="submit"]').click();
  await expect(page).toHaveURL(/\/dashboard|\/secretariat/);
}
