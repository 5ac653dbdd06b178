/**
 * With JavaScript on, a click before hydration does a native form POST and silently tests the
 * no-JS path (docs/maintaining.md, "Known traps"). The root layout sets `html[data-hydrated]`
 * in an effect.
 */
import { test, type Page, type Request, type Response } from "@playwright/test";

export function isJsProject(): boolean {
  return test.info().project.name === "js";
}

/**
 * Whether scripts run in this page's browser context (its `javaScriptEnabled`), read from the
 * page itself: with scripting off, `<noscript>` content parses as elements. Works on any page,
 * about:blank included, and needs no test context.
 */
export async function scriptingEnabled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = document.createElement("div");
    probe.innerHTML = "<noscript><p></p></noscript>";
    return probe.querySelector("noscript p") === null;
  });
}

/** Wait for hydration if JavaScript is on for this project; a no-op otherwise. */
export async function waitForHydration(page: Page): Promise<void> {
  if (isJsProject()) {
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  }
}

export async function gotoReady(
  page: Page,
  url: string,
  options?: Parameters<Page["goto"]>[1],
): Promise<Response | null> {
  const response = await page.goto(url, options);
  await waitForHydration(page);
  return response;
}

/**
 * Watches the page's data requests (GETs of `….data`, Remix's revalidation) from now on; the
 * returned function waits 1.5 s more (a revalidation starts as soon as a post is answered),
 * stops watching and lists them.
 */
export function watchDataReloads(page: Page): () => Promise<string[]> {
  const seen: string[] = [];
  const onRequest = (r: Request) => {
    if (r.method() === "GET" && new URL(r.url()).pathname.endsWith(".data")) seen.push(r.url());
  };
  page.on("request", onRequest);
  return async () => {
    await page.waitForTimeout(1500);
    page.off("request", onRequest);
    return seen;
  };
}
