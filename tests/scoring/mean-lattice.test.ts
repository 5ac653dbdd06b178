import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../scoring/index";
import { latticeRanksOfResample, meanLattice } from "../../scoring/mean-lattice";
import { rankDescending, rankScratch } from "../../scoring/rank-descending";

/** The float means of a resample drawn from mulberry32 at `state`, ranked as the bootstrap ranked them before. */
function floatRanks(state: number, start: Int32Array, score: Float64Array): Int32Array {
  const A = start.length - 1;
  const next = mulberry32(state);
  const means = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    const n = start[a + 1] - start[a];
    let sum = 0;
    for (let k = 0; k < n; k++) sum += score[start[a] + Math.floor(next() * n)];
    means[a] = n === 3 ? sum / 3 : sum / n;
  }
  const rank = new Int32Array(A);
  rankDescending(means, new Int32Array(A), rank, rankScratch(A));
  return rank;
}

function latticeRanks(state: number, start: Int32Array, score: Float64Array): Int32Array {
  const A = start.length - 1;
  const lattice = meanLattice(start, score);
  if (!lattice) throw new Error("no lattice");
  const rank = new Int32Array(A);
  latticeRanksOfResample(state, start, lattice, new Int32Array(A), new Int32Array(lattice.levels), rank);
  return rank;
}

/** Review scores as a weighted mean of whole criteria points: multiples of 1/steps, from `low`. */
const edition = fc
  .record({
    // Three reviews weighed up, so that runs of them (drawn in a loop of their own) lie between
    // other counts, at the start and at the end.
    counts: fc.array(
      fc.oneof({ arbitrary: fc.constant(3), weight: 2 }, { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 1 }),
      { minLength: 1, maxLength: 60 },
    ),
    steps: fc.constantFrom(1, 2, 3, 9, 16, 100),
    low: fc.constantFrom(0, 1, -2),
    seed: fc.integer(),
  })
  .map(({ counts, steps, low, seed }) => {
    const next = mulberry32(seed);
    const start = new Int32Array(counts.length + 1);
    counts.forEach((n, a) => (start[a + 1] = start[a] + n));
    const score = Float64Array.from(
      { length: start[counts.length] },
      () => low + Math.floor(next() * 10 * steps) / steps,
    );
    return { start, score, seed };
  });

describe("the official mean's resamples ranked from whole numbers", () => {
  it("gives every resample the ranks of its float means, with mixed review counts and any step", () => {
    fc.assert(
      fc.property(edition, ({ start, score, seed }) => {
        for (let s = 0; s < 5; s++) {
          const state = (seed + Math.imul(s * score.length, 0x6d2b79f5)) | 0;
          expect(latticeRanks(state, start, score)).toEqual(floatRanks(state, start, score));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("ranks ties alike and gives the all-equal resample rank 1 everywhere", () => {
    const start = Int32Array.of(0, 1, 2, 3);
    expect([...latticeRanks(7, start, Float64Array.of(5, 5, 5))]).toEqual([1, 1, 1]);
    expect([...latticeRanks(7, start, Float64Array.of(5, 7.25, 5))]).toEqual([2, 1, 2]);
  });

  it("finds the step of whole criteria points (weights summing to 16: sixteenths, 481 keys for three reviews)", () => {
    const start = Int32Array.of(0, 3, 6);
    const lattice = meanLattice(start, Float64Array.of(0, 5.0625, 10, 7.5, 2.125, 3))!;
    expect(lattice.levels).toBe(10 * 16 * 3 + 1);
    expect([...lattice.code]).toEqual([0, 81, 160, 120, 34, 48]);
    expect([...lattice.keyScale]).toEqual([1, 1]);
    // A third of a point, as a float, is on the lattice of thirds.
    expect(meanLattice(Int32Array.of(0, 2), Float64Array.of(22 / 3, 0))?.levels).toBe(22 * 2 + 1);
  });

  it("gives none where the floats must be ranked: scores off any step, steps too fine, too many keys", () => {
    expect(meanLattice(Int32Array.of(0, 2), Float64Array.of(Math.PI, 1))).toBeNull();
    expect(meanLattice(Int32Array.of(0, 2), Float64Array.of(1 / 241, 0))).toBeNull();
    expect(meanLattice(Int32Array.of(0, 1), Float64Array.of(Number.NaN))).toBeNull();
    // Review counts 1 to 25: their least common multiple alone is past the table's size.
    const start = Int32Array.from({ length: 26 }, (_, a) => (a * (a + 1)) / 2);
    expect(meanLattice(start, new Float64Array(start[25]).fill(1))).toBeNull();
  });

  it("refuses offsets that do not describe the scores, or an application without a review", () => {
    expect(() => meanLattice(Int32Array.of(0, 3), Float64Array.of(1, 2))).toThrow(
      "meanLattice: the offsets must run from 0 to the 2 scores, got 0–3",
    );
    expect(() => meanLattice(Int32Array.of(0, 0, 2), Float64Array.of(1, 2))).toThrow(
      "meanLattice: application 0 has no review",
    );
  });
});
