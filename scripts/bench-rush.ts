/**
 * The deadline rush, the prize's own busiest hours, against the built server (`npm start`'s
 * scripts/server.mjs) on a 10,000-application edition whose jury is still scoring, plus the next
 * edition whose call closes tomorrow:
 * - 300 applicants each autosave a section of their draft every 5 s;
 * - 10 jurors each save a draft review every 5 s, and reopen their review page between saves;
 * - the secretariat reads the jury's progress and the screening list, one after the other;
 * - 50 anonymous readers read the call, each about once a second;
 * - one anonymous client reads the home page 4 times a second: every page's p95 is given as a
 *   multiple of the home page's p95 in the same run, since the machine's speed varies.
 * It prints p50/p95/p99 per page and role, the throughput, the errors (any status other than the
 * expected one, and every SQLITE_BUSY the server logged), and /healthz. Not asserted in tests.
 *
 * `npm run bench:rush`. Options: --seconds N (measured time, default 60), --applicants N (300),
 * --jurors N (10), --readers N (50), --applications N (10,000), --workers N (WEB_CONCURRENCY),
 * --without-js (autosaves posted as plain forms, answered with the whole page).
 */
import { type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, seed, signIn, startServer } from "./bench-fixture";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 60);
const APPLICANTS = arg("applicants", 300);
const DRAFTING_JURORS = arg("jurors", 10);
const READERS = arg("readers", 50);
const APPLICATIONS = arg("applications", 10_000);
const WORKERS = process.argv.includes("--workers") ? String(arg("workers", 1)) : undefined;
const JURORS = 200;
const SAVE_EVERY_MS = 5000;
const TARGET_TIMES_HOME = 3;

interface Sample {
  ms: number;
  ok: boolean;
}
const samples = new Map<string, Sample[]>();
let stopAt = Infinity;
let measuring = false;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One request, timed and kept under `label` once the measured time has begun. */
async function hit(label: string, url: string, init: RequestInit = {}, expect = 200): Promise<Response | null> {
  const t = performance.now();
  let response: Response | null = null;
  let ok = false;
  try {
    response = await fetch(url, { redirect: "manual", ...init });
    await response.clone().arrayBuffer();
    ok = response.status === expect;
    if (!ok && process.env.RUSH_DEBUG)
      console.error(label, response.status, (await response.clone().text()).slice(0, 300));
  } catch (error) {
    if (process.env.RUSH_DEBUG) console.error(label, error);
  }
  if (measuring) {
    const list = samples.get(label) ?? [];
    list.push({ ms: performance.now() - t, ok });
    samples.set(label, list);
  }
  return response;
}

const form = (base: string, cookie: string, fields: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { Cookie: cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields),
});

// Autosaves are posted as the pages' script posts them (a draft only saves itself with
// JavaScript): to the route's `.data` address, answered with the action's data alone in Remix's
// single-fetch encoding, and the page does not reload its data after it (decision 027). With
// --without-js every save is a plain form post answered with the whole page, as the Save button
// without JavaScript does. Either way the version to send next is read from the answer.
const WITHOUT_JS = process.argv.includes("--without-js");
const saveUrl = (path: string) => (WITHOUT_JS ? path : `${path}.data`);
const versionIn = (body: string) =>
  (WITHOUT_JS ? body.match(/name="version" value="(\d+)"/) : body.match(/"version",(\d+)/))?.[1];
const pageVersionIn = (html: string) => html.match(/name="version" value="(\d+)"/)?.[1];

async function applicant(base: string, cookie: string, applicationId: string, phase: number) {
  await sleep(phase);
  let version = 1;
  let words = 40;
  while (performance.now() < stopAt) {
    const started = performance.now();
    words += 3;
    const impact = Array.from({ length: words }, (_, i) => `learners${i % 17}`).join(" ");
    const response = await hit(
      "applicant · autosave a section (POST)",
      saveUrl(`${base}/applications/${applicationId}/sections/impact`),
      form(base, cookie, { intent: "autosave", version: String(version), impact }),
    );
    if (response?.ok) version = Number(versionIn(await response.text()) ?? version);
    await sleep(Math.max(0, SAVE_EVERY_MS - (performance.now() - started)));
  }
}

async function juror(base: string, cookie: string, phase: number) {
  const dashboard = await (await fetch(`${base}/jury`, { headers: { Cookie: cookie } })).text();
  const reviewPath = dashboard.match(/href="(\/jury\/reviews\/[0-9a-f-]{36})"/)?.[1];
  if (!reviewPath) throw new Error("A drafting juror's dashboard lists no review");
  await sleep(phase);
  let score = 1;
  while (performance.now() < stopAt) {
    const started = performance.now();
    const page = await hit("juror · review page", `${base}${reviewPath}`, { headers: { Cookie: cookie } });
    const html = page ? await page.text() : "";
    const version = pageVersionIn(html) ?? "1";
    score = (score % 10) + 1;
    const scores = Object.fromEntries(Array.from({ length: 8 }, (_, c) => [`score.criterion${c + 1}`, String(score)]));
    await hit(
      "juror · save a draft review (POST)",
      saveUrl(`${base}${reviewPath}`),
      form(base, cookie, { intent: "save_draft", autosave: "1", version, ...scores, overallComment: "Still reading." }),
    );
    await sleep(Math.max(0, SAVE_EVERY_MS - (performance.now() - started)));
  }
}

async function loop(label: string, url: string, headers: Record<string, string>, everyMs: number, phase = 0) {
  await sleep(phase);
  while (performance.now() < stopAt) {
    const started = performance.now();
    await hit(label, url, { headers });
    await sleep(Math.max(0, everyMs - (performance.now() - started)));
  }
}

/** Signs `emails` in a few at a time (each sign-in hashes a password: the server's slowest request). */
async function signInAll(base: string, emails: string[], parallel = 4): Promise<string[]> {
  const cookies: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < emails.length) {
        const i = next++;
        cookies[i] = await signIn(base, emails[i]);
      }
    }),
  );
  return cookies;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "prize-rush-"));
  let server: ChildProcess | undefined;
  let busy = 0;
  try {
    console.log(`Seeding ${APPLICATIONS.toLocaleString("en")} applications and ${APPLICANTS} drafts…`);
    const data = await seed(join(dir, "bench.db"), {
      applications: APPLICATIONS,
      jurors: JURORS,
      draftJurors: DRAFTING_JURORS,
      applicantsWithDrafts: APPLICANTS,
    });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer({ dir, port, env: WORKERS ? { WEB_CONCURRENCY: WORKERS } : {} });
    server.stderr?.on("data", (chunk: Buffer) => (busy += chunk.toString().split("SQLITE_BUSY").length - 1));
    console.log(`Signing in ${APPLICANTS + DRAFTING_JURORS + 1} people…`);
    const applicantCookies = await signInAll(
      base,
      data.drafts.map((d) => d.email),
    );
    const jurorCookies = await signInAll(
      base,
      Array.from({ length: DRAFTING_JURORS }, (_, j) => `juror${j + 1}@bench.test`),
    );
    const secretariat = await signIn(base, data.emails.secretariat);
    const e = `/secretariat/editions/${data.editionId}`;
    const en = { "Accept-Language": "en" };
    // Warm-up: every page once, so that the first computations are not what is measured.
    for (const path of ["/", "/call", `${e}/progress`, "/secretariat/screening"])
      await fetch(`${base}${path}`, { headers: { ...en, Cookie: secretariat } });

    const warmUpMs = 5000;
    const started = performance.now();
    stopAt = started + warmUpMs + SECONDS * 1000;
    setTimeout(() => (measuring = true), warmUpMs);
    const clients: Promise<void>[] = [
      loop("public · home", `${base}/`, en, 250),
      loop("public · /healthz", `${base}/healthz`, {}, 500, 125),
      ...Array.from({ length: READERS }, (_, r) =>
        loop("public · call", `${base}/call`, en, 1000, (r * 1000) / READERS),
      ),
      ...data.drafts.map((d, i) =>
        applicant(base, applicantCookies[i], d.applicationId, (i * SAVE_EVERY_MS) / APPLICANTS),
      ),
      ...jurorCookies.map((cookie, j) => juror(base, cookie, (j * SAVE_EVERY_MS) / DRAFTING_JURORS)),
      (async () => {
        while (performance.now() < stopAt) {
          await hit("secretariat · jury progress", `${base}${e}/progress`, { headers: { ...en, Cookie: secretariat } });
          await hit("secretariat · screening list", `${base}/secretariat/screening`, {
            headers: { ...en, Cookie: secretariat },
          });
          await sleep(500);
        }
      })(),
    ];
    await Promise.all(clients);
    report(busy);
  } finally {
    server?.kill("SIGINT");
    await new Promise((done) => (server ? server.once("exit", done) : done(null)));
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(busy: number) {
  const rows = [...samples.entries()].map(([label, list]) => {
    const times = list.map((s) => s.ms).sort((a, b) => a - b);
    return {
      label,
      count: list.length,
      errors: list.filter((s) => !s.ok).length,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      p99: quantile(times, 0.99),
    };
  });
  const home = rows.find((r) => r.label === "public · home")?.p95 ?? NaN;
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const errors = rows.reduce((sum, r) => sum + r.errors, 0);
  console.log(
    `\nDeadline rush: ${APPLICATIONS.toLocaleString("en")} applications, ${APPLICANTS} applicants autosaving, ` +
      `${DRAFTING_JURORS} jurors drafting, the secretariat, ${READERS} readers of the call; ` +
      `${SECONDS} s measured after 5 s of warm-up; server workers: ${WORKERS ?? "default"}; ` +
      `autosaves ${WITHOUT_JS ? "as plain form posts (--without-js)" : "as the pages' script posts them"}.\n`,
  );
  const header = ["role · page", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "p95 × home", "≤ 3× home"];
  const table = rows
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((r) => [
      r.label,
      String(r.count),
      String(r.errors),
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.p99.toFixed(1),
      (r.p95 / home).toFixed(1),
      r.p95 / home <= TARGET_TIMES_HOME ? "yes" : "NO",
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table) console.log(line(row));
  console.log(
    `\nThroughput: ${(total / SECONDS).toFixed(1)} requests/s; errors: ${errors}; SQLITE_BUSY in the server's log: ${busy}.`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
