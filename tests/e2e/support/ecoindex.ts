/**
 * EcoIndex measurement, the cnumr reference method (docs/maintaining.md, "Quality budgets"):
 * a browser context at 1920×1080 with no cache, responses and transferred bytes counted through
 * the DevTools protocol, load, wait, scroll to the bottom, wait, count the DOM.
 */
import { expect, type Browser, type BrowserContext, type CDPSession, type Page, type Response } from "@playwright/test";
import { ecoIndexScore, type EcoIndexGrade } from "./ecoindex-score";
import { scriptingEnabled } from "./hydration";

/** At most 150 kB transferred on a first visit: stricter than grade A, which allows a few hundred. */
export const FIRST_VISIT_KB_BUDGET = 150;

/** Grade A means a score above this. */
export const GRADE_A_MIN_SCORE_EXCLUSIVE = 80;

export interface EcoIndexMeasurement {
  dom: number;
  requests: number;
  kilobytes: number;
  score: number;
  grade: EcoIndexGrade;
  ghg: number;
  water: number;
}

const SETTLE_MS = 500;

/** Resolve a relative url the way the test page would (its base URL, else the e2e server). */
function resolveUrl(from: Page | BrowserContext, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const current = "url" in from ? from.url() : "";
  const base = /^https?:/.test(current) ? current : process.env.E2E_BASE_URL;
  if (!base) throw new Error(`measureEcoIndex: cannot resolve relative url ${url} (no base URL)`);
  return new URL(url, base).toString();
}

export interface MeasureOptions {
  /** Defaults to the setting of `page`'s context. */
  javaScriptEnabled?: boolean;
  /**
   * Checks that only read the measured page (never change it, never ask the server anything),
   * run during the wait after the scroll rather than after it: a sweep checks each page on the
   * load it measures instead of loading it twice, and its checks cost no wait of their own.
   */
  examine?: (measured: Page, response: Response | null) => Promise<void>;
  /** More on the measured page once measured (it may act on the page: nothing is counted then). */
  inspect?: (measured: Page, response: Response | null) => Promise<void>;
}

/** The page measurements load in, kept between them: see {@link meterFor}. */
interface Meter {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

const meters = new WeakMap<Browser, Map<boolean, Promise<Meter>>>();

/**
 * The measuring page of this browser for a JavaScript setting, made once and kept: a new context
 * and page cost ~0.4 s and the first load in them another ~0.4 s (a renderer process starts), a
 * third of a sweep's page. Kept, it still measures a first visit: the DevTools protocol turns
 * every cache off (HTTP, memory), each measurement takes the user's cookies, and the page is left
 * on about:blank so nothing of the last page (a poll) runs into the next measurement. The app
 * keeps nothing in web storage.
 */
async function meterFor(browser: Browser, javaScriptEnabled: boolean): Promise<Meter> {
  let byScripting = meters.get(browser);
  if (!byScripting) meters.set(browser, (byScripting = new Map()));
  const kept = byScripting.get(javaScriptEnabled);
  if (kept) {
    const meter = await kept.catch(() => null);
    if (meter && !meter.page.isClosed()) return meter;
  }
  const made = (async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, javaScriptEnabled });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    return { context, page, cdp };
  })();
  byScripting.set(javaScriptEnabled, made);
  return made;
}

/**
 * Measures `url` as the user of `from` (a page, or a context: a sweep needs no page of its own,
 * whose renderer process costs most of a second to start) would first load it.
 */
export async function measureEcoIndex(
  from: Page | BrowserContext,
  url: string,
  options: MeasureOptions = {},
): Promise<EcoIndexMeasurement> {
  const userContext = "context" in from ? from.context() : from;
  const browser = userContext.browser();
  if (!browser) throw new Error("measureEcoIndex needs a page or context from a launched browser");
  const target = resolveUrl(from, url);
  let javaScriptEnabled = options.javaScriptEnabled;
  if (javaScriptEnabled === undefined) {
    if (!("context" in from))
      throw new Error("measureEcoIndex: say whether JavaScript runs when measuring from a context");
    javaScriptEnabled = await scriptingEnabled(from);
  }

  const { context, page: p, cdp } = await meterFor(browser, javaScriptEnabled);
  // The user's cookies, theirs alone.
  await context.clearCookies();
  const cookies = await userContext.cookies();
  if (cookies.length > 0) await context.addCookies(cookies);
  let requests = 0;
  let bytes = 0;
  // ECOINDEX_DEBUG=1 prints what each measured page transferred, request by request.
  const urls = new Map<string, string>();
  const transferred: string[] = [];
  const received = (event: { requestId: string; response: { url: string } }) => {
    // HTTP(S) responses only: data: and blob: URLs transfer nothing over the network.
    if (/^https?:/i.test(event.response.url)) requests += 1;
    urls.set(event.requestId, event.response.url);
  };
  const finished = (event: { requestId: string; encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    transferred.push(`${event.encodedDataLength}\t${urls.get(event.requestId) ?? event.requestId}`);
  };
  cdp.on("Network.responseReceived", received);
  cdp.on("Network.loadingFinished", finished);
  try {
    const response = await p.goto(target, { waitUntil: "load" });
    // "networkidle" is itself 500 ms without a request: that is the wait before scrolling.
    await p.waitForLoadState("networkidle");
    await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    // The DOM is counted once both the wait and the read-only checks are done.
    await Promise.all([p.waitForTimeout(SETTLE_MS), options.examine?.(p, response)]);

    const dom = await p.evaluate(
      () => document.querySelectorAll("*").length - document.querySelectorAll("svg *").length,
    );
    cdp.off("Network.responseReceived", received);
    cdp.off("Network.loadingFinished", finished);

    const kilobytes = Math.round(bytes / 10) / 100; // bytes / 1000, two decimals
    if (process.env.ECOINDEX_DEBUG === "1") console.log(`${target}\n${transferred.join("\n")}`);
    const measurement = { dom, requests, kilobytes, ...ecoIndexScore({ dom, requests, kilobytes }) };
    await options.inspect?.(p, response);
    return measurement;
  } finally {
    cdp.off("Network.responseReceived", received);
    cdp.off("Network.loadingFinished", finished);
    await p.goto("about:blank").catch(() => undefined);
  }
}

export function describeEcoIndex(m: EcoIndexMeasurement): string {
  return (
    `EcoIndex ${m.score} (${m.grade}): dom ${m.dom}, requests ${m.requests}, ${m.kilobytes} kB ` +
    `(${m.ghg} gCO2e, ${m.water} cl water)`
  );
}

/**
 * Grade A (score > 80) and at most FIRST_VISIT_KB_BUDGET kB transferred on a first visit.
 * Returns the measurement so a test can attach or log it.
 */
export async function expectEcoIndexA(
  from: Page | BrowserContext,
  url: string,
  options: MeasureOptions = {},
): Promise<EcoIndexMeasurement> {
  const m = await measureEcoIndex(from, url, options);
  const summary = `${url}: ${describeEcoIndex(m)}`;
  expect(m.score, `expected grade A (score > ${GRADE_A_MIN_SCORE_EXCLUSIVE}); ${summary}`).toBeGreaterThan(
    GRADE_A_MIN_SCORE_EXCLUSIVE,
  );
  expect(m.kilobytes, `expected at most ${FIRST_VISIT_KB_BUDGET} kB on a first visit; ${summary}`).toBeLessThanOrEqual(
    FIRST_VISIT_KB_BUDGET,
  );
  return m;
}
