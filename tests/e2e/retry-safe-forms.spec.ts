// Poor connections: a post that reaches the server but whose answer is lost, a double click, a
// request replayed as it was, a throttled link. Each form's one-time token makes the server change
// things once and answer every copy of the post with the first answer; what was typed stays.
import { expect, test, type Page, type Request } from "@playwright/test";
import { e2eDb } from "./support/db";
import { gotoReady, isJsProject } from "./support/hydration";
import { registerApplicant } from "./support/session";
import { closeCall, openCall, tinyPdf, type OpenCall } from "./applications-fixtures";

test.describe.configure({ timeout: 120_000 });

let call: OpenCall | undefined;
test.beforeAll(() => {
  call = openCall();
});
test.afterAll(() => closeCall(call));

interface LostAnswer {
  request?: Request;
  /** Where the server sent the first post. */
  location?: string;
}

/** The redirect a response names (Remix names it in a Location header for a script's post too). */
function redirectOf(headers: Record<string, string>): string | undefined {
  return headers["location"] ?? headers["x-remix-redirect"];
}

/** The first post to `path` reaches the server, but its answer never reaches the page; later posts pass. */
async function loseFirstAnswer(page: Page, path: RegExp): Promise<LostAnswer> {
  const lost: LostAnswer = {};
  await page.route(path, async (route) => {
    if (route.request().method() !== "POST" || lost.request) return route.continue();
    lost.request = route.request();
    const response = await route.fetch({ maxRedirects: 0 });
    lost.location = redirectOf(response.headers());
    await route.abort("connectionreset");
  });
  return lost;
}

/** Sends a captured post again as it was (same cookies, same body, same token), as a browser's retry would. */
async function replay(page: Page, request: Request) {
  const again = await page.request.fetch(request, { maxRedirects: 0 });
  return redirectOf(again.headers());
}

function count(sql: string, ...params: string[]): number {
  return (
    e2eDb()
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;
}

const applicationsOf = (email: string) =>
  count(
    "select count(*) as n from applications a join users u on u.id = a.applicant_id where u.email = ?",
    email.toLowerCase(),
  );

test("an application started over a connection that loses the answer is created once and the retry shows it", async ({
  page,
}) => {
  const account = await registerApplicant(page, "lost-answer");
  await gotoReady(page, "/applications");
  const lost = await loseFirstAnswer(page, /\/applications(\.data)?(\?[^/]*)?$/);
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect.poll(() => lost.location).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
  if (isJsProject()) {
    // The page sent the post again by itself, with the same token: it shows the first answer.
    await expect(page).toHaveURL(new RegExp(`${lost.location}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your application");
  }
  // The same request once more, as a browser resubmitting the page would send it.
  expect(await replay(page, lost.request!)).toBe(lost.location);
  // Without JavaScript the first tab is still drawing the browser's error page: the result in another.
  const shown = isJsProject() ? page : await page.context().newPage();
  await gotoReady(shown, lost.location!);
  await expect(shown.getByRole("heading", { level: 1 })).toHaveText("Your application");
  expect(applicationsOf(account.email)).toBe(1);
  const applicationId = lost.location!.split("/").pop()!;
  expect(
    count("select count(*) as n from audit_log where object_id = ? and action = 'application.created'", applicationId),
  ).toBe(1);
});

test("a file uploaded with a double click and sent again is added once", async ({ page }) => {
  await registerApplicant(page, "double-click");
  await gotoReady(page, "/applications");
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationId = new URL(page.url()).pathname.split("/").pop()!;
  await gotoReady(page, `/applications/${applicationId}/attachments`);

  const uploads: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/attachments")) uploads.push(request);
  });
  await page
    .getByLabel("Choose a file")
    .setInputFiles({ name: "twice.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
  await page.getByRole("button", { name: "Upload the file" }).dblclick();
  await expect(page.getByRole("status")).toContainText("Your file has been added.");
  await expect(page.locator(".applications-files")).toContainText("twice.pdf");
  await replay(page, uploads[0]);

  const attachments = () => count("select count(*) as n from attachments where application_id = ?", applicationId);
  const added = () =>
    count("select count(*) as n from audit_log where object_id = ? and action = 'attachment.added'", applicationId);
  expect(attachments()).toBe(1);
  expect(added()).toBe(1);
  await gotoReady(page, `/applications/${applicationId}/attachments`);
  await expect(page.locator(".applications-files li")).toHaveCount(1);
});
