// The applicant's journey, with JavaScript on and off: start, fill every section, upload (one
// refused, one accepted), declare, check the answers, send to a National Commission, receipt.
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { waitForMail } from "./support/db";
import { gotoReady, isJsProject, watchDataReloads } from "./support/hydration";
import { registerApplicant } from "./support/session";
import { expectRefusedBeforePosting } from "./support/validation";
import { closeCall, E2E_RULES, openCall, tinyPdf, type OpenCall } from "./applications-fixtures";

let call: OpenCall | undefined;
test.beforeAll(() => {
  call = openCall();
});
test.afterAll(() => closeCall(call));

const TEXT: Record<string, Record<string, string>> = {
  background: {
    title: "Green schools online",
    organisation: "Open Learning Trust",
    startMonth: "2022-01",
    operatingIn: "Schools",
  },
  contact: {
    contactName: "Léa Martin",
    jobTitle: "Director",
    address: "1 rue Miollis, Paris",
    phone: "+33 1 45 68 10 00",
    contactEmail: "lea@example.org",
  },
  organisation: { organisationDescription: "A small trust." },
  objectives: { objectives: "Teach climate.", targetGroups: "Pupils." },
  technology: { technology: "Open platform." },
  pedagogy: { pedagogy: "Projects." },
  inclusion: { inclusion: "Free for all." },
  impact: { impact: "Evaluated." },
  replicability: { replicability: "Open source." },
  sustainability: { sustainability: "Low energy." },
  links: { videoLinks: "https://video.example.org/1" },
};

async function completeSection(page: Page, base: string, key: string) {
  await gotoReady(page, `${base}/sections/${key}`);
  for (const [name, value] of Object.entries(TEXT[key])) await page.locator(`[name="${name}"]`).fill(value);
  if (key === "background") {
    await page.locator('[name="country"]').selectOption("FR");
    await page.locator('[name="organisationType"]').selectOption("national_ngo");
  }
  if (key === "contact") await page.locator('[name="contactCountry"]').selectOption("FR");
  await page.getByRole("button", { name: "Save and mark as completed" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}\\?saved=1$`));
  await expect(page.locator(`#status-${key}`)).toHaveText("Completed");
}

test("an applicant fills every section, uploads, declares, checks and sends to a National Commission", async ({
  page,
}) => {
  const account = await registerApplicant(page, "apply");
  await gotoReady(page, "/applications");
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const base = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your application");
  const reference = (await page.locator("dl.summary dd").first().textContent())!.trim();
  expect(reference).toMatch(/^KH-\d{4}-\d{4}$/);

  // Marking a section completed with a required field empty is refused, and what was typed stays.
  await gotoReady(page, `${base}/sections/organisation`);
  await page.getByRole("button", { name: "Save and mark as completed" }).click();
  await expect(page.locator(".error-summary")).toContainText("This field is required");
  await expect(page).toHaveTitle(/^Error: /);
  if (isJsProject()) {
    // A summary link gives the focus to its field, not only the view.
    const link = page.locator(".error-summary a").first();
    const href = (await link.getAttribute("href"))!;
    await link.click();
    const focused = await page.evaluate((id) => {
      const target = document.getElementById(id);
      const active = document.activeElement;
      return { tag: active?.tagName, inTarget: !!target && !!active && (target === active || target.contains(active)) };
    }, href.slice(1));
    expect(focused).toEqual({ tag: expect.stringMatching(/^(INPUT|SELECT|TEXTAREA)$/), inTarget: true });
  }

  if (isJsProject()) {
    // With JavaScript, text saves itself a few seconds after the last change, without a button;
    // the first keystrokes may come before the form's enhancer has arrived.
    await gotoReady(page, `${base}/sections/impact`);
    await page.locator('[name="impact"]').fill("A first draft of the impact.");
    await expect(page.locator(".applications-autosave")).toHaveText("Your text has been saved automatically.");
    // A later change on the same page is saved too, and the page does not reload its data after
    // it (the answer carries the new version; decision 027).
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sections/impact"));
    const reloads = watchDataReloads(page);
    await page.locator('[name="impact"]').fill("A second draft.");
    await saved;
    expect(await reloads()).toEqual([]);
    await gotoReady(page, `${base}/sections/impact`);
    await expect(page.locator('[name="impact"]')).toHaveValue("A second draft.");
    // Signed out meanwhile (another tab, say): the draft's answer would send the page to the
    // sign-in form, and the text with it. The page stays, says so, and saves once signed in again.
    const cookies = await page.context().cookies();
    await page.context().clearCookies();
    await page.locator('[name="impact"]').fill("Typed after the session ended.");
    await expect(page.locator(".applications-autosave")).toContainText("You are signed out");
    await expect(page).toHaveURL(new RegExp(`${base}/sections/impact$`));
    await expect(page.locator('[name="impact"]')).toHaveValue("Typed after the session ended.");
    await page.context().addCookies(cookies);
    await page.locator('[name="impact"]').fill("Typed after the session ended, and saved.");
    await expect(page.locator(".applications-autosave")).toHaveText("Your text has been saved automatically.");
    await gotoReady(page, `${base}/sections/impact`);
    await expect(page.locator('[name="impact"]')).toHaveValue("Typed after the session ended, and saved.");
    // A draft over the word limit is kept, to be shortened later; the counter says what it means.
    const long = Array.from({ length: 501 }, (_, i) => `w${i}`).join(" ");
    await page.locator('[name="impact"]').fill(long);
    await expect(page.locator(".applications-autosave")).toHaveText("Your text has been saved automatically.");
    await expect(page.locator("#word-count")).toContainText("Over the limit: your text is kept as a draft");
    await gotoReady(page, `${base}/sections/impact`);
    await expect(page.locator('[name="impact"]')).toHaveValue(long);
    await page.locator('[name="impact"]').fill("Typed after the session ended, and saved.");
    await expect(page.locator(".applications-autosave")).toHaveText("Your text has been saved automatically.");
  }

  // Signed out meanwhile, then the button pressed: with or without JavaScript, what was typed
  // comes back on a page of its own, to copy, with the way to sign in again and return.
  await gotoReady(page, `${base}/sections/impact`);
  const session = await page.context().cookies();
  await page.context().clearCookies();
  await page.locator('[name="impact"]').fill("An hour of typing, sent too late.");
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are signed out");
  await expect(page.getByLabel("Impact and evidence")).toHaveValue("An hour of typing, sent too late.");
  await expect(page.getByLabel("Impact and evidence")).not.toBeEditable();
  await expect(page.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
    "href",
    `/login?redirectTo=${encodeURIComponent(`${base}/sections/impact`)}`,
  );
  await expectAccessible(page);
  await page.context().addCookies(session);

  for (const key of Object.keys(TEXT)) await completeSection(page, base, key);
  await expect(page.getByText("You have completed 11 of 11 sections.")).toBeVisible();

  // Uploads: none chosen is refused, an executable renamed .pdf is refused, a real PDF is accepted.
  await gotoReady(page, `${base}/attachments`);
  await expectRefusedBeforePosting(
    page,
    "upload",
    () => page.getByRole("button", { name: "Upload the file" }).click(),
    "Choose a file",
  );
  await page.getByLabel("Choose a file").setInputFiles({
    name: "evil.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ\x90\x00\x03 This program cannot be run in DOS mode", "latin1"),
  });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.locator(".error-summary")).toContainText("not a PDF, PNG or JPEG");
  // A PDF locked by a password is refused with what to do about it, next to the field too.
  await page
    .getByLabel("Choose a file")
    .setInputFiles(fileURLToPath(new URL("../fixtures/pdf/user-password.pdf", import.meta.url)));
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.locator(".error-summary")).toContainText("protected by a password");
  await expect(page.locator(".field-error")).toContainText("without a password");
  // A file that only starts like a PDF is refused as unreadable (its pages are counted in a worker
  // thread with a time limit: tests/app/applications/pdf-pages.test.ts).
  await page.getByLabel("Choose a file").setInputFiles({
    name: "junk.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(64 * 1024, "z")]),
  });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.locator(".error-summary")).toContainText("This PDF cannot be read");
  await page
    .getByLabel("Choose a file")
    .setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.getByRole("status")).toContainText("Your file has been added.");
  await expect(page.locator(".applications-files")).toContainText("report.pdf");
  await expect(page.locator(".applications-files")).toContainText("1 page");

  await gotoReady(page, `${base}/declarations`);
  for (const rule of E2E_RULES) await page.getByLabel(rule.en).check();
  await page.getByRole("button", { name: "Save the declarations" }).click();
  await expect(page.locator("#status-declarations")).toHaveText("4 of 4 declarations made");

  await page.getByRole("link", { name: "Check your answers and send" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await expect(page.locator("main")).toContainText("Green schools online");
  await expect(page.locator("main")).toContainText("report.pdf");
  // Forgetting the confirmation is refused with a message.
  await page.getByLabel("National Commission for UNESCO (by country)").selectOption(call!.entityId);
  await page.getByRole("button", { name: "Send the application" }).click();
  await expect(page.locator(".error-summary")).toContainText("Tick the box to confirm");
  await page.getByLabel("National Commission for UNESCO (by country)").selectOption(call!.entityId);
  await page.getByLabel("I confirm that the information in this application is correct").check();
  await page.getByRole("button", { name: "Send the application" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}\\?sent=1$`));
  await expect(page.getByRole("status").filter({ hasText: reference })).toContainText(
    `Its reference number is ${reference}`,
  );
  await expect(page.locator("main")).toContainText("Sent, awaiting the nominating entity");

  const mail = await waitForMail(account.email, { template: "application_receipt" });
  expect(mail.subject).toContain(reference);
  expect(mail.text_body).toContain(call!.entityName);
});
