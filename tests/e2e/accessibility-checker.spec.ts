// The sweeps' accessibility check is run the cheap way (axe in the page itself, passing nodes not
// worked out: tests/e2e/support/a11y.ts). This proves it still finds and names violations, with
// JavaScript on and, through the script-free copy, off.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y";

const BROKEN = `<!doctype html><html lang="en"><head><title>Broken</title></head><body><main>
<h1>Broken</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<form><input type="text" name="unlabelled"></form>
<p style="color:#bbb;background:#fff">Pale grey text on white</p>
</main></body></html>`;

const CLEAN = `<!doctype html><html lang="en"><head><title>Clean</title></head><body><main>
<h1>Clean</h1>
<form><label for="n">Name</label><input id="n" type="text" name="n"></form>
<p style="color:#222;background:#fff">Dark text on white</p>
</main></body></html>`;

test("the accessibility check fails a page with a missing alt text, an unlabelled field and pale text, naming each", async ({
  page,
}) => {
  await page.setContent(BROKEN);
  const error = await expectAccessible(page).then(
    () => null,
    (e: Error) => e.message,
  );
  expect(error).not.toBeNull();
  for (const rule of ["image-alt", "label", "color-contrast"]) expect(error).toContain(`- ${rule} [`);
});

test("the accessibility check passes a page without violations", async ({ page }) => {
  await page.setContent(CLEAN);
  const results = await expectAccessible(page);
  expect(results.violations).toEqual([]);
});
