import { completeMatrix } from "./matrix";
import { averageRanks } from "./stats";

/**
 * Kendall's coefficient of concordance W (Kendall & Babington Smith 1939) for m raters
 * (rows) scoring n items (columns). Each row is converted to ranks inside (average ranks
 * for ties); W = 12S / (m²(n³ − n) − m·ΣT) with S the sum of squared deviations of the
 * item rank sums from their mean and, when `tieCorrection` is on (default), T = Σ(t³ − t)
 * over the tie groups of each rater (T = 0 when it is off). W is 1 for identical rankings.
 *
 * Throws on fewer than 2 raters or items, ragged rows, non-finite scores, and when every
 * rater ties every item (W undefined).
 * Cost: O(m·n log n).
 *
 * @example
 * kendallW([[1, 2, 3], [1, 3, 2], [2, 1, 3]]); // 0.333...
 */
export function kendallW(scores: number[][], options: { tieCorrection?: boolean } = {}): number {
  const tieCorrection = options.tieCorrection ?? true;
  const { rows: m, columns: n } = completeMatrix(scores, {
    fn: "kendallW",
    rows: "raters",
    columns: "items",
    ragged: (i, length, expected) => `rater ${i} scored ${length} items, expected ${expected}`,
    entry: (i, j) => `score of rater ${i} for item ${j}`,
  });
  const rankSum = new Float64Array(n);
  let T = 0;
  for (const row of scores) {
    const ranks = averageRanks(row);
    for (let j = 0; j < n; j++) rankSum[j] += ranks[j];
    const counts = new Map<number, number>();
    for (const x of row) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (const t of counts.values()) T += t ** 3 - t;
  }
  const meanSum = (m * (n + 1)) / 2;
  let S = 0;
  for (let j = 0; j < n; j++) S += (rankSum[j] - meanSum) ** 2;
  const den = m * m * (n ** 3 - n) - (tieCorrection ? m * T : 0);
  if (!(den > 0)) throw new Error("kendallW: every rater tied every item, so W is undefined");
  return (12 * S) / den;
}
