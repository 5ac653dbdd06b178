// A slow link that loses every answer, with JavaScript: the page sends the post again by itself
// with the same one-time token, then keeps the form filled and says so; once the link is back, the
// same post shows what the first one did. Without JavaScript the browser's own error page and
// resubmission take over (retry-safe-forms.spec.ts replays such a post). JavaScript only
// (playwright.config.ts).
import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "./support/db";
import { gotoReady } from "./support/hydration";
import { registerApplicant } from "./support/session";
import { closeCall, openCall, type OpenCall } from "./applications-fixtures";

test.describe.configure({ timeout: 120_000 });

let call: OpenCall | undefined;
test.beforeAll(() => {
  call = openCall();
});
test.afterAll(() => closeCall(call));

const formTokenRows = (token: string) =>
  (e2eDb().prepare("select count(*) as n from form_tokens where token = ?").get(token) as { n: number }).n;

/** A slow mobile link: every request waits (see typing-before-ready.spec.ts). */
async function slowLink(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 300,
    downloadThroughput: 60 * 1024,
    uploadThroughput: 30 * 1024,
  });
}

test("on a slow link that loses every answer, a section's text stays on screen and is saved once sent again", async ({
  page,
}) => {
  await registerApplicant(page, "slow-link");
  await gotoReady(page, "/applications");
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const base = new URL(page.url()).pathname;
  await gotoReady(page, `${base}/sections/impact`);
  await slowLink(page);

  // Every post carrying a token reaches the server, and every answer is lost on the way back.
  const tokens: string[] = [];
  await page.route(/\/sections\/impact/, async (route) => {
    const token = new URLSearchParams(route.request().postData() ?? "").get("formToken");
    if (route.request().method() !== "POST" || !token) return route.continue();
    tokens.push(token);
    await route.fetch({ maxRedirects: 0 });
    await route.abort("connectionreset");
  });
  const text = "Measured by an independent evaluation in forty schools.";
  await page.locator('[name="impact"]').fill(text);
  await page.getByRole("button", { name: "Save and mark as completed" }).click();
  await expect(page.locator(".error-summary")).toContainText("The connection was lost", { timeout: 60_000 });
  await expect(page.locator('[name="impact"]')).toHaveValue(text);
  // The page tried again by itself, every time with the same token.
  expect(tokens.length).toBeGreaterThan(1);
  expect(new Set(tokens).size).toBe(1);

  // The connection is back: sending again shows what the first post did.
  await page.unrouteAll({ behavior: "wait" });
  await page.getByRole("button", { name: "Save and mark as completed" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}\\?saved=1$`), { timeout: 30_000 });
  await expect(page.locator("#status-impact")).toHaveText("Completed");
  expect(formTokenRows(tokens[0])).toBe(1);
});
