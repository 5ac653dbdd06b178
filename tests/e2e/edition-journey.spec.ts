// One edition from an empty database to the announcement, as newcomers live it: after the setup
// link, every step is reached by clicking what the pages show; a URL is typed only when it comes
// from an e-mail. Its own server and database, since the shared one is never empty. JavaScript
// only (playwright.config.ts): each step's form also runs without it in the journeys by role.
import Database from "better-sqlite3";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { extractLink } from "./support/db";
import { tinyPdf } from "./support/pdf";
import { startServer, type StartedServer } from "./support/server";

// A long journey, and room for a machine twice as slow.
test.describe.configure({ timeout: 360_000 });
// A missing link or button fails the step at once rather than at the test's timeout.
test.use({ actionTimeout: 20_000 });

const DAY = 864e5;
const PASSWORD = "a long journey passphrase";
const SECRETARIAT = { name: "Amina Diallo", email: "secretariat@journey.test" };
const NOMINATOR = { name: "Moussa Sow", email: "moussa@commission.journey.test" };
const JURORS = [
  { name: "Ana Souza", email: "ana@jury.journey.test", country: "BR", chair: true },
  { name: "Bo Lindqvist", email: "bo@jury.journey.test", country: "SE", chair: false },
];
const APPLICANTS = [
  { name: "Aïssatou Ba", email: "aissatou@journey.test", title: "Solar classrooms online", scores: 9 },
  { name: "Karim Fall", email: "karim@journey.test", title: "Radio lessons for herders", scores: 5 },
];

let server: StartedServer;
let sqlite: Database.Database;

test.beforeAll(async () => {
  server = await startServer();
  sqlite = new Database(server.env.DATABASE_PATH, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
});
test.afterAll(async () => {
  sqlite?.close();
  await server?.stop();
});

/** "YYYY-MM-DDTHH:mm" in Paris time, as a datetime-local field takes it. */
function parisLocal(at: number): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** The link of the latest e-mail of this template to this address, once the outbox holds it. */
async function mailedLink(to: string, template: string, pathPrefix: string, since: number): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mail = sqlite
      .prepare(
        "select text_body from outbox where lower(to_address) = lower(?) and template = ? and created_at >= ? " +
          "order by created_at desc, rowid desc limit 1",
      )
      .get(to, template, since) as { text_body: string } | undefined;
    if (mail) return new URL(extractLink(mail.text_body, pathPrefix)).pathname;
    if (Date.now() > deadline) throw new Error(`No ${template} e-mail for ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.baseURL,
    javaScriptEnabled: true,
    storageState: { cookies: [], origins: [] },
  });
  return { context, page: await context.newPage() };
}

/** Opens a URL read from an e-mail and waits until the page's scripts have run. */
async function openFromMail(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

async function heading(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}

/** A link of the main menu, present on every page. */
async function menu(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name, exact: true }).click();
}

/** A juror's way to their jury workspace from any page. */
async function juryWorkspace(page: Page): Promise<void> {
  await menu(page, "Your workspace");
  await page.getByRole("link", { name: "Your jury workspace" }).click();
}

/** From the secretariat's home: the link of the edition's next step. */
async function nextStep(page: Page, name: string): Promise<void> {
  await menu(page, "Secretariat");
  await page.getByRole("region", { name: "What needs your attention" }).getByRole("link", { name }).click();
}

/** On the page that changes the phase: confirm, and move. */
async function movePhase(page: Page, phase: string): Promise<void> {
  await page.getByLabel(`I confirm the move to “${phase}”`).check();
  await page.getByRole("button", { name: `Move to “${phase}”` }).click();
  await expect(page.getByRole("status")).toContainText("The phase has been changed");
}

const SECTIONS: Record<string, Record<string, string>> = {
  background: { organisation: "Sahel Learning Network", startMonth: "2021-01", operatingIn: "Rural schools" },
  contact: {
    contactName: "Aïssatou Ba",
    jobTitle: "Director",
    address: "Dakar",
    phone: "+221 33 000 00 00",
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
  links: { videoLinks: "https://video.example.org/1" },
};

/** Every section of the task list, then the self-declarations, from the application's page. */
async function fillApplication(page: Page, title: string): Promise<void> {
  for (const [key, fields] of Object.entries(SECTIONS)) {
    await page.locator(`a[href$="/sections/${key}"]`).click();
    if (key === "background") {
      await page.locator('[name="title"]').fill(title);
      await page.locator('[name="country"]').selectOption("SN");
      await page.locator('[name="organisationType"]').selectOption("national_ngo");
    }
    if (key === "contact") await page.locator('[name="contactCountry"]').selectOption("SN");
    for (const [name, value] of Object.entries(fields)) await page.locator(`[name="${name}"]`).fill(value);
    await page.getByRole("button", { name: "Save and mark as completed" }).click();
    await expect(page.locator(`#status-${key}`)).toHaveText("Completed");
  }
  await page.locator('a[href$="/declarations"]').click();
  // The boxes are read once the page has come.
  await expect(page.getByRole("button", { name: "Save the declarations" })).toBeVisible();
  for (const box of await page.locator("main form input[type=checkbox]").all()) await box.check();
  await page.getByRole("button", { name: "Save the declarations" }).click();
  await expect(page.locator("#status-declarations")).toHaveText("4 of 4 declarations made");
}

test("an edition runs from an empty database to the announcement through what the pages show", async ({ browser }) => {
  const year = new Date().getFullYear() + 1;
  const start = Date.now();

  // 1. The setup link makes the first secretariat account.
  const staff = await newPerson(browser);
  const sec = staff.page;
  const token = readFileSync(server.env.SETUP_TOKEN_FILE, "utf8").trim();
  await openFromMail(sec, `/setup/${token}`);
  await sec.getByLabel("Full name").fill(SECRETARIAT.name);
  await sec.getByLabel("E-mail address").fill(SECRETARIAT.email);
  await sec.getByLabel("Choose a password").fill(PASSWORD);
  await sec.getByRole("button", { name: "Create the secretariat account" }).click();
  await heading(sec, "Secretariat");

  // 2. An edition: created as a draft with the 2023 criteria and rules, one laureate, two
  // reviewers per application (the jury is two), then its call opens.
  await sec.getByRole("link", { name: "Create an edition" }).first().click();
  await heading(sec, "Create an edition");
  await sec.getByLabel("Year").fill(String(year));
  await sec.getByLabel("Theme in English").fill("Learning in remote places");
  await sec.getByLabel("Theme in French").fill("Apprendre dans les lieux isolés");
  await sec.getByLabel("Text of the call in English").fill("UNESCO invites nominations.");
  await sec.getByLabel("Call opens").fill(parisLocal(start - DAY));
  await sec.getByLabel("UNESCO deadline").fill(parisLocal(start + 30 * DAY));
  await sec.getByLabel("Scoring opens").fill(parisLocal(start + 40 * DAY));
  await sec.getByLabel("Scoring closes").fill(parisLocal(start + 70 * DAY));
  await sec.getByLabel("Announcement").fill(parisLocal(start + 200 * DAY));
  await sec.getByLabel("Number of laureates").fill("1");
  await sec.getByLabel("Jurors who score each application").fill("2");
  await sec.getByRole("button", { name: "Create the edition" }).click();
  await heading(sec, `Edition ${year}`);
  await sec.getByRole("link", { name: /Selection criteria/ }).click();
  await expect(sec.getByRole("listitem").filter({ hasText: "Weight" }).first()).toBeVisible();
  await nextStep(sec, "Open the call");
  await movePhase(sec, "Call open");

  // 3. A National Commission, and an invitation to one of its members.
  await menu(sec, "Secretariat");
  await sec.getByRole("link", { name: "Nominating entities" }).click();
  await sec.getByRole("link", { name: "Add a nominating entity" }).click();
  await sec.getByLabel("National Commission for UNESCO").check();
  await sec.getByLabel("Name").fill("National Commission of Senegal for UNESCO");
  await sec.getByLabel("Country").selectOption("SN");
  await sec.getByRole("button", { name: "Add the entity" }).click();
  await expect(sec.getByRole("status")).toContainText("has been added");

  await menu(sec, "Secretariat");
  await sec.getByRole("link", { name: "Invitations" }).click();
  let since = Date.now();
  await sec.getByRole("link", { name: "Invite someone" }).click();
  await sec.getByRole("link", { name: "Nominator", exact: true }).click();
  await sec.getByLabel("Full name").fill(NOMINATOR.name);
  await sec.getByLabel("E-mail address").fill(NOMINATOR.email);
  await sec.getByLabel("Preferred language").selectOption("en");
  await sec.getByLabel("Nominating entity").selectOption({ label: "National Commission of Senegal for UNESCO" });
  await sec.getByRole("button", { name: "Send the invitation" }).click();
  await expect(sec.getByRole("status")).toContainText("sent by e-mail");

  // ...and the two jurors, the first of them chairing.
  for (const juror of JURORS) {
    await sec.getByRole("link", { name: "Invite someone" }).click();
    await sec.getByRole("link", { name: "Juror", exact: true }).click();
    await sec.getByLabel("Full name").fill(juror.name);
    await sec.getByLabel("E-mail address").fill(juror.email);
    await sec.getByLabel("Preferred language").selectOption("en");
    await sec.getByLabel("Edition", { exact: true }).selectOption({ label: String(year) });
    if (juror.chair) await sec.getByLabel(/chair/i).check();
    await sec.getByRole("button", { name: "Send the invitation" }).click();
    await expect(sec.getByRole("status")).toContainText("sent by e-mail");
  }

  // 4. The nominator accepts from the e-mail.
  const member = await newPerson(browser);
  const nom = member.page;
  await openFromMail(nom, await mailedLink(NOMINATOR.email, "invitation", "/invitations/", since));
  await nom.getByLabel("Choose a password").fill(PASSWORD);
  await nom.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(nom).toHaveURL(/\/dashboard/);

  // 5. Two applicants register, confirm from the e-mail, fill the task list and send it to the
  // National Commission of Senegal.
  for (const applicant of APPLICANTS) {
    const person = await newPerson(browser);
    const p = person.page;
    await p.goto("/");
    await p.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await p.getByRole("link", { name: "Create an account" }).first().click();
    await p.getByLabel("Full name").fill(applicant.name);
    await p.getByLabel("E-mail address").fill(applicant.email);
    await p.getByLabel("Choose a password").fill(PASSWORD);
    since = Date.now();
    await p.getByRole("button", { name: "Create account", exact: true }).click();
    await heading(p, "Check your e-mail");
    await openFromMail(p, await mailedLink(applicant.email, "registration_confirm", "/register/confirm/", since));
    await p.getByRole("button", { name: "Activate my account" }).click();
    await expect(p).toHaveURL(/\/dashboard/);
    await p.getByRole("link", { name: "Your applications" }).click();
    await p.getByRole("button", { name: "Start your application" }).click();
    await heading(p, "Your application");
    await fillApplication(p, applicant.title);
    await p.getByRole("link", { name: "Check your answers and send" }).click();
    await heading(p, "Check your answers");
    await p.getByLabel("National Commission for UNESCO (by country)").selectOption({ index: 1 });
    await p.getByLabel("I confirm that the information in this application is correct").check();
    await p.getByRole("button", { name: "Send the application" }).click();
    await expect(p.locator("main")).toContainText("Sent, awaiting the nominating entity");
    await person.context.close();
  }

  // 6. The Commission's member nominates both, each with a letter.
  await nom.getByRole("link", { name: "Applications sent to your entity" }).click();
  for (const applicant of APPLICANTS) {
    await nom.getByRole("link", { name: applicant.title }).click();
    await nom
      .getByRole("link", { name: /Nominate/ })
      .first()
      .click();
    await nom
      .getByLabel("Nomination letter")
      .setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
    await nom.getByLabel("I confirm that my entity nominates this application").check();
    await nom.getByRole("button", { name: "Nominate the application" }).click();
    await expect(nom.getByRole("status")).toContainText("has been nominated");
    await nom
      .getByRole("link", { name: /Back to|Applications sent/ })
      .first()
      .click();
  }

  // 7. The jurors accept, with their country and languages.
  const jurorPages: Page[] = [];
  for (const juror of JURORS) {
    const person = await newPerson(browser);
    const p = person.page;
    await openFromMail(p, await mailedLink(juror.email, "invitation", "/invitations/", start));
    await p.getByLabel("Country").selectOption(juror.country);
    await p.getByLabel("Languages read").fill("en, fr");
    await p.getByLabel("Choose a password").fill(PASSWORD);
    await p.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(p).toHaveURL(/\/dashboard/);
    jurorPages.push(p);
  }

  // 8. The secretariat moves the edition to screening and finds both eligible.
  await nextStep(sec, "Close the call and start screening");
  await movePhase(sec, "Screening");
  await menu(sec, "Secretariat");
  await sec.getByRole("link", { name: /wait for screening/ }).click();
  for (const applicant of APPLICANTS) {
    await heading(sec, "Eligibility screening");
    await sec
      .getByRole("row", { name: new RegExp(applicant.title) })
      .getByRole("link")
      .first()
      .click();
    await expect(sec.getByRole("button", { name: "Save the decisions" })).toBeVisible();
    for (const pass of await sec.getByLabel("Pass").all()) await pass.check();
    await sec.getByRole("button", { name: "Save the decisions" }).click();
    await expect(sec.getByText("Result: Eligible")).toBeVisible();
    await sec
      .getByRole("link", { name: /Eligibility screening|Back/ })
      .first()
      .click();
  }

  // 9. The jurors declare they have no conflict.
  for (const p of jurorPages) {
    await juryWorkspace(p);
    await p.getByRole("link", { name: "Your conflicts of interest" }).click();
    await p.getByLabel("I have no conflict of interest with the other applications listed").check();
    await p.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(p.getByRole("status")).toContainText("Your declaration has been recorded");
  }

  // 10. The assignment, computed and published; scoring opens.
  await nextStep(sec, "Prepare the assignment");
  await sec.getByRole("button", { name: "Compute" }).click();
  await expect(sec.getByRole("status")).toContainText("The assignment has been computed");
  await sec.getByLabel("I have checked the preview").check();
  await sec.getByRole("button", { name: "Publish the assignment" }).click();
  await expect(sec.getByRole("status")).toContainText("have been published");
  await nextStep(sec, "Open scoring");
  await movePhase(sec, "Scoring");

  // 11. Each juror scores both applications.
  for (const p of jurorPages) {
    await juryWorkspace(p);
    for (const applicant of APPLICANTS) {
      await p.getByRole("link", { name: applicant.title }).click();
      await heading(p, applicant.title);
      await expect(p.getByRole("button", { name: "Submit the review" })).toBeVisible();
      for (const level of await p.locator(`input[type=radio][name^="score."][value="${applicant.scores}"]`).all())
        await level.check();
      await p.getByLabel("4 — high").check();
      await p.getByRole("button", { name: "Submit the review" }).click();
      await expect(p.getByRole("status").first()).toContainText("Your review has been submitted");
      await juryWorkspace(p);
    }
  }

  // 12. Every review is in: the secretariat closes scoring now, reads the results, opens the
  // deliberation.
  await nextStep(sec, "Follow the scoring progress");
  await sec.getByRole("link", { name: "close scoring now and compute the results" }).click();
  await movePhase(sec, "Deliberation");
  await sec.getByRole("link", { name: "Results", exact: true }).click();
  await expect(sec.locator(".results-table tbody tr").first()).toContainText(APPLICANTS[0].title);
  await nextStep(sec, "Follow the deliberation");
  await sec.getByLabel("A lottery drawn with the committed seed").check();
  await sec.getByRole("button", { name: "Open the deliberation" }).click();
  await sec.getByRole("button", { name: "Yes, open the deliberation" }).click();
  await expect(sec.getByRole("status")).toContainText("Deliberation is open");

  // 13. Both jurors vote; the chair closes the ballot and records the recommendation.
  for (const p of jurorPages) {
    await juryWorkspace(p);
    await p.getByRole("link", { name: "Deliberation ballot" }).click();
    for (const [i, applicant] of APPLICANTS.entries())
      await p
        .getByLabel(new RegExp(`^Position of .*${applicant.title}|^Position of`))
        .nth(i)
        .fill(String(i + 1));
    await p.getByRole("button", { name: "Cast my ballot" }).click();
    await expect(p.getByRole("status")).toContainText("Your ballot is recorded");
  }
  const chair = jurorPages[0];
  await chair.getByLabel(/I confirm the ballot is closed/).check();
  await chair.getByRole("button", { name: "Close the ballot" }).click();
  await expect(chair.getByRole("status")).toContainText("The ballot is closed");
  await chair.getByLabel("Citation in English").first().fill("For lessons that reach every village");
  await chair.getByLabel("Citation in French").first().fill("Pour des leçons qui atteignent chaque village");
  await chair.getByLabel("Minutes of the deliberation").fill("The jury met on line and agreed.");
  await chair.getByRole("button", { name: "Record the recommendation" }).click();
  await expect(chair.getByRole("status")).toContainText("recommendation is recorded");

  // 14. The secretariat records the Director-General's decision.
  await nextStep(sec, "Record the decision");
  await expect(sec.getByText("For lessons that reach every village")).toBeVisible();
  await sec.getByLabel("Date of the decision").fill(parisLocal(Date.now()).slice(0, 10));
  // The announcement must come after the planned close of scoring, even when it closed early.
  await sec.getByLabel("Announcement (Paris time)").fill(parisLocal(start + 200 * DAY));
  await sec.getByLabel(/I confirm this is the Director-General/).check();
  await sec.getByRole("button", { name: "Record the decision" }).click();
  await expect(sec.getByRole("status")).toContainText("The decision is recorded");

  // 15. The announcement: time passes (the instant is brought to a few seconds from now, as the
  // form refuses the past), and a visitor finds the laureate from the home page.
  const at = Date.now() + 3000;
  const writer = new Database(server.env.DATABASE_PATH, { fileMustExist: true });
  writer.pragma("busy_timeout = 5000");
  writer.prepare("update decisions set announcement_at = ?").run(at);
  writer.close();
  await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now() + 300)));
  const visitor = await newPerson(browser);
  const v = visitor.page;
  await v.goto("/");
  await v.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await v.getByRole("link", { name: "Laureates" }).first().click();
  await v
    .getByRole("link", { name: String(year) })
    .first()
    .click();
  await heading(v, `Laureates ${year}`);
  await expect(v.getByText(APPLICANTS[0].title)).toBeVisible();
  await expect(v.getByText("For lessons that reach every village")).toBeVisible();
  await expect(v.getByText(APPLICANTS[1].title)).toHaveCount(0);

  test.info().annotations.push({ type: "wall time", description: `${Math.round((Date.now() - start) / 1000)} s` });

  // The Commission's member, from their workspace, reads the outcome and the jury's citation.
  await menu(nom, "Your workspace");
  await nom.getByRole("link", { name: "Applications sent to your entity" }).click();
  await nom.getByRole("link", { name: APPLICANTS[0].title }).click();
  await expect(nom.getByText("For lessons that reach every village")).toBeVisible();

  await visitor.context.close();
  await member.context.close();
  await staff.context.close();
});
