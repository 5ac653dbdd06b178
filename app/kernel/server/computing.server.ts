// What a page does with a value computed off the request thread (worker-pool.server.ts): it
// waits a moment, which covers every small edition, then answers with a "computing" page that
// reloads itself rather than holding the request (docs/decisions/021-results-in-a-worker.md).
import { data } from "@remix-run/node";
import { outsideAdmission } from "./admission.server";
import { within, type Pending } from "./memo.server";
import { WorkerLost } from "./worker-pool.server";
import type { ComputingData, ComputingSubject } from "../domain/computing";

/**
 * How long a page waits for a computation before it shows the "computing" page instead:
 * COMPUTING_WAIT_MS, 500 ms by default. The test suites raise it, so that their small editions
 * (about 1 s for the results and certificate on a busy 2-core machine) keep their pages.
 */
export const briefWaitMs = () => Number(process.env.COMPUTING_WAIT_MS ?? 500);

/** The 503 the route error boundary shows as "could not be computed this time". */
export function computeFailed(subject: ComputingSubject) {
  return data<ComputingData>({ computeFailed: true, subject }, { status: 503 });
}

function failed(subject: ComputingSubject) {
  return (error: unknown): never => {
    if (error instanceof WorkerLost) throw computeFailed(subject);
    throw error;
  };
}

/**
 * The value when it is ready within `briefWaitMs()`; otherwise throws the 503 the route error
 * boundary shows as "computing… (started at …)", refreshed every few seconds.
 */
export async function briefly<T>(
  pending: Pending<T>,
  { ms = briefWaitMs(), subject = "results" }: { ms?: number; subject?: ComputingSubject } = {},
): Promise<T> {
  const got = await readyWithin(pending, { ms, subject });
  if (got) return got.value;
  throw data<ComputingData>(
    { computing: { since: pending.since.getTime(), subject } },
    { status: 503, headers: { "Retry-After": "3" } },
  );
}

/**
 * The value when it is ready within `ms`, else null; a lost worker is the 503 of
 * {@link computeFailed}. A worker still loading its code (once per process; the server starts it
 * at startup) is not the computation: one more wait for it to come up, then one for the
 * computation. A worker already up gets the one wait.
 */
export async function readyWithin<T>(
  pending: Pending<T>,
  { ms = briefWaitMs(), subject = "results" }: { ms?: number; subject?: ComputingSubject } = {},
): Promise<{ value: T } | null> {
  const loading = pending.ready !== undefined && !(pending.loaded?.() ?? false);
  let got = await within(pending.promise, ms).catch(failed(subject));
  if (!got && loading && pending.ready) {
    await within(pending.ready(), ms);
    got = await within(pending.promise, ms).catch(failed(subject));
  }
  return got;
}

/** What {@link readyOrSince} gives: the value, when its computation started, or a lost worker. */
export type ReadyOrSince<T> = { value: T } | { since: number } | { failed: true };

/**
 * For what a page can be shown without (a part computed after the rest): the value when it is
 * ready within `ms`, else when its computation started, for the page to say so meanwhile; a
 * lost worker is `failed` (the page says so, and the next visit computes it again), not the
 * "could not compute" page in place of the rest.
 */
export async function readyOrSince<T>(pending: Pending<T>, ms = briefWaitMs()): Promise<ReadyOrSince<T>> {
  try {
    return (await within(pending.promise, Math.max(0, ms))) ?? { since: pending.since.getTime() };
  } catch (error) {
    if (error instanceof WorkerLost) return { failed: true };
    throw error;
  }
}

/**
 * The value, however long it takes (actions, exports, jobs); a lost worker is a 503 page. A page
 * request does not hold its place meanwhile (admission.server.ts): other pages are served while
 * it waits on the worker.
 */
export function whenDone<T>(promise: Promise<T>, subject: ComputingSubject = "results"): Promise<T> {
  return outsideAdmission(promise).catch(failed(subject));
}
