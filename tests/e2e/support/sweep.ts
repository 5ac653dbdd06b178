/**
 * The per-page sweeps: each page of each language is its own test, so that a slow machine
 * never runs out of one test's time on a list of pages, and a failure names the page.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Browser, type BrowserContext, type Page, type Response } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { expectEcoIndexA } from "./ecoindex";
import { gotoReady, isJsProject } from "./hydration";
import { origin } from "./session";
import { FORM_TOKEN_FIELD, FORM_TOKEN_PATTERN } from "../../../app/kernel/domain/form-token";

const I18N = join(dirname(fileURLToPath(import.meta.url)), "../../../app/kernel/i18n");

export const LANGS = ["en", "fr", "ar"] as const;
export type Lang = (typeof LANGS)[number];

/** Status, `<html lang dir>`, one h1 and zero axe violations, on a page already loaded. */
async function expectPageBasics(page: Page, url: string, lang: Lang, response: Response | null, status: number) {
  expect(response?.status(), url).toBe(status);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await expect(page.locator("h1")).toHaveCount(1);
  await expectAccessible(page);
  await expectFormTokens(page, url);
  await expectNoMessageKeys(page, url);
}

/** Every catalogue key: the core's and each area's (the JSON files of app/kernel/i18n). */
const MESSAGE_KEYS = new Set(
  [I18N, join(I18N, "areas")].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .flatMap((name) => Object.keys(JSON.parse(readFileSync(join(dir, name), "utf8")) as object)),
  ),
);

/**
 * No message shown by its key: a text or a label that is exactly a catalogue key is a message
 * whose area the page's address does not load (app/kernel/i18n/areas.ts), as the results steps'
 * "integrity.title" once was on every results page.
 */
async function expectNoMessageKeys(page: Page, url: string) {
  const candidates = await page.evaluate(() => {
    const keyLike = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      if (keyLike.test(text)) found.push(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name)?.trim() ?? "";
        if (keyLike.test(value)) found.push(value);
      }
    if (keyLike.test(document.title.trim())) found.push(document.title.trim());
    return found;
  });
  expect(
    candidates.filter((text) => MESSAGE_KEYS.has(text)),
    `${url}: messages shown by their key`,
  ).toEqual([]);
}

/**
 * Every form that changes something carries one one-time token of its own, so a post sent twice
 * changes things once. The language switch and signing out change nothing a second post would.
 */
async function expectFormTokens(page: Page, url: string) {
  const forms = await page.locator("form").evaluateAll(
    (found, field) =>
      found
        .filter((form) => (form as HTMLFormElement).method === "post")
        .map((form) => ({
          action: form.getAttribute("action") ?? "",
          id: form.id,
          tokens: [...form.querySelectorAll(`input[name="${field}"]`)].map(
            (input) => (input as HTMLInputElement).value,
          ),
        })),
    FORM_TOKEN_FIELD,
  );
  const changing = forms.filter((form) => !/^\/(language|logout)$/.test(form.action));
  const without = changing.filter((form) => form.tokens.length !== 1 || !FORM_TOKEN_PATTERN.test(form.tokens[0]));
  expect(without, `${url}: forms without their one-time token`).toEqual([]);
  expect(new Set(changing.map((form) => form.tokens[0])).size, `${url}: forms sharing a token`).toBe(changing.length);
}

/**
 * One page: its status, `<html lang dir>`, one h1, zero axe violations, and (JavaScript project)
 * EcoIndex A. With JavaScript every check runs on the load that EcoIndex measures (no cache, the
 * user's cookies), once hydrated, during the wait that the measurement makes after scrolling, so
 * a page loads once per check and its checks add no wait; `also` asserts more on that same page
 * once measured. Given a context rather than a page (the sweeps: a page's renderer costs most of
 * a second to start, and with JavaScript none is needed), the page is opened in it only when
 * there is no measured load to check on.
 */
export async function checkPage(
  user: Page | BrowserContext,
  url: string,
  lang: Lang,
  { status = 200, also }: { status?: number; also?: (shown: Page) => Promise<void> } = {},
): Promise<void> {
  if (!isJsProject()) {
    const page = "context" in user ? user : await user.newPage();
    const response = await gotoReady(page, url);
    await expectPageBasics(page, url, lang, response, status);
    await also?.(page);
    return;
  }
  await expectEcoIndexA(user, url, {
    javaScriptEnabled: true,
    examine: async (measured, response) => {
      await measured.locator("html[data-hydrated]").waitFor({ state: "attached" });
      await expectPageBasics(measured, url, lang, response, status);
    },
    inspect: also,
  });
}

export type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

/** Signs a page's context in with cookies saved by a `beforeAll` (a session made once per file). */
export async function useCookies(user: Page | BrowserContext, cookies: Cookies): Promise<void> {
  const context = "context" in user ? user.context() : user;
  await context.clearCookies();
  await context.addCookies(cookies);
}

/**
 * A context with no cookies for a `beforeAll`: a context made there otherwise takes the first
 * test's options, and when that test is the secretariat's (a --grep, a retry after a failure)
 * everything signed in through it would keep the secretariat's session.
 */
export function emptyContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: { cookies: [], origins: [] } });
}

/** Signs in through the login action from an empty context; returns the session's cookies. */
export async function signedInCookies(browser: Browser, email: string, password: string): Promise<Cookies> {
  const context = await emptyContext(browser);
  try {
    const response = await context.request.post("/login", {
      form: { email, password },
      headers: { Origin: origin() },
      maxRedirects: 0,
    });
    expect(response.status(), `${email} could not sign in`).toBe(302);
    return await context.cookies();
  } finally {
    await context.close();
  }
}
