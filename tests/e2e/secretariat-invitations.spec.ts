// The secretariat adds a nominating entity and invites a nominator, who accepts by e-mail; it invites
// a juror, who gives their country and languages on accepting.
import { expect, test, type Browser } from "@playwright/test";
import { extractLink, insertEdition, waitForMail } from "./support/db";
import { gotoReady, isJsProject } from "./support/hydration";
import { secretariatStatePath, setLanguage, uniqueEmail } from "./support/session";

test.use({ storageState: secretariatStatePath() });

/** The invitee's own browser: no one signed in, JavaScript as the project runs it. */
const signedOutContext = (browser: Browser) =>
  browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    javaScriptEnabled: isJsProject(),
    storageState: { cookies: [], origins: [] },
  });

test("the secretariat adds a National Commission, invites a nominator in French, and the nominator joins", async ({
  page,
  browser,
}) => {
  await setLanguage(page, "en");
  const country = isJsProject() ? "KE" : "SN";
  const entityName = `National Commission ${country} ${Date.now()}`;
  await gotoReady(page, "/secretariat/entities?add=1");

  // A National Commission without a country is refused, and the name typed is kept.
  await page.getByLabel("National Commission for UNESCO").check();
  await page.getByLabel("Name").fill(entityName);
  await page.getByRole("button", { name: "Add the entity" }).click();
  await expect(page.locator(".error-summary")).toContainText("Choose the country");
  await expect(page.getByLabel("Name")).toHaveValue(entityName);

  await page.getByLabel("Country").selectOption(country);
  await page.getByRole("button", { name: "Add the entity" }).click();
  await expect(page.getByRole("status")).toContainText("has been added");
  await expect(page.getByRole("cell", { name: entityName })).toBeVisible();

  const email = uniqueEmail("nominator");
  await gotoReady(page, "/secretariat/invitations?new=1");
  // The role first: its form then asks only what a nominator needs (no edition, no chair).
  await page.getByRole("link", { name: "Nominator", exact: true }).click();
  await expect(page.getByLabel("Edition", { exact: true })).toHaveCount(0);
  await page.getByLabel("Full name").fill("Awa Ndiaye");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Preferred language").selectOption("fr");
  await page.getByLabel("Nominating entity").selectOption({ label: entityName });
  const since = Date.now();
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText("sent by e-mail");
  await expect(page.locator("tr", { hasText: email })).toContainText("Waiting");

  const mail = await waitForMail(email, { since, template: "invitation" });
  expect(mail.locale).toBe("fr");
  expect(mail.text_body).toContain(`en tant que membre de l’entité de désignation ${entityName}.`);
  const link = new URL(extractLink(mail.text_body, "/invitations/")).pathname;

  const invitee = await signedOutContext(browser);
  const p = await invitee.newPage();
  // The page speaks the invitation's language, whatever the browser's, and names the entity.
  await gotoReady(p, link);
  await expect(p.locator("html")).toHaveAttribute("lang", "fr");
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Accepter votre invitation");
  await expect(p.locator("main")).toContainText(`membre de l’entité de désignation ${entityName}`);
  await p.getByLabel("Choisissez un mot de passe").fill("nominator passphrase 2024");
  await p.getByRole("button", { name: "Accepter l’invitation" }).click();
  await expect(p).toHaveURL(/\/dashboard/);
  await expect(p.getByText(entityName)).toBeVisible();
  // The link was single-use.
  await p.context().clearCookies();
  await gotoReady(p, link);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Cette invitation ne peut pas être utilisée");
  await invitee.close();

  await gotoReady(page, "/secretariat/invitations");
  await expect(page.locator("tr", { hasText: email })).toContainText("Accepted");
});

test("an invited juror gives their country and languages on accepting, and the secretariat sees them", async ({
  page,
  browser,
}) => {
  await setLanguage(page, "en");
  const { id: editionId, year } = insertEdition("Invitations");

  const email = uniqueEmail("juror");
  await gotoReady(page, "/secretariat/invitations?new=1");
  await page.getByRole("link", { name: "Juror", exact: true }).click();
  await expect(page.getByLabel("Nominating entity")).toHaveCount(0);
  await page.getByLabel("Full name").fill("Ana Souza");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Preferred language").selectOption("en");
  await page.getByLabel("Edition", { exact: true }).selectOption({ label: String(year) });
  const since = Date.now();
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText("sent by e-mail");

  const mail = await waitForMail(email, { since, template: "invitation" });
  expect(mail.text_body).toContain(`invites you to join the International Jury of the ${year} edition.`);
  const link = new URL(extractLink(mail.text_body, "/invitations/")).pathname;

  const invitee = await signedOutContext(browser);
  const p = await invitee.newPage();
  await gotoReady(p, link);
  await expect(p.locator("main")).toContainText(`of the ${year} edition`);
  // Without a country the form is refused: the error is said next to the field and in the summary,
  // and what was typed stays, except the password.
  await p.getByLabel("Choose a password").fill("juror passphrase 2027");
  await p.getByLabel("Languages read").fill("pt, en");
  await p.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(p.locator(".error-summary")).toContainText("Choose the country you come from");
  await expect(p.locator(".error-summary")).toContainText("Use language codes from this list");
  await expect(p.getByLabel("Country")).toHaveAccessibleDescription(/Choose the country you come from/);
  await expect(p.getByLabel("Languages read")).toHaveValue("pt, en");
  await expect(p.getByLabel("Full name")).toHaveValue("Ana Souza");

  await p.getByLabel("Country").selectOption("BR");
  await p.getByLabel("Languages read").fill("en, es");
  await p.getByLabel("Areas of expertise").fill("open educational resources");
  await p.getByLabel("Choose a password").fill("juror passphrase 2027");
  await p.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(p).toHaveURL(/\/dashboard/);
  await invitee.close();

  await gotoReady(page, `/secretariat/editions/${editionId}/jury`);
  const row = page.locator("tr", { hasText: "Ana Souza" });
  await expect(row).toContainText("Brazil");
  await expect(row).toContainText("en, es");
  await expect(row).toContainText("open educational resources");
});

test("the secretariat withdraws an invitation sent by mistake, after a confirmation, and its link no longer opens", async ({
  page,
  browser,
}) => {
  await setLanguage(page, "en");
  const email = uniqueEmail("mistaken");
  // Unique among the list's rows: both projects and any retry invite someone.
  const name = `Sent By Mistake ${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 8)}`;
  const since = Date.now();
  await gotoReady(page, "/secretariat/invitations?new=secretariat");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText("sent by e-mail");
  const link = new URL(
    extractLink((await waitForMail(email, { since, template: "invitation" })).text_body, "/invitations/"),
  ).pathname;

  // The list's link leads to a step that names the invitation; keeping it changes nothing.
  await page.getByRole("link", { name: `Withdraw the invitation to ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Withdraw an invitation");
  await expect(page.locator("main")).toContainText(email);
  await page.getByRole("link", { name: "Keep it" }).click();
  await expect(page.locator("tr", { hasText: email })).toContainText("Waiting");

  await page.getByRole("link", { name: `Withdraw the invitation to ${name}` }).click();
  await page.getByRole("button", { name: "Withdraw the invitation" }).click();
  await expect(page.getByRole("status")).toContainText("The invitation is withdrawn");
  await expect(page.locator("tr", { hasText: email })).toContainText("Withdrawn on");
  await expect(page.getByRole("link", { name: `Withdraw the invitation to ${name}` })).toHaveCount(0);

  const invitee = await signedOutContext(browser);
  const p = await invitee.newPage();
  await gotoReady(p, link);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("This invitation cannot be used");
  await invitee.close();
});
