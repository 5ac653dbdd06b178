/**
 * Small descriptive statistics used throughout the scoring module.
 * All functions throw on empty input or non-finite values; none returns NaN.
 */

function check(values: ArrayLike<number>, what: string): void {
  if (values.length === 0) throw new Error(`${what}: empty input, at least one value is needed`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new Error(`${what}: value at index ${i} is not a finite number (${String(values[i])})`);
    }
  }
}

/**
 * Arithmetic mean. Cost: O(n).
 *
 * @example
 * mean([1, 2, 3]); // 2
 */
export function mean(values: ArrayLike<number>): number {
  check(values, "mean");
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/**
 * Median (average of the two middle values for an even count). Cost: O(n log n).
 *
 * @example
 * median([3, 1, 2, 10]); // 2.5
 */
export function median(values: ArrayLike<number>): number {
  check(values, "median");
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const n = sorted.length;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

/**
 * Number of values removed from *each* end by {@link trimmedMean}:
 * none below three values, otherwise max(1, floor(0.2·n)).
 * Cost: O(1).
 *
 * @example
 * trimCount(5); // 1
 */
export function trimCount(n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`trimCount: n must be a positive integer, got ${String(n)}`);
  return n < 3 ? 0 : Math.max(1, Math.floor(0.2 * n));
}

/**
 * Trimmed mean: the lowest and highest {@link trimCount}(n) values are dropped
 * and the rest averaged (with 3–9 reviews: drop the single highest and lowest).
 * Cost: O(n log n).
 *
 * @example
 * trimmedMean([0, 5, 6, 7, 100]); // 6
 */
export function trimmedMean(values: ArrayLike<number>): number {
  check(values, "trimmedMean");
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const t = trimCount(sorted.length);
  let s = 0;
  for (let i = t; i < sorted.length - t; i++) s += sorted[i];
  return s / (sorted.length - 2 * t);
}

/**
 * Sample standard deviation (n − 1 denominator); 0 for a single value. Cost: O(n).
 *
 * @example
 * sampleSd([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138...
 */
export function sampleSd(values: ArrayLike<number>): number {
  check(values, "sampleSd");
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/**
 * Population standard deviation (n denominator). Cost: O(n).
 *
 * @example
 * populationSd([2, 4, 4, 4, 5, 5, 7, 9]); // 2
 */
export function populationSd(values: ArrayLike<number>): number {
  check(values, "populationSd");
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - m) ** 2;
  return Math.sqrt(ss / values.length);
}

/**
 * Modified z-scores of Iglewicz & Hoaglin (1993): 0.6745·(x − median)/MAD.
 * When MAD = 0 the mean absolute deviation is used instead,
 * (x − median)/(1.253314·meanAD); when that is 0 as well all values are equal
 * and every modified z is 0. Cost: O(n log n).
 *
 * @example
 * modifiedZScores([1, 2, 3, 4, 100]); // [-1.349, -0.6745, 0, 0.6745, 65.42]
 */
export function modifiedZScores(values: ArrayLike<number>): number[] {
  check(values, "modifiedZScores");
  const med = median(values);
  const dev = Array.from(values as ArrayLike<number>, (v) => Math.abs(v - med));
  const mad = median(dev);
  if (mad > 0) return Array.from(values as ArrayLike<number>, (v) => (0.6745 * (v - med)) / mad);
  const meanAd = mean(dev);
  if (meanAd > 0) return Array.from(values as ArrayLike<number>, (v) => (v - med) / (1.253314 * meanAd));
  return Array.from(values as ArrayLike<number>, () => 0);
}

/**
 * Average ranks (1 = smallest) with ties sharing the mean of the ranks they span.
 * Cost: O(n log n).
 *
 * @example
 * averageRanks([10, 20, 20, 5]); // [2, 3.5, 3.5, 1]
 */
export function averageRanks(values: ArrayLike<number>): number[] {
  check(values, "averageRanks");
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Array<number>(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[idx[j + 1]] === values[idx[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[idx[k]] = r;
    i = j + 1;
  }
  return ranks;
}

/**
 * Nearest-rank quantile of an ascending sorted array: the ⌈p·n⌉-th smallest value
 * (the smallest value for p = 0). Cost: O(1).
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // 2
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new Error("quantileSorted: empty input, at least one value is needed");
  if (!(p >= 0 && p <= 1)) throw new Error(`quantileSorted: p must be in [0, 1], got ${String(p)}`);
  const k = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[k - 1];
}
