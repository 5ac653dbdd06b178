import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  combineResultsParts,
  computeResults,
  METHODS,
  mulberry32,
  resultsBootstrapPart,
  TIE_TOLERANCE,
  type ResultsInput,
  type ResultsOptions,
} from "../../scoring/index";

/**
 * A synthetic edition with jurors of different severity, two to four reviews an application
 * (so the draws are not all of three) and declared confidences of 1–3 (so the weights matter).
 */
function edition(apps: number, jurors: number, seed: number): ResultsInput {
  const next = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const bias = Array.from({ length: jurors }, () => gauss() * 0.8);
  const reviews: ResultsInput["reviews"] = [];
  for (let a = 0; a < apps; a++) {
    const quality = 5 + 1.5 * gauss();
    // Each application meets the next juror round the table, so the design stays connected.
    const chosen = new Set<number>([a % jurors]);
    const count = 2 + (a % 3);
    while (chosen.size < count) chosen.add(Math.floor(next() * jurors));
    for (const j of chosen) {
      const scores: Record<string, number> = {};
      for (const k of ["c0", "c1"]) scores[k] = Math.max(1, Math.min(9, Math.round(quality + bias[j] + gauss())));
      reviews.push({ applicationId: `A${a}`, jurorId: `J${j}`, scores, confidence: 1 + Math.floor(next() * 3) });
    }
  }
  return {
    criteria: [
      { key: "c0", weight: 1 },
      { key: "c1", weight: 2 },
    ],
    scale: { min: 0, max: 10 },
    reviews,
  };
}

const codeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The fixed-bias bootstrap written from its definition (decision 041): one sequential mulberry32
 * stream; in each resample every application (in id order) draws as many of its reviews (in juror
 * id order) as it has, with replacement, and its quality is the confidence-weighted mean of the
 * drawn scores minus their jurors' biases from the full-data fit; competition ranks (ties within
 * the tolerance); the 2.5% and 97.5% nearest-rank quantiles and the share of resamples in the top
 * `laureates`.
 */
function fixedBiasReference(input: ResultsInput, options: { bootstrap: number; seed: number; laureates: number }) {
  const full = computeResults(input, { method: "jurorBias", bootstrap: 0, laureates: options.laureates });
  const bias = new Map(full.jurors.map((j) => [j.jurorId, j.bias]));
  const confidence = new Map(input.reviews.map((r) => [`${r.applicationId}|${r.jurorId}`, r.confidence ?? 1]));
  const apps = full.applications.map((a) => a.applicationId).sort(codeUnits);
  const reviewsOf = new Map(
    full.applications.map((a) => [
      a.applicationId,
      [...a.reviews]
        .sort((x, y) => codeUnits(x.jurorId, y.jurorId))
        .map((r) => {
          const w = confidence.get(`${a.applicationId}|${r.jurorId}`)!;
          return { w, wy: w * (r.score - bias.get(r.jurorId)!) };
        }),
    ]),
  );
  const next = mulberry32(options.seed);
  const ranks = new Map(apps.map((id) => [id, [] as number[]]));
  for (let s = 0; s < options.bootstrap; s++) {
    const quality = apps.map((id) => {
      const reviews = reviewsOf.get(id)!;
      let Y = 0;
      let W = 0;
      for (let k = 0; k < reviews.length; k++) {
        const r = reviews[Math.floor(next() * reviews.length)];
        Y += r.wy;
        W += r.w;
      }
      return Y / W;
    });
    const order = apps.map((_, i) => i).sort((x, y) => quality[y] - quality[x] || x - y);
    let head = 0;
    order.forEach((i, p) => {
      if (quality[order[head]] - quality[i] > TIE_TOLERANCE) head = p;
      ranks.get(apps[i])!.push(head + 1);
    });
  }
  const B = options.bootstrap;
  const kLow = Math.max(1, Math.ceil(0.025 * B));
  const kHigh = Math.max(1, Math.ceil(0.975 * B));
  return new Map(
    apps.map((id) => {
      const r = [...ranks.get(id)!].sort((x, y) => x - y);
      return [
        id,
        {
          rankInterval: { low: r[kLow - 1], high: r[kHigh - 1] },
          laureateProbability: r.filter((x) => x <= options.laureates).length / B,
        },
      ];
    }),
  );
}

const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

describe("the juror-bias bootstrap with the biases held (jurorBiasBootstrap: fixed)", () => {
  it("gives every application the rank interval and laureate probability of its definition", () => {
    const input = edition(45, 6, 3);
    const options = { bootstrap: 400, seed: 9, laureates: 2 };
    const results = computeResults(input, { ...options, method: "jurorBias", jurorBiasBootstrap: "fixed" });
    const reference = fixedBiasReference(input, options);
    expect(results.applications).toHaveLength(45);
    for (const a of results.applications) {
      expect({ id: a.applicationId, ...reference.get(a.applicationId)! }).toEqual({
        id: a.applicationId,
        rankInterval: a.rankInterval,
        laureateProbability: a.laureateProbability,
      });
    }
  });

  it("keeps each application's exact extreme ranks over thousands of resamples, however often they are cut", () => {
    // 5,000 resamples: each application keeps its 125 smallest and 126 largest ranks among
    // candidates cut back again and again, and its qualities take a few values, so many ranks
    // equal the candidates' threshold.
    const input = edition(80, 5, 21);
    const options = { bootstrap: 5000, seed: 4, laureates: 3 };
    const results = computeResults(input, { ...options, method: "jurorBias", jurorBiasBootstrap: "fixed" });
    const reference = fixedBiasReference(input, options);
    const got = new Map(
      results.applications.map((a) => [
        a.applicationId,
        { rankInterval: a.rankInterval, laureateProbability: a.laureateProbability },
      ]),
    );
    expect(got).toEqual(reference);
    expect(results.applications.filter((a) => a.rankInterval!.high - a.rankInterval!.low >= 10).length).toBeGreaterThan(
      20,
    );
  });

  it("changes only the bootstrap: the scores, ranks and everything else are those of the re-fit", () => {
    const input = edition(60, 5, 4);
    const options: ResultsOptions = { method: "jurorBias", bootstrap: 300, seed: 2, laureates: 2 };
    const refit = computeResults(input, options);
    const fixed = computeResults(input, { ...options, jurorBiasBootstrap: "fixed" });
    const strip = (r: typeof refit) => ({
      ...r,
      jurorBiasBootstrap: undefined,
      applications: r.applications.map((a) => ({ ...a, rankInterval: null, laureateProbability: null })),
    });
    expect(strip(fixed)).toEqual(strip(refit));
    expect(fixed.jurorBiasBootstrap).toBe("fixed");
    // Not the same bootstrap: some interval or probability differs.
    expect(fixed.applications.map((a) => [a.rankInterval, a.laureateProbability])).not.toEqual(
      refit.applications.map((a) => [a.rankInterval, a.laureateProbability]),
    );
  });

  it("keeps every result computed before it: no option is the re-fit, and naming it only echoes it", () => {
    const input = edition(60, 5, 4);
    for (const method of METHODS) {
      const options: ResultsOptions = { method, bootstrap: 200, seed: 5, laureates: 2 };
      const before = computeResults(input, options);
      expect(before).not.toHaveProperty("jurorBiasBootstrap");
      expect(computeResults(input, { ...options, jurorBiasBootstrap: "refit" })).toEqual({
        ...before,
        jurorBiasBootstrap: "refit",
      });
      // The other methods' bootstraps do not read the biases at all.
      if (method !== "jurorBias") {
        expect(computeResults(input, { ...options, jurorBiasBootstrap: "fixed" })).toEqual({
          ...before,
          jurorBiasBootstrap: "fixed",
        });
      }
    }
  });

  it("computes exactly the results published with decision 041", () => {
    // Pinned when the method was introduced: a faster implementation must keep these bytes.
    const got = [edition(45, 6, 3), edition(300, 12, 8)].map((input) =>
      digest(computeResults(input, { method: "jurorBias", bootstrap: 500, seed: 1, jurorBiasBootstrap: "fixed" })),
    );
    expect(got).toEqual(["b7d4126e8bc37477", "e82436c295d9d182"]);
  });

  it("gives the same JSON computed at once or in parts, whatever the split", () => {
    const input = edition(50, 5, 6);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (B, chunks, seed) => {
        const options: ResultsOptions = {
          method: "jurorBias",
          bootstrap: B,
          seed,
          laureates: 2,
          jurorBiasBootstrap: "fixed",
        };
        const whole = JSON.stringify(computeResults(input, options));
        const next = mulberry32(seed);
        const cuts = Array.from({ length: chunks - 1 }, () => Math.floor(next() * (B + 1))).sort((x, y) => x - y);
        const bounds = [0, ...cuts, B];
        const parts = bounds.slice(1).map((to, i) => resultsBootstrapPart(input, options, bounds[i], to));
        return JSON.stringify(combineResultsParts(input, options, parts.reverse())) === whole;
      }),
      { numRuns: 30 },
    );
  });

  it("leaves the intervals unchanged when one juror scores everything a point higher", () => {
    const input = edition(60, 5, 4);
    const options: ResultsOptions = {
      method: "jurorBias",
      bootstrap: 300,
      seed: 3,
      laureates: 2,
      jurorBiasBootstrap: "fixed",
    };
    const lenient: ResultsInput = {
      ...input,
      reviews: input.reviews.map((r) =>
        r.jurorId === "J2"
          ? { ...r, scores: Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, v + 1])) }
          : r,
      ),
    };
    const intervals = (r: ReturnType<typeof computeResults>) =>
      r.applications.map((a) => [a.applicationId, a.rank, a.rankInterval, a.laureateProbability]);
    expect(intervals(computeResults(lenient, options))).toEqual(intervals(computeResults(input, options)));
  });

  it("refuses a bootstrap it does not know, naming the two it does", () => {
    const input = edition(10, 5, 1);
    expect(() =>
      computeResults(input, { method: "jurorBias", jurorBiasBootstrap: "exact" as unknown as "fixed" }),
    ).toThrow('computeResults: options.jurorBiasBootstrap must be "refit" or "fixed", got "exact"');
  });
});
