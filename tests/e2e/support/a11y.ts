/** Automated accessibility check with axe-core against WCAG 2.2 A and AA (the tags below). */
import AxeBuilder from "@axe-core/playwright";
import axe from "axe-core";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
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

/** The page that script-free copies are checked in, kept between checks: see {@link copierFor}. */
interface Copier {
  context: BrowserContext;
  page: Page;
  /** The copy the next navigation to `url` is answered with (set for one check at a time). */
  serving: { url: string; html: string } | null;
}

const copiers = new WeakMap<Browser, Promise<Copier>>();
/** One check at a time per browser: the kept page serves one copy at a time. */
const copierQueues = new WeakMap<Browser, Promise<unknown>>();

/**
 * The copying page of this browser, made once and kept: a new context and page cost most of a
 * second (a renderer process starts), as much as the check itself. JavaScript is on in it (axe
 * runs there), the page's own scripts are never fetched, a navigation to the checked address is
 * answered with the copy, and stylesheets and images still come from the server. Each check takes
 * the user's cookies (theirs alone) and viewport, and the page is left on about:blank after it.
 */
async function copierFor(browser: Browser): Promise<Copier> {
  const kept = copiers.get(browser);
  if (kept) {
    const copier = await kept.catch(() => null);
    if (copier && !copier.page.isClosed()) return copier;
  }
  const made = (async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const copier: Copier = { context, page: await context.newPage(), serving: null };
    await context.route("**/*", (route) => {
      const request = route.request();
      if (request.resourceType() === "script") return route.abort();
      const serving = copier.serving;
      if (serving && request.isNavigationRequest() && request.url() === serving.url)
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: serving.html });
      return route.fallback();
    });
    return copier;
  })();
  copiers.set(browser, made);
  return made;
}

/**
 * axe-core runs as JavaScript inside the page, which cannot happen when the context has
 * JavaScript disabled (the `nojs` project). Then the rendered DOM is copied, without scripts,
 * into a page with JavaScript on (the kept one of {@link copierFor}), with the same cookies and
 * viewport, stylesheets and images still fetched from the server, and checked there.
 */
async function analyzeWithoutPageScripts(page: Page): Promise<AxeResults> {
  const browser = page.context().browser();
  if (!browser) throw new Error("expectAccessible needs a page from a launched browser");
  const url = page.url();
  const html = scriptFreeCopy(await page.content());
  const cookies = await page.context().cookies();
  const viewport = page.viewportSize();
  const previous = copierQueues.get(browser) ?? Promise.resolve();
  const check = previous
    .catch(() => undefined)
    .then(async () => {
      const copier = await copierFor(browser);
      const { context, page: copy } = copier;
      await context.clearCookies();
      if (cookies.length > 0) await context.addCookies(cookies);
      if (viewport) await copy.setViewportSize(viewport);
      try {
        if (/^https?:/.test(url)) {
          // A navigation's request carries no fragment.
          copier.serving = { url: url.split("#")[0], html };
          await copy.goto(url, { waitUntil: "load" });
        } else {
          await copy.setContent(html, { waitUntil: "load" });
        }
        return await (await axeOn(copy)).analyze();
      } finally {
        copier.serving = null;
        await copy.goto("about:blank").catch(() => undefined);
      }
    });
  copierQueues.set(browser, check);
  return check;
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
