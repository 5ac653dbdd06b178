import { gaussSeidelJurorBias } from "./juror-bias";
import { mulberry32 } from "./random";
import { quantileSorted } from "./stats";
import { TIE_TOLERANCE } from "./ranking";
import type { ReviewIndex } from "./review-index";
import type { Method } from "./types";

/**
 * jurorBias re-fit budget per resample: block Gauss–Seidel sweeps warm-started from the
 * full-data fit, stopping early below the tolerance. A fixed budget keeps the bootstrap
 * O(B·n); the warm start is already the exact fit of the full data, so a few sweeps move
 * the biases most of the way to the resample's own least-squares fit (documented in
 * docs/decisions/001-scoring-methods.md).
 */
export const BOOTSTRAP_SWEEPS = 4;
export const BOOTSTRAP_TOLERANCE = 1e-7;

export interface BootstrapInput {
  idx: ReviewIndex;
  method: Method;
  /** Per-review zScore-normalised scores (from the full data). */
  normalised: Float64Array;
  /** Full-data jurorBias fit, used as the warm start of every resample. */
  quality: Float64Array;
  bias: Float64Array;
  laureates: number;
  resamples: number;
  seed: number;
}

export interface BootstrapResult {
  low: Int32Array;
  high: Int32Array;
  laureateProbability: Float64Array;
}

function sortSmall(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

/** The radix sort's buffers for `rankDescending`, made once for many rankings of `n` scores. */
export interface RankScratch {
  keyA: Uint32Array;
  keyB: Uint32Array;
  idxB: Int32Array;
  count: Int32Array;
}

/**
 * Buffers for ranking `n` scores again and again without allocating. O(n) memory.
 *
 * @example
 * const scratch = rankScratch(3); // then rankDescending(scores, order, rank, scratch) as often as needed
 */
export function rankScratch(n: number): RankScratch {
  if (!Number.isInteger(n) || n < 0) throw new Error(`rankScratch: n must be a whole number ≥ 0, got ${n}`);
  return { keyA: new Uint32Array(n), keyB: new Uint32Array(n), idxB: new Int32Array(n), count: new Int32Array(2048) };
}

/**
 * Competition ranks of `scores` (descending; a score within {@link TIE_TOLERANCE} of the first
 * score of its group shares that group's rank), written to `rank`. Sorts by an LSD radix sort
 * (3 passes of 11 bits) of the scores quantised to 32 bits over their range, with the tie
 * grouping done on the exact scores. Cost: O(n).
 *
 * @example
 * rankDescending(Float64Array.of(0.2, 0.9, 0.2), order, rank, scratch); // rank = [2, 1, 2]
 */
export function rankDescending(scores: Float64Array, order: Int32Array, rank: Int32Array, scratch: RankScratch): void {
  const n = scores.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (scores[i] < lo) lo = scores[i];
    if (scores[i] > hi) hi = scores[i];
  }
  if (!(hi - lo > TIE_TOLERANCE)) {
    rank.fill(1);
    return;
  }
  const scale = 4294967295 / (hi - lo);
  let keyA = scratch.keyA;
  let keyB = scratch.keyB;
  let idxA = order;
  let idxB = scratch.idxB;
  const count = scratch.count;
  for (let i = 0; i < n; i++) {
    keyA[i] = 4294967295 - Math.min(4294967295, Math.floor((scores[i] - lo) * scale));
    idxA[i] = i;
  }
  for (let shift = 0; shift < 33; shift += 11) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keyA[i] >>> shift) & 2047]++;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const p = count[(keyA[i] >>> shift) & 2047]++;
      keyB[p] = keyA[i];
      idxB[p] = idxA[i];
    }
    [keyA, keyB] = [keyB, keyA];
    [idxA, idxB] = [idxB, idxA];
  }
  // three passes: the sorted indices are in idxA, which is scratch.idxB after an odd number of swaps
  let head = 0;
  for (let i = 0; i < n; i++) {
    if (scores[idxA[head]] - scores[idxA[i]] > TIE_TOLERANCE) head = i;
    rank[idxA[i]] = head + 1;
  }
}

/**
 * Rank bootstrap: in each of `resamples` resamples every application's reviews are drawn
 * with replacement (same count), the official method is recomputed, and the competition rank
 * of each application recorded. zScore uses the per-juror means/sds of the full data;
 * jurorBias is re-fitted by block Gauss–Seidel warm-started from the full-data fit
 * (at most {@link BOOTSTRAP_SWEEPS} sweeps). Returns the 2.5% and 97.5% nearest-rank quantiles
 * of each application's rank and the share of resamples in which its rank ≤ laureates.
 * Cost: O(B·(n + A log A)) for B resamples, n reviews, A applications (jurorBias: times the sweeps).
 *
 * @example
 * const { low, high } = bootstrapRanks({ idx, method: "mean", normalised, quality, bias, laureates: 2, resamples:
 *   2000, seed: 1 });
 */
export function bootstrapRanks(input: BootstrapInput): BootstrapResult {
  const { idx, method, normalised, laureates, resamples: B } = input;
  const A = idx.appIds.length;
  const N = idx.score.length;
  const start = idx.appStart;
  const next = mulberry32(input.seed);
  const picks = new Int32Array(N);
  const scores = new Float64Array(A);
  const order = new Int32Array(A);
  const rankBuf = new Int32Array(A);
  const radix = rankScratch(A);
  const ranks = new Int32Array(A * B);
  // Ranks of CHUNK consecutive resamples are buffered application-major, then copied to `ranks`
  // in contiguous runs: avoids one cache miss per application per resample.
  const CHUNK = 64;
  const chunk = new Int32Array(A * CHUNK);
  const flush = (first: number, count: number) => {
    for (let a = 0; a < A; a++) ranks.set(chunk.subarray(a * CHUNK, a * CHUNK + count), a * B + first);
  };
  const hits = new Int32Array(A);
  let maxN = 1;
  for (let a = 0; a < A; a++) maxN = Math.max(maxN, start[a + 1] - start[a]);
  const buf = new Float64Array(maxN);
  const q = new Float64Array(A);
  const b = new Float64Array(idx.jurorIds.length);
  const scratch = {
    num: new Float64Array(idx.jurorIds.length),
    den: new Float64Array(idx.jurorIds.length),
    y: new Float64Array(N),
    w: new Float64Array(N),
    jj: new Int32Array(N),
  };
  const src = method === "zScore" ? normalised : idx.score;
  for (let s = 0; s < B; s++) {
    for (let a = 0; a < A; a++) {
      const st = start[a];
      const n = start[a + 1] - st;
      for (let k = 0; k < n; k++) picks[st + k] = st + Math.floor(next() * n);
    }
    if (method === "jurorBias") {
      q.set(input.quality);
      b.set(input.bias);
      gaussSeidelJurorBias(idx, start, picks, q, b, BOOTSTRAP_TOLERANCE, BOOTSTRAP_SWEEPS, scratch);
      scores.set(q);
    } else {
      for (let a = 0; a < A; a++) {
        const st = start[a];
        const n = start[a + 1] - st;
        if (method === "mean" || method === "zScore") {
          let sum = 0;
          for (let k = 0; k < n; k++) sum += src[picks[st + k]];
          scores[a] = sum / n;
        } else {
          for (let k = 0; k < n; k++) buf[k] = src[picks[st + k]];
          sortSmall(buf, n);
          if (method === "median") {
            const h = n >> 1;
            scores[a] = n % 2 === 1 ? buf[h] : (buf[h - 1] + buf[h]) / 2;
          } else {
            const t = n < 3 ? 0 : Math.max(1, Math.floor(0.2 * n));
            let sum = 0;
            for (let k = t; k < n - t; k++) sum += buf[k];
            scores[a] = sum / (n - 2 * t);
          }
        }
      }
    }
    rankDescending(scores, order, rankBuf, radix);
    for (let a = 0; a < A; a++) {
      const rank = rankBuf[a];
      chunk[a * CHUNK + (s % CHUNK)] = rank;
      if (rank <= laureates) hits[a]++;
    }
    if (s % CHUNK === CHUNK - 1 || s === B - 1) flush(s - (s % CHUNK), (s % CHUNK) + 1);
  }
  const low = new Int32Array(A);
  const high = new Int32Array(A);
  const laureateProbability = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    const row = ranks.subarray(a * B, (a + 1) * B).sort();
    low[a] = quantileSorted(row, 0.025);
    high[a] = quantileSorted(row, 0.975);
    laureateProbability[a] = hits[a] / B;
  }
  return { low, high, laureateProbability };
}
