// The applicant's account journey, run with JavaScript on and off.
import { expect, test } from "@playwright/test";
import { extractLink, waitForMail } from "./support/db";
import { gotoReady } from "./support/hydration";
import { activateFromMail, registerApplicant, signIn, uniqueEmail } from "./support/session";

test("an applicant registers, signs out, fails and then succeeds to sign in", async ({ page }) => {
  const email = uniqueEmail("journey");
  const since = Date.now();
  await gotoReady(page, "/");
  await page.getByRole("link", { name: "Create an account" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");

  // A weak password is refused; what was typed stays, except the password.
  await page.getByLabel("Full name").fill("Léa Martin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Choose a password").fill("password1234");
  await page.getByLabel("Preferred language").selectOption("fr");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator(".error-summary")).toContainText("too common");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator("#register-password-error")).toContainText("too common");
  await expect(page.getByLabel("Full name")).toHaveValue("Léa Martin");
  await expect(page.getByLabel("E-mail address")).toHaveValue(email);
  await expect(page.getByLabel("Choose a password")).toHaveValue("");

  await page.getByLabel("Choose a password").fill("une phrase de passe solide");
  await page.getByRole("button", { name: "Create account" }).click();
  // Nobody is signed in before the e-mailed link proves the address is theirs.
  await expect(page).toHaveURL(/\/register\?sent=1$/);
  await gotoReady(page, "/dashboard");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard/);
  await gotoReady(page, "/register?sent=1");
  // The link's page reads in the language chosen at registration (French), as the e-mail did.
  await activateFromMail(page, email, since, "Activer mon compte");
  // The profile language (French) now drives the interface.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("status")).toContainText("Léa Martin");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/$/);
  await gotoReady(page, "/dashboard");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard/);

  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill("not the right one");
  await page.locator("form#login button[type=submit]").click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await expect(page.locator('input[name="email"]')).toHaveValue(email);

  await page.locator('input[name="password"]').fill("une phrase de passe solide");
  await page.locator("form#login button[type=submit]").click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("registering with an address that has an account looks the same as a new one, and its owner is told by e-mail", async ({
  page,
  browser,
}) => {
  const owner = await registerApplicant(page, "dupe");
  const since = Date.now();
  const otherContext = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    javaScriptEnabled: test.info().project.name === "js",
  });
  const other = await otherContext.newPage();
  await gotoReady(other, "/register");
  await other.getByLabel("Full name").fill("Second");
  await other.getByLabel("E-mail address").fill(owner.email.toUpperCase());
  await other.getByLabel("Choose a password").fill("another fine passphrase");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other).toHaveURL(/\/register\?sent=1$/);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
  await expect(other.locator(".error-summary")).toHaveCount(0);
  const mail = await waitForMail(owner.email, { since, template: "registration_exists" });
  expect(new URL(extractLink(mail.text_body, "/forgot-password")).origin).toBe(
    new URL(process.env.E2E_BASE_URL!).origin,
  );
  await otherContext.close();
});

test("a forgotten password is reset by an e-mailed link that works only once", async ({ page }) => {
  const email = uniqueEmail("forgot");
  await gotoReady(page, "/register");
  await page.getByLabel("Full name").fill("Forgetful");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Choose a password").fill("the original passphrase");
  const registered = Date.now();
  await page.getByRole("button", { name: "Create account" }).click();
  await activateFromMail(page, email, registered);
  await page.context().clearCookies();

  const since = Date.now();
  await gotoReady(page, "/login");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  // The sign-in page has an e-mail field too: wait for the new page before typing.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");

  const mail = await waitForMail(email, { since, template: "password_reset" });
  const link = new URL(extractLink(mail.text_body, "/reset-password/")).pathname;
  await gotoReady(page, link);
  await page.getByLabel("Choose a password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await expect(page.getByText("Your password has been changed. Sign in with your new password.")).toBeVisible();
  await signIn(page, email, "a brand new passphrase");

  await gotoReady(page, link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link cannot be used");
});

test("a visitor switches the interface to Arabic, right to left, and back", async ({ page }) => {
  await gotoReady(page, "/login");
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
});

test("a signed-in user signs out another of their sessions from the account page", async ({ page, browser }) => {
  const email = uniqueEmail("sessions");
  await gotoReady(page, "/register");
  await page.getByLabel("Full name").fill("Two Devices");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Choose a password").fill("two devices passphrase");
  const registered = Date.now();
  await page.getByRole("button", { name: "Create account" }).click();
  await activateFromMail(page, email, registered);

  const laptopContext = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    javaScriptEnabled: test.info().project.name === "js",
  });
  const laptop = await laptopContext.newPage();
  await signIn(laptop, email, "two devices passphrase");

  await gotoReady(page, "/account");
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await page.getByRole("button", { name: "Sign out this device" }).click();
  await expect(page.getByRole("status")).toContainText("signed out");
  await gotoReady(laptop, "/account");
  await expect(laptop).toHaveURL(/\/login/);
  await laptopContext.close();
});
