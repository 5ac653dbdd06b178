// The whole call, across areas, with JavaScript on and off: an applicant sends an application to
// a National Commission; its member returns it with comments; the applicant fixes it and sends
// it again; the member nominates it with a letter. After the UNESCO deadline, sending is refused.
import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { e2eDb, waitForMail } from "./support/db";
import { gotoReady } from "./support/hydration";
import { registerApplicant, signIn, uniqueEmail } from "./support/session";
import { closeCall, E2E_RULES, openCall, tinyPdf, type OpenCall } from "./applications-fixtures";

const SECTIONS = {
  background: {
    title: "Solar classrooms online",
    organisation: "Sahel Learning Network",
    country: "SN",
    startMonth: "2021-01",
    endMonth: "",
    organisationType: "national_ngo",
    operatingIn: "Rural schools",
    partners: "",
  },
  contact: {
    contactName: "Aïssatou Ba",
    jobTitle: "Director",
    address: "Dakar",
    contactCountry: "SN",
    phone: "+221 33 000 00 00",
    website: "https://example.org",
    contactEmail: "contact@sahel.example.org",
  },
  organisation: { organisationDescription: "An NGO running digital schools." },
  objectives: { objectives: "Reach rural learners.", targetGroups: "Girls." },
  technology: { technology: "Offline tablets." },
  pedagogy: { pedagogy: "Peer learning." },
  inclusion: { inclusion: "Free of charge." },
  impact: { impact: "Better reading scores." },
  replicability: { replicability: "Open source." },
  sustainability: { sustainability: "Solar power." },
  links: { videoLinks: "", otherLinks: "" },
};

let call: OpenCall | undefined;
let nominator: { email: string; password: string };

test.beforeAll(async () => {
  call = openCall();
  nominator = { email: uniqueEmail("commission"), password: "commission member passphrase" };
  const db = e2eDb();
  const id = randomUUID();
  db.prepare("insert into users (id, email, name, password_hash, locale, created_at) values (?, ?, ?, ?, 'en', ?)").run(
    id,
    nominator.email,
    "Commission member",
    await hash(nominator.password, { algorithm: 2 }),
    Date.now(),
  );
  db.prepare("insert into entity_members (entity_id, user_id, created_at) values (?, ?, ?)").run(
    call.entityId,
    id,
    Date.now(),
  );
});
test.afterAll(() => closeCall(call));

/** Starts an application through the page, then fills its sections and declarations directly. */
async function startCompleteApplication(page: Page): Promise<string> {
  await gotoReady(page, "/applications");
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const content = { sections: SECTIONS, completed: Object.keys(SECTIONS) };
  const declarations = Object.fromEntries(E2E_RULES.map((r) => [r.key, true]));
  e2eDb()
    .prepare(
      "update applications set content = ?, declarations = ?, title = ?, organisation = ?, country = 'SN', version = version + 1 where id = ?",
    )
    .run(
      JSON.stringify(content),
      JSON.stringify(declarations),
      SECTIONS.background.title,
      SECTIONS.background.organisation,
      id,
    );
  return id;
}

async function send(page: Page, id: string) {
  await gotoReady(page, `/applications/${id}/check`);
  await page.getByLabel("National Commission for UNESCO (by country)").selectOption(call!.entityId);
  await page.getByLabel("I confirm that the information in this application is correct").check();
  await page.getByRole("button", { name: "Send the application" }).click();
}

test("an application is sent, returned with comments, fixed, sent again and nominated", async ({ page, browser }) => {
  const applicant = await registerApplicant(page, "whole-call");
  const id = await startCompleteApplication(page);
  await send(page, id);
  await expect(page).toHaveURL(new RegExp(`/applications/${id}\\?sent=1$`));

  const memberContext = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    javaScriptEnabled: test.info().project.name === "js",
  });
  const member = await memberContext.newPage();
  await signIn(member, nominator.email, nominator.password);
  await gotoReady(member, `/nominations/${id}?entity=${call!.entityId}`);
  await expect(member.locator("main")).toContainText("Solar classrooms online");
  await member.getByRole("link", { name: /Return it to the candidate/ }).click();
  await member.getByLabel("Your comments to the candidate").fill("Please describe the evidence of impact.");
  const since = Date.now();
  await member.getByRole("button", { name: "Return the application" }).click();
  await expect(member.getByRole("status")).toContainText("returned to the candidate");
  await waitForMail(applicant.email, { since, template: "application_returned" });

  // The applicant sees the comments, fixes the section, and sends the application again.
  await gotoReady(page, `/applications/${id}`);
  await expect(page.locator("main")).toContainText("Please describe the evidence of impact.");
  await gotoReady(page, `/applications/${id}/sections/impact`);
  await page.locator('[name="impact"]').fill("Reading scores rose by 20% in two years (external evaluation, 2023).");
  await page.getByRole("button", { name: "Save and mark as completed" }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${id}\\?saved=1$`));
  await send(page, id);
  await expect(page).toHaveURL(new RegExp(`/applications/${id}\\?sent=1$`));

  await gotoReady(member, `/nominations/${id}?entity=${call!.entityId}`);
  await expect(member.locator("main")).toContainText("Reading scores rose by 20%");
  await member
    .getByRole("link", { name: /Nominate/ })
    .first()
    .click();
  await member
    .getByLabel("Nomination letter")
    .setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
  await member.getByLabel("I confirm that my entity nominates this application").check();
  await member.getByRole("button", { name: "Nominate the application" }).click();
  await expect(member.getByRole("status")).toContainText("has been nominated");
  await memberContext.close();

  const row = e2eDb().prepare("select state, nominated_content from applications where id = ?").get(id) as {
    state: string;
    nominated_content: string;
  };
  expect(row.state).toBe("nominated");
  expect(row.nominated_content).toContain("Reading scores rose by 20%");
});

test("after the UNESCO deadline, sending is refused whatever the phase says", async ({ page }) => {
  await registerApplicant(page, "late");
  const id = await startCompleteApplication(page);
  e2eDb()
    .prepare("update editions set deadline_at = ? where id = ?")
    .run(Date.now() - 60_000, call!.editionId);
  try {
    await gotoReady(page, `/applications/${id}/check`);
    const sendButton = page.getByRole("button", { name: "Send the application" });
    if (await sendButton.count()) {
      await send(page, id);
      await expect(page.locator(".error-summary, .notice")).toContainText(/deadline/i);
    } else {
      await expect(page.locator("main")).toContainText(/deadline/i);
    }
    const state = (e2eDb().prepare("select state from applications where id = ?").get(id) as { state: string }).state;
    expect(state).toBe("draft");
  } finally {
    e2eDb()
      .prepare("update editions set deadline_at = ? where id = ?")
      .run(Date.now() + 30 * 864e5, call!.editionId);
  }
});
