import { heldBiasRanking, heldBiasRanksOfResample } from "./held-bias-ranks";
import { gaussSeidelJurorBias } from "./juror-bias";
import { latticeRanksOfResample, meanLattice } from "./mean-lattice";
import { rankDescending, rankScratch } from "./rank-descending";
import { drawOfThree, MULBERRY32_STEP as GOLDEN } from "./random";
import type { ReviewIndex } from "./review-index";
import type { Method } from "./types";

export { rankDescending, rankScratch, type RankScratch } from "./rank-descending";

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
  /** Total resamples B of the whole bootstrap (a part computes a range of them). */
  resamples: number;
  seed: number;
  /**
   * jurorBias only: hold the full-data biases in every resample instead of re-fitting them
   * (options.jurorBiasBootstrap "fixed", decision 041). Absent or false: the re-fit of 001.
   */
  fixedBias?: boolean;
}

export interface BootstrapResult {
  low: Int32Array;
  high: Int32Array;
  laureateProbability: Float64Array;
}

/**
 * What resamples [from, to) of a bootstrap of B resamples contribute: per application, its
 * `lowCount` smallest and `highCount` largest ranks (ascending, application-major, only the
 * first min(count, to − from) of each row used) and how often it was a laureate. Exactly
 * what the 2.5% and 97.5% nearest-rank quantiles need, so parts combine without loss.
 */
export interface BootstrapPart {
  from: number;
  to: number;
  resamples: number;
  applications: number;
  lowCount: number;
  highCount: number;
  lowest: Int32Array;
  highest: Int32Array;
  hits: Int32Array;
}

/** Nearest-rank positions (1-based, ascending) of the 2.5% and 97.5% quantiles among B ranks. */
function quantilePositions(B: number): { kLow: number; kHigh: number } {
  return { kLow: Math.max(1, Math.ceil(0.025 * B)), kHigh: Math.max(1, Math.ceil(0.975 * B)) };
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

/**
 * Rearranges row [base, base + filled) so that its `keep` smallest values come first (in no
 * particular order) and returns the largest of them, the row's new threshold: Hoare's
 * selection, O(filled) expected, in place (a sort of the row cost 10× more).
 */
function compact(rows: Int32Array, base: number, filled: number, keep: number): number {
  let lo = base;
  let hi = base + filled - 1;
  const k = base + keep - 1;
  while (lo < hi) {
    // Median of three as the pivot: the rows arrive roughly in the order the ranks were drawn.
    const mid = (lo + hi) >> 1;
    const x = rows[lo];
    const y = rows[mid];
    const z = rows[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (rows[i] < pivot) i++;
      while (rows[j] > pivot) j--;
      if (i <= j) {
        const t = rows[i];
        rows[i++] = rows[j];
        rows[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  let max = rows[base];
  for (let i = base + 1; i < base + keep; i++) if (rows[i] > max) max = rows[i];
  return max;
}

/**
 * The mean of each application's resampled reviews, drawn from mulberry32 (same numbers as
 * scoring/random.ts) whose state is `state`, summed in draw order as the picks would be.
 * Its own function so that V8 optimises this hot loop on its own.
 */
function meansOfResample(state: number, start: Int32Array, src: Float64Array, scores: Float64Array): void {
  const A = scores.length;
  for (let a = 0; a < A; a++) {
    const st = start[a];
    const n = start[a + 1] - st;
    if (n === 3) {
      // Three reviews (the prize's assignment): the same three draws and the same sum in draw
      // order, unrolled so that the three draws are computed side by side.
      scores[a] =
        (src[st + drawOfThree(state + GOLDEN)] +
          src[st + drawOfThree(state + 2 * GOLDEN)] +
          src[st + drawOfThree(state + 3 * GOLDEN)]) /
        3;
      state = (state + 3 * GOLDEN) | 0;
      continue;
    }
    // u / 2³² · n as u · (n / 2³²): both exact (n / 2³² is n with a smaller exponent and
    // u · n has under 53 bits), so the same pick, for a multiplication instead of a division.
    const scale = n / 4294967296;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      state = (state + GOLDEN) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      sum += src[st + Math.floor(((t ^ (t >>> 14)) >>> 0) * scale)];
    }
    scores[a] = sum / n;
  }
}

/**
 * Resamples whose ranks are kept together: each resample's ranks fill one row of a block, and a
 * full block is folded application by application (a column of the block: its 64 rows share their
 * cache lines across 16 applications), so an application's candidate row is touched once a block.
 */
const RANK_BLOCK = 64;

/**
 * Each application's candidates for its smallest and largest ranks, and its laureate count. A
 * rank is a candidate when it is below the row's threshold (above, for the largest): the largest
 * of the ranks kept at the row's last selection, which already holds `lowCount` ranks no larger,
 * so a rank at or over it can never be among the smallest. Thresholds start open.
 */
interface RankExtremes {
  A: number;
  laureates: number;
  lowCount: number;
  highCount: number;
  /** Room per application: its kept ranks plus two blocks, so a block always fits. */
  room: number;
  /** Application-major rows of `room`: the smallest candidates, and the largest negated. */
  low: Int32Array;
  high: Int32Array;
  lowFilled: Int32Array;
  highFilled: Int32Array;
  /** Candidates are below `lowBelow` or above `highAbove`. */
  lowBelow: Int32Array;
  highAbove: Int32Array;
  hits: Int32Array;
}

function rankExtremes(A: number, laureates: number, lowCount: number, highCount: number): RankExtremes {
  const room = Math.max(lowCount, highCount) + 2 * RANK_BLOCK;
  return {
    A,
    laureates,
    lowCount,
    highCount,
    room,
    low: new Int32Array(A * room),
    high: new Int32Array(A * room),
    lowFilled: new Int32Array(A),
    highFilled: new Int32Array(A),
    lowBelow: new Int32Array(A).fill(0x7fffffff),
    highAbove: new Int32Array(A),
    hits: new Int32Array(A),
  };
}

/**
 * Folds `rows` resamples' ranks (`block`, resample-major, A ranks each) into the candidates:
 * appends each application's ranks past its thresholds to its rows and counts its laureate
 * resamples; a row that could not take another block is cut to its kept count by selection,
 * which tightens its threshold. Its own function so that V8 optimises this hot loop on its own.
 */
function foldBlock(block: Int32Array, rows: number, ext: RankExtremes): void {
  const { A, laureates, lowCount, highCount, room, low, high, lowFilled, highFilled, lowBelow, highAbove, hits } = ext;
  const full = room - RANK_BLOCK;
  for (let a = 0; a < A; a++) {
    const base = a * room;
    const below = lowBelow[a];
    const above = highAbove[a];
    let nl = base + lowFilled[a];
    let nh = base + highFilled[a];
    let h = 0;
    for (let k = 0, at = a; k < rows; k++, at += A) {
      const rank = block[at];
      if (rank <= laureates) h++;
      // Written in any case, kept by moving on past it: no branch to mispredict (the row has
      // room for a whole block). Negated in `high`, so that the same selection keeps the largest.
      low[nl] = rank;
      nl += 1 - ((below - rank - 1) >>> 31);
      high[nh] = -rank;
      nh += 1 - ((rank - above - 1) >>> 31);
    }
    hits[a] += h;
    nl -= base;
    nh -= base;
    if (nl > full) {
      lowBelow[a] = compact(low, base, nl, lowCount);
      nl = lowCount;
    }
    if (nh > full) {
      highAbove[a] = -compact(high, base, nh, highCount);
      nh = highCount;
    }
    lowFilled[a] = nl;
    highFilled[a] = nh;
  }
}

/** Sorts a[from, to) ascending (insertion sort: a few dozen values). */
function sortRun(a: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= from && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

/**
 * Each application's `lowCount` smallest and `highCount` largest ranks of the `resamples` folded
 * (all of them when fewer), ascending, application-major: the candidates selected and sorted.
 */
function keptExtremes(ext: RankExtremes, resamples: number): { lowest: Int32Array; highest: Int32Array } {
  const { A, lowCount, highCount, room, low, high, lowFilled, highFilled } = ext;
  const lowest = new Int32Array(A * lowCount);
  const highest = new Int32Array(A * highCount);
  const keepLow = Math.min(lowCount, resamples);
  const keepHigh = Math.min(highCount, resamples);
  for (let a = 0; a < A; a++) {
    const base = a * room;
    // A row holds at least its kept count, or every rank when it was never cut.
    if (lowFilled[a] > keepLow) compact(low, base, lowFilled[a], keepLow);
    sortRun(low, base, base + keepLow);
    lowest.set(low.subarray(base, base + keepLow), a * lowCount);
    if (highFilled[a] > keepHigh) compact(high, base, highFilled[a], keepHigh);
    // Ascending: the negated values sorted, read backwards.
    sortRun(high, base, base + keepHigh);
    const row = a * highCount;
    for (let i = 0; i < keepHigh; i++) highest[row + i] = -high[base + keepHigh - 1 - i];
  }
  return { lowest, highest };
}

/**
 * The reviews a resample draws for each application (review indices, with repeats), from
 * mulberry32 whose state is `state`: the same draws as {@link meansOfResample}.
 */
function picksOfResample(state: number, start: Int32Array, picks: Int32Array): void {
  const A = start.length - 1;
  for (let a = 0; a < A; a++) {
    const st = start[a];
    const n = start[a + 1] - st;
    const scale = n / 4294967296;
    for (let k = 0; k < n; k++) {
      state = (state + GOLDEN) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      picks[st + k] = st + Math.floor(((t ^ (t >>> 14)) >>> 0) * scale);
    }
  }
}

/**
 * Resamples [from, to) of the rank bootstrap described at {@link bootstrapRanks}. Resample r
 * draws its reviews from the mulberry32 stream of `seed` advanced by r·n draws (n reviews), in
 * O(1): the same numbers as one sequential run, so any split of [0, B) into parts combined by
 * {@link combineBootstrapParts} gives exactly the result of computing all B at once.
 * Throws unless 0 ≤ from ≤ to ≤ B are integers.
 * Cost: O((to − from)·(n + A)) (jurorBias re-fitted: times the sweeps); memory O(A·(B/20 + 128))
 * for the kept ranks and their candidates, and 64 resamples' ranks before they are folded.
 *
 * @example
 * const parts = [bootstrapPart(input, 0, 1000), bootstrapPart(input, 1000, 2000)];
 * combineBootstrapParts(parts); // the same as bootstrapRanks(input) with resamples 2000
 */
export function bootstrapPart(input: BootstrapInput, from: number, to: number): BootstrapPart {
  const { idx, method, normalised, laureates, resamples: B } = input;
  if (!Number.isInteger(B) || B < 1) throw new Error(`bootstrapPart: resamples must be an integer ≥ 1, got ${B}`);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || from > to || to > B) {
    throw new Error(`bootstrapPart: the range [${from}, ${to}) must be integers with 0 ≤ from ≤ to ≤ ${B}`);
  }
  const A = idx.appIds.length;
  const N = idx.score.length;
  const start = idx.appStart;
  const { kLow, kHigh } = quantilePositions(B);
  const lowCount = kLow;
  const highCount = B - kHigh + 1;
  const picks = new Int32Array(N);
  const scores = new Float64Array(A);
  const order = new Int32Array(A);
  // Each resample's ranks go to the next row of a block; a full block is folded into each
  // application's candidate extremes (foldBlock).
  const rankBlock = new Int32Array(RANK_BLOCK * A);
  let rankBuf = rankBlock.subarray(0, A);
  let blocked = 0;
  const extremes = rankExtremes(A, laureates, lowCount, highCount);
  const radix = rankScratch(A);
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
    appW: new Float64Array(A),
  };
  const src = method === "zScore" ? normalised : idx.score;
  const direct = method === "mean" || method === "zScore";
  const fixedBias = method === "jurorBias" && input.fixedBias === true;
  const wy = new Float64Array(fixedBias ? N : 0);
  if (fixedBias) for (let r = 0; r < N; r++) wy[r] = idx.weight[r] * (idx.score[r] - input.bias[idx.juror[r]]);
  const held = fixedBias ? heldBiasRanking(start, wy, idx.weight) : null;
  // The official mean of criteria points: ranked from whole-number keys (decision 051).
  const lattice = method === "mean" ? meanLattice(start, idx.score) : null;
  const keys = new Int32Array(lattice ? A : 0);
  const counts = new Int32Array(lattice ? lattice.levels : 0);
  const seed = input.seed >>> 0;
  for (let s = from; s < to; s++) {
    // mulberry32 (same numbers as scoring/random.ts), started at draw s·N of the stream.
    const state = (seed + Math.imul(s * N, GOLDEN)) | 0;
    if (held) {
      heldBiasRanksOfResample(held, state, rankBuf);
    } else if (lattice) {
      latticeRanksOfResample(state, start, lattice, keys, counts, rankBuf);
    } else if (direct) {
      meansOfResample(state, start, src, scores);
    } else {
      picksOfResample(state, start, picks);
      if (method === "jurorBias") {
        q.set(input.quality);
        b.set(input.bias);
        gaussSeidelJurorBias(idx, start, picks, q, b, BOOTSTRAP_TOLERANCE, BOOTSTRAP_SWEEPS, scratch);
        scores.set(q);
      } else {
        for (let a = 0; a < A; a++) {
          const st = start[a];
          const n = start[a + 1] - st;
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
    if (!held && !lattice) rankDescending(scores, order, rankBuf, radix);
    if (++blocked === RANK_BLOCK || s === to - 1) {
      foldBlock(rankBlock, blocked, extremes);
      blocked = 0;
    }
    rankBuf = rankBlock.subarray(blocked * A, (blocked + 1) * A);
  }
  const { lowest, highest } = keptExtremes(extremes, to - from);
  return { from, to, resamples: B, applications: A, lowCount, highCount, lowest, highest, hits: extremes.hits };
}

/**
 * Combines bootstrap parts covering [0, B) exactly once (in any order) into the 2.5% and 97.5%
 * nearest-rank quantiles of each application's rank and its laureate probability (hits / B).
 * Throws when the parts disagree on B or the number of applications, overlap, or leave a gap.
 * Cost: O(P·A·B/20·log) for P parts.
 *
 * @example
 * combineBootstrapParts([bootstrapPart(input, 0, input.resamples)]).low; // = bootstrapRanks(input).low
 */
export function combineBootstrapParts(parts: BootstrapPart[]): BootstrapResult {
  if (!Array.isArray(parts) || parts.length === 0) throw new Error("combineBootstrapParts: no parts to combine");
  const { resamples: B, applications: A, lowCount, highCount } = parts[0];
  const sorted = [...parts].sort((x, y) => x.from - y.from || x.to - y.to);
  let covered = 0;
  for (const p of sorted) {
    if (p.resamples !== B || p.applications !== A || p.lowCount !== lowCount || p.highCount !== highCount) {
      throw new Error(
        `combineBootstrapParts: parts come from different bootstraps (${p.resamples} vs ${B} resamples, ${p.applications} vs ${A} applications)`,
      );
    }
    if (p.from !== covered && p.to > p.from) {
      throw new Error(
        `combineBootstrapParts: the parts must cover resamples [0, ${B}) exactly once; resample ${Math.min(p.from, covered)} is ${p.from > covered ? "missing" : "repeated"}`,
      );
    }
    covered = Math.max(covered, p.to);
  }
  if (covered !== B) throw new Error(`combineBootstrapParts: resamples [${covered}, ${B}) are missing`);
  const { kLow } = quantilePositions(B);
  const low = new Int32Array(A);
  const high = new Int32Array(A);
  const laureateProbability = new Float64Array(A);
  const single = sorted.filter((p) => p.to > p.from);
  const P = single.length;
  // Each part's rows are sorted: the kLow-th smallest of the union is found by merging them from
  // the front, the highCount-th largest by merging them from the back, O(P·(kLow + highCount)).
  const lowKept = single.map((p) => Math.min(lowCount, p.to - p.from));
  const highKept = single.map((p) => Math.min(highCount, p.to - p.from));
  const at = new Int32Array(P);
  for (let a = 0; a < A; a++) {
    let hits = 0;
    for (let i = 0; i < P; i++) {
      hits += single[i].hits[a];
      at[i] = 0;
    }
    let value = 0;
    for (let taken = 0; taken < kLow; taken++) {
      let best = -1;
      for (let i = 0; i < P; i++) {
        if (at[i] < lowKept[i] && (best < 0 || single[i].lowest[a * lowCount + at[i]] < value)) {
          best = i;
          value = single[i].lowest[a * lowCount + at[i]];
        }
      }
      at[best]++;
    }
    low[a] = value;
    for (let i = 0; i < P; i++) at[i] = highKept[i] - 1;
    for (let taken = 0; taken < highCount; taken++) {
      let best = -1;
      for (let i = 0; i < P; i++) {
        if (at[i] >= 0 && (best < 0 || single[i].highest[a * highCount + at[i]] > value)) {
          best = i;
          value = single[i].highest[a * highCount + at[i]];
        }
      }
      at[best]--;
    }
    high[a] = value;
    laureateProbability[a] = hits / B;
  }
  return { low, high, laureateProbability };
}

/**
 * Rank bootstrap: in each of `resamples` resamples every application's reviews are drawn
 * with replacement (same count), the official method is recomputed, and the competition rank
 * of each application recorded. zScore uses the per-juror means/sds of the full data;
 * jurorBias is re-fitted by block Gauss–Seidel warm-started from the full-data fit
 * (at most {@link BOOTSTRAP_SWEEPS} sweeps), or with `fixedBias` keeps the full-data biases and
 * takes each application's weighted mean of its drawn reviews minus their biases. Returns the
 * 2.5% and 97.5% nearest-rank quantiles of each application's rank and the share of resamples in
 * which its rank ≤ laureates.
 * The same as {@link combineBootstrapParts} of {@link bootstrapPart}s covering [0, B).
 * Cost: O(B·(n + A)) for B resamples, n reviews, A applications (jurorBias re-fitted: times the sweeps).
 *
 * @example
 * const { low, high } = bootstrapRanks({ idx, method: "mean", normalised, quality, bias, laureates: 2, resamples:
 *   2000, seed: 1 });
 */
export function bootstrapRanks(input: BootstrapInput): BootstrapResult {
  return combineBootstrapParts([bootstrapPart(input, 0, input.resamples)]);
}
