/**
 * The runs of consecutive applications with exactly three reviews (the prize's assignment), as
 * pairs [first, end) in one array, from the applications' review offsets (`start`, A + 1 entries).
 * The bootstraps draw such a run in a loop of its own: a loop that knows every application has
 * three reviews keeps its values in registers, and the results at 10,000 applications take ~5%
 * less time than with one loop checking each application's count (decision 052).
 * Cost: O(A).
 *
 * @example
 * threeRuns(Int32Array.of(0, 3, 6, 8, 11)); // Int32Array [0, 2, 3, 4]
 */
export function threeRuns(start: Int32Array): Int32Array {
  const runs: number[] = [];
  for (let a = 0; a + 1 < start.length; a++) {
    if (start[a + 1] - start[a] !== 3) continue;
    if (runs.length > 0 && runs[runs.length - 1] === a) runs[runs.length - 1] = a + 1;
    else runs.push(a, a + 1);
  }
  return Int32Array.from(runs);
}
