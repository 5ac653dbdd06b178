/**
 * Natural logarithms of 0!, 1!, …, n! by summing logarithms (exact to rounding; no gamma
 * approximation). Cost: O(n).
 *
 * @example
 * logFactorials(3); // Float64Array [0, 0, 0.693…, 1.791…]
 */
export function logFactorials(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`logFactorials: n must be a non-negative integer, got ${String(n)}`);
  const out = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) out[i] = out[i - 1] + Math.log(i);
  return out;
}

/** Relative tolerance under which a table counts as no more probable than the observed one (as R's fisher.test). */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Two-sided Fisher's exact test of the 2 × 2 table [[a, b], [c, d]] (Fisher 1922, 1935):
 * with all margins fixed, the first cell is hypergeometric; p is the sum of the probabilities
 * of every table at most as probable as the observed one (within a relative 1e-7, as R's
 * `fisher.test`), divided by the sum over all tables. Probabilities come from log-factorials,
 * so large tables neither overflow nor lose precision. Pass `logFact` (from {@link logFactorials}, up to at least
 * a + b + c + d) to reuse it across tests.
 *
 * Throws when a cell is not a non-negative integer or `logFact` is too short.
 * Cost: O(min(a + b, a + c)) given the table of log-factorials, else O(a + b + c + d).
 *
 * @example
 * fisherExact(3, 1, 1, 3); // 0.4857142857 (Fisher's lady tasting tea: 34/70)
 */
export function fisherExact(a: number, b: number, c: number, d: number, logFact?: Float64Array): number {
  for (const [name, v] of [
    ["a", a],
    ["b", b],
    ["c", c],
    ["d", d],
  ] as const) {
    if (!Number.isInteger(v) || v < 0)
      throw new Error(`fisherExact: cell ${name} must be a non-negative integer, got ${String(v)}`);
  }
  const n = a + b + c + d;
  const lf = logFact ?? logFactorials(n);
  if (lf.length <= n) throw new Error(`fisherExact: logFact covers 0…${lf.length - 1}, the table needs 0…${n}`);
  const row = a + b;
  const col = a + c;
  const base = lf[row] + lf[n - row] + lf[col] + lf[n - col] - lf[n];
  const logP = (x: number) => base - lf[x] - lf[row - x] - lf[col - x] - lf[n - row - col + x];
  const from = Math.max(0, row + col - n);
  const to = Math.min(row, col);
  const limit = logP(a) + Math.log(RELATIVE_TOLERANCE);
  // Normalised by the total (as R does), so rounding in the log-factorials cancels and a test
  // that keeps every table gives exactly 1.
  let top = -Infinity;
  for (let x = from; x <= to; x++) top = Math.max(top, logP(x));
  let kept = 0;
  let total = 0;
  for (let x = from; x <= to; x++) {
    const lp = logP(x);
    const w = Math.exp(lp - top);
    total += w;
    if (lp <= limit) kept += w;
  }
  return Math.min(1, kept / total);
}
