// One worker thread for heavy, pure computations, so that the request thread keeps answering
// while they run (docs/decisions/021-results-in-a-worker.md). Jobs are queued to a single
// worker, one at a time: on a 2-core machine a second worker would only take the core the
// requests need. A worker that crashes, exits or overruns its time is ended and forgotten, the
// jobs it held fail, and the next job starts a new one.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** The worker was lost (crash, exit, overrun, shutdown): not the job's own error, so worth a retry. */
export class WorkerLost extends Error {}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

interface Job {
  id: number;
  message: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

export interface WorkerPoolOptions {
  /**
   * The worker's module: built JavaScript, or TypeScript (run through tsx, as under vitest). It
   * posts `{ ready: true }` once loaded, then answers each `{ id, message }` with
   * `{ id, ok: true, value }` or `{ id, ok: false, message }`.
   */
  script: string;
  /** Handed to the worker as `workerData` (the worker module tells its role from it). */
  workerData?: unknown;
  /** How long one job may run before its worker is ended and the job fails. */
  timeoutMs: number;
  /** What the pool's failures are called in the server's log. */
  name: string;
}

/**
 * A worker started from a TypeScript module (tests, tsx scripts) loads it through tsx's API: a
 * `--import tsx` in the worker's execArgv is ignored by Node 20's module hooks. The built server
 * (`remix build`) is JavaScript and starts its worker from the bundle itself.
 */
function startWorker(script: string, workerData: unknown): Worker {
  if (!script.endsWith(".ts")) return new Worker(new URL(script), { workerData });
  const tsx = createRequire(import.meta.url).resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(new URL(`file://${tsx}`).href)})
    .then((api) => api.tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`;
  return new Worker(code, { eval: true, workerData });
}

export class WorkerPool {
  #worker: Worker | null = null;
  #queue: Job[] = [];
  #current: Job | null = null;
  #next = 1;
  #ready: Promise<void> = Promise.resolve();
  #isReady = () => {};

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Runs one job in the worker; rejects when the worker throws, crashes or overruns. */
  run<T>(message: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ id: this.#next++, message, resolve: resolve as (value: unknown) => void, reject });
      this.#pump();
    });
  }

  /**
   * Settles once the worker has loaded its module (at once when it has; a worker that fails
   * to start settles it too). Loading takes a moment (the whole server bundle in production,
   * tsx's compilation in tests), which a page's brief wait should not be charged with.
   */
  ready(): Promise<void> {
    this.#ensureWorker();
    return this.#ready;
  }

  /** Ends the worker (the server's shutdown, tests); queued jobs fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    const closed = new WorkerLost(`${this.options.name}: the worker pool was closed`);
    const queued = this.#queue.splice(0);
    this.#fail(closed, false);
    for (const job of queued) job.reject(closed);
    await worker?.terminate();
  }

  #pump() {
    if (this.#current || this.#queue.length === 0) return;
    const job = (this.#current = this.#queue.shift()!);
    const worker = this.#ensureWorker();
    job.timer = setTimeout(
      () => this.#fail(new WorkerLost(`${this.options.name}: no answer after ${this.options.timeoutMs} ms`)),
      this.options.timeoutMs,
    );
    job.timer.unref();
    worker.postMessage({ id: job.id, message: job.message });
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startWorker(this.options.script, this.options.workerData);
    this.#ready = new Promise((done) => (this.#isReady = done));
    // An idle worker never keeps the process alive: the server's own handles do.
    worker.unref();
    worker.on("message", (reply: Reply | { ready: true }) => {
      if ("ready" in reply) return this.#isReady();
      const job = this.#current;
      if (!job || reply.id !== job.id) return;
      clearTimeout(job.timer);
      this.#current = null;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new Error(reply.message));
      this.#pump();
    });
    worker.on("error", (error) => {
      if (this.#worker === worker) this.#fail(new WorkerLost(`${this.options.name}: ${error.message}`));
    });
    worker.on("exit", (code) => {
      if (this.#worker === worker) this.#fail(new WorkerLost(`${this.options.name}: the worker exited (code ${code})`));
    });
    this.#worker = worker;
    return worker;
  }

  /** The worker is lost: its job fails (logged here, once), the next job starts a new one. */
  #fail(error: WorkerLost, log = true) {
    const worker = this.#worker;
    this.#worker = null;
    this.#isReady();
    const job = this.#current;
    this.#current = null;
    if (job) {
      clearTimeout(job.timer);
      if (log) console.error(`${this.options.name} failed:`, error);
      job.reject(error);
    }
    void worker?.terminate();
    this.#pump();
  }
}
