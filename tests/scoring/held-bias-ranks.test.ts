import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HELD_BIAS_LISTED_REVIEWS, heldBiasRanking, heldBiasRanksOfResample } from "../../scoring/held-bias-ranks";
import { mulberry32, TIE_TOLERANCE } from "../../scoring/index";

/**
 * One resample written from the definition: mulberry32 from `seed` (the state the bootstrap
 * passes), each application in turn draws as many of its reviews as it has; its quality is
 * Σ c·wy / Σ c·w over its reviews in order (c: times drawn); competition ranks, descending, a
 * quality within the tolerance of its group's first sharing that group's rank.
 */
function reference(start: number[], wy: number[], w: number[], seed: number): number[] {
  const next = mulberry32(seed);
  const A = start.length - 1;
  const quality = Array.from({ length: A }, (_, a) => {
    const n = start[a + 1] - start[a];
    const c = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) c[Math.floor(next() * n)]++;
    let Y = 0;
    let W = 0;
    for (let r = 0; r < n; r++) {
      Y += c[r] * wy[start[a] + r];
      W += c[r] * w[start[a] + r];
    }
    return Y / W;
  });
  const order = quality.map((_, i) => i).sort((x, y) => quality[y] - quality[x] || x - y);
  const rank = new Array<number>(A);
  let head = 0;
  order.forEach((i, p) => {
    if (quality[order[head]] - quality[i] > TIE_TOLERANCE) head = p;
    rank[i] = head + 1;
  });
  return rank;
}

function ranked(start: number[], wy: number[], w: number[], seeds: number[]): number[][] {
  const ranking = heldBiasRanking(Int32Array.from(start), Float64Array.from(wy), Float64Array.from(w));
  const rank = new Int32Array(start.length - 1);
  return seeds.map((seed) => {
    heldBiasRanksOfResample(ranking, seed, rank);
    return [...rank];
  });
}

const edition = fc
  // Three reviews weighed up, so that runs of them (drawn in a loop of their own) lie between
  // other counts, at the start and at the end.
  .array(
    fc.oneof(
      { arbitrary: fc.constant(3), weight: 2 },
      { arbitrary: fc.integer({ min: 1, max: HELD_BIAS_LISTED_REVIEWS + 2 }), weight: 1 },
    ),
    { minLength: 1, maxLength: 40 },
  )
  .chain((counts) => {
    const N = counts.reduce((x, y) => x + y, 0);
    const start = [0];
    for (const n of counts) start.push(start[start.length - 1] + n);
    // Few distinct scores and weights, so that exact ties and near ties are common.
    const review = fc.record({
      y: fc.constantFrom(-1, 0, 0.5, 1, 1 + 4e-10, 1 + 8e-10, 1 + 1.2e-9, 2),
      w: fc.constantFrom(1, 2, 3),
    });
    return fc.record({
      start: fc.constant(start),
      reviews: fc.array(review, { minLength: N, maxLength: N }),
      seeds: fc.array(fc.integer(), { minLength: 1, maxLength: 4 }),
    });
  });

describe("held-bias resamples ranked from their listed qualities", () => {
  it("ranks every resample as the definition does, listed and directly computed applications alike", () => {
    fc.assert(
      fc.property(edition, ({ start, reviews, seeds }) => {
        const w = reviews.map((r) => r.w);
        const wy = reviews.map((r) => r.w * r.y);
        expect(ranked(start, wy, w, seeds)).toEqual(seeds.map((seed) => reference(start, wy, w, seed)));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a tie group headed by its first quality across a chain of near ties", () => {
    // Four applications of one review each: 1, 1 + 0.6e-9, 1 + 1.2e-9 and 1 + 1.8e-9. The
    // highest heads a group holding the next; the third is more than the tolerance below the
    // head, so it heads its own group, which holds the fourth.
    const start = [0, 1, 2, 3, 4];
    const wy = [1, 1 + 0.6e-9, 1 + 1.2e-9, 1 + 1.8e-9];
    expect(ranked(start, wy, [1, 1, 1, 1], [7])).toEqual([[3, 3, 1, 1]]);
  });

  it("merges applications with more reviews than are listed, ties included", () => {
    const n = HELD_BIAS_LISTED_REVIEWS + 1;
    // One application of n equal reviews (always 0.5) between listed ones of 0.5 and 0.2, 0.9.
    const start = [0, 1, 1 + n, 2 + n, 3 + n];
    const wy = [0.5, ...new Array<number>(n).fill(0.5), 0.2, 0.9];
    expect(ranked(start, wy, new Array<number>(n + 3).fill(1), [1, 2])).toEqual([
      [2, 2, 4, 1],
      [2, 2, 4, 1],
    ]);
  });

  it("refuses an edition without applications, an application without reviews, or arrays that disagree", () => {
    expect(() => heldBiasRanking(Int32Array.of(0), new Float64Array(0), new Float64Array(0))).toThrow(/no application/);
    expect(() => heldBiasRanking(Int32Array.of(0, 1, 1), Float64Array.of(1), Float64Array.of(1))).toThrow(
      /application 1 has no review/,
    );
    expect(() => heldBiasRanking(Int32Array.of(0, 2), Float64Array.of(1), Float64Array.of(1))).toThrow(
      /2 reviews in start, but 1 in wy and 1 in w/,
    );
  });
});
