import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  combineResultsParts,
  computeResults,
  drawOfThree,
  laureateCertificate,
  METHODS,
  mulberry32,
  MULBERRY32_STEP,
  randomInt,
  resultsBootstrapPart,
  type ResultsInput,
  type ResultsOptions,
} from "../../scoring/index";
import { rankDescending, rankScratch } from "../../scoring/rank-descending";
import { TIE_TOLERANCE } from "../../scoring/ranking";

/** The bench's synthetic edition: jurors with a bias, `perApp` distinct jurors per application. */
function edition(apps: number, jurors: number, perApp: number, criteria: number, seed: number): ResultsInput {
  const next = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const keys = Array.from({ length: criteria }, (_, c) => `c${c}`);
  const bias = Array.from({ length: jurors }, () => gauss() * 0.8);
  const reviews: ResultsInput["reviews"] = [];
  for (let a = 0; a < apps; a++) {
    const quality = 5 + 1.5 * gauss();
    const chosen = new Set<number>();
    if (perApp >= jurors) for (let j = 0; j < jurors; j++) chosen.add(j);
    else while (chosen.size < perApp) chosen.add(Math.floor(next() * jurors));
    for (const j of [...chosen].sort((x, y) => x - y)) {
      const scores: Record<string, number> = {};
      for (const k of keys) scores[k] = Math.max(0, Math.min(10, Math.round(quality + bias[j] + gauss())));
      reviews.push({ applicationId: `A${a}`, jurorId: `J${j}`, scores, confidence: 1 + Math.floor(next() * 3) });
    }
  }
  return { criteria: keys.map((key, i) => ({ key, weight: 1 + (i % 3) })), scale: { min: 0, max: 10 }, reviews };
}

const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/** Splits [0, B) at `cuts` sorted random points into `chunks` ranges, some possibly empty. */
function split(B: number, chunks: number, seed: number): [number, number][] {
  const next = mulberry32(seed);
  const cuts = Array.from({ length: chunks - 1 }, () => Math.floor(next() * (B + 1))).sort((x, y) => x - y);
  const bounds = [0, ...cuts, B];
  return bounds.slice(1).map((to, i) => [bounds[i], to]);
}

function inParts(input: ResultsInput, options: ResultsOptions, ranges: [number, number][]) {
  const parts = ranges.map(([from, to]) => resultsBootstrapPart(input, options, from, to));
  return combineResultsParts(input, options, parts.reverse());
}

describe("results bootstrap", () => {
  // Hashes of computeResults' JSON as computed before the bootstrap was made splittable and
  // faster: frozen decision snapshots must re-derive exactly, so these never change.
  const published: [ResultsInput, number, string[]][] = [
    [
      edition(6, 3, 2, 2, 5),
      7,
      ["64454c4f9dc1c362", "f66402288b3de60f", "e8dbd332a5902c91", "5f97f7b99b49684d", "b2a6a5588db5a419"],
    ],
    [
      edition(150, 5, 5, 5, 1),
      65,
      ["b01c9b00fabe8abf", "34645de2e01b39e3", "8fb6a35dc51d4985", "8c7ff850e1fea75c", "1563d14dba43f2fe"],
    ],
    [
      edition(150, 5, 5, 5, 1),
      500,
      ["0c0212ee218322e0", "2ba6386a67581784", "cb3ba80dcf43b14c", "8824abacdb792677", "2cd9a836ef227a9a"],
    ],
    [
      edition(300, 4, 4, 1, 11),
      257,
      ["af2ed58ae478bc1c", "a16203f613eb43d7", "55af1bfbf04c85c7", "a56d573cbb22a113", "69c4013543aac1df"],
    ],
    // Three reviews an application and whole criteria points (the ranking's no-sort path,
    // decision 035; the fit's unrolled sweep is pinned in juror-bias-sweeps.test.ts): computed at
    // 461f288, before either existed.
    [
      edition(3000, 40, 3, 8, 9),
      120,
      ["cc09f78d3ab3c31f", "afc6e8d8a31c6a95", "4881d4507b5680b2", "e20e8df55db40644", "c469762a20b27672"],
    ],
  ];

  it("computes exactly the results published before it was made splittable, under every method", () => {
    for (const [input, bootstrap, hashes] of published) {
      const got = METHODS.map((method) => digest(computeResults(input, { method, bootstrap, seed: 1, laureates: 2 })));
      expect(got).toEqual(hashes);
    }
  });

  it("computes exactly the laureates' certificate published before the ranking sort changed", () => {
    const certificate = laureateCertificate(edition(150, 5, 5, 5, 1), { method: "jurorBias", laureates: 2, seed: 1 });
    expect(digest(certificate)).toBe("c4c8b103a153671c");
  });

  it("gives the same JSON computed at once or in 1, 2, 3 and 7 parts combined, under every method", () => {
    const input = edition(120, 6, 3, 3, 4);
    for (const method of METHODS) {
      for (const bootstrap of [1, 39, 333]) {
        const options = { method, bootstrap, seed: 17, laureates: 3 };
        const whole = JSON.stringify(computeResults(input, options));
        for (const chunks of [1, 2, 3, 7]) {
          expect(JSON.stringify(inParts(input, options, split(bootstrap, chunks, chunks * bootstrap)))).toBe(whole);
        }
      }
    }
  });

  it("gives the same JSON whatever the split, for any seed and number of resamples", () => {
    const input = edition(40, 4, 3, 2, 8);
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        (method, bootstrap, chunks, seed) => {
          const options = { method, bootstrap, seed, laureates: 2 };
          const whole = JSON.stringify(computeResults(input, options));
          return JSON.stringify(inParts(input, options, split(bootstrap, chunks, seed))) === whole;
        },
      ),
      { numRuns: 40 },
    );
  });

  it("ranks 65,536 applications (past 16-bit ranks): one review each, every resample the full data", () => {
    // One review an application: each resample draws it again, so every interval is the
    // application's own rank and its laureate probability is 1 exactly when that rank ≤ 2.
    const A = 65_536;
    const input: ResultsInput = {
      criteria: [{ key: "c", weight: 1 }],
      scale: { min: 0, max: 100_000 },
      reviews: Array.from({ length: A }, (_, a) => ({
        applicationId: `A${a}`,
        jurorId: `J${a % 7}`,
        scores: { c: (a * 7919) % 100_000 },
      })),
    };
    const results = computeResults(input, { bootstrap: 3, seed: 1 });
    expect(results.applications).toHaveLength(A);
    const off = results.applications.filter(
      (a) =>
        a.rankInterval!.low !== a.rank ||
        a.rankInterval!.high !== a.rank ||
        a.laureateProbability !== (a.rank <= 2 ? 1 : 0),
    );
    expect(off).toEqual([]);
    expect(Math.max(...results.applications.map((a) => a.rank))).toBeGreaterThan(65_535);
  }, 60_000);

  it("draws one review of three exactly as mulberry32 does, draw after draw, from any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (seed) => {
        const next = mulberry32(seed);
        for (let d = 1; d <= 300; d++) {
          if (drawOfThree(seed + d * MULBERRY32_STEP) !== randomInt(next, 3)) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it("refuses parts that overlap, leave a gap, or come from another bootstrap", () => {
    const input = edition(20, 3, 2, 2, 3);
    const options = { bootstrap: 100, seed: 1 };
    const part = (from: number, to: number, o: ResultsOptions = options) => resultsBootstrapPart(input, o, from, to);
    expect(() => combineResultsParts(input, options, [part(0, 50), part(60, 100)])).toThrow(/resample 50 is missing/);
    expect(() => combineResultsParts(input, options, [part(0, 60), part(50, 100)])).toThrow(/resample 50 is repeated/);
    expect(() => combineResultsParts(input, options, [part(0, 50)])).toThrow(/\[50, 100\) are missing/);
    expect(() => combineResultsParts(input, options, [])).toThrow(/no parts/);
    const other = { bootstrap: 200, seed: 1 };
    expect(() => combineResultsParts(input, options, [part(0, 100, other)])).toThrow(/does not belong/);
    expect(() => part(-1, 10)).toThrow(/0 ≤ from ≤ to ≤ 100/);
    expect(() => part(10, 101)).toThrow(/0 ≤ from ≤ to ≤ 100/);
    expect(() => part(0, 0, { bootstrap: 0 })).toThrow(/disabled/);
  });
});

describe("rankDescending", () => {
  /** The definition: sort by the quantised key then index, group within the tie tolerance. */
  function reference(scores: Float64Array): number[] {
    const lo = Math.min(...scores);
    const hi = Math.max(...scores);
    if (!(hi - lo > TIE_TOLERANCE)) return Array.from(scores, () => 1);
    const scale = 4294967295 / (hi - lo);
    const key = Array.from(scores, (s) => 4294967295 - Math.min(4294967295, Math.floor((s - lo) * scale)));
    const order = [...scores.keys()].sort((x, y) => key[x] - key[y] || x - y);
    const rank = new Array<number>(scores.length);
    let head = 0;
    order.forEach((i, p) => {
      if (scores[order[head]] - scores[i] > TIE_TOLERANCE) head = p;
      rank[i] = head + 1;
    });
    return rank;
  }

  it("ranks spread, tied and tightly clustered scores as the definition does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.25, 0.5, 0.5 + 1e-10)), {
          minLength: 1,
          maxLength: 400,
        }),
        fc.boolean(),
        (values, clustered) => {
          // Clustered: one far outlier squeezes the rest into a few buckets (the radix fallback).
          const scores = Float64Array.from(clustered ? [...values.map((v) => v * 1e-3), 1000] : values);
          const order = new Int32Array(scores.length);
          const rank = new Int32Array(scores.length);
          rankDescending(scores, order, rank, rankScratch(scores.length));
          expect(Array.from(rank)).toEqual(reference(scores));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ranks scores of few distinct values without sorting, as the definition does", () => {
    fc.assert(
      fc.property(
        // Whole criteria points averaged over a few reviews: a few hundred distinct values.
        fc.array(fc.integer({ min: 0, max: 450 }), { minLength: 2, maxLength: 3000 }),
        fc.integer({ min: 1, max: 3 }),
        (points, reviews) => {
          const scores = Float64Array.from(points, (p) => p / (150 * reviews));
          const order = new Int32Array(scores.length);
          const rank = new Int32Array(scores.length);
          const scratch = rankScratch(scores.length);
          rankDescending(scores, order, rank, scratch);
          expect(Array.from(rank)).toEqual(reference(scores));
        },
      ),
      { numRuns: 200 },
    );
    // The shortcut is taken (the check is not put off) for such scores, and not for spread ones.
    const discrete = Float64Array.from({ length: 2000 }, (_, i) => (i % 37) / 36);
    const scratch = rankScratch(discrete.length);
    const rank = new Int32Array(discrete.length);
    rankDescending(discrete, new Int32Array(discrete.length), rank, scratch);
    expect(scratch.skipCheck).toBe(0);
    expect(Array.from(rank)).toEqual(reference(discrete));
    const next = mulberry32(3);
    const spread = Float64Array.from({ length: 2000 }, () => next());
    rankDescending(spread, new Int32Array(spread.length), rank, scratch);
    expect(scratch.skipCheck).toBeGreaterThan(0);
    expect(Array.from(rank)).toEqual(reference(spread));
  });

  it("keeps one tie group across a bucket boundary and splits a bucket holding two groups", () => {
    const n = 2000;
    const scratch = rankScratch(n);
    const shift = 32 - scratch.bits;
    // The score at which the key crosses from one bucket to the next, on scores spanning [0, 1].
    const scale = 4294967295 / 1;
    const boundary = (4294967295 - 300 * 2 ** shift) / scale;
    const cases = [
      // Within the tolerance of each other, on either side of the boundary: one group.
      [boundary - TIE_TOLERANCE / 3, boundary + TIE_TOLERANCE / 3],
      // Two groups 2·tolerance apart inside one bucket.
      [0.5, 0.5 + 2 * TIE_TOLERANCE],
      // A chain: each within the tolerance of the next, the ends not.
      [0.25, 0.25 + 0.6 * TIE_TOLERANCE, 0.25 + 1.2 * TIE_TOLERANCE],
    ];
    for (const values of cases) {
      const scores = Float64Array.from({ length: n }, (_, i) =>
        i === 0 ? 0 : i === 1 ? 1 : i < 2 + values.length * 20 ? values[i % values.length] : (i % 37) / 36,
      );
      const rank = new Int32Array(n);
      scratch.skipCheck = 0;
      rankDescending(scores, new Int32Array(n), rank, scratch);
      expect(Array.from(rank)).toEqual(reference(scores));
    }
  });
});
