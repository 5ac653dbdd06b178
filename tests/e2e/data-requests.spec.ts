// An applicant asks for the erasure of their data; the secretariat confirms it after a second
// step; the applicant is told by e-mail at the address they had, and can no longer sign in.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { waitForMail } from "./support/db";
import { gotoReady } from "./support/hydration";
import { origin, registerApplicant, secretariatStatePath, setLanguage } from "./support/session";
import { emptyContext } from "./support/sweep";

test("an applicant asks for erasure, the secretariat confirms it, and the account is closed", async ({
  page,
  browser,
}) => {
  const account = await registerApplicant(page, "erasure");
  await setLanguage(page, "en");
  await gotoReady(page, "/account");
  await page.getByRole("link", { name: "Ask for the erasure of my data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erase my personal data");
  await expect(page.getByText("the laureates’ public record is kept")).toBeVisible();

  // Not ticked: refused, nothing asked.
  await page.getByRole("button", { name: "Ask for erasure" }).click();
  await expect(page.locator(".error-summary")).toContainText("Tick the box");
  await page.getByLabel("I understand that erasure cannot be undone").check();
  const since = Date.now();
  await page.getByRole("button", { name: "Ask for erasure" }).click();
  await expect(page.getByRole("status").first()).toContainText("Your request has been received");
  await waitForMail(account.email, { since, template: "erasure_received" });

  const context = await browser.newContext({ storageState: secretariatStatePath() });
  try {
    const secretariat = await context.newPage();
    await setLanguage(secretariat, "en");
    await gotoReady(secretariat, "/secretariat");
    await secretariat.getByRole("link", { name: "Data requests" }).first().click();
    await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText("Data requests");
    const row = secretariat.getByRole("row").filter({ hasText: account.name });
    await row.getByRole("link", { name: "Answer" }).click();
    await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText("Erasure request");
    await expectAccessible(secretariat);
    await secretariat.getByRole("button", { name: "Erase the personal data…" }).click();
    await expect(secretariat.getByRole("status")).toContainText("This cannot be undone");
    await secretariat.getByRole("button", { name: "Yes, erase" }).click();
    await expect(secretariat.getByRole("status")).toContainText("has been erased");
    await expect(secretariat.getByRole("row").filter({ hasText: account.name })).toHaveCount(0);
  } finally {
    await context.close();
  }

  await waitForMail(account.email, { since, template: "erasure_done" });
  // The session is gone, and signing in again with the same address and password is refused.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  const stranger = await emptyContext(browser);
  try {
    const login = await stranger.request.post("/login", {
      form: { email: account.email, password: account.password },
      headers: { Origin: origin() },
      maxRedirects: 0,
    });
    expect(login.status()).not.toBe(302);
  } finally {
    await stranger.close();
  }
});

test("an applicant withdraws an erasure request not yet answered; the page waiting is accessible in each language", async ({
  page,
}) => {
  await registerApplicant(page, "withdraw");
  await setLanguage(page, "en");
  await gotoReady(page, "/account/erasure");
  await page.getByLabel("I understand that erasure cannot be undone").check();
  await page.getByRole("button", { name: "Ask for erasure" }).click();
  await expect(page.getByRole("status").first()).toContainText("Your request has been received");
  for (const lang of ["fr", "ar", "en"] as const) {
    await setLanguage(page, lang);
    await gotoReady(page, "/account/erasure");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectAccessible(page);
  }
  await page.getByRole("button", { name: "Withdraw my request" }).click();
  await expect(page.getByRole("status").first()).toContainText("Your request has been withdrawn. Nothing was erased");
  // Nothing waits any more: the form to ask again is back.
  await expect(page.getByRole("button", { name: "Ask for erasure" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw my request" })).toHaveCount(0);
});
