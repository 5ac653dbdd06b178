// The public pages are cheap to read again (docs/decisions/022-cheap-public-pages.md): for a
// visitor who is not signed in they carry a validator and a short private cache lifetime, a
// request naming the validator is answered 304 with the policy of the page the browser kept, the
// validator follows the page's content and language, and a signed-in visitor's pages are never kept.
import { expect, test, type APIResponse } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { e2eDb } from "./support/db";
import { isJsProject } from "./support/hydration";
import { origin, SECRETARIAT } from "./support/session";
import { signedInCookies, type Cookies } from "./support/sweep";

const PAGES = ["/", "/call", "/laureates", "/privacy"];

/** The nonce the response's policy admits inline scripts with. */
function policyNonce(response: APIResponse): string {
  const match = /script-src 'self' 'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "");
  expect(match, "the page's policy names a nonce").not.toBeNull();
  return match![1];
}

function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
}

test("a visitor who is not signed in gets a validator and a short private lifetime on each public page, the same while nothing changes @http", async ({
  request,
}) => {
  for (const path of PAGES) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const headers = first.headers();
    expect(headers.etag, path).toMatch(/^W\/"[\w-]+"$/);
    expect(headers["cache-control"], path).toBe("private, max-age=60, must-revalidate");
    expect(headers.vary, path).toContain("Cookie");
    expect(headers.vary, path).toContain("Accept-Language");
    const second = await request.get(path);
    expect(second.headers().etag, path).toBe(headers.etag);
    expect(await second.text(), `${path} renders the same bytes twice`).toBe(await first.text());
  }
});

test("a request naming the page's validator is answered 304 without a body, with the policy of the kept page's scripts @http", async ({
  request,
}) => {
  const full = await request.get("/call");
  const html = await full.text();
  const nonce = policyNonce(full);
  const nonces = scriptNonces(html);
  expect(nonces.length).toBeGreaterThan(1);
  expect(new Set(nonces)).toEqual(new Set([nonce]));

  for (const encoding of ["identity", "gzip, br"]) {
    const again = await request.get("/call", {
      headers: { "If-None-Match": full.headers().etag, "Accept-Encoding": encoding },
    });
    expect(again.status(), encoding).toBe(304);
    expect((await again.body()).length, encoding).toBe(0);
    expect(policyNonce(again), encoding).toBe(nonce);
    expect(again.headers().etag).toBe(full.headers().etag);
  }
  const other = await request.get("/call", { headers: { "If-None-Match": 'W/"another-page"' } });
  expect(other.status()).toBe(200);
});

test("the validator changes when the laureates list changes, and comes back when it is as before @http", async ({
  request,
}) => {
  const path = "/laureates?year=1990";
  const before = await request.get(path);
  const etag = before.headers().etag;
  const id = randomUUID();
  const db = e2eDb();
  db.prepare(
    `insert into archive_laureates (id, year, project, organisation, country, published_at) values (?, 1990, ?, ?, 'KE', ?)`,
  ).run(id, "Validator test project", "Validator test organisation", Date.now() - 1000);
  try {
    const after = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(after.status()).toBe(200);
    expect(after.headers().etag).not.toBe(etag);
    expect(await after.text()).toContain("Validator test project");
  } finally {
    db.prepare("delete from archive_laureates where id = ?").run(id);
  }
  const restored = await request.get(path, { headers: { "If-None-Match": etag } });
  expect(restored.status()).toBe(304);
});

test("the validator changes with the language, chosen by the browser or by the switch @http", async ({
  playwright,
}) => {
  const context = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  try {
    const english = await context.get("/call", { headers: { "Accept-Language": "en" } });
    const french = await context.get("/call", { headers: { "Accept-Language": "fr" } });
    expect(french.headers().etag).not.toBe(english.headers().etag);
    expect(await french.text()).toContain('lang="fr"');

    const switched = await context.post("/language", {
      form: { lang: "ar", redirectTo: "/call" },
      headers: { Origin: origin() },
      maxRedirects: 0,
    });
    expect(switched.status()).toBe(302);
    const arabic = await context.get("/call", {
      headers: { "Accept-Language": "en", "If-None-Match": english.headers().etag },
    });
    expect(arabic.status()).toBe(200);
    expect(await arabic.text()).toContain('lang="ar"');
  } finally {
    await context.dispose();
  }
});

test.describe("signed in", () => {
  let cookies: Cookies;
  test.beforeAll(async ({ browser }) => {
    cookies = await signedInCookies(browser, SECRETARIAT.email, SECRETARIAT.password);
  });

  test("a signed-in visitor's public pages carry no validator and are never kept @http", async ({ playwright }) => {
    const context = await playwright.request.newContext({
      baseURL: process.env.E2E_BASE_URL,
      storageState: { cookies, origins: [] },
    });
    try {
      for (const path of PAGES) {
        const response = await context.get(path);
        expect(response.status(), path).toBe(200);
        expect(response.headers()["cache-control"], path).toBe("private, no-store");
        expect(response.headers().etag, path).toBeUndefined();
        expect(await response.text(), path).toContain('action="/logout"');
      }
    } finally {
      await context.dispose();
    }
  });
});

test("a page the browser revalidates and takes from its cache runs its scripts, with no policy violation", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const revalidations: number[] = [];
  page.on("requestfinished", async (request) => {
    if (new URL(request.url()).pathname !== "/call" || request.resourceType() !== "document") return;
    const headers = await request.allHeaders();
    // Chromium reports the kept page's 200 after a 304: what came over the wire tells them apart.
    if (headers["if-none-match"]) revalidations.push((await request.sizes()).responseBodySize);
  });

  await page.goto("/call");
  if (isJsProject()) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.reload();
  await expect(page.locator("h1")).toHaveCount(1);
  if (isJsProject()) {
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await page.evaluate(() => typeof (window as { __remixContext?: unknown }).__remixContext)).toBe("object");
  }
  expect(revalidations, "the reload asked with the page's validator and got no body back (a 304)").toEqual([0]);
  expect(violations).toEqual([]);
});
