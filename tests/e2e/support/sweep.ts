/**
 * The per-page sweeps: each page of each language is its own test, so that a slow machine
 * never runs out of one test's time on a list of pages, and a failure names the page.
 */
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { expectEcoIndexA } from "./ecoindex";
import { gotoReady, isJsProject } from "./hydration";

export const LANGS = ["en", "fr", "ar"] as const;
export type Lang = (typeof LANGS)[number];

/** One page: its status, `<html lang dir>`, one h1, zero axe violations, and (JavaScript project) EcoIndex A. */
export async function checkPage(page: Page, url: string, lang: Lang, status = 200): Promise<void> {
  const response = await gotoReady(page, url);
  expect(response?.status(), url).toBe(status);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await expect(page.locator("h1")).toHaveCount(1);
  await expectAccessible(page);
  if (isJsProject()) await expectEcoIndexA(page, url);
}

export type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

/** Signs a page's context in with cookies saved by a `beforeAll` (a session made once per file). */
export async function useCookies(page: Page, cookies: Cookies): Promise<void> {
  await page.context().clearCookies();
  await page.context().addCookies(cookies);
}
