import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeResults,
  fitJurorBias,
  marginOfVictory,
  mean,
  median,
  METHODS,
  mulberry32,
  reviewScore,
  trimmedMean,
  zScoreNormalise,
  type MarginOfVictory,
  type Method,
  type ResultsInput,
} from "../../scoring/index";

const one = [{ key: "q", weight: 1 }];
const scale = { min: 0, max: 10 };
const rv = (applicationId: string, jurorId: string, q: number) => ({ applicationId, jurorId, scores: { q } });

/**
 * Application scores under `method`, from the exported building blocks (criteria in key order, as computeResults uses
 * them).
 */
function methodScores(input: ResultsInput, method: Method): Map<string, number> {
  const criteria = [...input.criteria].sort((a, b) => (a.key < b.key ? -1 : 1));
  const scored = input.reviews.map((r) => ({
    applicationId: r.applicationId,
    jurorId: r.jurorId,
    score: reviewScore(r.scores, criteria, input.scale),
  }));
  if (method === "zScore") return new Map(zScoreNormalise(scored).applications.map((a) => [a.applicationId, a.score]));
  if (method === "jurorBias")
    return new Map(fitJurorBias(scored).applications.map((a) => [a.applicationId, a.quality]));
  const byApp = new Map<string, number[]>();
  for (const r of [...scored].sort((x, y) => (x.jurorId < y.jurorId ? -1 : 1)))
    byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r.score]);
  const f = method === "mean" ? mean : method === "median" ? median : trimmedMean;
  return new Map([...byApp].map(([id, v]) => [id, f(v)]));
}

const laureatesOf = (input: ResultsInput, method: Method, laureates: number) =>
  computeResults(input, { method, laureates, bootstrap: 0 })
    .applications.slice(0, laureates)
    .map((a) => a.applicationId);

/** True when some application outside `inside` scores more than 1e-9 above one inside it. */
function flipped(input: ResultsInput, method: Method, inside: Set<string>): boolean {
  let maxOut = -Infinity;
  let minIn = Infinity;
  for (const [id, s] of methodScores(input, method)) {
    if (inside.has(id)) minIn = Math.min(minIn, s);
    else maxOut = Math.max(maxOut, s);
  }
  return maxOut - minIn > 1e-9;
}

/**
 * Brute force: every change of exactly 1, 2, … scores (each to every other value), and every
 * change of exactly 1, 2, … points, until one flips the laureate set.
 */
function bruteForce(input: ResultsInput, method: Method, laureates: number): { scores: number; points: number } {
  const inside = new Set(laureatesOf(input, method, laureates));
  const cells = input.reviews.flatMap((_, i) => input.criteria.map((c) => [i, c.key] as const));
  const firstLevel = (cost: (from: number, to: number) => number) => {
    const reviews = input.reviews.map((r) => ({ ...r, scores: { ...r.scores } }));
    const visit = (from: number, left: number): boolean => {
      if (left === 0) return flipped({ ...input, reviews }, method, inside);
      for (let c = from; c < cells.length; c++) {
        const [i, k] = cells[c];
        const x = input.reviews[i].scores[k];
        for (let v = input.scale.min; v <= input.scale.max; v++) {
          if (v === x || cost(x, v) > left) continue;
          reviews[i].scores[k] = v;
          if (visit(c + 1, left - cost(x, v))) return true;
          reviews[i].scores[k] = x;
        }
      }
      return false;
    };
    let level = 1;
    while (!visit(0, level)) level++;
    return level;
  };
  return { scores: firstLevel(() => 1), points: firstLevel((x, v) => Math.abs(x - v)) };
}

/** The edition with the margin's change applied. */
function applyChanges(input: ResultsInput, m: MarginOfVictory): ResultsInput {
  const changed = structuredClone(input);
  for (const c of m.changes) {
    const review = changed.reviews.find((r) => r.applicationId === c.applicationId && r.jurorId === c.jurorId)!;
    expect(review.scores[c.criterion]).toBe(c.from);
    review.scores[c.criterion] = c.to;
  }
  return changed;
}

/**
 * The change is real: it costs `points`, flips the set, and moves exactly `entering` and `leaving` in the results
 * table.
 */
function expectChangeFlips(input: ResultsInput, m: MarginOfVictory, method: Method, laureates: number): void {
  const before = laureatesOf(input, method, laureates);
  const changed = applyChanges(input, m);
  const after = laureatesOf(changed, method, laureates);
  expect(m.changes.reduce((s, c) => s + Math.abs(c.to - c.from), 0)).toBe(m.points);
  expect(flipped(changed, method, new Set(before))).toBe(true);
  expect({ entering: m.entering, leaving: m.leaving }).toEqual({
    entering: after.filter((id) => !before.includes(id)).sort(),
    leaving: before.filter((id) => !after.includes(id)).sort(),
  });
}

/** Up to 6 applications × 5 jurors; every application read by at least two jurors; 1 criterion on 0–3 or 2 on 0–2. */
const smallEdition = fc
  .record({
    apps: fc.integer({ min: 2, max: 6 }),
    jurors: fc.integer({ min: 2, max: 5 }),
    twoCriteria: fc.boolean(),
    laureates: fc.integer({ min: 1, max: 2 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map(({ apps, jurors, twoCriteria, laureates, seed }) => {
    const next = mulberry32(seed);
    const criteria = twoCriteria
      ? [
          { key: "impact", weight: 1 + Math.floor(next() * 3) },
          { key: "design", weight: 1 },
        ]
      : one;
    const max = twoCriteria ? 2 : 3;
    const reviews: ResultsInput["reviews"] = [];
    for (let a = 0; a < apps; a++) {
      for (let j = 0; j < jurors; j++) {
        if (j !== a % jurors && j !== (a + 1) % jurors && next() >= 0.4) continue;
        reviews.push({
          applicationId: `app-${a}`,
          jurorId: `jur-${j}`,
          scores: Object.fromEntries(criteria.map((c) => [c.key, Math.floor(next() * (max + 1))])),
        });
      }
    }
    return {
      input: { criteria, scale: { min: 0, max }, reviews } as ResultsInput,
      laureates: Math.min(laureates, apps - 1),
    };
  });

describe("marginOfVictory", () => {
  it("marginOfVictory finds that one score or three points separate two applications scored 8 and 6", () => {
    const input: ResultsInput = { criteria: one, scale, reviews: [rv("A", "J1", 8), rv("B", "J1", 6)] };
    expect(marginOfVictory(input, { method: "mean", laureates: 1, scale })).toEqual({
      scores: 1,
      points: 3,
      entering: ["B"],
      leaving: ["A"],
      exact: true,
      changes: [{ applicationId: "A", jurorId: "J1", criterion: "q", from: 8, to: 5 }],
    });
  });

  it("marginOfVictory does not count a change that only ties the last laureate", () => {
    // A leads B by one point from each of two jurors: two points tie them, three separate them.
    const input: ResultsInput = {
      criteria: one,
      scale,
      reviews: [
        rv("A", "J1", 7),
        rv("A", "J2", 7),
        rv("B", "J1", 6),
        rv("B", "J2", 6),
        rv("C", "J1", 2),
        rv("C", "J2", 2),
      ],
    };
    const m = marginOfVictory(input, { method: "mean", laureates: 1, scale });
    expect({ scores: m.scores, points: m.points, exact: m.exact }).toEqual({ scores: 1, points: 3, exact: true });
    expectChangeFlips(input, m, "mean", 1);
  });

  it("marginOfVictory reports an infinite margin when no change can separate the applications", () => {
    // Each juror read one application, so every zScore is the consensus mean whatever the scores.
    const input: ResultsInput = {
      criteria: one,
      scale: { min: 0, max: 3 },
      reviews: [rv("A", "J1", 3), rv("B", "J2", 0)],
    };
    expect(marginOfVictory(input, { method: "zScore", laureates: 1 })).toEqual({
      scores: Infinity,
      points: Infinity,
      entering: [],
      leaving: [],
      exact: true,
      changes: [],
    });
  });

  for (const method of METHODS) {
    it(`marginOfVictory equals brute force on small editions under ${method}`, () => {
      fc.assert(
        fc.property(smallEdition, ({ input, laureates }) => {
          const m = marginOfVictory(input, { method, laureates, scale: input.scale });
          expect({ scores: m.scores, points: m.points, exact: m.exact }).toEqual({
            ...bruteForce(input, method, laureates),
            exact: true,
          });
          expectChangeFlips(input, m, method, laureates);
        }),
        { numRuns: 60, seed: 2025 },
      );
    });
  }

  it("marginOfVictory past its budget returns a change that does flip the set, as an upper bound", () => {
    const next = mulberry32(11);
    const criteria = [
      { key: "impact", weight: 2 },
      { key: "design", weight: 1 },
    ];
    const reviews: ResultsInput["reviews"] = [];
    for (let a = 0; a < 40; a++) {
      // Two clear leaders, so that the margin is several points.
      const quality = a < 2 ? 9 : 2 + next() * 5;
      for (let t = 0; t < 3; t++) {
        const score = () => Math.max(0, Math.min(10, Math.round(quality + (next() - 0.5) * 4)));
        reviews.push({
          applicationId: `app-${String(a).padStart(2, "0")}`,
          jurorId: `jur-${(a + t * 3) % 8}`,
          scores: { impact: score(), design: score() },
        });
      }
    }
    const input: ResultsInput = { criteria, scale, reviews };
    const summary: Record<string, unknown> = {};
    for (const method of METHODS) {
      const exact = marginOfVictory(input, { method, laureates: 2 });
      const bound = marginOfVictory(input, { method, laureates: 2, budget: 0 });
      summary[method] = {
        exact: exact.exact,
        bound: bound.exact,
        points: [exact.points, bound.points],
        scores: [exact.scores, bound.scores],
      };
      expect(bound.points).toBeGreaterThanOrEqual(exact.points);
      expect(bound.scores).toBeGreaterThanOrEqual(exact.scores);
      expectChangeFlips(input, bound, method, 2);
    }
    // With no budget only mean stays exact; at the default budget the local methods are exact
    // too, while zScore and jurorBias (240 scores, margins of 6–7 points) keep their bound.
    expect(summary).toEqual({
      mean: { exact: true, bound: true, points: [7, 7], scores: [1, 1] },
      median: { exact: true, bound: false, points: [4, 4], scores: [2, 2] },
      trimmedMean: { exact: true, bound: false, points: [4, 4], scores: [2, 2] },
      zScore: { exact: false, bound: false, points: [6, 6], scores: [1, 1] },
      jurorBias: { exact: false, bound: false, points: [7, 7], scores: [1, 1] },
    });
  });

  it("marginOfVictory does not depend on the order of reviews or criteria", () => {
    fc.assert(
      fc.property(smallEdition, fc.constantFrom<Method>(...METHODS), ({ input, laureates }, method) => {
        const reordered: ResultsInput = {
          ...input,
          criteria: [...input.criteria].reverse(),
          reviews: [...input.reviews].reverse(),
        };
        expect(marginOfVictory(reordered, { method, laureates })).toEqual(
          marginOfVictory(input, { method, laureates }),
        );
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it("marginOfVictory throws on empty input, bad laureates, unknown methods, fractional scores and a scale wider than the edition's", () => {
    const input: ResultsInput = { criteria: one, scale, reviews: [rv("A", "J1", 8), rv("B", "J1", 6)] };
    expect(() => marginOfVictory({ ...input, reviews: [] }, { method: "mean", laureates: 1 })).toThrow(/empty input/);
    expect(() => marginOfVictory(input, { method: "mean", laureates: 2 })).toThrow(
      /laureates must be an integer from 1 to the number of applications − 1 \(1\), got 2/,
    );
    expect(() => marginOfVictory(input, { method: "best" as Method, laureates: 1 })).toThrow(/unknown method "best"/);
    expect(() =>
      marginOfVictory({ ...input, reviews: [rv("A", "J1", 7.5), rv("B", "J1", 6)] }, { method: "mean", laureates: 1 }),
    ).toThrow(/application A by juror J1: score 7.5 for criterion "q" must be a whole number within 0–10/);
    expect(() => marginOfVictory(input, { method: "mean", laureates: 1, scale: { min: 0, max: 12 } })).toThrow(
      /must lie within the edition's scale 0–10/,
    );
    expect(() => marginOfVictory(input, { method: "mean", laureates: 1, budget: -1 })).toThrow(
      /budget must be a non-negative integer/,
    );
  });
});
