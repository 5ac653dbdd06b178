// The official mean's resamples ranked from whole numbers (docs/decisions/051-mean-ranks-from-whole-numbers.md).
// Review scores made of criteria points are multiples of one step (1/16 with weights summing to
// 16), so an application's mean over n reviews is a whole number of steps divided by n. Each
// resample's means are then whole-number keys, counted into a table of a few hundred entries,
// and an application's competition rank is one more than the count of keys above its own: the
// ranks `rankDescending` gives the float means, without the floats, the buckets or their check.
import { drawOfThree, MULBERRY32_STEP as GOLDEN } from "./random";
import { TIE_TOLERANCE } from "./ranking";
import { threeRuns } from "./three-runs";

/** The official mean's scores as whole numbers: review codes and each application's key scale. */
export interface MeanLattice {
  /** Per review: (score − lowest score) in steps, a whole number. */
  code: Int32Array;
  /** Per application: L / n, so that a sum of n codes times it is the mean in steps of 1/L. */
  keyScale: Int32Array;
  /** Keys run from 0 to levels − 1. */
  levels: number;
  /** The runs of three-review applications ({@link threeRuns}), keyed in a loop of their own. */
  threeRuns: Int32Array;
}

/** Steps tried, 1/1 to 1/MAX_STEPS of a point: weights summing to up to 240 fit. */
const MAX_STEPS = 240;
/** Most keys a table may hold (beyond, the floats are ranked as before). */
const MAX_LEVELS = 1 << 20;
/** How far from a whole number of steps a score may be (float rounding of e.g. 22/3). */
const OFF_LATTICE = 1e-12;

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * The whole-number form of the mean's scores, or null when there is none to rank by exactly:
 * when no step of 1/1 to 1/240 of a point holds every review score to within 1e-12, or when two
 * means one key apart could be within the tie tolerance, or when the keys would need more than
 * 2^20 entries. Reviews are grouped by application (`start`, n + 1 offsets), as in the index.
 * Throws on offsets that do not describe `score`.
 * Cost: O(n · s) for the s steps tried (most fail at the first score that is off them), O(n) memory.
 *
 * @example
 * meanLattice(Int32Array.of(0, 3), Float64Array.of(5.0625, 7, 6.5))!.levels; // 94: 31 sixteenths × 3 + 1
 */
export function meanLattice(start: Int32Array, score: Float64Array): MeanLattice | null {
  const A = start.length - 1;
  const N = score.length;
  if (A < 1 || start[0] !== 0 || start[A] !== N)
    throw new Error(`meanLattice: the offsets must run from 0 to the ${N} scores, got ${start[0]}–${start[A]}`);
  let lowest = Infinity;
  let highest = -Infinity;
  for (let r = 0; r < N; r++) {
    if (!Number.isFinite(score[r])) return null;
    if (score[r] < lowest) lowest = score[r];
    if (score[r] > highest) highest = score[r];
  }
  let L = 1;
  for (let a = 0; a < A; a++) {
    const n = start[a + 1] - start[a];
    if (n < 1) throw new Error(`meanLattice: application ${a} has no review`);
    L = lcm(L, n);
    if (L > MAX_LEVELS) return null;
  }
  for (let steps = 1; steps <= MAX_STEPS; steps++) {
    // Keys one apart are 1/(steps · L) of a point apart: more than the tolerance, with room.
    if (1 / (steps * L) <= 1e3 * TIE_TOLERANCE) return null;
    const levels = Math.round((highest - lowest) * steps) * L + 1;
    if (levels > MAX_LEVELS) return null;
    let fits = true;
    for (let r = 0; r < N && fits; r++) {
      const x = (score[r] - lowest) * steps;
      fits = Math.abs(x - Math.round(x)) <= OFF_LATTICE * steps;
    }
    if (!fits) continue;
    const code = new Int32Array(N);
    for (let r = 0; r < N; r++) code[r] = Math.round((score[r] - lowest) * steps);
    const keyScale = new Int32Array(A);
    for (let a = 0; a < A; a++) keyScale[a] = L / (start[a + 1] - start[a]);
    return { code, keyScale, levels, threeRuns: threeRuns(start) };
  }
  return null;
}

/**
 * Competition ranks (descending) of the resample's means, written to `rank`, from the draws of
 * mulberry32 whose state is `state`: the same draws, in the same order, as the float means'
 * (`meansOfResample` in bootstrap.ts), summed as codes. `key` (one per application) and `count`
 * (`levels` entries) are work buffers. Equal keys are equal means, and keys one apart are means
 * further apart than the tie tolerance ({@link meanLattice}), so these are the ranks
 * `rankDescending` gives the float means.
 * Cost: O(n + A + levels).
 *
 * @example
 * latticeRanksOfResample(state, start, lattice, key, count, rank); // rank[a] for each application
 */
export function latticeRanksOfResample(
  state: number,
  start: Int32Array,
  lattice: MeanLattice,
  key: Int32Array,
  count: Int32Array,
  rank: Int32Array,
): void {
  const { levels, threeRuns } = lattice;
  const A = key.length;
  count.fill(0, 0, levels);
  const pass: KeyPass = { lattice, start, key, count };
  let a = 0;
  for (let i = 0; i < threeRuns.length; i += 2) {
    const first = threeRuns[i];
    if (a < first) keysOfOthers(pass, (state + Math.imul(start[a], GOLDEN)) | 0, a, first);
    keysOfThrees(pass, (state + Math.imul(start[first], GOLDEN)) | 0, first, threeRuns[i + 1]);
    a = threeRuns[i + 1];
  }
  if (a < A) keysOfOthers(pass, (state + Math.imul(start[a], GOLDEN)) | 0, a, A);
  // From the highest key down: a key's rank is one more than the applications above it.
  let above = 0;
  for (let k = levels - 1; k >= 0; k--) {
    const here = count[k];
    count[k] = above + 1;
    above += here;
  }
  for (let a = 0; a < A; a++) rank[a] = count[key[a]];
}

/** One resample's keying: the lattice, the review offsets, and the keys and their counts written. */
interface KeyPass {
  lattice: MeanLattice;
  start: Int32Array;
  key: Int32Array;
  count: Int32Array;
}

/**
 * Applications [first, end), three reviews each: each one's key from its three draws, computed
 * side by side, and counted. Its own function (as the one below) so that V8 optimises each hot
 * loop on its own; kept this small because the loop's speed depends on it.
 */
function keysOfThrees(pass: KeyPass, state: number, first: number, end: number): void {
  const { lattice, start, key, count } = pass;
  const { code } = lattice;
  const scale = lattice.keyScale[first];
  for (let a = first, st = start[first]; a < end; a++, st += 3) {
    const k =
      (code[st + drawOfThree(state + GOLDEN)] +
        code[st + drawOfThree(state + 2 * GOLDEN)] +
        code[st + drawOfThree(state + 3 * GOLDEN)]) *
      scale;
    state = (state + 3 * GOLDEN) | 0;
    key[a] = k;
    count[k]++;
  }
}

/** Applications [first, end) of any other review count. */
function keysOfOthers(pass: KeyPass, state: number, first: number, end: number): void {
  const { lattice, start, key, count } = pass;
  const { code, keyScale } = lattice;
  for (let a = first; a < end; a++) {
    const st = start[a];
    const n = start[a + 1] - st;
    const scale = n / 4294967296;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      state = (state + GOLDEN) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      sum += code[st + Math.floor(((t ^ (t >>> 14)) >>> 0) * scale)];
    }
    const k = sum * keyScale[a];
    key[a] = k;
    count[k]++;
  }
}
