// The results' mathematics (scoring/: every method, the bootstrap, the laureates' certificate, the
// juror audit) and the optimal assignment's run (decision 032) run in a worker thread: seconds at
// 10,000 applications during which the request thread would answer nobody, /healthz included
// (docs/decisions/021-results-in-a-worker.md). The results' rows are read by the reading worker
// (once per data version, decision 046), handed to the request thread, which posts their input
// to the computations' worker; scoring/ is pure, so the same input and seed give the same JSON in
// any thread. The assignment reads its own rows in the worker.
//
// This module is both sides. The request thread imports it for `computeInWorker`; the worker
// loads the very same module (in the built server, the whole bundle build/index.js, since it is
// one file) and answers the jobs it is sent.
import { availableParallelism, setPriority } from "node:os";
import { deserialize, serialize } from "node:v8";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import {
  computeResults,
  finishFromParts,
  jurorIndependence,
  laureateCertificate,
  preparedBootstrapPart,
  prepareResults,
  type BootstrapPart,
  type IndependenceOptions,
  type JurorIndependence,
  type LaureateCertificate,
  type PreparedResults,
  type Results,
  type ResultsInput,
  type ResultsOptions,
} from "../../../scoring";
import { db, dbAt, readFileSnapshot, type DB } from "../../../db/client";
import type { ScheduledRun } from "../../scheduled-jobs.server";
import {
  readAssignmentOverview,
  type AssignmentOverview,
  type OverviewArgs,
} from "../../jury/models/assignment-overview-read.server";
import { readProgressCounts, type ProgressCounts } from "../../jury/models/progress-read.server";
import { screeningFile } from "../../nominations/models/screening-export.server";
import { type Cell } from "../../kernel/server/csv.server";
import { toXlsx } from "../../kernel/server/xlsx.server";
import { solveAssignment, type AssignmentRun, type SolvedAssignment } from "../../jury/models/assignment-solve.server";
import { readFairness, type FairnessAudit } from "./fairness-read.server";
import { inputDigest, pack, unpack, type PackedInput } from "./packed-input.server";
import {
  RANKING_FROM_REVIEWS,
  readResultsColumns,
  resultsInputOf,
  resultsOptions,
  type OfficialScoring,
  reviewAt,
  type ResultApplication,
  type ReviewColumns,
} from "./results-read.server";
import { nextTurn } from "../../kernel/server/slices.server";
import { WorkerPool } from "../../kernel/server/worker-pool.server";
import { sleepSync } from "../../kernel/server/sleep.server";
import { runForPost, type PostClaim } from "../../kernel/models/form-tokens.server";
import type { JuryWriteName } from "../../jury/models/jury-writes.server";

const ROLE = "results-worker";

export type ResultsJob =
  | { kind: "results"; input: ResultsInput; options: ResultsOptions }
  // The same results without their resamples (decision 046): the ranking, in a fraction of the
  // time, for the page to show while the rank intervals are computed.
  | { kind: "ranking"; input: ResultsInput; options: ResultsOptions }
  | {
      kind: "certificate";
      input: ResultsInput;
      options: { method: Results["method"]; laureates: number; seed: number };
    }
  // The juror audit's permutation tests (seconds at 10,000 applications; decision 031).
  | { kind: "independence"; input: ResultsInput; options: IndependenceOptions }
  // The optimal assignment (seconds at 10,000 applications; decision 032): the worker reads what
  // it needs from the database file itself, on a read-only connection, so nothing large is posted.
  | { kind: "assignment"; database: string; run: AssignmentRun }
  | ReadJob;

/**
 * Reads of many rows (decision 032), each on a snapshot the reading worker takes itself: the
 * fairness audit (every application's own answers), the scoring progress's counts, the
 * assignment's overview. Cheap enough not to wait behind a computation: they have their own worker.
 */
export type ReadJob =
  | { kind: "fairness"; database: string; editionId: string; laureates?: string[] }
  | { kind: "progress"; database: string; editionId: string }
  | { kind: "overview"; database: string; args: OverviewArgs }
  | { kind: "screeningExport"; database: string; args: Parameters<typeof screeningFile>[1] };

/** What the results' rows are read for: whose, and the input's criteria and scale (from the request thread). */
export interface ResultsRowsArgs {
  editionId: string;
  /** A juror's conflicts, left out of their view. */
  excludeIds: string[];
  criteria: ResultsInput["criteria"];
  scale: ResultsInput["scale"];
  /** The edition's official method and laureates, when its official ranking is wanted too. */
  ranking: OfficialScoring | null;
}

/**
 * The results' rows as the reading worker hands them over: the applications, the reviews as
 * columns, and the digest and packed form of the input they make (the request thread builds the
 * same input from the same columns, and need not hash or pack it again).
 */
export interface ResultsRows {
  apps: ResultApplication[];
  reviews: ReviewColumns;
  digest: string;
  packed: PackedInput | null;
}

/** The results' rows (decision 046), with their input's digest and packed form: `resultsRowsInWorker`. */
type RowsJob = { kind: "resultsRows"; database: string; args: ResultsRowsArgs };

/** A workbook written from rows already at hand (the results' export: ~0.5 s at 10,000 applications). */
type SheetJob = { kind: "xlsx"; rows: Cell[][]; sheetName: string };

/**
 * The scheduled jobs' writes (decision 034), on the reading worker's own writable connection to
 * the server's file, with the caller's clock: an announcement at 10,000 applications writes for
 * seconds, which the request thread then spends answering.
 */
type ScheduledJob = { kind: "scheduled"; database: string; now: number; origin: string };

/**
 * The jury's large writes (decision 039), on the same writable connection: the assignment's
 * draft and its publication (30,000 rows each: ~0.6 s and ~1.4 s of the request thread), the
 * conflict proposals detected or confirmed at once (9,000: ~0.4–1 s). Each claims the post's form token there
 * (`runForPost`), so a double click still writes once.
 */
export type WriteJob = { kind: "write"; name: JuryWriteName; database: string; args: unknown; post: PostClaim | null };

type JobValue<J extends ResultsJob> = J extends { kind: "results" | "ranking" }
  ? Results
  : J extends { kind: "certificate" }
    ? LaureateCertificate
    : J extends { kind: "assignment" }
      ? SolvedAssignment
      : J extends { kind: "fairness" }
        ? FairnessAudit
        : J extends { kind: "progress" }
          ? ProgressCounts
          : J extends { kind: "overview" }
            ? AssignmentOverview
            : J extends { kind: "screeningExport" }
              ? Uint8Array | string
              : J extends { kind: "xlsx" }
                ? Uint8Array
                : JurorIndependence;

/** What is posted: the job with its input packed when it can be. */
type Posted =
  | { kind: "assignment"; database: string; run: AssignmentRun }
  | ReadJob
  | RowsJob
  | SheetJob
  | ScheduledJob
  | WriteJob
  | {
      kind: "results" | "ranking" | "certificate";
      input: ResultsInput | PackedInput;
      packed: boolean;
      options: ResultsOptions;
    }
  | { kind: "independence"; input: ResultsInput | PackedInput; packed: boolean; options: IndependenceOptions }
  | {
      kind: "part";
      input: ResultsInput | PackedInput;
      packed: boolean;
      options: ResultsOptions;
      group: number;
      from: number;
      to: number;
    }
  | {
      kind: "combine";
      input: ResultsInput | PackedInput;
      packed: boolean;
      options: ResultsOptions;
      group: number;
      parts: BootstrapPart[];
    };

// In a worker: the preparation of the last few split computations, so that the worker which
// combines the parts does not prepare again what it prepared for its own part.
const prepared = new Map<number, PreparedResults>();

function preparedFor(group: number, input: ResultsInput, options: ResultsOptions): PreparedResults {
  const kept = prepared.get(group);
  if (kept) return kept;
  const made = prepareResults(input, options);
  prepared.set(group, made);
  if (prepared.size > 2) prepared.delete(prepared.keys().next().value!);
  return made;
}

/**
 * `read` on a snapshot of the database file. A rehearsal's wait (RESULTS_WORKER_DELAY_MS) comes
 * once the snapshot is read, as a long read or solve would: what changes meanwhile is not in it.
 */
function onSnapshot<T>(job: { kind: string; database: string }, read: (database: DB) => T): T {
  return readFileSnapshot(job.database, (database) => {
    const value = read(database);
    delay("RESULTS_WORKER_DELAY_MS", job.kind);
    return value;
  });
}

function compute(
  job: Posted,
):
  | Results
  | LaureateCertificate
  | JurorIndependence
  | BootstrapPart
  | SolvedAssignment
  | JobValue<ReadJob>
  | Uint8Array {
  if (job.kind === "fairness") return onSnapshot(job, (d) => readFairness(d, job.editionId, job.laureates));
  if (job.kind === "progress") return onSnapshot(job, (d) => readProgressCounts(d, job.editionId));
  if (job.kind === "overview") return onSnapshot(job, (d) => readAssignmentOverview(d, job.args));
  if (job.kind === "screeningExport") return onSnapshot(job, (d) => screeningFile(d, job.args));
  if (job.kind === "assignment") return onSnapshot(job, (d) => solveAssignment(d, job.run));
  if (job.kind === "xlsx") {
    delay("RESULTS_WORKER_DELAY_MS", job.kind);
    return toXlsx(job.rows, job.sheetName);
  }
  if (job.kind === "scheduled" || job.kind === "write" || job.kind === "resultsRows")
    throw new Error("The writes and the results' rows are run by their own functions, not compute.");
  const input = job.packed ? unpack(job.input as PackedInput) : (job.input as ResultsInput);
  switch (job.kind) {
    case "results":
      return computeResults(input, job.options);
    case "ranking":
      return computeResults(input, { ...job.options, bootstrap: 0 });
    case "independence":
      return jurorIndependence(input, job.options);
    case "certificate":
      return laureateCertificate(input, job.options as { method: Results["method"]; laureates: number; seed: number });
    case "part":
      return preparedBootstrapPart(preparedFor(job.group, input, job.options), job.from, job.to);
    case "combine": {
      const made = preparedFor(job.group, input, job.options);
      prepared.delete(job.group);
      return finishFromParts(made, job.parts);
    }
  }
}

/**
 * In the reading worker: the results' rows on a snapshot, with their input's digest and packed
 * form, sent `early`; then, when asked and large enough, the official ranking of that input.
 */
async function readResultsRows(job: RowsJob, early: (rows: ResultsRows) => void): Promise<Results | null> {
  // Not a rehearsal's long read (RESULTS_WORKER_DELAY_MS): the computations that follow are.
  const { apps, reviews } = readFileSnapshot(job.database, (d) => readResultsColumns(d, job.args));
  const input = resultsInputOf(
    job.args,
    Array.from({ length: reviews.application.length }, (_, i) => reviewAt(reviews, i)),
  );
  early({ apps, reviews, digest: await inputDigest(input), packed: await pack(input) });
  // A large edition's official ranking, from this very input, while the request thread builds
  // its own copy of it: a page waits on the ranking.
  const { ranking: official } = job.args;
  if (!official || input.reviews.length < RANKING_FROM_REVIEWS) return null;
  const options = resultsOptions({ ...official, reviewed: reviews.applicationIds.length });
  return computeResults(input, { ...options, bootstrap: 0 });
}

/** In the reading worker: the scheduled jobs' writes on its own connection to the server's file. */
async function runScheduled(job: ScheduledJob): Promise<ScheduledRun> {
  // Imported when first needed: the jobs import the results' models, which import this module,
  // and a static import of that cycle leaves one of them unready when the other starts.
  const { scheduledWrites } = await import("../../scheduled-jobs.server");
  dbAt(job.database);
  delay("JOBS_WORKER_DELAY_MS");
  return scheduledWrites(new Date(job.now), job.origin);
}

async function runWrite(job: WriteJob): Promise<ReturnType<typeof runForPost<unknown>>> {
  const { juryWrites } = await import("../../jury/models/jury-writes.server");
  dbAt(job.database);
  delay("JOBS_WORKER_DELAY_MS");
  const write = juryWrites[job.name] as (args: unknown) => unknown;
  return runForPost(job.post, () => write(job.args));
}

/**
 * RESULTS_WORKER_DELAY_MS (default 0) makes every job wait that long in the worker first: how
 * the tests and a rehearsal see the "computing" page and the request thread's latency without
 * a 10,000-application database. RESULTS_WORKER_DELAY_KINDS (a comma-separated list of job
 * kinds, e.g. "certificate") keeps the wait to those jobs: how the results page is seen before
 * its certificate. JOBS_WORKER_DELAY_MS does the same for the scheduled jobs' writes alone
 * (which wait for no page). Never set in production.
 */
function delay(variable: string, kind?: string) {
  const ms = Number(process.env[variable] ?? 0);
  if (!(ms > 0)) return;
  const kinds = process.env.RESULTS_WORKER_DELAY_KINDS;
  if (kind !== undefined && kinds && !kinds.split(",").includes(kind)) return;
  sleepSync(ms);
}

/**
 * Where an answer's long list sits: 10,000 applications' results, or their expected ranks. Posted
 * whole, the answer was rebuilt on the request thread in one step (~50 ms at 10,000 applications,
 * during which it answered nobody); posted as serialized slices, it is rebuilt a slice at a time
 * with the event loop free in between (docs/decisions/030-results-read-in-slices.md).
 */
const LONG_LISTS: Partial<Record<Posted["kind"], string[]>> = {
  results: ["applications"],
  ranking: ["applications"],
  combine: ["applications"],
  resultsRows: ["applications"],
  certificate: ["expectedRank", "applications"],
};

/** An answer whose long list (at `path`) travels as serialized slices; the list's place holds null. */
interface SlicedAnswer {
  slicedList: string[];
  value: unknown;
  slices: Uint8Array[];
}

function listAt(value: unknown, path: string[]): { parent: Record<string, unknown>; key: string } | null {
  let parent = value as Record<string, unknown> | null;
  for (const key of path.slice(0, -1)) parent = (parent?.[key] as Record<string, unknown> | null) ?? null;
  const key = path[path.length - 1];
  return parent && typeof parent === "object" && Array.isArray(parent[key]) ? { parent, key } : null;
}

/**
 * Items of an answer's long list rebuilt between two turns of the request thread's event loop.
 * An application's results are some thirty objects: a slice of SLICE (1,000) took 5 ms to
 * rebuild on a quiet machine and 10–24 ms on a busy one, and /healthz waited as long; a
 * hundred take a quarter of a millisecond.
 */
const ANSWER_SLICE = 100;

/** In the worker: the answer, its long list cut into serialized slices (its place kept: the key order is). */
function sliceAnswer(kind: Posted["kind"], value: unknown): unknown {
  const path = LONG_LISTS[kind];
  const at = path && listAt(value, path);
  if (!path || !at) return value;
  const list = at.parent[at.key] as unknown[];
  if (list.length <= ANSWER_SLICE) return value;
  const slices: Uint8Array[] = [];
  for (let i = 0; i < list.length; i += ANSWER_SLICE) slices.push(serialize(list.slice(i, i + ANSWER_SLICE)));
  at.parent[at.key] = null;
  return { slicedList: path, value, slices } satisfies SlicedAnswer;
}

/** How many answers came back in slices (read by the tests). */
export const slicedAnswers = { count: 0 };

/** On the request thread: the answer whole again, a slice of its long list at a time. */
async function joinAnswer<T>(answer: T): Promise<T> {
  const sliced = answer as SlicedAnswer | null;
  if (!sliced || typeof sliced !== "object" || !Array.isArray(sliced.slicedList)) return answer;
  slicedAnswers.count++;
  const list: unknown[] = [];
  for (const slice of sliced.slices) {
    for (const item of deserialize(slice) as unknown[]) list.push(item);
    await nextTurn();
  }
  const path = sliced.slicedList;
  let parent = sliced.value as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path[path.length - 1]] = list;
  return sliced.value as T;
}

/**
 * RESULTS_WORKER_NICE (default 10, 0–19): the worker thread's nice value. On Linux a nice value
 * belongs to the thread that sets it, so the computation yields the core to the request threads
 * whenever they have work (on two cores it otherwise slowed /healthz ~3× while it ran) and takes
 * it back when they are idle. Not 19: under a sustained rush a computation must still finish.
 * Elsewhere the value would lower the whole process: it is left alone there.
 */
function yieldToRequests() {
  const nice = Number(process.env.RESULTS_WORKER_NICE ?? 10);
  if (process.platform !== "linux" || !Number.isInteger(nice) || nice <= 0 || nice > 19) return;
  try {
    setPriority(nice);
  } catch {
    // Not allowed here (a sandbox): the worker keeps the process's priority.
  }
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  // The reading worker keeps the server's priority: a page is waiting on each of its reads.
  if ((workerData as { reads?: boolean }).reads !== true) yieldToRequests();
  parentPort!.on("message", async ({ id, message }: { id: number; message: Posted }) => {
    try {
      // Jobs on a snapshot or a workbook wait in `compute`, the others here.
      if (!("database" in message) && message.kind !== "xlsx") delay("RESULTS_WORKER_DELAY_MS", message.kind);
      const value =
        message.kind === "scheduled"
          ? await runScheduled(message)
          : message.kind === "write"
            ? await runWrite(message)
            : message.kind === "resultsRows"
              ? sliceAnswer(
                  message.kind,
                  await readResultsRows(message, (rows) => parentPort!.postMessage({ id, early: true, value: rows })),
                )
              : sliceAnswer(message.kind, compute(message));
      parentPort!.postMessage({ id, ok: true, value });
    } catch (error) {
      parentPort!.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort!.postMessage({ ready: true });
}

/** RESULTS_TIMEOUT_MS (default 120,000): how long one computation may take before it is given up. */
const timeoutMs = () => Number(process.env.RESULTS_TIMEOUT_MS ?? 120_000);

let pool: WorkerPool | null = null;

/**
 * RESULTS_THREADS (default: the number of cores less one, at least 1): how many worker threads
 * one results computation may use; its bootstrap is split between them (decision 026). One core
 * is left to the requests, which must keep their pace during a computation.
 */
const threads = () => {
  const n = Number(process.env.RESULTS_THREADS ?? Math.max(1, availableParallelism() - 1));
  return Number.isInteger(n) && n >= 1 ? n : 1;
};

/** How many results computations were split between threads (read by the tests). */
export const splitComputations = { count: 0 };

/** Below this many reviews a computation is not worth splitting (it takes well under 0.1 s). */
const SPLIT_FROM_REVIEWS = 2000;

function resultsPool(): WorkerPool {
  return (pool ??= new WorkerPool({
    script: import.meta.url,
    workerData: { role: ROLE },
    timeoutMs: timeoutMs(),
    name: "The worker thread (results, audits, assignment)",
    size: threads(),
  }));
}

let readers: WorkerPool | null = null;

/** The reading worker: one thread, apart from the computations' (which may hold theirs for seconds). */
function readerPool(): WorkerPool {
  return (readers ??= new WorkerPool({
    script: import.meta.url,
    workerData: { role: ROLE, reads: true },
    timeoutMs: timeoutMs(),
    name: "The reading worker thread",
  }));
}

type ReadOf<K extends ReadJob["kind"]> = Extract<ReadJob, { kind: K }>;

/**
 * A read of many rows in the reading worker, on a snapshot it takes itself (decision 032); on
 * this thread, as `local` says, for a database with no file to share (":memory:").
 */
export function readOffThread<K extends ReadJob["kind"]>(
  job: Omit<ReadOf<K>, "database"> & { kind: K },
  local: (database: DB) => JobValue<ReadOf<K>>,
): Promise<JobValue<ReadOf<K>>> {
  const file = db().$client.name;
  if (!file || file === ":memory:") return Promise.resolve(local(db()));
  return computeInWorker({ ...job, database: file } as unknown as ReadOf<K>) as Promise<JobValue<ReadOf<K>>>;
}

/**
 * The scheduled jobs' writes in the reading worker (decision 034); on this thread for a database
 * with no file to share (":memory:"). Settles once they are committed.
 */
export function scheduledWritesOffThread(now: Date, origin: string): Promise<ScheduledRun> {
  const file = db().$client.name;
  if (!file || file === ":memory:")
    return import("../../scheduled-jobs.server").then(({ scheduledWrites }) => scheduledWrites(now, origin));
  return readerPool().run<ScheduledRun>({
    kind: "scheduled",
    database: file,
    now: now.getTime(),
    origin,
  } satisfies ScheduledJob);
}

/** One of the jury's large writes in the reading worker (decision 039); the caller handles ":memory:". */
export function writeInWorker(job: Omit<WriteJob, "kind">) {
  return readerPool().run<ReturnType<typeof runForPost<unknown>>>({ kind: "write", ...job } satisfies WriteJob);
}

/** An XLSX workbook of `rows`, written in the reading worker (decision 032). */
export function xlsxOffThread(rows: Cell[][], sheetName: string): Promise<Uint8Array> {
  return readerPool().run<Uint8Array>({ kind: "xlsx", rows, sheetName } satisfies SheetJob);
}

let groups = 0;

/**
 * Computes in the workers (started at their first job, replaced after a crash). Large results
 * are computed as one bootstrap part per worker, side by side, then combined by one of them:
 * the same JSON as in one piece (scoring's resultsBootstrapPart / combineResultsParts).
 */
export async function computeInWorker<J extends ResultsJob>(job: J): Promise<JobValue<J>> {
  const workers = resultsPool();
  if (job.kind === "fairness" || job.kind === "progress" || job.kind === "overview" || job.kind === "screeningExport")
    return readerPool().run<JobValue<J>>(job);

  if (job.kind === "assignment") return workers.run<JobValue<J>>(job);
  const packed = await pack(job.input);
  const input = packed ?? job.input;
  const posted = { kind: job.kind, input, packed: packed !== null, options: job.options } as Posted;
  // The ranking has a page waiting on it and takes a fraction of the results' time: the reading
  // worker computes it beside the results' threads, at the server's priority.
  if (job.kind === "ranking") return joinAnswer(await readerPool().run<JobValue<J>>(posted));
  const B = job.kind === "results" ? (job.options.bootstrap ?? 2000) : 0;
  const parts = Math.min(workers.size, Math.floor(B / 100));
  if (job.kind !== "results" || parts < 2 || !Number.isInteger(B) || job.input.reviews.length < SPLIT_FROM_REVIEWS) {
    return joinAnswer(await workers.run<JobValue<J>>(posted));
  }
  const group = ++groups;
  splitComputations.count++;
  const cuts = Array.from({ length: parts + 1 }, (_, i) => Math.round((i * B) / parts));
  const computed = await Promise.all(
    cuts.slice(1).map((to, i) => workers.run<BootstrapPart>({ ...posted, kind: "part", group, from: cuts[i], to })),
  );
  // The combining worker prepared the same input for its own part: it takes the others' parts.
  return joinAnswer(await workers.run<JobValue<J>>({ ...posted, kind: "combine", group, parts: computed }));
}

/** Settles once the worker has loaded (it is started if need be). */
export function resultsWorkerReady(): Promise<void> {
  return resultsPool().ready();
}

/**
 * The results' rows, read by the reading worker (decision 046): `rows` as soon as they are read,
 * and `ranking`, the official ranking of a large edition when `args.ranking` asks for it (null
 * otherwise), computed by the worker from the same input meanwhile.
 */
export function resultsRowsInWorker(
  database: string,
  args: ResultsRowsArgs,
): { rows: Promise<ResultsRows>; ranking: Promise<Results | null> } {
  let early: (rows: ResultsRows) => void = () => {};
  const rows = new Promise<ResultsRows>((done) => (early = done));
  const answer = readerPool().run<Results | null>({ kind: "resultsRows", database, args } satisfies RowsJob, (value) =>
    early(value as ResultsRows),
  );
  const ranking = answer.then((value) => (value === null ? null : joinAnswer(value)));
  // A lost worker fails whoever waits on the ranking; when nobody does, it is nobody's error.
  ranking.catch(() => {});
  return { rows: Promise.race([rows, answer.then(() => rows)]), ranking };
}

/** How many jobs the reading worker holds now (read by the tests). */
export function readingWorkerJobs(): number {
  return readers?.running ?? 0;
}

/** How many jobs the results workers hold now (read by the tests). */
export function resultsWorkerJobs(): number {
  return (pool?.running ?? 0) + (readers?.running ?? 0);
}

/** Settles once the reading worker has loaded (it is started if need be). */
export function readingWorkerReady(): Promise<void> {
  return readerPool().ready();
}

/** Whether the reading worker has loaded. */
export function readingWorkerLoaded(): boolean {
  return readers?.loaded ?? false;
}

/** Whether the worker has loaded (a page's wait is then for the computation alone). */
export function resultsWorkerLoaded(): boolean {
  return pool?.loaded ?? false;
}

/** Ends the worker (server shutdown, tests); the next job starts a new one. */
export async function closeResultsWorker(): Promise<void> {
  const closing = [pool, readers];
  pool = null;
  readers = null;
  await Promise.all(closing.map((p) => p?.close()));
}
