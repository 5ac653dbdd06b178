/**
 * Server benchmark of the performance budget (docs/maintaining.md, "Quality budgets"): p95 under
 * 50 ms for every page at 10,000 applications and 200 jurors on a 2-core machine; the results
 * page at that size computes in under 1 s.
 *
 * Builds a database of that size in a temporary folder (one edition whose scoring has closed,
 * 10,000 eligible applications with full content, 200 jurors, 3 submitted reviews per
 * application on 8 criteria, 50 National Commissions), starts the built server on it
 * (scripts/server.mjs, as `npm start` does), signs in one user per role, then requests every
 * page of each role one after the other and prints the latency table. Not asserted in tests.
 *
 * `npm run bench:server` (part of `npm run bench`). Options: --applications N --jurors N --runs N,
 * --only TEXT (pages whose path contains TEXT), --profile DIR (the server's CPU profile), --keep
 * (leave the database for a closer look).
 */
import { type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CRITERIA, freePort, REVIEWERS, seed, signIn, startServer } from "./bench-fixture";
import { crowdVerdict } from "./crowd-verdict";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const APPLICATIONS = arg("applications", 10_000);
const JURORS = arg("jurors", 200);
const RUNS = arg("runs", 40);
const P95_TARGET_MS = 50;
const RESULTS_TARGET_MS = 1000;

interface Row {
  role: string;
  page: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  kB: number;
  target: string;
  ok: boolean;
}

/** `runs` requests for one page, one after another (back to back): its latencies and size. */
async function time(base: string, path: string, cookie: string | null, runs: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const response = await fetch(`${base}${path}`, {
      headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Language": "en" },
      redirect: "manual",
    });
    const body = await response.arrayBuffer();
    times.push(performance.now() - t);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    bytes = body.byteLength;
  }
  return { ...percentiles(times), kB: bytes / 1024 };
}

/** Latencies in ms: their p50, p95 and slowest. */
function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * Idle /healthz requests. It is asked back to back while the results compute (the page once a
 * second in between), and so it is when idle: the two p95s are compared, as the target
 * does (≤ 2×).
 *
 * The two must be asked at the same pace. An idle server answers faster asked back to back than
 * once every 20 ms (3.1–3.7 against 5.8–6.4 ms p95 in this session's runs: between two spaced
 * requests its cores rest, then must wake). Until December 2026 the idle reference was asked back
 * to back and the computation's every 20 ms, so the ratio was overstated. Back to back, not every
 * 20 ms, for both: the computation's seconds then give some 900–2,000 answers instead of ~80,
 * whose p95 would be the fourth slowest answer alone.
 */
const HEALTHZ_IDLE_RUNS = 400;

const READERS = 50;
const READS_EACH = 20;

/**
 * Many anonymous readers of one public page at once, each reading it READS_EACH times; with
 * `conditional` they name the validator of the page they hold, as a browser reloading it does
 * (docs/decisions/022-cheap-public-pages.md): requests per second and the p95 of one request.
 */
async function readers(base: string, path: string, conditional: boolean, serverPid?: number) {
  const first = await fetch(`${base}${path}`, { headers: { "Accept-Language": "en" } });
  await first.arrayBuffer();
  const etag = first.headers.get("ETag");
  if (conditional && !etag) throw new Error(`${path} carries no ETag`);
  const headers = {
    "Accept-Language": "en",
    "Accept-Encoding": "gzip, br",
    ...(conditional ? { "If-None-Match": etag! } : {}),
  };
  const times: number[] = [];
  const expected = conditional ? 304 : 200;
  const start = performance.now();
  const cpuBefore = serverCpuMs(serverPid);
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      for (let i = 0; i < READS_EACH; i++) {
        const t = performance.now();
        const response = await fetch(`${base}${path}`, { headers });
        await response.arrayBuffer();
        times.push(performance.now() - t);
        if (response.status !== expected) throw new Error(`${path} answered ${response.status}, not ${expected}`);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = serverCpuMs(serverPid);
  times.sort((a, b) => a - b);
  return {
    perSecond: times.length / seconds,
    p95: times[Math.ceil(0.95 * times.length) - 1],
    cpuPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / times.length,
  };
}

/**
 * The server process's CPU time so far (Linux: /proc), in ms: on a machine shared with other
 * work, the CPU a request costs says more than its wall time.
 */
function serverCpuMs(pid?: number): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * Waits until the server process has used less than 5% of a core over half a second (at most
 * 30 s; at once where /proc is not there).
 */
async function untilIdle(pid?: number) {
  const until = Date.now() + 30_000;
  let before = serverCpuMs(pid);
  while (before !== null && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 500));
    const now = serverCpuMs(pid);
    if (now === null || now - before < 25) return;
    before = now;
  }
}

/**
 * The server process's peak resident memory so far (Linux: /proc's VmHWM), in MB, with one web process
 * (the benchmark's default; else this is the supervisor's): its caches and its worker threads'
 * computations.
 */
function serverPeakMb(pid?: number): number | null {
  if (!pid) return null;
  try {
    const kB = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kB ? Number(kB) / 1024 : null;
  } catch {
    return null;
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "prize-bench-"));
  let server: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    const data = await seed(join(dir, "bench.db"), { applications: APPLICATIONS, jurors: JURORS });
    const seedSeconds = (performance.now() - t0) / 1000;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // --profile DIR writes the server's CPU profile there (node --cpu-prof), to see where time goes.
    const profile = process.argv.includes("--profile")
      ? ["--cpu-prof", `--cpu-prof-dir=${resolve(process.argv[process.argv.indexOf("--profile") + 1])}`]
      : [];
    server = await startServer({
      dir,
      port,
      args: profile,
      // One process, unless asked: page latencies comparable from run to run, and the CPU time
      // per request read from that process alone.
      env: { WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "1" },
    });
    const cookies = {
      secretariat: await signIn(base, data.emails.secretariat),
      juror: await signIn(base, data.emails.juror),
      nominator: await signIn(base, data.emails.nominator),
      applicant: await signIn(base, data.emails.applicant),
    };
    const reviewPath = await firstReviewPath(base, cookies.juror);
    // The server answers /healthz while its worker threads still load the server's code (~2 s of
    // CPU on both cores): the first page measured, the home page, took it (p95 44–72 ms in three
    // runs, its p50 26 ms against 16 for /call). Pages are measured on a settled server.
    await untilIdle(server.pid);
    const e = `/secretariat/editions/${data.editionId}`;
    const pages: [keyof typeof cookies | "public", string][] = [
      ["public", "/"],
      ["public", "/call"],
      ["public", "/laureates"],
      ["applicant", "/applications"],
      ["applicant", `/applications/${data.applicationId}`],
      ["nominator", "/nominations"],
      ["nominator", `/nominations/${data.applicationId}?entity=${data.entityId}`],
      ["juror", "/jury"],
      ["juror", reviewPath],
      ["secretariat", "/secretariat/editions"],
      ["secretariat", e],
      ["secretariat", "/secretariat/screening"],
      ["secretariat", `/secretariat/screening/${data.applicationId}`],
      ["secretariat", `${e}/jury`],
      ["secretariat", `${e}/conflicts`],
      ["secretariat", `${e}/assignment`],
      ["secretariat", `${e}/progress`],
    ];
    const rows: Row[] = [];
    // --only TEXT keeps the pages whose path contains TEXT (with --profile, to look at one page).
    const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
    for (const [role, path] of pages.filter(([, path]) => !only || path.includes(only))) {
      const cookie = role === "public" ? null : cookies[role];
      await time(base, path, cookie, 3); // warm-up: first compilation of the route's code paths
      const r = await time(base, path, cookie, RUNS);
      rows.push({
        role,
        page: path
          .replace(data.editionId, ":edition")
          .replace(data.applicationId, ":application")
          .replace(data.entityId, ":entity")
          .replace(/reviews\/[0-9a-f-]{36}/, "reviews/:review"),
        runs: RUNS,
        ...r,
        target: `p95 < ${P95_TARGET_MS} ms`,
        ok: r.p95 < P95_TARGET_MS,
      });
    }
    if (!only || "/call".includes(only)) {
      for (const conditional of [false, true]) {
        await readers(base, "/call", conditional); // warm-up
        const r = await readers(base, "/call", conditional, server.pid);
        console.log(
          `/call, ${READERS} anonymous readers at once, ${READS_EACH} reads each${conditional ? ", with If-None-Match (304)" : ""}: ` +
            `${r.perSecond.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms` +
            (r.cpuPerRequest === null ? "" : `, server CPU ${r.cpuPerRequest.toFixed(1)} ms a request`),
        );
      }
    }
    // The results: the first request starts their computation from every review (all methods,
    // bootstrap, certificate); later ones are served from the cache until a score, weight, method or viewer changes.
    if (only && !"/results".includes(only)) return report(rows, seedSeconds);
    // The computation runs in a worker (decision 021): the first request answers the "computing"
    // page at once, and /healthz keeps answering while the worker computes.
    // Each serving process starts its results worker at start (it loads the whole server bundle):
    // after the page sweep it is long up; with --only, give it the time a server up for a while had.
    if (only) await new Promise((r) => setTimeout(r, 5000));
    const idle = await time(base, "/healthz", null, HEALTHZ_IDLE_RUNS);
    rows.push({
      role: "public",
      page: "/healthz (idle, back to back)",
      runs: HEALTHZ_IDLE_RUNS,
      ...idle,
      target: "p95 < 10 ms",
      ok: idle.p95 < 10,
    });
    const computing = await computingRun(base, `${e}/results`, cookies.secretariat);
    rows.push({
      role: "secretariat",
      page: `/secretariat/editions/:edition/results (first answer: ${computing.firstShows})`,
      runs: 1,
      p50: computing.firstMs,
      p95: computing.firstMs,
      max: computing.firstMs,
      kB: computing.firstKB,
      target: `< ${P95_TARGET_MS * 20} ms`,
      ok: computing.firstMs < P95_TARGET_MS * 20,
    });
    rows.push({
      role: "secretariat",
      page: "/secretariat/editions/:edition/results (until computed: the ranking shown)",
      runs: 1,
      p50: computing.readyMs,
      p95: computing.readyMs,
      max: computing.readyMs,
      kB: 0,
      target: `< ${RESULTS_TARGET_MS} ms`,
      ok: computing.readyMs < RESULTS_TARGET_MS,
    });
    rows.push({
      role: "secretariat",
      page: "/secretariat/editions/:edition/results (until its rank intervals are in it)",
      runs: 1,
      p50: computing.intervalsMs,
      p95: computing.intervalsMs,
      max: computing.intervalsMs,
      kB: 0,
      target: "—",
      ok: computing.intervalsMs > 0,
    });
    rows.push({
      role: "secretariat",
      page: "/secretariat/editions/:edition/results (until its certificate is in it)",
      runs: 1,
      p50: computing.certificateMs,
      p95: computing.certificateMs,
      max: computing.certificateMs,
      kB: 0,
      target: "—",
      ok: computing.certificateMs > 0,
    });
    rows.push({
      role: "public",
      page: "/healthz (while the results compute, back to back)",
      ...computing.healthz,
      kB: idle.kB,
      target: `p95 ≤ 2× idle (${(2 * idle.p95).toFixed(1)} ms)`,
      ok: computing.healthz.p95 <= 2 * idle.p95,
    });
    const again = await time(base, `${e}/results`, cookies.secretariat, RUNS);
    rows.push({
      role: "secretariat",
      page: "/secretariat/editions/:edition/results (again)",
      runs: RUNS,
      ...again,
      target: `p95 < ${P95_TARGET_MS} ms`,
      ok: again.p95 < P95_TARGET_MS,
    });
    // A write that concerns no edition (someone signs in: a session and an audit row) must keep
    // the results cached (decision 015): each run signs the applicant in, then reads the results.
    // As many runs as the other pages (until December 2026, 10, whose p95 was their slowest: one
    // major collection among them, 56–81 ms, missed the budget in four runs of five).
    const afterSignIn: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await signIn(base, data.emails.applicant);
      afterSignIn.push((await time(base, `${e}/results`, cookies.secretariat, 1)).max);
    }
    const signedIn = percentiles(afterSignIn);
    rows.push({
      role: "secretariat",
      page: "/secretariat/editions/:edition/results (after a sign-in)",
      runs: RUNS,
      ...signedIn,
      kB: again.kB,
      target: `p95 < ${P95_TARGET_MS} ms`,
      ok: signedIn.p95 < P95_TARGET_MS,
    });
    // 50 readers of the cached results once got less done than 20 (27 → 11 req/s). The same
    // number of requests (1,000) at 20 and at 50 readers at once, four rounds of each in the order
    // 20, 50, 50, 20, 50, 20, 20, 50, so that a machine getting steadily faster or slower during
    // the run weighs on both alike. Both crowds saturate the server, which does the same work per
    // request for either (its CPU time a request is printed): "no lower" is judged against the
    // rounds' own spread (scripts/crowd-verdict.ts, decision 064). The warm-up is a crowd too
    // (500 requests): the first crowd after a quiet spell is the slowest (the collector's young
    // generation grows only under load), and it would weigh on whichever round came first.
    await crowd(base, `${e}/results`, cookies.secretariat, 50, 10); // warm-up
    const rounds = { 20: [] as Awaited<ReturnType<typeof crowd>>[], 50: [] as Awaited<ReturnType<typeof crowd>>[] };
    for (const clients of [20, 50, 50, 20, 50, 20, 20, 50] as const) {
      rounds[clients].push(await crowd(base, `${e}/results`, cookies.secretariat, clients, 1000 / clients, server.pid));
    }
    const verdict = crowdVerdict({
      smaller: rounds[20].map((r) => r.perSecond),
      larger: rounds[50].map((r) => r.perSecond),
    });
    for (const clients of [20, 50] as const) {
      const each = rounds[clients].map((r) => r.perSecond.toFixed(1)).join(", ");
      const cpu = rounds[clients].map((r) => r.cpuPerRequest);
      const cpuText = cpu.every((x) => x !== null)
        ? `; server CPU ${cpu.map((x) => x!.toFixed(1)).join(", ")} ms a request`
        : "";
      const mean = clients === 20 ? verdict.smallerMean : verdict.largerMean;
      rows.push({
        role: "secretariat",
        page: `/secretariat/editions/:edition/results (cached), ${clients} readers at once: ${mean.toFixed(1)} req/s (${each}${cpuText})`,
        runs: 4000,
        p50: NaN,
        p95: Math.max(...rounds[clients].map((r) => r.p95)),
        max: NaN,
        kB: again.kB,
        target:
          clients === 50
            ? `req/s ≥ at 20 within ±${verdict.margin.toFixed(1)} (${verdict.difference >= 0 ? "+" : ""}${verdict.difference.toFixed(1)}${verdict.tooNoisy ? ", too noisy to tell" : ""})`
            : "(reference)",
        ok: clients === 20 || verdict.met,
      });
    }
    report(rows, seedSeconds);
    const peak = serverPeakMb(server.pid);
    if (peak !== null) console.log(`\nThe server's peak resident memory: ${peak.toFixed(0)} MB.`);
  } finally {
    server?.kill("SIGINT");
    await new Promise((done) => (server ? server.once("exit", done) : done(null)));
    // --keep leaves the database for a closer look (its folder is printed).
    if (process.argv.includes("--keep")) console.log(`\nDatabase kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function report(rows: Row[], seedSeconds: number) {
  console.log(
    `Server benchmark: ${APPLICATIONS.toLocaleString("en")} applications, ${JURORS} jurors, ${REVIEWERS} reviews each on ${CRITERIA} criteria (seeded in ${seedSeconds.toFixed(1)} s); ${RUNS} sequential requests per page after 3 warm-up ones.\n`,
  );
  const header = ["role", "page", "runs", "p50 ms", "p95 ms", "max ms", "kB", "target", "met"];
  const table = rows.map((r) => [
    r.role,
    r.page,
    String(r.runs),
    ...[r.p50, r.p95, r.max].map((ms) => (Number.isNaN(ms) ? "–" : ms.toFixed(1))),
    r.kB.toFixed(0),
    r.target,
    r.ok ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table) console.log(line(row));
}

/**
 * The lines the results page shows while its certificate is computed, and when it could not be
 * (app/results/components/view.tsx); not their words, which the page also carries in its
 * messages for the browser.
 */
const CERTIFICATE_COMING = 'data-certificate="computing"';
const INTERVALS_COMING = 'data-intervals="computing"';
const CERTIFICATE_FAILED = 'data-certificate="failed"';

/**
 * Asks for a page whose computation is not yet done, then asks /healthz back to back (as `time`
 * does when idle), and the page every second (a browser showing the "computing" page asks every
 * 3 s), until the page answers 200: the first answer's time, the time until the page is
 * ready (to the second), and /healthz's latencies meanwhile.
 */
async function computingRun(base: string, path: string, cookie: string) {
  const headers = { Cookie: cookie, "Accept-Language": "en" };
  const t0 = performance.now();
  const first = await fetch(`${base}${path}`, { headers, redirect: "manual" });
  const firstBody = await first.text();
  const firstKB = Buffer.byteLength(firstBody) / 1024;
  const firstMs = performance.now() - t0;
  // The page shows the ranking once the results are computed, and its certificate's expected
  // ranks (computed next, in the same worker) once they are too: until then it says so.
  const whole = (body: string) => {
    // A lost certificate worker is a failed run, not a wait until the 300 s limit.
    if (body.includes(CERTIFICATE_FAILED)) throw new Error(`${path}: the certificate could not be computed`);
    return !body.includes(CERTIFICATE_COMING);
  };
  // The ranking may come first, without its rank intervals (decision 046).
  let ready = first.status === 200;
  let readyMs = ready ? firstMs : 0;
  let intervals = ready && !firstBody.includes(INTERVALS_COMING);
  let intervalsMs = intervals ? firstMs : 0;
  let done = intervals && whole(firstBody);
  let certificateMs = done ? firstMs : 0;
  const times: number[] = [];
  let lastPoll = performance.now();
  while (!done && performance.now() - t0 < 300_000) {
    const t = performance.now();
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    times.push(performance.now() - t);
    if (performance.now() - lastPoll < 1000) continue;
    lastPoll = performance.now();
    const page = await fetch(`${base}${path}`, { headers, redirect: "manual" });
    const body = await page.text();
    if (page.status === 200) {
      if (!ready) readyMs = performance.now() - t0;
      ready = true;
      if (body.includes(INTERVALS_COMING)) continue;
      if (!intervals) intervalsMs = performance.now() - t0;
      intervals = true;
      if (whole(body)) {
        done = true;
        certificateMs = performance.now() - t0;
      }
    } else if (page.status !== 503) throw new Error(`${path} answered ${page.status}`);
  }
  return {
    firstMs,
    firstKB,
    firstShows: first.status === 200 ? "the ranking" : "the computing page",
    readyMs,
    intervalsMs,
    certificateMs,
    healthz: { runs: times.length, ...percentiles(times) },
  };
}

/**
 * `clients` signed-in readers of one page at once, each reading it `each` times: requests per
 * second and the p95 of one request.
 */
async function crowd(base: string, path: string, cookie: string, clients: number, each: number, serverPid?: number) {
  const headers = { Cookie: cookie, "Accept-Language": "en", "Accept-Encoding": "gzip, br" };
  const times: number[] = [];
  const cpuBefore = serverCpuMs(serverPid);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < each; i++) {
        const t = performance.now();
        const response = await fetch(`${base}${path}`, { headers, redirect: "manual" });
        await response.arrayBuffer();
        times.push(performance.now() - t);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = serverCpuMs(serverPid);
  times.sort((a, b) => a - b);
  return {
    perSecond: times.length / seconds,
    p95: times[Math.ceil(0.95 * times.length) - 1],
    cpuPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / times.length,
  };
}

/** The first review link on the juror's dashboard. */
async function firstReviewPath(base: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${base}/jury`, { headers: { Cookie: cookie } })).text();
  const match = html.match(/href="(\/jury\/reviews\/[0-9a-f-]{36})"/);
  if (!match) throw new Error("The juror's dashboard lists no review");
  return match[1];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
