// How many page requests one server process works on at once (docs/decisions/049-pages-admitted-a-few-at-a-time.md).
// A process has one thread for its pages: fifty requests begun at once finish no sooner than
// fifty begun one after another, but each holds its loader data, its HTML and its compressor
// meanwhile, and the collector pays for all of them. Measured on the results page at 10,000
// applications: 14.0 ms of CPU a request with 20 readers at once, 15.8 ms with 50. Requests past
// the limit wait, in order, before anything is read or rendered for them.
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";

/** REQUEST_CONCURRENCY's default: pages worked on at once by one process. */
export const DEFAULT_REQUEST_CONCURRENCY = 8;

/**
 * A place held longer than this is given on (and said in the log): a page that never answers,
 * whatever the reason, must not keep others out for good. Far past any page's own time; the
 * request itself goes on.
 */
export const PLACE_HELD_AT_MOST_MS = 30_000;

/** One request's place: held while it is worked on, given back while it waits on another thread. */
interface Place {
  held: boolean;
  /** Waits in progress (outsideAdmission) that gave the place back. */
  outside: number;
  /** Its response has begun (or its client left): the place is gone for good. */
  done: boolean;
}

interface Waiting {
  admit: () => void;
  /** The client left before its turn: skipped. */
  gone: boolean;
}

const NOT_YET = Symbol("not yet settled");

const current = new AsyncLocalStorage<{ gate: AdmissionGate; place: Place }>();

type Next = (error?: unknown) => void;

/**
 * At most `limit` GET and HEAD requests are worked on at once; the others wait in arrival order.
 * A request's place is given back when its response begins (its headers are written: loaders
 * and rendering are done, sending and compressing are not the thread's work) or its client goes,
 * and while it waits on a worker thread ({@link outsideAdmission}). POST requests are never held:
 * their bodies arrive at the client's pace, and a slow upload must not keep a place.
 */
export class AdmissionGate {
  #active = 0;
  #queue: Waiting[] = [];

  constructor(
    readonly limit: number,
    readonly heldAtMostMs = PLACE_HELD_AT_MOST_MS,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`The admission limit must be a whole number from 1, not ${String(limit)}.`);
  }

  /** Requests holding a place now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a place (clients that left aside). */
  get waiting(): number {
    return this.#queue.filter((w) => !w.gone).length;
  }

  /** Express middleware: `next` runs once the request has a place. */
  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const place: Place = { held: false, outside: 0, done: false };
    let timer: NodeJS.Timeout | undefined;
    const leave = () => {
      if (place.done) return;
      place.done = true;
      clearTimeout(timer);
      if (place.held) {
        place.held = false;
        this.#give();
      }
    };
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      leave();
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["writeHead"];
    const waiting: Waiting = {
      gone: false,
      admit: () => {
        place.held = true;
        timer = setTimeout(() => {
          if (place.done) return;
          console.warn(
            `A page request held its place for ${this.heldAtMostMs / 1000} s without answering: ${req.method} ${req.url?.split("?")[0]}; its place is given on.`,
          );
          leave();
        }, this.heldAtMostMs);
        timer.unref();
        current.run({ gate: this, place }, next);
      },
    };
    res.once("close", () => {
      waiting.gone = true;
      leave();
    });
    this.#take(waiting, false);
  };

  /** Gives a place to `waiting` now, or queues it (at the front: a request already begun). */
  #take(waiting: Waiting, first: boolean) {
    if (this.#active < this.limit) {
      this.#active++;
      waiting.admit();
    } else if (first) this.#queue.unshift(waiting);
    else this.#queue.push(waiting);
  }

  /**
   * A place given back passes to the next waiting request, run on the next turn of the event
   * loop rather than inside the call that gave the place back (a response's writeHead).
   */
  #give() {
    let next = this.#queue.shift();
    while (next?.gone) next = this.#queue.shift();
    if (!next) {
      this.#active--;
      return;
    }
    const admitted = next;
    setImmediate(() => {
      if (admitted.gone) return this.#give();
      admitted.admit();
    });
  }

  /** Gives a held place back while the request waits on something that is not this thread's work. */
  release(place: Place) {
    if (!place.held) return;
    place.held = false;
    this.#give();
  }

  /** Takes the place again, before the requests that have not begun. */
  retake(place: Place): Promise<void> {
    if (place.held || place.done) return Promise.resolve();
    return new Promise((resolve) =>
      this.#take(
        {
          gone: false,
          admit: () => {
            // The response began meanwhile: it needs no place, and the one given is passed on.
            if (place.done) return this.#give();
            place.held = true;
            resolve();
          },
        },
        true,
      ),
    );
  }
}

/**
 * `{ value }` when `promise` has already settled (thrown when it was rejected), null while it is
 * pending: one turn of the microtask queue, as a settled promise's reaction is queued before the
 * marker's in the race.
 *
 * @example
 * await alreadySettled(Promise.resolve(1)); // { value: 1 }
 */
export async function alreadySettled<T>(promise: Promise<T>): Promise<{ value: T } | null> {
  const first = await Promise.race([promise, Promise.resolve(NOT_YET)]);
  return first === NOT_YET ? null : { value: first as T };
}

/**
 * `promise`, awaited without holding the request's place: another request is worked on while
 * this one waits on a worker thread (a computation, a workbook). The place is taken again, ahead
 * of requests not yet begun, before the caller goes on. Outside a request it is `promise` itself.
 *
 * @example
 * const got = await outsideAdmission(pending.promise);
 */
export async function outsideAdmission<T>(promise: Promise<T>): Promise<T> {
  const context = current.getStore();
  if (!context || context.place.done) return promise;
  // A value already there (a cached computation, most views) is no wait: the place is kept.
  const now = await alreadySettled(promise);
  if (now) return now.value;
  const { gate, place } = context;
  if (place.outside++ === 0) gate.release(place);
  try {
    return await promise;
  } finally {
    if (--place.outside === 0) await gate.retake(place);
  }
}

/**
 * The gate of REQUEST_CONCURRENCY (default {@link DEFAULT_REQUEST_CONCURRENCY}); throws on a value
 * that is not a whole number from 1, so that the server does not start with it.
 */
export function createAdmission(env: Record<string, string | undefined> = process.env): AdmissionGate {
  const value = env.REQUEST_CONCURRENCY;
  if (value === undefined || value.trim() === "") return new AdmissionGate(DEFAULT_REQUEST_CONCURRENCY);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`REQUEST_CONCURRENCY must be a whole number from 1, not "${value}".`);
  return new AdmissionGate(n);
}
