// On a slow link people type as soon as the server-rendered form appears, long before the page's
// scripts have run: what they typed must survive hydration, the form's enhancer and autosave.
// JavaScript only (playwright.config.ts): without it there is no hydration to survive.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "./support/db";
import { gotoReady, waitForHydration } from "./support/hydration";
import { registerApplicant, secretariatStatePath } from "./support/session";
import { closeCall, openCall, type OpenCall } from "./applications-fixtures";
import { COUNTRY_CODES, countryName, UNESCO_COUNTRY_NAMES } from "../../app/kernel/i18n/countries";

// A slow link makes every page take seconds.
test.describe.configure({ timeout: 120_000 });

let call: OpenCall | undefined;
test.beforeAll(() => {
  call = openCall();
});
test.afterAll(() => closeCall(call));

/** A slow mobile link: every request waits, and the page's scripts arrive well after its HTML. */
async function slowLink(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: 50 * 1024,
    uploadThroughput: 20 * 1024,
  });
  return async () => {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  };
}

/**
 * React's complaints that the browser's render differs from the server's: React 18 then drops the
 * server's markup, and what was typed in it.
 */
function hydrationErrors(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#41[89]|#42[35]/i.test(message.text())) found.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/hydrat|#41[89]|#42[35]/i.test(error.message)) found.push(error.message);
  });
  return found;
}

/** Waits for hydration, the form's enhancer and the three seconds after which a draft saves itself. */
async function settle(page: Page, formId: string) {
  await waitForHydration(page);
  // The enhancer comes with the first interaction; focusing changes no value.
  await page.locator(`form#${formId} :is(input:not([type="hidden"]), textarea)`).first().focus();
  await expect(page.locator(`form#${formId}[data-schema="ready"]`)).toBeAttached({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(4_000);
  await page.waitForLoadState("networkidle");
}

const CONTACT = {
  contactName: "Amina Diallo",
  jobTitle: "Head of programmes",
  address: "12 avenue Bourguiba, Dakar",
  phone: "+221 33 800 00 00",
  contactEmail: "amina@example.org",
};

test("what an applicant types before the contact section's scripts have run is kept and saved", async ({ page }) => {
  await registerApplicant(page, "early-typist");
  await gotoReady(page, "/applications");
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const url = `${new URL(page.url()).pathname}/sections/contact`;

  const errors = hydrationErrors(page);
  const fast = await slowLink(page);
  await page.goto(url, { waitUntil: "commit" });
  await page.locator('[name="contactEmail"]').waitFor({ state: "attached", timeout: 30_000 });
  expect(await page.locator("html[data-hydrated]").count(), "typed before hydration").toBe(0);
  for (const [name, value] of Object.entries(CONTACT)) await page.locator(`[name="${name}"]`).fill(value);
  await page.locator('[name="contactCountry"]').selectOption("SN");
  await settle(page, "section");
  for (const [name, value] of Object.entries(CONTACT))
    await expect(page.locator(`[name="${name}"]`)).toHaveValue(value);
  await expect(page.locator('[name="contactCountry"]')).toHaveValue("SN");
  expect(errors).toEqual([]);
  await fast();

  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page).toHaveURL(/\?saved=1$/);
  await gotoReady(page, url);
  for (const [name, value] of Object.entries(CONTACT))
    await expect(page.locator(`[name="${name}"]`)).toHaveValue(value);
  await expect(page.locator('[name="contactCountry"]')).toHaveValue("SN");
});

test.describe("the secretariat", () => {
  test.use({ storageState: secretariatStatePath() });

  test("a weight typed as soon as a criterion's edit form appears is kept and saved", async ({ page }) => {
    const criterionId = randomUUID();
    e2eDb()
      .prepare(
        "insert into criteria (id, edition_id, key, title_en, title_fr, weight, position, level_descriptors) values (?, ?, 'early', 'Typed early', 'Saisi tôt', 1, 0, ?)",
      )
      .run(criterionId, call!.editionId, JSON.stringify([{ score: 1, en: "Weak", fr: "Faible" }]));
    const url = `/secretariat/editions/${call!.editionId}/criteria?edit=${criterionId}#criterion`;

    const errors = hydrationErrors(page);
    const fast = await slowLink(page);
    await page.goto(url, { waitUntil: "commit" });
    await page.getByRole("heading", { name: "Edit the criterion" }).waitFor({ timeout: 30_000 });
    const form = page.locator("form#criterion");
    await form.getByLabel("Weight", { exact: true }).waitFor({ state: "attached", timeout: 30_000 });
    expect(await page.locator("html[data-hydrated]").count(), "typed before hydration").toBe(0);
    await form.getByLabel("Weight", { exact: true }).fill("3");
    await form.getByRole("group", { name: "Level 1", exact: true }).getByLabel("In English").fill("Barely begun");
    await settle(page, "criterion");
    await expect(form.getByLabel("Weight", { exact: true })).toHaveValue("3");
    await expect(form.getByRole("group", { name: "Level 1", exact: true }).getByLabel("In English")).toHaveValue(
      "Barely begun",
    );
    expect(errors).toEqual([]);
    await fast();

    await form.getByRole("button", { name: "Save the criterion" }).click();
    await expect(page.getByRole("status")).toContainText("The criterion has been saved");
    await expect(page.getByRole("listitem").filter({ hasText: "Typed early" })).toContainText("Weight 3 (");
    await gotoReady(page, url);
    await expect(page.locator("form#criterion").getByLabel("Weight", { exact: true })).toHaveValue("3");
  });
});

test("the browser names and orders every country as the server does, so no page is drawn anew when its scripts run", async ({
  page,
}) => {
  await page.goto("/privacy");
  for (const locale of ["en", "fr", "ar"] as const) {
    const names = COUNTRY_CODES.map((code) => countryName(code, locale));
    const [inBrowser, orderInBrowser] = await page.evaluate(
      ([codes, lang, serverNames]) => {
        const cldr = new Intl.DisplayNames([lang], { type: "region" });
        const collator = new Intl.Collator(lang);
        return [codes.map((code) => cldr.of(code) ?? code), [...serverNames].sort(collator.compare)];
      },
      [COUNTRY_CODES, locale, names] as const,
    );
    // The app names a country itself where CLDR's name is not the UN's; every other name is CLDR's,
    // in Node as in the browser.
    const differing = COUNTRY_CODES.filter(
      (code, i) => !UNESCO_COUNTRY_NAMES[code] && inBrowser[i] !== countryName(code, locale),
    );
    expect(differing, locale).toEqual([]);
    // Pages that sort a few countries while rendering (the archive's and the screening's filters)
    // sort them in both places.
    expect(orderInBrowser, locale).toEqual([...names].sort(new Intl.Collator(locale).compare));
  }
});
