import { TIE_TOLERANCE } from "./ranking";

/** The sort buffers of `rankDescending`, made once for many rankings of `n` scores. */
export interface RankScratch {
  keyA: Uint32Array;
  keyB: Uint32Array;
  idxB: Int32Array;
  count: Int32Array;
  /** Bucket boundaries of the one-pass bucket sort (2^bits + 1 entries). */
  bucket: Int32Array;
  /** Each bucket's write position during the scatter. */
  cursor: Int32Array;
  /** The smallest and largest exact score in each bucket (the one-group-per-bucket check). */
  bucketLow: Float64Array;
  bucketHigh: Float64Array;
  /** Rankings left before the one-group-per-bucket check is tried again after it failed. */
  skipCheck: number;
  bits: number;
}

/** Insertion-sort moves allowed per score before falling back to the radix sort (keeps O(n)). */
const MOVES_PER_SCORE = 8;

/** Rankings that skip the one-group-per-bucket check after it failed (continuous scores). */
const RECHECK_EVERY = 32;

/**
 * Buffers for ranking `n` scores again and again without allocating. O(n) memory.
 *
 * @example
 * const scratch = rankScratch(3); // then rankDescending(scores, order, rank, scratch) as often as needed
 */
export function rankScratch(n: number): RankScratch {
  if (!Number.isInteger(n) || n < 0) throw new Error(`rankScratch: n must be a whole number ≥ 0, got ${n}`);
  // About one bucket per four scores: fewer buckets to clear and sum, a handful of scores in each.
  let bits = 1;
  while (bits < 16 && 1 << (bits + 2) < n) bits++;
  return {
    keyA: new Uint32Array(n),
    keyB: new Uint32Array(n),
    idxB: new Int32Array(n),
    count: new Int32Array(2048),
    bucket: new Int32Array((1 << bits) + 1),
    cursor: new Int32Array(1 << bits),
    bucketLow: new Float64Array(1 << bits),
    bucketHigh: new Float64Array(1 << bits),
    skipCheck: 0,
    bits,
  };
}

/**
 * Competition ranks of `scores` (descending; a score within {@link TIE_TOLERANCE} of the first
 * score of its group shares that group's rank), written to `rank` (`order` is a work buffer of
 * n entries). The scores are quantised to 32-bit keys over their range and sorted by (key, index):
 * one bucket pass on the key's top bits with an insertion sort inside each bucket, or, when the
 * scores are too clustered for that, an LSD radix sort (3 passes of 11 bits). Both give the same order, so the
 * ranks never depend on which ran; the tie grouping is done on the exact scores. When every
 * non-empty bucket is exactly one tie group (scores of whole criteria points: a few hundred
 * distinct values, each in a bucket of its own) the ranks are read from the bucket counts with
 * no sort at all: the same ranks in about half the time. After that check fails (continuous
 * scores) it is tried again only every {@link RECHECK_EVERY} rankings with the same scratch.
 * Cost: O(n) (expected O(n) for the bucket pass, worst case bounded by the radix fallback).
 *
 * @example
 * rankDescending(Float64Array.of(0.2, 0.9, 0.2), order, rank, scratch); // rank = [2, 1, 2]
 */
export function rankDescending(scores: Float64Array, order: Int32Array, rank: Int32Array, scratch: RankScratch): void {
  const n = scores.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (!(hi - lo > TIE_TOLERANCE)) {
    rank.fill(1);
    return;
  }
  const scale = 4294967295 / (hi - lo);
  const keyA = scratch.keyA;
  const bucket = scratch.bucket;
  const shift = 32 - scratch.bits;
  const buckets = 1 << scratch.bits;
  bucket.fill(0);
  const check = scratch.skipCheck === 0;
  if (check) {
    const low = scratch.bucketLow;
    const high = scratch.bucketHigh;
    low.fill(Infinity);
    high.fill(-Infinity);
    for (let i = 0; i < n; i++) {
      const s = scores[i];
      const key = 4294967295 - Math.min(4294967295, Math.floor((s - lo) * scale));
      keyA[i] = key;
      const d = key >>> shift;
      bucket[d + 1]++;
      if (s < low[d]) low[d] = s;
      if (s > high[d]) high[d] = s;
    }
  } else {
    scratch.skipCheck--;
    for (let i = 0; i < n; i++) {
      const key = 4294967295 - Math.min(4294967295, Math.floor((scores[i] - lo) * scale));
      keyA[i] = key;
      bucket[(key >>> shift) + 1]++;
    }
  }
  for (let d = 0; d < buckets; d++) bucket[d + 1] += bucket[d];
  if (check) {
    if (onePerBucket(scratch)) {
      // Every bucket is one tie group: its scores' first place is the bucket's start.
      for (let i = 0; i < n; i++) rank[i] = bucket[keyA[i] >>> shift] + 1;
      return;
    }
    scratch.skipCheck = RECHECK_EVERY;
  }
  const sorted = bucketSort(n, order, scratch, shift) ?? radixSort(n, order, scratch);
  let head = 0;
  for (let i = 0; i < n; i++) {
    if (scores[sorted[head]] - scores[sorted[i]] > TIE_TOLERANCE) head = i;
    rank[sorted[i]] = head + 1;
  }
}

/**
 * Whether the sorted order's tie groups are exactly the non-empty buckets: each bucket's scores
 * lie within the tie tolerance of one another (so any of them heading the group holds them all),
 * and each bucket's highest score is more than the tolerance below the previous bucket's lowest
 * (so no group runs on into the next bucket). Then an application's rank is one more than the
 * number of scores in the buckets before its own, with no sort: the usual case of scores of whole
 * criteria points, whose few distinct values each fill a bucket of their own.
 */
function onePerBucket(scratch: RankScratch): boolean {
  const { bucket, bucketLow: low, bucketHigh: high } = scratch;
  const buckets = bucket.length - 1;
  let previousLow = Infinity;
  for (let d = 0; d < buckets; d++) {
    if (bucket[d + 1] === bucket[d]) continue;
    if (high[d] - low[d] > TIE_TOLERANCE || !(previousLow - high[d] > TIE_TOLERANCE)) return false;
    previousLow = low[d];
  }
  return true;
}

/**
 * Stable scatter into the buckets, then insertion sort by key inside each: (key, index) order.
 * Equal keys never move, so many ties cost nothing; null when the scores are so clustered that
 * the insertion sorts would exceed their budget (keyA is left intact for the radix sort).
 */
function bucketSort(n: number, order: Int32Array, scratch: RankScratch, shift: number): Int32Array | null {
  const { keyA, keyB, bucket, cursor: next } = scratch;
  const buckets = bucket.length - 1;
  for (let d = 0; d < buckets; d++) next[d] = bucket[d];
  for (let i = 0; i < n; i++) {
    const key = keyA[i];
    const p = next[key >>> shift]++;
    keyB[p] = key;
    order[p] = i;
  }
  let budget = MOVES_PER_SCORE * n + 64;
  for (let d = 0; d < buckets; d++) {
    const s = bucket[d];
    const e = bucket[d + 1];
    for (let i = s + 1; i < e; i++) {
      const key = keyB[i];
      const id = order[i];
      let j = i - 1;
      // Strictly greater: equal keys keep index order, as in the stable radix sort.
      while (j >= s && keyB[j] > key) {
        keyB[j + 1] = keyB[j];
        order[j + 1] = order[j];
        j--;
      }
      keyB[j + 1] = key;
      order[j + 1] = id;
      budget -= i - 1 - j;
    }
    if (budget < 0) return null;
  }
  return order;
}

/** LSD radix sort of keyA (3 passes of 11 bits), stable: returns the sorted indices. */
function radixSort(n: number, order: Int32Array, scratch: RankScratch): Int32Array {
  let keyA = scratch.keyA;
  let keyB = scratch.keyB;
  let idxA = order;
  let idxB = scratch.idxB;
  const count = scratch.count;
  for (let i = 0; i < n; i++) idxA[i] = i;
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
  // Three passes swap an odd number of times: the sorted indices end in scratch.idxB.
  return idxA;
}
