import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeResults, mulberry32, type Method, type ResultsInput } from "../../scoring/index";

const criteria = [
  { key: "impact", weight: 2 },
  { key: "design", weight: 1 },
];
const scale = { min: 0, max: 20 };

/** A connected design: application a is read by jurors a mod J and (a+1) mod J, plus random extras. */
const editionArb = fc
  .record({
    apps: fc.integer({ min: 2, max: 7 }),
    jurors: fc.integer({ min: 2, max: 4 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ apps, jurors, seed }): ResultsInput => {
    const next = mulberry32(seed);
    const reviews: ResultsInput["reviews"] = [];
    for (let a = 0; a < apps; a++) {
      for (let j = 0; j < jurors; j++) {
        const inDesign = j === a % jurors || j === (a + 1) % jurors || next() < 0.4;
        if (!inDesign) continue;
        reviews.push({
          applicationId: `app-${a}`,
          jurorId: `jur-${j}`,
          scores: { impact: Math.floor(next() * 11), design: Math.floor(next() * 11) },
          confidence: 1 + Math.floor(next() * 3),
        });
      }
    }
    return { criteria, scale, reviews };
  });

function shuffled<T>(items: T[], seed: number): T[] {
  const next = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const k = Math.floor(next() * (i + 1));
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
}

const ranksOf = (input: ResultsInput, method: Method) =>
  Object.fromEntries(
    computeResults(input, { method, bootstrap: 0 }).applications.map((a) => [a.applicationId, a.rank]),
  );

describe("computeResults properties", () => {
  it("results do not depend on the order of reviews, jurors or criteria", () => {
    fc.assert(
      fc.property(
        editionArb,
        fc.integer(),
        fc.constantFrom<Method>("mean", "zScore", "jurorBias", "trimmedMean"),
        (input, seed, method) => {
          const options = { method, bootstrap: 50, seed: 9 };
          const reordered: ResultsInput = {
            ...input,
            criteria: [...input.criteria].reverse(),
            reviews: shuffled(input.reviews, seed),
          };
          expect(JSON.stringify(computeResults(reordered, options))).toBe(
            JSON.stringify(computeResults(input, options)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("adding a constant to every score of one juror leaves zScore and jurorBias ranks unchanged", () => {
    fc.assert(
      fc.property(
        editionArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 9 }),
        (input, jurorPick, shift) => {
          const jurors = [...new Set(input.reviews.map((r) => r.jurorId))].sort();
          const target = jurors[jurorPick % jurors.length];
          const shiftedInput: ResultsInput = {
            ...input,
            reviews: input.reviews.map((r) =>
              r.jurorId === target
                ? { ...r, scores: { impact: r.scores.impact + shift, design: r.scores.design + shift } }
                : r,
            ),
          };
          for (const method of ["zScore", "jurorBias"] as const) {
            expect(ranksOf(shiftedInput, method)).toEqual(ranksOf(input, method));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("with all jurors identical every reliability measure is 1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 8 }).filter((xs) => new Set(xs).size > 1),
        fc.integer({ min: 2, max: 5 }),
        (appScores, jurors) => {
          const reviews = appScores.flatMap((score, a) =>
            Array.from({ length: jurors }, (_, j) => ({
              applicationId: `a${a}`,
              jurorId: `j${j}`,
              scores: { impact: score, design: score },
            })),
          );
          const r = computeResults({ criteria, scale, reviews }, { bootstrap: 0 });
          expect(r.reliability).toEqual({
            icc: {
              single: expect.closeTo(1, 9),
              average: expect.closeTo(1, 9),
              singleBand: "excellent",
              averageBand: "excellent",
            },
            iccNote: "",
            alpha: { value: expect.closeTo(1, 9), band: "reliable" },
            alphaNote: "",
            kendallW: expect.closeTo(1, 9),
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it("the same input and seed give byte-identical output", () => {
    fc.assert(
      fc.property(editionArb, fc.integer({ min: 0, max: 2 ** 31 }), (input, seed) => {
        const a = JSON.stringify(computeResults(input, { method: "jurorBias", bootstrap: 100, seed }));
        const b = JSON.stringify(computeResults(structuredClone(input), { method: "jurorBias", bootstrap: 100, seed }));
        expect(b).toBe(a);
      }),
      { numRuns: 20 },
    );
  });
});
