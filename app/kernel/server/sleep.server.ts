/**
 * Blocks this thread for `ms` milliseconds. Only for a thread that has nothing else to do
 * meanwhile (a worker running one job): on the request thread it would stop every request.
 */
export function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
