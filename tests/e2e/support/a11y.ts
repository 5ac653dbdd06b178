/** Automated accessibility check with axe-core against WCAG 2.2 A and AA (the tags below). */
import AxeBuilder from "@axe-core/playwright";
import axe from "axe-core";
import { expect, type Page } from "@playwright/test";
import { scriptingEnabled } from "./hydration";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const TARGETS_SHOWN = 3;

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** The axe-core that @axe-core/playwright would inject: its own dependency, the same version. */
const AXE_SOURCE = axe.source;

/**
 * What AxeBuilder injects when axe is already in the page: nothing. Left to itself it evaluates
 * axe's 560 kB twice a page (once in `analyze`, once more in its legacy run), 0.2–0.45 s each
 * here, more than the rules themselves take.
 */
const ALREADY_INJECTED = "void 0";

/**
 * axe for one page, the way that costs least: axe-core is evaluated in the page once (see
 * {@link ALREADY_INJECTED}), its rules run in the page itself (legacy mode: the pages have no
 * frames, so nothing needs the default's second, blank page to combine frames' results in), and
 * only violations are worked out node by node (every passing node's selector was most of the time
 * on a long page). Violations are found and reported in full either way.
 */
async function axeOn(page: Page): Promise<AxeBuilder> {
  const present = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!present) await page.evaluate(AXE_SOURCE);
  return new AxeBuilder({ page, axeSource: ALREADY_INJECTED })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true);
}

export function formatViolations(violations: AxeResults["violations"]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.slice(0, TARGETS_SHOWN).map((n) => JSON.stringify(n.target));
      const more = v.nodes.length > TARGETS_SHOWN ? ` (+${v.nodes.length - TARGETS_SHOWN} more)` : "";
      return `- ${v.id} [${v.impact ?? "unknown"}]: ${v.help}\n    ${targets.join("\n    ")}${more}`;
    })
    .join("\n");
}

/**
 * The page as it stands, without its scripts: `<script>` removed, `<noscript>` unwrapped so
 * its content stays checked (with scripting off it is rendered).
 */
function scriptFreeCopy(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, "").replace(/<\/?noscript\b[^>]*>/gi, "");
}

/**
 * axe-core runs as JavaScript inside the page, which cannot happen when the context has
 * JavaScript disabled (the `nojs` project). Then the rendered DOM is copied, without scripts,
 * into a temporary context with JavaScript on, same cookies and viewport, stylesheets and
 * images still fetched from the server, and checked there.
 */
async function analyzeWithoutPageScripts(page: Page): Promise<AxeResults> {
  const browser = page.context().browser();
  if (!browser) throw new Error("expectAccessible needs a page from a launched browser");
  const url = page.url();
  const html = scriptFreeCopy(await page.content());
  const context = await browser.newContext({
    javaScriptEnabled: true,
    storageState: await page.context().storageState(),
    viewport: page.viewportSize(),
  });
  try {
    const copy = await context.newPage();
    await copy.route("**/*", (route) =>
      route.request().resourceType() === "script" ? route.abort() : route.fallback(),
    );
    if (/^https?:/.test(url)) {
      await copy.route(
        (u) => u.href === url,
        (route) =>
          route.request().isNavigationRequest()
            ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
            : route.fallback(),
      );
      await copy.goto(url, { waitUntil: "load" });
    } else {
      await copy.setContent(html, { waitUntil: "load" });
    }
    return await (await axeOn(copy)).analyze();
  } finally {
    await context.close();
  }
}

/** Zero axe violations for the WCAG 2.0/2.1/2.2 A and AA tags. Returns the full results. */
export async function expectAccessible(page: Page): Promise<AxeResults> {
  const results = (await scriptingEnabled(page))
    ? await (await axeOn(page)).analyze()
    : await analyzeWithoutPageScripts(page);
  const { violations } = results;
  expect(
    violations.length,
    `${violations.length} accessibility violation(s) on ${page.url()}:\n${formatViolations(violations)}`,
  ).toBe(0);
  return results;
}
