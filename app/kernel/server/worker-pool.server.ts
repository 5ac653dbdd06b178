// Worker threads for heavy, pure computations, so that the request thread keeps answering
// while they run (docs/decisions/021-results-in-a-worker.md). Jobs are queued and each of the
// pool's workers (one by default) takes the next one when it is free: a computation that splits
// into parts runs them side by side (decision 026). A worker that crashes, exits or overruns
// its time is ended and forgotten, the job it held fails, and the next job starts a new one.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** The worker was lost (crash, exit, overrun, shutdown): not the job's own error, so worth a retry. */
export class WorkerLost extends Error {}

/** The job ran past its time limit in a worker that had loaded: the job's own doing, unlike other losses. */
export class WorkerOverran extends WorkerLost {}

/** For `.catch`: a lost worker as null (the page says so on its form), any other error thrown on. */
export function lostAsNull(error: unknown): null {
  if (error instanceof WorkerLost) return null;
  throw error;
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string }
  | { id: number; early: true; value: unknown };

interface Job {
  id: number;
  message: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** A part of the answer the worker sends before the rest, while it goes on with the job. */
  early?: (value: unknown) => void;
  timer?: NodeJS.Timeout;
}

export interface WorkerPoolOptions {
  /**
   * The worker's module: built JavaScript, or TypeScript (run through tsx, as under vitest). It
   * posts `{ ready: true }` once loaded, then answers each `{ id, message }` with
   * `{ id, ok: true, value }` or `{ id, ok: false, message }`, and may post
   * `{ id, early: true, value }` before that (a part of the answer, for `run`'s `early`).
   */
  script: string;
  /** Handed to the worker as `workerData` (the worker module tells its role from it). */
  workerData?: unknown;
  /** How long one job may run before its worker is ended and the job fails. */
  timeoutMs: number;
  /** What the pool's failures are called in the server's log. */
  name: string;
  /** How many workers may run at once (default 1), each started at its first job. */
  size?: number;
}

/**
 * A worker started from a TypeScript module (tests, tsx scripts) loads it through tsx's API: a
 * `--import tsx` in the worker's execArgv is ignored by Node 20's module hooks. The built server
 * (`remix build`) is JavaScript and starts its worker from the bundle itself. Exported for the
 * tests that start a thread of their own on the app's modules.
 */
export function startWorkerThread(script: string, workerData: unknown): Worker {
  if (!script.endsWith(".ts")) return new Worker(new URL(script), { workerData });
  const tsx = createRequire(import.meta.url).resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(new URL(`file://${tsx}`).href)})
    .then((api) => api.tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`;
  return new Worker(code, { eval: true, workerData });
}

/** One worker of the pool: its thread (null until needed or after a loss) and its job. */
interface Slot {
  worker: Worker | null;
  current: Job | null;
  ready: Promise<void>;
  isReady: () => void;
  /** The worker has loaded its module and answered ready. */
  loaded: boolean;
}

/** How long a worker may take to load its code before its job is given up (the job's own limit if longer). */
const LOADING_LIMIT_MS = 60_000;

export class WorkerPool {
  #slots: Slot[];
  #queue: Job[] = [];
  #next = 1;

  constructor(private readonly options: WorkerPoolOptions) {
    const size = Math.max(1, Math.floor(options.size ?? 1));
    this.#slots = Array.from({ length: size }, () => ({
      worker: null,
      current: null,
      ready: Promise.resolve(),
      isReady: () => {},
      loaded: false,
    }));
  }

  /** How many workers may run at once. */
  get size(): number {
    return this.#slots.length;
  }

  /**
   * Runs one job in a free worker; rejects when the worker throws, crashes or overruns. `early`
   * receives what the worker sends before its answer, if anything.
   */
  run<T>(message: unknown, early?: (value: unknown) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ id: this.#next++, message, resolve: resolve as (value: unknown) => void, reject, early });
      this.#pump();
    });
  }

  /**
   * Settles once the first worker has loaded its module (at once when it has; a worker that
   * fails to start settles it too). Loading takes a moment (the whole server bundle in
   * production, tsx's compilation in tests), which a page's brief wait should not be charged
   * with. The other workers start with their first job.
   */
  ready(): Promise<void> {
    const slot = this.#slots[0];
    this.#ensureWorker(slot);
    return slot.ready;
  }

  /** How many jobs wait for a free worker. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** How many jobs the workers hold now (queued ones aside). */
  get running(): number {
    return this.#slots.filter((slot) => slot.current !== null).length;
  }

  /** Whether the first worker is up (its module loaded): a page then waits for the job alone. */
  get loaded(): boolean {
    return this.#slots[0].loaded;
  }

  /** Ends the workers (the server's shutdown, tests); queued jobs fail. */
  async close(): Promise<void> {
    const closed = new WorkerLost(`${this.options.name}: the worker pool was closed`);
    const queued = this.#queue.splice(0);
    const workers = this.#slots.map((slot) => slot.worker);
    for (const slot of this.#slots) this.#fail(slot, closed, false);
    for (const job of queued) job.reject(closed);
    await Promise.all(workers.map((worker) => worker?.terminate()));
  }

  #pump() {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (slot.current) continue;
      const job = (slot.current = this.#queue.shift()!);
      const worker = this.#ensureWorker(slot);
      this.#arm(slot, job, slot.loaded ? this.options.timeoutMs : Math.max(this.options.timeoutMs, LOADING_LIMIT_MS));
      worker.postMessage({ id: job.id, message: job.message });
    }
  }

  /**
   * The job's time limit, from now. Armed when the job is sent, and again when a worker that was
   * still loading its code says it is up: loading is bounded too (LOADING_LIMIT_MS at least: a
   * worker stuck there is no hang), and the job then gets its whole time (a busy machine's slow
   * start, seconds in tests with a short limit, is not charged to it).
   */
  #arm(slot: Slot, job: Job, ms = this.options.timeoutMs) {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      const message = `${this.options.name}: no answer after ${ms} ms`;
      this.#fail(slot, slot.loaded ? new WorkerOverran(message) : new WorkerLost(`${message} (still loading)`));
    }, ms);
    job.timer.unref();
  }

  #ensureWorker(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const worker = startWorkerThread(this.options.script, this.options.workerData);
    slot.ready = new Promise((done) => (slot.isReady = done));
    // An idle worker never keeps the process alive: the server's own handles do.
    worker.unref();
    worker.on("message", (reply: Reply | { ready: true }) => {
      if ("ready" in reply) {
        slot.loaded = true;
        if (slot.current) this.#arm(slot, slot.current);
        return slot.isReady();
      }
      const job = slot.current;
      if (!job || reply.id !== job.id) return;
      if ("early" in reply) return job.early?.(reply.value);
      clearTimeout(job.timer);
      slot.current = null;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new Error(reply.message));
      this.#pump();
    });
    worker.on("error", (error) => {
      if (slot.worker === worker) this.#fail(slot, new WorkerLost(`${this.options.name}: ${error.message}`));
    });
    worker.on("exit", (code) => {
      if (slot.worker === worker)
        this.#fail(slot, new WorkerLost(`${this.options.name}: the worker exited (code ${code})`));
    });
    slot.worker = worker;
    return worker;
  }

  /** A worker is lost: its job fails (logged here, once), the next job starts a new one. */
  #fail(slot: Slot, error: WorkerLost, log = true) {
    const worker = slot.worker;
    slot.worker = null;
    slot.loaded = false;
    slot.isReady();
    const job = slot.current;
    slot.current = null;
    if (job) {
      clearTimeout(job.timer);
      if (log) console.error(`${this.options.name} failed:`, error);
      job.reject(error);
    }
    void worker?.terminate();
    this.#pump();
  }
}
