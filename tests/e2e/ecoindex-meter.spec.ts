// The sweeps measure every page on one kept measuring page (tests/e2e/support/ecoindex.ts,
// `meterFor`) instead of a new context each time. This proves it still measures a first visit,
// as the signed-in user of the test and no one else. Measured with JavaScript whatever the
// project, as the sweeps measure: the `nojs` project leaves this file out.
import { expect, test } from "@playwright/test";
import { measureEcoIndex } from "./support/ecoindex";
import { emptyContext, signedInCookies, useCookies } from "./support/sweep";
import { SECRETARIAT } from "./support/session";

test("a page measured twice in a row is counted as two first visits: nothing comes from a cache", async ({
  context,
}) => {
  const first = await measureEcoIndex(context, "/", { javaScriptEnabled: true });
  const second = await measureEcoIndex(context, "/", { javaScriptEnabled: true });
  // The page's scripts and stylesheets are transferred again, each time.
  expect(first.requests).toBeGreaterThan(3);
  expect(second.requests).toBe(first.requests);
  expect(second.dom).toBe(first.dom);
  expect(Math.abs(second.kilobytes - first.kilobytes)).toBeLessThan(1);
});

test("each measurement is made with the cookies of the user measured, theirs alone", async ({ browser, context }) => {
  const shown: string[] = [];
  const landedOn = {
    javaScriptEnabled: true,
    inspect: async (page: { url(): string }) => void shown.push(new URL(page.url()).pathname),
  };
  await useCookies(context, await signedInCookies(browser, SECRETARIAT.email, SECRETARIAT.password));
  await measureEcoIndex(context, "/secretariat", landedOn);
  const anonymous = await emptyContext(browser);
  try {
    // The same measuring page, next: the secretariat's session is not carried over.
    await measureEcoIndex(anonymous, "/secretariat", landedOn);
  } finally {
    await anonymous.close();
  }
  expect(shown).toEqual(["/secretariat", "/login"]);
});
