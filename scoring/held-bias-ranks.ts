import { drawOfThree, MULBERRY32_STEP as GOLDEN } from "./random";
import { TIE_TOLERANCE } from "./ranking";
import { threeRuns } from "./three-runs";

/**
 * Largest review count whose resampled qualities are all listed in advance: an application with
 * n reviews has C(2n − 1, n) possible draws (3 for 2 reviews, 10 for 3, 35 for 4, 126 for 5) and a
 * table of n^n draw sequences (3,125 for 5). Above it, the quality is computed in each resample.
 */
export const HELD_BIAS_LISTED_REVIEWS = 5;

/**
 * Everything the held-bias bootstrap (decision 041) needs to rank a resample without sorting it:
 * every quality an application can take in a resample (one per multiset of its reviews), sorted
 * once, highest first.
 */
export interface HeldBiasRanking {
  /** The listed qualities, highest first, and the application each belongs to. */
  value: Float64Array;
  app: Int32Array;
  /**
   * Per listed quality: its application, or the application's one's complement (negative) when
   * a higher listed quality lies within the tie tolerance of it (it may join that one's group).
   */
  entry: Int32Array;
  /**
   * Per listed quality p: the first place q ≤ p whose quality is within the tie tolerance of p's.
   * p heads a new tie group exactly when the current group's head lies before q: the tie test on
   * places, so the pass reads 4 bytes a quality instead of 12.
   */
  near: Int32Array;
  /** Per application: where its multisets start in `sortedAt`, or −1 when it is computed directly. */
  listStart: Int32Array;
  /** Per application: where its review count's draw-sequence table starts in `multisetOf`. */
  tableStart: Int32Array;
  /** Per draw sequence (base n, first draw first): the index of its multiset. */
  multisetOf: Int32Array;
  /** Per application multiset (`listStart[a] + multiset`): its place in `value`. */
  sortedAt: Int32Array;
  /** One bit per listed quality: drawn in this resample (cleared as it is read). */
  drawn: Int32Array;
  /** Each application's quality when computed directly (indexed by application). */
  directValue: Float64Array;
  /**
   * The applications computed directly (more than {@link HELD_BIAS_LISTED_REVIEWS} reviews), sorted
   * by their quality in each resample.
   */
  directOrder: number[];
  counts: Int32Array;
  /** The runs of three-review applications ({@link threeRuns}), drawn in a loop of their own. */
  threeRuns: Int32Array;
  /** Per application of a run (27 entries from 27·a): the place of each three-draw code's quality. */
  threePlaces: Int32Array;
  start: Int32Array;
  wy: Float64Array;
  w: Float64Array;
}

/** Each multiset of size n over n items as a count vector, in lexicographic order of counts. */
function multisets(n: number): Int32Array[] {
  const out: Int32Array[] = [];
  const c = new Int32Array(n);
  const fill = (i: number, left: number) => {
    if (i === n - 1) {
      c[i] = left;
      out.push(c.slice());
      return;
    }
    for (let k = left; k >= 0; k--) {
      c[i] = k;
      fill(i + 1, left - k);
    }
  };
  fill(0, n);
  return out;
}

/**
 * The held-bias quality of an application whose reviews start at `st` and were drawn `c[r]` times
 * each: Σ c·w·(y − bias) / Σ c·w, summed in review order. The one expression for both the listed
 * and the direct qualities, so a multiset has one value whatever the order of its draws.
 */
function quality(c: Int32Array, n: number, st: number, wy: Float64Array, w: Float64Array): number {
  let Y = 0;
  let W = 0;
  for (let r = 0; r < n; r++) {
    Y += c[r] * wy[st + r];
    W += c[r] * w[st + r];
  }
  return Y / W;
}

/**
 * Lists and sorts every quality each application can take in a resample with the jurors' biases
 * held: `wy` holds w·(y − bias) per review and `w` its weight, `start` each application's first
 * review (n + 1 entries). Applications with more than {@link HELD_BIAS_LISTED_REVIEWS} reviews
 * are left to be computed in each resample.
 * Cost: O(L log L) for L listed qualities (10 an application of 3 reviews), done once per part.
 *
 * @example
 * const ranking = heldBiasRanking(idx.appStart, wy, idx.weight);
 * heldBiasRanksOfResample(ranking, state, rank); // rank = each application's competition rank
 */
export function heldBiasRanking(start: Int32Array, wy: Float64Array, w: Float64Array): HeldBiasRanking {
  const A = start.length - 1;
  if (A < 1) throw new Error("heldBiasRanking: no application to rank");
  if (wy.length !== start[A] || w.length !== start[A]) {
    throw new Error(`heldBiasRanking: ${start[A]} reviews in start, but ${wy.length} in wy and ${w.length} in w`);
  }
  const tables: { sets: Int32Array[]; at: number }[] = [];
  const tableParts: Int32Array[] = [];
  let tableSize = 0;
  for (let n = 1; n <= HELD_BIAS_LISTED_REVIEWS; n++) {
    const sets = multisets(n);
    const index = new Map(sets.map((c, i) => [c.join(","), i]));
    const sequences = n ** n;
    const table = new Int32Array(sequences);
    const c = new Int32Array(n);
    for (let code = 0; code < sequences; code++) {
      c.fill(0);
      // Base n, first draw the most significant digit: the order the draws build the code.
      for (let k = 0, x = code; k < n; k++, x = Math.floor(x / n)) c[x % n]++;
      table[code] = index.get(c.join(","))!;
    }
    tables[n] = { sets, at: tableSize };
    tableParts.push(table);
    tableSize += sequences;
  }
  const multisetOf = new Int32Array(tableSize);
  for (let n = 1, at = 0; n <= HELD_BIAS_LISTED_REVIEWS; n++) {
    multisetOf.set(tableParts[n - 1], at);
    at += tableParts[n - 1].length;
  }
  const listStart = new Int32Array(A);
  const tableStart = new Int32Array(A);
  const direct: number[] = [];
  let L = 0;
  let maxN = 1;
  for (let a = 0; a < A; a++) {
    const n = start[a + 1] - start[a];
    if (n < 1) throw new Error(`heldBiasRanking: application ${a} has no review`);
    maxN = Math.max(maxN, n);
    if (n > HELD_BIAS_LISTED_REVIEWS) {
      listStart[a] = -1;
      direct.push(a);
      continue;
    }
    listStart[a] = L;
    tableStart[a] = tables[n].at;
    L += tables[n].sets.length;
  }
  const listed = new Float64Array(L);
  const owner = new Int32Array(L);
  for (let a = 0; a < A; a++) {
    if (listStart[a] < 0) continue;
    const n = start[a + 1] - start[a];
    const sets = tables[n].sets;
    for (let m = 0; m < sets.length; m++) {
      listed[listStart[a] + m] = quality(sets[m], n, start[a], wy, w);
      owner[listStart[a] + m] = a;
    }
  }
  // Highest first. The qualities are sorted as numbers (a native sort, 5× faster than sorting
  // their indices with a comparator) and each finds its place by binary search; equal qualities
  // take the places of their run one after the other (their ranks are equal in any order).
  const ascending = listed.slice().sort();
  const taken = new Int32Array(L);
  const value = new Float64Array(L);
  const app = new Int32Array(L);
  const sortedAt = new Int32Array(L);
  for (let i = 0; i < L; i++) {
    const v = listed[i];
    let lo = 0;
    let hi = L;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ascending[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    // lo is one past the last quality ≤ v: descending, the run of v starts at L − lo.
    const p = L - lo + taken[lo - 1]++;
    value[p] = v;
    app[p] = owner[i];
    sortedAt[i] = p;
  }
  const entry = new Int32Array(L);
  const near = new Int32Array(L);
  for (let p = 0, q = 0; p < L; p++) {
    while (value[q] - value[p] > TIE_TOLERANCE) q++;
    near[p] = q;
    entry[p] = q < p ? ~app[p] : app[p];
  }
  const runs = threeRuns(start);
  const threePlaces = new Int32Array(runs.length > 0 ? A * 27 : 0);
  for (let i = 0; i < runs.length; i += 2) {
    for (let a = runs[i]; a < runs[i + 1]; a++) {
      for (let code = 0; code < 27; code++) {
        threePlaces[a * 27 + code] = sortedAt[listStart[a] + multisetOf[tableStart[a] + code]];
      }
    }
  }
  return {
    threeRuns: runs,
    threePlaces,
    value,
    app,
    entry,
    near,
    listStart,
    tableStart,
    multisetOf,
    sortedAt,
    drawn: new Int32Array((L + 31) >>> 5),
    directValue: new Float64Array(A),
    directOrder: direct,
    counts: new Int32Array(maxN),
    start,
    wy,
    w,
  };
}

/**
 * Draws one resample of the held-bias bootstrap from mulberry32 whose state is `state` (each
 * application in turn draws as many of its reviews as it has, with replacement, the same draws as
 * every other method's bootstrap) and writes each application's competition rank to `rank`
 * (descending quality; a quality within {@link TIE_TOLERANCE} of the first of its group shares
 * that group's rank): one bit set per application among the listed qualities, then one pass over
 * them in order, merged with the directly computed qualities sorted on their own.
 * Cost: O(A + L/32) per resample, plus O(D log D) for D directly computed applications.
 *
 * @example
 * heldBiasRanksOfResample(heldBiasRanking(start, wy, w), seed >>> 0, rank);
 */
export function heldBiasRanksOfResample(ranking: HeldBiasRanking, state: number, rank: Int32Array): void {
  drawResample(ranking, state);
  if (ranking.directOrder.length === 0) rankListed(ranking, rank);
  else rankMerged(ranking, rank);
}

/**
 * Sets the bit of each listed application's drawn quality and computes the others' qualities:
 * the runs of three-review applications in their own loop, the applications between them in
 * another. Application a's draws start at state + a's first review · step, so each part starts
 * from there.
 */
function drawResample(ranking: HeldBiasRanking, state: number): void {
  const { threeRuns, threePlaces, drawn, start } = ranking;
  const A = start.length - 1;
  let a = 0;
  for (let i = 0; i < threeRuns.length; i += 2) {
    const first = threeRuns[i];
    if (a < first) drawOthers(ranking, (state + Math.imul(start[a], GOLDEN)) | 0, a, first);
    drawThrees(threePlaces, drawn, (state + Math.imul(start[first], GOLDEN)) | 0, first, threeRuns[i + 1]);
    a = threeRuns[i + 1];
  }
  if (a < A) drawOthers(ranking, (state + Math.imul(start[a], GOLDEN)) | 0, a, A);
}

/**
 * Applications [first, end), three reviews each: their three draws computed side by side, the
 * drawn code's place read from one table. Its own function (as each loop below) so that V8
 * optimises each hot loop on its own; kept this small because the loop's speed depends on it.
 */
function drawThrees(places: Int32Array, drawn: Int32Array, state: number, first: number, end: number): void {
  for (let at = first * 27, stop = end * 27; at < stop; at += 27) {
    const code =
      (drawOfThree(state + GOLDEN) * 3 + drawOfThree(state + 2 * GOLDEN)) * 3 + drawOfThree(state + 3 * GOLDEN);
    state = (state + 3 * GOLDEN) | 0;
    const p = places[at + code];
    drawn[p >>> 5] |= 1 << (p & 31);
  }
}

/** Applications [first, end) of any other review count: listed, or computed directly. */
function drawOthers(ranking: HeldBiasRanking, state: number, first: number, end: number): void {
  const { listStart, tableStart, multisetOf, sortedAt, drawn, start, directValue, counts } = ranking;
  for (let a = first; a < end; a++) {
    const st = start[a];
    const n = start[a + 1] - st;
    const scale = n / 4294967296;
    const list = listStart[a];
    if (list >= 0) {
      let code = 0;
      for (let k = 0; k < n; k++) {
        state = (state + GOLDEN) | 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        // The draw's review as in every bootstrap (floor of u·n/2³², here by | 0: the same for
        // a non-negative number below 2³¹, and V8 keeps the code an integer).
        const digit = (((t ^ (t >>> 14)) >>> 0) * scale) | 0;
        code = code * n + digit;
      }
      const p = sortedAt[list + multisetOf[tableStart[a] + code]];
      drawn[p >>> 5] |= 1 << (p & 31);
    } else {
      counts.fill(0, 0, n);
      for (let k = 0; k < n; k++) {
        state = (state + GOLDEN) | 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        counts[(((t ^ (t >>> 14)) >>> 0) * scale) | 0]++;
      }
      directValue[a] = quality(counts, n, st, ranking.wy, ranking.w);
    }
  }
}

/** Every application listed: one pass over the drawn bits in order, ties decided on places. */
function rankListed(ranking: HeldBiasRanking, rank: Int32Array): void {
  const { entry, near, drawn } = ranking;
  const words = drawn.length;
  let placed = 0;
  let headRank = 0;
  let headAt = -1;
  for (let i = 0; i < words; i++) {
    let bits = drawn[i];
    if (bits === 0) continue;
    drawn[i] = 0;
    const base = (i << 5) + 31;
    do {
      const low = bits & -bits;
      const p = base - Math.clz32(low);
      const e = entry[p];
      placed++;
      if (e >= 0) {
        headAt = p;
        headRank = placed;
        rank[e] = placed;
      } else {
        if (headAt < near[p]) {
          headAt = p;
          headRank = placed;
        }
        rank[~e] = headRank;
      }
      bits ^= low;
    } while (bits !== 0);
  }
}

/**
 * Some applications computed directly: their qualities sorted on their own and merged into the
 * pass over the drawn bits, ties decided on the qualities themselves.
 */
function rankMerged(ranking: HeldBiasRanking, rank: Int32Array): void {
  const { value, app, drawn, directValue, directOrder } = ranking;
  const D = directOrder.length;
  if (D > 1) directOrder.sort((x, y) => directValue[y] - directValue[x] || x - y);
  const words = drawn.length;
  let placed = 0;
  let headRank = 0;
  let head = Infinity;
  let d = 0;
  for (let i = 0; i < words; i++) {
    let bits = drawn[i];
    if (bits === 0) continue;
    drawn[i] = 0;
    do {
      const low = bits & -bits;
      const p = (i << 5) + 31 - Math.clz32(low);
      const v = value[p];
      // The direct qualities above this one come first.
      while (d < D && directValue[directOrder[d]] > v) {
        const x = directValue[directOrder[d]];
        placed++;
        if (head - x > TIE_TOLERANCE) {
          head = x;
          headRank = placed;
        }
        rank[directOrder[d++]] = headRank;
      }
      placed++;
      if (head - v > TIE_TOLERANCE) {
        head = v;
        headRank = placed;
      }
      rank[app[p]] = headRank;
      bits ^= low;
    } while (bits !== 0);
  }
  for (; d < D; d++) {
    const x = directValue[directOrder[d]];
    placed++;
    if (head - x > TIE_TOLERANCE) {
      head = x;
      headRank = placed;
    }
    rank[directOrder[d]] = headRank;
  }
}
