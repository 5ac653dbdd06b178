// Headers on every kind of response, the Origin check on mutations, session cookie flags,
// and the role areas hidden from those without the role.
import { expect, test } from "@playwright/test";
import { gotoReady } from "./support/hydration";
import { origin, registerApplicant } from "./support/session";

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
}

test("every response carries the security headers: pages, assets, data and errors", async ({ request, page }) => {
  const html = await request.get("/login");
  expectSecurityHeaders(html.headers());
  await gotoReady(page, "/login");
  const asset = await page.locator('link[rel="stylesheet"]').getAttribute("href");
  expectSecurityHeaders((await request.get(asset!)).headers());
  expectSecurityHeaders((await request.get("/login.data")).headers());
  expectSecurityHeaders((await request.get("/no-such-page")).headers());
});

test("a mutation from another site, or without any origin, is refused with 403", async ({ request }) => {
  const foreign = await request.post("/register", {
    form: { name: "X", email: "csrf@e2e.test", password: "whatever passphrase", locale: "en" },
    headers: { Origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toMatch(/^Refused: this request did not come from one of this site's pages/);
  const none = await request.fetch("/language", {
    method: "POST",
    form: { lang: "fr" },
    headers: { Origin: "", "Accept-Language": "fr-FR,fr;q=0.9" },
  });
  expect(none.status()).toBe(403);
  // In the visitor's language, as every other refusal.
  expect(await none.text()).toMatch(/^Refusé : cette requête ne vient pas d’une page de ce site/);
  const same = await request.post("/language", {
    form: { lang: "fr", redirectTo: "/" },
    headers: { Origin: origin() },
    maxRedirects: 0,
  });
  expect(same.status()).toBe(302);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await registerApplicant(page, "cookie");
  const cookie = (await page.context().cookies()).find((c) => c.name === "prize_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("an applicant asking for the secretariat's pages by URL gets 404, a visitor is asked to sign in", async ({
  page,
}) => {
  const visitor = await gotoReady(page, "/secretariat/invitations");
  expect(page.url()).toContain("/login?redirectTo=%2Fsecretariat%2Finvitations");
  expect(visitor?.status()).toBe(200);
  await registerApplicant(page, "nosy");
  const response = await gotoReady(page, "/secretariat/invitations");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
