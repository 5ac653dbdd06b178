// The secretariat words a section its own way for one edition; the applicant's form and the
// nominating entity's reading view then ask and show the same words, each in the reader's
// language (the default wording where the edition gave none in that language).
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { e2eDb } from "./support/db";
import { gotoReady } from "./support/hydration";
import { secretariatStatePath, setLanguage, signIn } from "./support/session";
import { seedNominations } from "./nominations-seed";

test.use({ storageState: secretariatStatePath() });

test("a section reworded by the secretariat is what the applicant answers and the nominator reads", async ({
  page,
}) => {
  const seed = await seedNominations({ label: "wording", count: 1, applicantLocale: "fr" });
  const [application] = seed.applications;
  const suffix = seed.editionId.slice(0, 8);
  const title = `Lasting effects ${suffix}`;
  const prompt = `How will the project keep going once its first grant ends? ${suffix}`;
  const titleFr = `Effets durables ${suffix}`;
  // The wording changes only while the call is prepared or open: a draft keeps other journeys' call alone.
  e2eDb().prepare("update editions set phase = 'draft' where id = ?").run(seed.editionId);
  try {
    await setLanguage(page, "en");
    await gotoReady(page, `/secretariat/editions/${seed.editionId}/settings`);
    await page.getByRole("link", { name: "Titles and prompts of the application sections" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Application sections");
    await page.getByRole("link", { name: "Edit Sustainability" }).click();
    await page.getByLabel("Title in English").fill(title);
    await page.getByLabel("Prompt in English").fill(prompt);
    await page.getByLabel("Title in French").fill(titleFr);
    await page.getByRole("button", { name: "Save the wording" }).click();
    await expect(page.getByRole("status")).toHaveText("The section’s wording has been saved.");
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    await expect(page.getByText(prompt)).toBeVisible();
  } finally {
    e2eDb().prepare("update editions set phase = 'screening' where id = ?").run(seed.editionId);
  }

  // The applicant reads French: the edition's French title, and the default French prompt labels the answer.
  await page.context().clearCookies();
  await signIn(page, seed.applicant.email, seed.nominator.password);
  await gotoReady(page, `/applications/${application.id}/sections/sustainability`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleFr);
  await expect(page.getByLabel("Comment le projet est financé et comment il durera.")).toHaveValue("Ministry funding.");
  await gotoReady(page, `/applications/${application.id}`);
  await expect(page.getByRole("link", { name: titleFr })).toBeVisible();

  // The nominator reads English: the edition's title over the answer, under the edition's prompt.
  await page.context().clearCookies();
  await signIn(page, seed.nominator.email, seed.nominator.password);
  await gotoReady(page, `/nominations/${application.id}?entity=${seed.entityId}`);
  const section = page.getByRole("region", { name: title });
  await expect(section).toBeVisible();
  await expect(section.locator("dt")).toHaveText(prompt);
  await expect(section.locator("dd")).toHaveText("Ministry funding.");
  await expect(page.getByRole("heading", { name: "Impact and evidence" })).toBeVisible();
});

test("a title too long is refused next to its field and in the error summary, in French, keeping what was typed", async ({
  page,
}) => {
  const seed = await seedNominations({ label: "wording-refused", count: 1 });
  e2eDb().prepare("update editions set phase = 'draft' where id = ?").run(seed.editionId);
  try {
    await setLanguage(page, "fr");
    await gotoReady(page, `/secretariat/editions/${seed.editionId}/sections?edit=impact`);
    const tooLong = "Impact ".repeat(40);
    await page.getByLabel("Titre en anglais").fill(tooLong);
    await page.getByLabel("Consigne en français").fill("Gardée telle quelle");
    await page.getByRole("button", { name: "Enregistrer la formulation" }).click();
    await expect(page.locator(".error-summary")).toContainText("Ce texte est trop long");
    await expect(page.locator("#section").getByText("Ce texte est trop long").first()).toBeVisible();
    await expect(page.getByLabel("Titre en anglais")).toHaveValue(tooLong);
    await expect(page.getByLabel("Consigne en français")).toHaveValue("Gardée telle quelle");
    await expectAccessible(page);
    const stored = e2eDb().prepare("select section_wording as w from editions where id = ?").get(seed.editionId) as {
      w: string;
    };
    expect(JSON.parse(stored.w)).toEqual({});
  } finally {
    e2eDb().prepare("update editions set phase = 'screening' where id = ?").run(seed.editionId);
    // The secretariat's account is shared with other journeys: give it back its English.
    await setLanguage(page, "en");
  }
});
