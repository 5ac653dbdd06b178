// The secretariat configures an edition, opens its call, the public sees it in English and
// French, then the call moves on to screening so no call is left open for other journeys.
import { expect, test, type Page } from "@playwright/test";
import { e2eDb, freeEditionYear } from "./support/db";
import { gotoReady, isJsProject } from "./support/hydration";
import { secretariatStatePath, setLanguage } from "./support/session";
import { expectRefusedBeforePosting } from "./support/validation";

test.use({ storageState: secretariatStatePath() });

const DAY = 864e5;

/** "YYYY-MM-DDTHH:mm" in Paris time, days from now. */
function parisLocal(daysFromNow: number): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(Date.now() + daysFromNow * DAY));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

async function clickSubmit(page: Page, name: string | RegExp) {
  await page.getByRole("button", { name }).click();
}

test("the secretariat creates an edition, fixes a date error, edits a weight, opens the call, which the public sees, then moves it to screening", async ({
  page,
  browser,
}) => {
  const year = freeEditionYear();
  const theme = `Learning with open data ${year}`;
  const themeFr = `Apprendre avec les données ouvertes ${year}`;
  let editionId: string | undefined;
  await setLanguage(page, "en");
  try {
    await gotoReady(page, "/secretariat/editions");
    await page.getByRole("link", { name: "Create an edition" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an edition");

    await page.getByLabel("Year").fill(String(year));
    await page.getByLabel("Theme in English").fill(theme);
    await page.getByLabel("Theme in French").fill(themeFr);
    await page.getByLabel("Text of the call in English").fill("UNESCO invites nominations.");
    await page.getByLabel("Call opens").fill(parisLocal(-1));
    // A deadline before the opening of the call.
    await page.getByLabel("UNESCO deadline").fill(parisLocal(-2));
    await page.getByLabel("Scoring opens").fill(parisLocal(40));
    await page.getByLabel("Scoring closes").fill(parisLocal(70));
    await page.getByLabel("Announcement").fill(parisLocal(200));
    await clickSubmit(page, "Create the edition");
    await expect(page.locator(".error-summary")).toContainText(
      "The UNESCO deadline must be after the opening of the call",
    );
    await expect(page.getByLabel("Theme in English")).toHaveValue(theme);
    await expect(page.getByLabel("Year")).toHaveValue(String(year));

    await page.getByLabel("UNESCO deadline").fill(parisLocal(30));
    await clickSubmit(page, "Create the edition");
    await expect(page.getByRole("status")).toContainText("created as a draft");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edition ${year}`);
    editionId = new URL(page.url()).pathname.split("/")[3];

    // The secretariat's home lists the new draft with its next date and its next step's page.
    await gotoReady(page, "/secretariat");
    const card = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: new RegExp(`^Edition ${year}:`) }) });
    await expect(card).toContainText("Current phase: Draft");
    await expect(card).toContainText("Next date — Nomination deadline:");
    await card.getByRole("link", { name: "Open the call" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change the phase");
    await gotoReady(page, `/secretariat/editions/${editionId}`);

    // Change the weight of one criterion.
    await page.getByRole("link", { name: /Selection criteria/ }).click();
    await page.getByRole("link", { name: "Edit Pedagogy innovation" }).click();
    // The page also holds the form to add a criterion, with its own Weight field: wait for the edit form.
    await expect(page.getByRole("heading", { name: "Edit the criterion" })).toBeVisible();
    // Level descriptors are rows: its four levels, then blank rows to fill in. A score off the
    // scale is refused (with JavaScript before anything is posted).
    const level5 = page.getByRole("group", { name: "Level 5", exact: true });
    await level5.getByLabel("Score").fill("11");
    await level5.getByLabel("In English").fill("Halfway there");
    await level5.getByLabel("In French").fill("À mi-chemin");
    await expectRefusedBeforePosting(
      page,
      "criterion",
      () => clickSubmit(page, "Save the criterion"),
      "Each score must be a whole number from 1 to 10, given once",
    );
    await level5.getByLabel("Score").fill("5");
    if (isJsProject()) {
      // With JavaScript, rows are also removed and added.
      await page.getByRole("button", { name: "Remove level 1" }).click();
      await expect(page.getByRole("group", { name: "Level 4", exact: true }).getByLabel("In English")).toHaveValue(
        "Halfway there",
      );
      await page.getByRole("button", { name: "Add a level" }).click();
      await expect(page.getByRole("group", { name: "Level 7", exact: true }).getByLabel("Score")).toBeFocused();
    }
    await page.getByLabel("Weight", { exact: true }).fill("2");
    await clickSubmit(page, "Save the criterion");
    await expect(page.getByRole("status")).toContainText("The criterion has been saved");
    const pedagogy = page.getByRole("listitem").filter({ hasText: "Pedagogy innovation" });
    await expect(pedagogy).toContainText("Weight 2 (");
    await expect(pedagogy).toContainText(isJsProject() ? "4 level descriptors" : "5 level descriptors");

    // Open the call, with confirmation.
    await gotoReady(page, `/secretariat/editions/${editionId}`);
    await page.getByRole("link", { name: "Move to “Call open”" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change the phase");
    await clickSubmit(page, "Move to “Call open”");
    await expect(page.locator(".error-summary")).toContainText("Tick the box to confirm");
    await page.getByLabel("I confirm the move to “Call open”").check();
    await clickSubmit(page, "Move to “Call open”");
    await expect(page.getByRole("status")).toContainText("The phase has been changed");
    await expect(page.getByText("Current phase:")).toContainText("Call open");

    // The public call page, for a visitor, in English then French.
    const visitor = await browser.newContext({
      baseURL: process.env.E2E_BASE_URL,
      javaScriptEnabled: isJsProject(),
      storageState: { cookies: [], origins: [] },
    });
    const p = await visitor.newPage();
    try {
      await setLanguage(p, "en");
      await gotoReady(p, "/call");
      await expect(p.getByRole("heading", { level: 1 })).toHaveText(`Call for nominations ${year}`);
      await expect(p.getByText(theme)).toBeVisible();
      await expect(p.locator(".editions-deadline time")).toContainText("(Paris time)");
      if (isJsProject()) await expect(p.locator('[data-countdown="live"]')).toContainText("In your time zone");
      else await expect(p.locator('[data-countdown="server"]')).toContainText(/\d+ days? left/);
      await expect(p.getByRole("heading", { name: "Pedagogy innovation" })).toBeVisible();
      await expect(p.getByText("The project has been ongoing for at least one year.")).toBeVisible();
      await setLanguage(p, "fr");
      await gotoReady(p, "/call");
      await expect(p.getByRole("heading", { level: 1 })).toHaveText(`Appel à candidatures ${year}`);
      await expect(p.getByText(themeFr)).toBeVisible();
      await expect(p.locator(".editions-deadline time")).toContainText("(heure de Paris)");
    } finally {
      await visitor.close();
    }

    // Move on to screening so no call is left open.
    await gotoReady(page, `/secretariat/editions/${editionId}`);
    await page.getByRole("link", { name: "Move to “Screening”" }).click();
    await page.getByLabel("I confirm the move to “Screening”").check();
    await clickSubmit(page, "Move to “Screening”");
    await expect(page.getByText("Current phase:")).toContainText("Screening");
    const audited = e2eDb()
      .prepare("select count(*) as n from audit_log where object_id = ? and action = 'edition.phase_changed'")
      .get(editionId) as { n: number };
    expect(audited.n).toBe(2);
  } finally {
    // Whatever failed above, never leave this edition's call open for the other journeys.
    if (editionId)
      e2eDb().prepare("update editions set phase = 'screening' where id = ? and phase = 'call_open'").run(editionId);
  }
});
