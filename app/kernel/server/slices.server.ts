// Long loops on the request thread (reading and preparing 30,000 reviews for the results worker)
// are cut into slices: between two, the event loop answers whatever else came in, so no request
// waits behind the whole loop (docs/decisions/030-results-read-in-slices.md).

/** Items handled between two turns of the event loop: about a millisecond of work each. */
export const SLICE = 1000;

/** Lets the event loop take its turn (other requests, timers) before the work goes on. */
export function nextTurn(): Promise<void> {
  return new Promise((next) => setImmediate(next));
}
