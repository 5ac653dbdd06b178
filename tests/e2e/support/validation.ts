/**
 * Bad input is refused with the same message either way: with JavaScript by the form's zod
 * schema in the browser (nothing is posted), without it by the action, which runs the same
 * schema. Counting the posts tells the two apart, so a form whose browser check broke fails here.
 */
import { expect, type Page, type Request } from "@playwright/test";
import { isJsProject } from "./hydration";

export async function expectRefusedBeforePosting(
  page: Page,
  formId: string,
  submit: () => Promise<void>,
  message: string | RegExp,
): Promise<void> {
  const form = page.locator(`form#${formId}`);
  if (isJsProject()) {
    // The schema loads on the first interaction with the form (it is not in the first visit).
    await form.locator("input:visible, textarea:visible, select:visible, button:visible").first().focus();
    await expect(form).toHaveAttribute("data-schema", "ready");
  }
  const posts: string[] = [];
  const record = (request: Request) => {
    if (request.method() === "POST") posts.push(request.url());
  };
  page.on("request", record);
  try {
    await submit();
    await expect(form.locator(".error-summary")).toContainText(message);
    await expect(page.locator(".error-summary"), "one error summary: the posted form's").toHaveCount(1);
  } finally {
    page.off("request", record);
  }
  expect(posts, isJsProject() ? "refused in the browser, nothing posted" : "refused by the server").toHaveLength(
    isJsProject() ? 0 : 1,
  );
}
