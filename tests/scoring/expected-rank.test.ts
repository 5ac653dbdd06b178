import { describe, expect, it } from "vitest";
import {
  expectedRank,
  EXPECTED_RANK_PRIOR_SCALE,
  mulberry32,
  type ResultsInput,
  type Review,
} from "../../scoring/index";

const one = [{ key: "q", weight: 1 }];
const scale = { min: 0, max: 10 };
const rv = (applicationId: string, jurorId: string, q: number, confidence?: number): Review => ({
  applicationId,
  jurorId,
  scores: { q },
  ...(confidence ? { confidence } : {}),
});

// --- Reference: the model's posterior by exact Gaussian algebra -------------------------------
// Given the three variances, (μ, θ, ν) is jointly normal a posteriori: its precision Q and
// linear term b are written down from the prior and the likelihood, and the marginal likelihood
// of the scores follows by completing the square. With θ normal, P(θ_k > θ_i) is Φ of a ratio,
// so the expected rank 1 + Σ_k P(θ_k > θ_i) is exact; integrating the variances out on a grid
// (weighted by likelihood × half-Cauchy priors) gives the full model's expected ranks.
const M0 = 0.5;
const S0 = 1;

/** Φ by Abramowitz & Stegun 26.2.17 (absolute error below 7.5e-8). */
function phi(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return x >= 0 ? 1 - tail : tail;
}

function cholesky(q: number[][]): number[][] {
  const l = q.map(() => new Array<number>(q.length).fill(0));
  for (let i = 0; i < q.length; i++)
    for (let j = 0; j <= i; j++) {
      let s = q[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = i === j ? Math.sqrt(s) : s / l[j][j];
    }
  return l;
}

function cholSolve(l: number[][], b: number[]): number[] {
  const z = [...b];
  for (let i = 0; i < z.length; i++) {
    for (let k = 0; k < i; k++) z[i] -= l[i][k] * z[k];
    z[i] /= l[i][i];
  }
  for (let i = z.length - 1; i >= 0; i--) {
    for (let k = i + 1; k < z.length; k++) z[i] -= l[k][i] * z[k];
    z[i] /= l[i][i];
  }
  return z;
}

/** Applications and jurors in id order, and each review as (application, juror, confidence, 0–1 score). */
function observations(input: ResultsInput) {
  const apps = [...new Set(input.reviews.map((r) => r.applicationId))].sort();
  const jurors = [...new Set(input.reviews.map((r) => r.jurorId))].sort();
  const span = input.scale.max - input.scale.min;
  const total = input.criteria.reduce((s, c) => s + c.weight, 0);
  const obs = input.reviews.map((r) => ({
    a: apps.indexOf(r.applicationId),
    j: jurors.indexOf(r.jurorId),
    c: r.confidence ?? 1,
    y: input.criteria.reduce((s, c) => s + c.weight * ((r.scores[c.key] - input.scale.min) / span), 0) / total,
  }));
  return { apps, jurors, obs };
}

/** Posterior mean and covariance of θ given the variances, and the log marginal likelihood of the scores. */
function gaussianPosterior(d: ReturnType<typeof observations>, vTheta: number, vNu: number, vNoise: number) {
  const A = d.apps.length;
  const J = d.jurors.length;
  const P = 1 + A + J;
  const q = Array.from({ length: P }, () => new Array<number>(P).fill(0));
  const b = new Array<number>(P).fill(0);
  q[0][0] += 1 / (S0 * S0);
  b[0] += M0 / (S0 * S0);
  for (let a = 1; a <= A; a++) {
    q[0][0] += 1 / vTheta;
    q[a][a] += 1 / vTheta;
    q[0][a] -= 1 / vTheta;
    q[a][0] -= 1 / vTheta;
  }
  for (let j = 1 + A; j < P; j++) q[j][j] += 1 / vNu;
  let yRy = 0;
  let logR = 0;
  for (const o of d.obs) {
    const p = o.c / vNoise;
    const [ia, ij] = [1 + o.a, 1 + A + o.j];
    q[ia][ia] += p;
    q[ij][ij] += p;
    q[ia][ij] += p;
    q[ij][ia] += p;
    b[ia] += p * o.y;
    b[ij] += p * o.y;
    yRy += p * o.y * o.y;
    logR += Math.log(vNoise / o.c);
  }
  const l = cholesky(q);
  const mean = cholSolve(l, b);
  const logQ = l.reduce((s, row, i) => s + 2 * Math.log(row[i]), 0);
  const logQ0 = -Math.log(S0 * S0) - A * Math.log(vTheta) - J * Math.log(vNu);
  const bQb = b.reduce((s, v, i) => s + v * mean[i], 0);
  const logLik =
    -0.5 * d.obs.length * Math.log(2 * Math.PI) -
    0.5 * logR +
    0.5 * logQ0 -
    0.5 * logQ -
    0.5 * (yRy + (M0 * M0) / (S0 * S0) - bQb);
  const columns = Array.from({ length: A }, (_, k) =>
    cholSolve(
      l,
      q.map((_, i) => (i === 1 + k ? 1 : 0)),
    ),
  );
  const cov = Array.from({ length: A }, (_, i) => Array.from({ length: A }, (_, k) => columns[k][1 + i]));
  return { theta: mean.slice(1, 1 + A), cov, logLik };
}

function normalExpectedRanks(theta: number[], cov: number[][]): number[] {
  return theta.map((ti, i) =>
    theta.reduce(
      (s, tk, k) => (k === i ? s : s + phi((tk - ti) / Math.sqrt(cov[k][k] + cov[i][i] - 2 * cov[i][k]))),
      1,
    ),
  );
}

/** The full model's expected ranks, the three sds integrated out on a grid of `points`³ in log σ. */
function gridExpectedRanks(input: ResultsInput, points: number): number[] {
  const d = observations(input);
  const S = EXPECTED_RANK_PRIOR_SCALE;
  const [lo, hi] = [Math.log(1e-4), Math.log(1e3)];
  const grid = Array.from({ length: points }, (_, i) => Math.exp(lo + ((hi - lo) * i) / (points - 1)));
  // Density of log σ under half-Cauchy(0, S): σ · 2 / (π S (1 + σ²/S²)).
  const logPrior = grid.map((s) => Math.log((s * 2) / (Math.PI * S * (1 + (s * s) / (S * S)))));
  const cells: { logW: number; er: number[] }[] = [];
  for (let i = 0; i < points; i++)
    for (let j = 0; j < points; j++)
      for (let k = 0; k < points; k++) {
        const g = gaussianPosterior(d, grid[i] ** 2, grid[j] ** 2, grid[k] ** 2);
        cells.push({
          logW: g.logLik + logPrior[i] + logPrior[j] + logPrior[k],
          er: normalExpectedRanks(g.theta, g.cov),
        });
      }
  const top = Math.max(...cells.map((c) => c.logW));
  const er = new Array<number>(d.apps.length).fill(0);
  let total = 0;
  for (const c of cells) {
    const w = Math.exp(c.logW - top);
    total += w;
    c.er.forEach((v, a) => (er[a] += w * v));
  }
  return er.map((v) => v / total);
}

/** Independent draws from the exact normal posterior of θ: probability of rank ≤ L and 95% rank intervals. */
function exactDraws(theta: number[], cov: number[][], laureates: number, draws: number, seed: number) {
  const next = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const l = cholesky(cov);
  const A = theta.length;
  const ranks = theta.map(() => [] as number[]);
  for (let d = 0; d < draws; d++) {
    const z = theta.map(() => gauss());
    const x = theta.map((m, i) => m + l[i].reduce((s, v, k) => s + v * z[k], 0));
    x.forEach((xi, i) => ranks[i].push(1 + x.filter((xk) => xk > xi).length));
  }
  return ranks.map((r) => {
    r.sort((p, q) => p - q);
    return {
      probability: r.filter((v) => v <= laureates).length / draws,
      low: r[Math.ceil(0.025 * draws) - 1],
      high: r[Math.ceil(0.975 * draws) - 1],
      A,
    };
  });
}

/** Synthetic edition: true qualities, lenient or strict jurors, noise; two criteria, rounded to the scale. */
function synthetic(qualities: number[], jurors: number, seed: number, noise: number): ResultsInput {
  const next = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const lenient = Array.from({ length: jurors }, () => gauss() * 0.5);
  const point = (q: number, j: number) => Math.max(0, Math.min(10, Math.round(q + lenient[j] + noise * gauss())));
  const reviews: Review[] = [];
  qualities.forEach((q, a) => {
    for (let j = 0; j < jurors; j++)
      reviews.push({ applicationId: `A${a}`, jurorId: `J${j}`, scores: { x: point(q, j), y: point(q, j) } });
  });
  return {
    criteria: [
      { key: "x", weight: 1 },
      { key: "y", weight: 2 },
    ],
    scale,
    reviews,
  };
}

const four: ResultsInput = {
  criteria: one,
  scale,
  reviews: [
    rv("A", "J1", 9),
    rv("A", "J2", 8),
    rv("B", "J1", 7),
    rv("B", "J2", 8),
    rv("C", "J1", 7),
    rv("C", "J2", 6),
    rv("D", "J1", 3),
    rv("D", "J2", 4),
  ],
};

const three: ResultsInput = {
  criteria: one,
  scale,
  reviews: [
    rv("A", "J1", 7),
    rv("A", "J2", 6),
    rv("A", "J3", 8),
    rv("B", "J1", 6),
    rv("B", "J2", 6, 2),
    rv("B", "J3", 7),
    rv("C", "J1", 5),
    rv("C", "J2", 7),
    rv("C", "J3", 6),
  ],
};

describe("expectedRank", () => {
  it("expectedRank gives each application its expected rank, rank interval, laureate probability and band membership", () => {
    expect(expectedRank(four, { laureates: 2, draws: 200, burnIn: 50, seed: 3 })).toEqual({
      applications: [
        {
          applicationId: "A",
          expectedRank: 1.23,
          low: 1,
          high: 2,
          probability: 0.975,
          inBand: false,
          quality: 0.8255036181468259,
        },
        {
          applicationId: "B",
          expectedRank: 2,
          low: 1,
          high: 3,
          probability: 0.825,
          inBand: true,
          quality: 0.7400883943808044,
        },
        {
          applicationId: "C",
          expectedRank: 2.805,
          low: 2,
          high: 3,
          probability: 0.19,
          inBand: true,
          quality: 0.6441534514072024,
        },
        {
          applicationId: "D",
          expectedRank: 3.965,
          low: 4,
          high: 4,
          probability: 0.01,
          inBand: false,
          quality: 0.38444617338052334,
        },
      ],
      laureates: 2,
      band: ["B", "C"],
      level: 0.95,
      draws: 200,
      burnIn: 50,
      seed: 3,
      sd: { application: 0.3249971501190016, juror: 0.13830367617826464, noise: 0.11607012184859206 },
    });
  });

  it("expectedRank gives the same result for the same seed whatever the order of reviews, and another for another seed", () => {
    const first = expectedRank(four, { laureates: 2, seed: 7 });
    const shuffled = { ...four, reviews: [...four.reviews].reverse() };
    expect(expectedRank(shuffled, { laureates: 2, seed: 7 })).toEqual(first);
    expect(expectedRank(four, { laureates: 2, seed: 8 }).applications.map((a) => a.expectedRank)).not.toEqual(
      first.applications.map((a) => a.expectedRank),
    );
  });

  it("expectedRank's ranks are a permutation in every draw: expected ranks sum to A(A+1)/2 and probabilities to the laureates", () => {
    for (const seed of [1, 2, 3]) {
      const input = synthetic([7, 6.5, 6, 6, 5, 4, 8], 4, seed, 1);
      const r = expectedRank(input, { laureates: 3, draws: 500, burnIn: 100, seed });
      expect(r.applications.reduce((s, a) => s + a.expectedRank, 0)).toBeCloseTo((7 * 8) / 2, 9);
      expect(r.applications.reduce((s, a) => s + a.probability, 0)).toBeCloseTo(3, 9);
      for (const a of r.applications) expect(a.low <= a.high && a.low >= 1 && a.high <= 7).toBe(true);
    }
  });

  it("expectedRank puts well-separated applications in their true order, each interval a single place, none in the band", () => {
    const truth = [9.4, 8.2, 7, 5.8, 4.6, 3.4, 2.2, 1];
    const r = expectedRank(synthetic(truth, 5, 1, 0.3), { laureates: 3 });
    expect(r.applications.map((a) => [a.applicationId, a.low, a.high])).toEqual(
      truth.map((_, i) => [`A${i}`, i + 1, i + 1]),
    );
    expect(r.applications.map((a) => Math.round(a.expectedRank))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.band).toEqual([]);
  });

  it("expectedRank cannot separate applications of equal true quality: every two intervals overlap and all cross the cut-off", () => {
    for (const seed of [1, 2, 3]) {
      const r = expectedRank(synthetic([6, 6, 6, 6, 6, 6], 5, seed, 1), { laureates: 2, seed });
      for (const a of r.applications) for (const b of r.applications) expect(a.low <= b.high).toBe(true);
      expect(r.band).toHaveLength(6);
    }
  });

  it("expectedRank with known sds matches the exact normal posterior: expected ranks, laureate probabilities and intervals", () => {
    const input = synthetic([6.5, 6, 6, 5.5, 4], 3, 4, 1.2);
    const knownSd = { application: 0.08, juror: 0.05, noise: 0.1 };
    const r = expectedRank(input, { laureates: 2, draws: 40000, burnIn: 500, seed: 2, knownSd });
    const g = gaussianPosterior(observations(input), 0.08 ** 2, 0.05 ** 2, 0.1 ** 2);
    const exact = normalExpectedRanks(g.theta, g.cov);
    const iid = exactDraws(g.theta, g.cov, 2, 40000, 9);
    const byId = new Map(r.applications.map((a) => [a.applicationId, a]));
    observations(input).apps.forEach((id, i) => {
      const a = byId.get(id)!;
      expect(Math.abs(a.expectedRank - exact[i])).toBeLessThan(0.03);
      expect(Math.abs(a.probability - iid[i].probability)).toBeLessThan(0.02);
      expect([a.low, a.high]).toEqual([iid[i].low, iid[i].high]);
    });
  });

  it("expectedRank with unknown sds matches the full posterior integrated by brute force over the three sds", () => {
    const reference = gridExpectedRanks(three, 32);
    const r = expectedRank(three, { laureates: 1, draws: 40000, burnIn: 1000, seed: 1 });
    const byId = new Map(r.applications.map((a) => [a.applicationId, a.expectedRank]));
    expect(Math.abs(byId.get("A")! - reference[0])).toBeLessThan(0.03);
    expect(Math.abs(byId.get("B")! - reference[1])).toBeLessThan(0.03);
    expect(Math.abs(byId.get("C")! - reference[2])).toBeLessThan(0.03);
    // The confidence of B's second review counts: at 1 the reference moves.
    const even = { ...three, reviews: three.reviews.map((x) => ({ ...x, confidence: undefined })) };
    expect(Math.abs(gridExpectedRanks(even, 16)[1] - gridExpectedRanks(three, 16)[1])).toBeGreaterThan(0.005);
  });

  it("expectedRank reads a cut-off at every laureate count: with all applications laureates, the band is empty", () => {
    const r = expectedRank(four, { laureates: 4, draws: 100, burnIn: 10 });
    expect(r.band).toEqual([]);
    expect(r.applications.every((a) => a.probability === 1)).toBe(true);
  });

  it("expectedRank throws on empty input, invalid scores, bad laureates and bad sampler options", () => {
    expect(() => expectedRank({ ...four, reviews: [] }, { laureates: 1 })).toThrow(/empty input/);
    expect(() => expectedRank({ ...four, reviews: [rv("A", "J1", 11)] }, { laureates: 1 })).toThrow(
      /application A by juror J1: score 11 for criterion "q" is outside the scale/,
    );
    expect(() => expectedRank({ ...four, reviews: [...four.reviews, rv("A", "J1", 5)] }, { laureates: 1 })).toThrow(
      /juror J1 reviewed application A more than once/,
    );
    expect(() => expectedRank(four, { laureates: 5 })).toThrow(/laureates must be an integer from 1 to .* \(4\)/);
    expect(() => expectedRank(four, { laureates: 0 })).toThrow(/laureates/);
    expect(() => expectedRank(four, { laureates: 1, draws: 0 })).toThrow(/draws must be an integer/);
    expect(() => expectedRank(four, { laureates: 1, burnIn: -1 })).toThrow(/burnIn must be an integer/);
    expect(() => expectedRank(four, { laureates: 1, seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => expectedRank(four, { laureates: 1, level: 1 })).toThrow(/level must be a number strictly between/);
    expect(() => expectedRank(four, { laureates: 1, knownSd: { application: 0.1, juror: 0, noise: 0.1 } })).toThrow(
      /knownSd.juror must be a positive finite number/,
    );
    expect(() => expectedRank(null as unknown as ResultsInput, { laureates: 1 })).toThrow(/input must be an object/);
  });
});
