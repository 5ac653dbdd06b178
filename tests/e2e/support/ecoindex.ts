/**
 * EcoIndex measurement, the cnumr reference method (docs/maintaining.md, "Quality budgets"):
 * a fresh browser context at 1920×1080 with an empty cache, responses and transferred bytes
 * counted through the DevTools protocol, load, wait, scroll to the bottom, wait, count the DOM.
 */
import { expect, type BrowserContext, type Page, type Response } from "@playwright/test";
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
   * More checks on the measured page once measured, before its context closes: a sweep checks
   * each page on the load it measures instead of loading it twice.
   */
  inspect?: (measured: Page, response: Response | null) => Promise<void>;
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

  // A new context: empty cache, same cookies and JavaScript setting as the user's context.
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    storageState: await userContext.storageState(),
    javaScriptEnabled,
  });
  try {
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    let requests = 0;
    let bytes = 0;
    // ECOINDEX_DEBUG=1 prints what each measured page transferred, request by request.
    const urls = new Map<string, string>();
    const transferred: string[] = [];
    cdp.on("Network.responseReceived", (event) => {
      // HTTP(S) responses only: data: and blob: URLs transfer nothing over the network.
      if (/^https?:/i.test(event.response.url)) requests += 1;
      urls.set(event.requestId, event.response.url);
    });
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength;
      transferred.push(`${event.encodedDataLength}\t${urls.get(event.requestId) ?? event.requestId}`);
    });
    await cdp.send("Network.enable");

    const response = await p.goto(target, { waitUntil: "load" });
    // "networkidle" is itself 500 ms without a request: that is the wait before scrolling.
    await p.waitForLoadState("networkidle");
    await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await p.waitForTimeout(SETTLE_MS);

    const dom = await p.evaluate(
      () => document.querySelectorAll("*").length - document.querySelectorAll("svg *").length,
    );
    await cdp.detach().catch(() => undefined);

    const kilobytes = Math.round(bytes / 10) / 100; // bytes / 1000, two decimals
    if (process.env.ECOINDEX_DEBUG === "1") console.log(`${target}\n${transferred.join("\n")}`);
    const measurement = { dom, requests, kilobytes, ...ecoIndexScore({ dom, requests, kilobytes }) };
    await options.inspect?.(p, response);
    return measurement;
  } finally {
    await context.close();
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
