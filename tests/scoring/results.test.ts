import { describe, expect, it } from "vitest";
import { computeResults, type ResultsInput } from "../../scoring/index";

const c = (x: number, digits = 10) => expect.closeTo(x, digits);
const rv = (applicationId: string, jurorId: string, q: number, confidence?: number) => ({
  applicationId,
  jurorId,
  scores: { q },
  ...(confidence === undefined ? {} : { confidence }),
});
/** Paths of every number in a value that is NaN or infinite. */
function nonFinite(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  }
  return [];
}
const one = [{ key: "q", weight: 1 }];
const scale = { min: 0, max: 10 };

// Three applications, two jurors; J1 is more lenient than J2.
const small: ResultsInput = {
  criteria: one,
  scale,
  reviews: [rv("A", "J1", 8), rv("B", "J1", 6), rv("C", "J1", 4), rv("A", "J2", 6), rv("B", "J2", 6), rv("C", "J2", 2)],
};

describe("computeResults", () => {
  it("computeResults builds the whole table for a small fully crossed edition", () => {
    // Hand check: J1 mean .6 sd .1633, J2 mean .4667 sd .1886, consensus mean .5333 sd .1886;
    // zScore(A) = .5333 + .1886·(1.2247 + .7071)/2 = .71547; biases ±1/15; ICC(2,1) = .75, ICC(2,k) = 6/7.
    const r = computeResults(small, { bootstrap: 0 });
    const app = (
      id: string,
      rank: number,
      m: number,
      z: number,
      sd: number,
      range: number,
      scores: [number, number],
      mz: [number, number],
    ) => ({
      applicationId: id,
      rank,
      position: rank,
      tied: false,
      scores: { mean: c(m), median: c(m), trimmedMean: c(m), zScore: c(z), jurorBias: c(m) },
      rankInterval: { low: rank, high: rank },
      laureateProbability: rank <= 2 ? 1 : 0,
      sd: c(sd),
      range: c(range),
      reviewCount: 2,
      reviews: [
        { jurorId: "J1", score: c(scores[0]), outlier: false, modifiedZ: c(mz[0]) },
        { jurorId: "J2", score: c(scores[1]), outlier: false, modifiedZ: c(mz[1]) },
      ],
    });
    expect(r).toEqual({
      method: "mean",
      laureates: 2,
      bootstrap: 0,
      seed: 1,
      criteria: one,
      applications: [
        app("A", 1, 0.7, 0.7154700538, Math.SQRT2 / 10, 0.2, [0.8, 0.6], [0.6745, -0.6745]),
        app("B", 2, 0.6, 0.6, 0, 0, [0.6, 0.6], [0, 0]),
        app("C", 3, 0.3, 0.2845299462, Math.SQRT2 / 10, 0.2, [0.4, 0.2], [0.6745, -0.6745]),
      ],
      reliability: {
        icc: { single: c(0.75), average: c(6 / 7), singleBand: "good", averageBand: "good" },
        iccNote: "",
        alpha: { value: c(0.6875), band: "tentative" },
        alphaNote: "",
        kendallW: c(13 / 14),
      },
      jurors: [
        { jurorId: "J1", reviews: 3, leniency: c(1 / 15), bias: c(1 / 15), mean: c(0.6), sd: c(Math.sqrt(0.08 / 3)) },
        {
          jurorId: "J2",
          reviews: 3,
          leniency: c(-1 / 15),
          bias: c(-1 / 15),
          mean: c(1.4 / 3),
          sd: c(Math.sqrt(0.32 / 9)),
        },
      ],
      notes: [],
    });
  });

  it("computeResults shares the competition rank between ties, flags them and orders them by mean, median, then id", () => {
    const r = computeResults(
      {
        criteria: one,
        scale,
        reviews: [
          rv("Z", "J1", 9),
          rv("Y", "J1", 5),
          rv("Y", "J2", 5),
          rv("Y", "J3", 9),
          rv("X", "J2", 5),
          rv("X", "J3", 5),
          rv("W", "J1", 1),
        ],
      },
      { method: "median", bootstrap: 0, laureates: 2 },
    );
    expect(r.applications.map((a) => [a.applicationId, a.rank, a.position, a.tied])).toEqual([
      ["Z", 1, 1, false],
      ["Y", 2, 2, true], // median .5 like X, higher mean wins the tie-break
      ["X", 2, 3, true],
      ["W", 4, 4, false],
    ]);
  });

  it("computeResults flags a single deviant review with the modified z-score even when MAD is 0", () => {
    const r = computeResults(
      {
        criteria: one,
        scale,
        reviews: [rv("A", "J1", 8), rv("A", "J2", 8), rv("A", "J3", 8), rv("A", "J4", 7), rv("A", "J5", 0)],
      },
      { bootstrap: 0 },
    );
    // median .8, deviations 0 0 0 .1 .8 → MAD 0, mean absolute deviation .18
    expect(r.applications[0].reviews).toEqual([
      { jurorId: "J1", score: c(0.8), outlier: false, modifiedZ: 0 },
      { jurorId: "J2", score: c(0.8), outlier: false, modifiedZ: 0 },
      { jurorId: "J3", score: c(0.8), outlier: false, modifiedZ: 0 },
      { jurorId: "J4", score: c(0.7), outlier: false, modifiedZ: c(-0.1 / (1.253314 * 0.18)) },
      { jurorId: "J5", score: c(0), outlier: true, modifiedZ: c(-0.8 / (1.253314 * 0.18)) },
    ]);
    expect(r.applications[0].scores.trimmedMean).toBeCloseTo((0.8 + 0.8 + 0.7) / 3, 12);
  });

  it("computeResults gives a clear winner rank interval 1–1 and laureate probability 1 in the bootstrap", () => {
    const reviews = [];
    for (const j of ["J1", "J2", "J3"]) {
      reviews.push(
        rv("best", j, 10),
        rv("mid1", j, j === "J1" ? 6 : 4),
        rv("mid2", j, j === "J2" ? 6 : 4),
        rv("low", j, 0),
      );
    }
    const r = computeResults({ criteria: one, scale, reviews }, { laureates: 1, bootstrap: 500, seed: 3 });
    expect(r.applications[0]).toMatchObject({
      applicationId: "best",
      rankInterval: { low: 1, high: 1 },
      laureateProbability: 1,
    });
    expect(r.applications[3]).toMatchObject({
      applicationId: "low",
      rankInterval: { low: 4, high: 4 },
      laureateProbability: 0,
    });
    const mid = r.applications.filter((a) => a.applicationId.startsWith("mid"));
    for (const a of mid) {
      expect(a.rankInterval.low).toBe(2);
      expect(a.rankInterval.high).toBe(3);
    }
  });

  it("computeResults gives byte-identical JSON for the same input and seed, for every official method", () => {
    const reviews = [];
    for (let a = 0; a < 12; a++)
      for (let j = 0; j < 4; j++)
        if ((a + j) % 4 !== 0) reviews.push(rv(`A${a}`, `J${j}`, (a * 7 + j * 3) % 11, 1 + (j % 2)));
    for (const method of ["mean", "median", "trimmedMean", "zScore", "jurorBias"] as const) {
      const first = computeResults({ criteria: one, scale, reviews }, { method, bootstrap: 300, seed: 42 });
      expect(nonFinite(first)).toEqual([]);
      const a = JSON.stringify(first);
      const b = JSON.stringify(
        computeResults({ criteria: one, scale, reviews: [...reviews].reverse() }, { method, bootstrap: 300, seed: 42 }),
      );
      expect(b).toBe(a);
    }
  });

  it("computeResults applies a what-if weights override to the review scores", () => {
    const input: ResultsInput = {
      criteria: [
        { key: "a", weight: 1 },
        { key: "b", weight: 1 },
      ],
      scale,
      reviews: [
        { applicationId: "P", jurorId: "J", scores: { a: 10, b: 0 } },
        { applicationId: "Q", jurorId: "J", scores: { a: 0, b: 6 } },
      ],
    };
    expect(computeResults(input, { bootstrap: 0 }).applications.map((a) => a.applicationId)).toEqual(["P", "Q"]);
    const r = computeResults(input, { bootstrap: 0, weights: { a: 1, b: 3 } });
    expect(r.applications.map((a) => [a.applicationId, a.scores.mean])).toEqual([
      ["Q", c(0.45)],
      ["P", c(0.25)],
    ]);
    expect(r.criteria).toEqual([
      { key: "a", weight: 1 },
      { key: "b", weight: 3 },
    ]);
  });

  it("computeResults reports no ICC for an incomplete design but still reports alpha", () => {
    const r = computeResults({ criteria: one, scale, reviews: small.reviews.slice(0, 5) }, { bootstrap: 0 });
    expect(r.reliability.icc).toBeNull();
    expect(r.reliability.iccNote).toMatch(/5 of 6 pairs/);
    expect(r.reliability.alpha).not.toBeNull();
  });

  it("computeResults explains a disconnected design in notes unless jurorBias is official", () => {
    const reviews = [rv("A", "J1", 8), rv("B", "J1", 6), rv("C", "J2", 4), rv("D", "J2", 2)];
    const r = computeResults({ criteria: one, scale, reviews }, { bootstrap: 0 });
    expect(r.notes[0]).toMatch(/not connected/);
    expect(() => computeResults({ criteria: one, scale, reviews }, { method: "jurorBias", bootstrap: 0 })).toThrow(
      /group 1: jurors J1; applications A, B \| group 2: jurors J2; applications C, D/,
    );
  });
});

describe("computeResults bad input", () => {
  it("computeResults throws on empty reviews", () => {
    expect(() => computeResults({ criteria: one, scale, reviews: [] })).toThrow(/empty input/);
  });
  it("computeResults throws on a NaN score naming application, juror and criterion", () => {
    expect(() => computeResults({ criteria: one, scale, reviews: [rv("A7", "J3", Number.NaN)] })).toThrow(
      /application A7 by juror J3: score for criterion "q" is not a finite number/,
    );
  });
  it("computeResults throws on an infinite score naming application and juror", () => {
    expect(() => computeResults({ criteria: one, scale, reviews: [rv("A7", "J3", Infinity)] })).toThrow(
      /application A7 by juror J3/,
    );
  });
  it("computeResults throws on an unknown criterion key naming it", () => {
    const reviews = [{ applicationId: "A", jurorId: "J", scores: { q: 1, qq: 2 } }];
    expect(() => computeResults({ criteria: one, scale, reviews })).toThrow(/unknown criterion key "qq"/);
  });
  it("computeResults throws on an unknown criterion in the weights override", () => {
    expect(() => computeResults(small, { weights: { nope: 2 } })).toThrow(/unknown criterion key "nope"/);
  });
  it("computeResults throws when a listed juror has no reviews, naming the juror", () => {
    expect(() => computeResults({ ...small, jurors: ["J1", "J2", "J9"] })).toThrow(/juror J9 has no reviews/);
  });
  it("computeResults throws on a duplicate review naming juror and application", () => {
    expect(() => computeResults({ criteria: one, scale, reviews: [rv("A", "J", 1), rv("A", "J", 2)] })).toThrow(
      /juror J reviewed application A more than once/,
    );
  });
  it("computeResults throws on an unknown method and on too many laureates", () => {
    expect(() => computeResults(small, { method: "best" as never })).toThrow(/unknown method "best"/);
    expect(() => computeResults(small, { laureates: 4 })).toThrow(
      /laureates must be an integer from 1 to the number of applications \(3\)/,
    );
  });
  it("computeResults throws on a non-positive confidence naming the review", () => {
    expect(() => computeResults({ criteria: one, scale, reviews: [rv("A", "J", 1, 0)] })).toThrow(
      /application A by juror J must be a positive/,
    );
  });
});
