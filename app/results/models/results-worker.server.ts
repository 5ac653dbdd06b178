// The results' mathematics (scoring/: every method, the bootstrap, the laureates' certificate)
// run in a worker thread: seconds at 10,000 applications during which the request thread would
// answer nobody, /healthz included (docs/decisions/021-results-in-a-worker.md). The rows are read
// on the request thread (about 0.1 s, once per data version) and handed over; scoring/ is pure,
// so the same input and seed give the same JSON in either thread.
//
// This module is both sides. The request thread imports it for `computeInWorker`; the worker
// loads the very same module (in the built server, the whole bundle build/index.js, since it is
// one file) and answers the jobs it is sent.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import {
  computeResults,
  laureateCertificate,
  type LaureateCertificate,
  type Results,
  type ResultsInput,
  type ResultsOptions,
} from "../../../scoring";
import { WorkerPool } from "../../kernel/server/worker-pool.server";

const ROLE = "results-worker";

export type ResultsJob =
  | { kind: "results"; input: ResultsInput; options: ResultsOptions }
  | {
      kind: "certificate";
      input: ResultsInput;
      options: { method: Results["method"]; laureates: number; seed: number };
    };

type JobValue<J extends ResultsJob> = J extends { kind: "results" } ? Results : LaureateCertificate;

function compute(job: ResultsJob): Results | LaureateCertificate {
  return job.kind === "results" ? computeResults(job.input, job.options) : laureateCertificate(job.input, job.options);
}

/**
 * RESULTS_WORKER_DELAY_MS (default 0) makes every job wait that long in the worker first: how
 * the tests and a rehearsal see the "computing" page and the request thread's latency without
 * a 10,000-application database. Never set in production.
 */
function delay() {
  const ms = Number(process.env.RESULTS_WORKER_DELAY_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  parentPort!.on("message", ({ id, message }: { id: number; message: ResultsJob }) => {
    try {
      delay();
      parentPort!.postMessage({ id, ok: true, value: compute(message) });
    } catch (error) {
      parentPort!.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort!.postMessage({ ready: true });
}

/** RESULTS_TIMEOUT_MS (default 120,000): how long one computation may take before it is given up. */
const timeoutMs = () => Number(process.env.RESULTS_TIMEOUT_MS ?? 120_000);

let pool: WorkerPool | null = null;

function resultsPool(): WorkerPool {
  return (pool ??= new WorkerPool({
    script: import.meta.url,
    workerData: { role: ROLE },
    timeoutMs: timeoutMs(),
    name: "The results computation",
  }));
}

/** Computes in the worker (started at the first job, replaced after a crash). */
export function computeInWorker<J extends ResultsJob>(job: J): Promise<JobValue<J>> {
  return resultsPool().run<JobValue<J>>(job);
}

/** Settles once the worker has loaded (it is started if need be). */
export function resultsWorkerReady(): Promise<void> {
  return resultsPool().ready();
}

/** Ends the worker (server shutdown, tests); the next job starts a new one. */
export async function closeResultsWorker(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}
