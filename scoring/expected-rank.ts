import { rankDescending, rankScratch } from "./rank-descending";
import { compareIds } from "./ids";
import { mulberry32 } from "./random";
import { indexReviews, type ReviewIndex } from "./review-index";
import { reviewScoreUnchecked, validateCriteria } from "./review-score";
import type { ResultsInput, ScoredReview } from "./types";

/** Default posterior draws kept by {@link expectedRank}, after {@link EXPECTED_RANK_BURN_IN} discarded. */
export const EXPECTED_RANK_DRAWS = 2000;
export const EXPECTED_RANK_BURN_IN = 500;
/**
 * Scale of the half-Cauchy prior on each of the three standard deviations, on the 0–1 review
 * score scale: half of the prior mass lies below 0.5, the largest sd a 0–1 score can have.
 */
export const EXPECTED_RANK_PRIOR_SCALE = 0.5;
/** Mean and sd of the normal prior on the mean application quality (0–1 scale). */
const MU_PRIOR_MEAN = 0.5;
const MU_PRIOR_SD = 1;
const MAX_DRAWS = 1_000_000;

export interface ExpectedRankOptions {
  /** How many laureates are chosen: the cut-off lies between places `laureates` and `laureates + 1`. */
  laureates: number;
  /** Posterior draws kept (default {@link EXPECTED_RANK_DRAWS}). */
  draws?: number;
  /** Draws discarded first, while the chain forgets its start (default {@link EXPECTED_RANK_BURN_IN}). */
  burnIn?: number;
  /** Seed of the sampler's PRNG (default 1). */
  seed?: number;
  /** Credible level of the rank interval (default 0.95). */
  level?: number;
  /**
   * Known standard deviations (0–1 scale) of the application effects, the juror effects and the
   * noise, held fixed instead of sampled: the conjugate case, whose posterior is exactly normal.
   */
  knownSd?: { application: number; juror: number; noise: number };
}

export interface ExpectedRankRow {
  applicationId: string;
  /** Posterior mean of the application's rank (1 = best). */
  expectedRank: number;
  /** Equal-tailed credible interval of its rank at `level` (nearest-rank quantiles of the draws). */
  low: number;
  high: number;
  /** Posterior probability that its rank is at most `laureates`. */
  probability: number;
  /** True when its interval holds both a laureate place (≤ laureates) and a place outside. */
  inBand: boolean;
  /** Posterior mean of its quality: the 0–1 review score an average juror would give it. */
  quality: number;
}

export interface ExpectedRankResult {
  /** Sorted by expected rank, then application id. */
  applications: ExpectedRankRow[];
  laureates: number;
  /** Applications that cannot be separated from the cut-off (`inBand`), in table order. */
  band: string[];
  level: number;
  draws: number;
  burnIn: number;
  seed: number;
  /** Posterior means of the standard deviations (0–1 scale). */
  sd: { application: number; juror: number; noise: number };
}

function resolve(options: ExpectedRankOptions, A: number) {
  const what = "expectedRank";
  if (options === null || typeof options !== "object")
    throw new Error(`${what}: options must be an object with laureates`);
  const { laureates } = options;
  if (!Number.isInteger(laureates) || laureates < 1 || laureates > A)
    throw new Error(
      `${what}: laureates must be an integer from 1 to the number of applications (${A}), got ${String(laureates)}`,
    );
  const draws = options.draws ?? EXPECTED_RANK_DRAWS;
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS)
    throw new Error(`${what}: draws must be an integer from 1 to ${MAX_DRAWS}, got ${String(draws)}`);
  const burnIn = options.burnIn ?? EXPECTED_RANK_BURN_IN;
  if (!Number.isInteger(burnIn) || burnIn < 0 || burnIn > MAX_DRAWS)
    throw new Error(`${what}: burnIn must be an integer from 0 to ${MAX_DRAWS}, got ${String(burnIn)}`);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`${what}: seed must be an integer, got ${String(seed)}`);
  const level = options.level ?? 0.95;
  if (typeof level !== "number" || !(level > 0 && level < 1))
    throw new Error(`${what}: level must be a number strictly between 0 and 1, got ${String(level)}`);
  const known = options.knownSd;
  if (known !== undefined) {
    for (const key of ["application", "juror", "noise"] as const) {
      const v = known?.[key];
      if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
        throw new Error(`${what}: knownSd.${key} must be a positive finite number, got ${String(v)}`);
    }
  }
  return { laureates, draws, burnIn, seed, level, known };
}

/** Standard normal and gamma draws from one mulberry32 stream (Marsaglia & Bray 1964; Marsaglia & Tsang 2000). */
function generators(seed: number) {
  const next = mulberry32(seed);
  let spare = NaN;
  // Marsaglia's polar method: two normals per accepted point, no trigonometry.
  const normal = () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const s = u * u + v * v;
      if (s === 0 || s >= 1) continue;
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return u * f;
    }
  };
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(1 - next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = 1 - next();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  /** A draw of σ² from its half-Cauchy prior's auxiliary form (Wand et al. 2011): σ² | a ~ IG(½ + m/2, 1/a + ss/2). */
  const variance = (m: number, ss: number, aux: number) => (1 / aux + ss / 2) / gamma(0.5 + m / 2);
  /** a | σ² ~ IG(1, 1/σ² + 1/S²). */
  const auxiliary = (v: number) => (1 / v + 1 / (EXPECTED_RANK_PRIOR_SCALE * EXPECTED_RANK_PRIOR_SCALE)) / gamma(1);
  return { normal, variance, auxiliary };
}

/**
 * Bayesian expected ranks, in the style of the Swiss National Science Foundation's ranking
 * (Heyard, Ott, Salanti & Egger 2022). Each review is reduced to its 0–1 score (weighted
 * criteria, as `computeResults`) and modelled as
 *   y = θ_application + ν_juror + ε,  θ ~ N(μ, σ_θ²), ν ~ N(0, σ_ν²), ε ~ N(0, σ²/confidence),
 * with weakly informative priors μ ~ N(0.5, 1) and half-Cauchy(0, 0.5) on σ_θ, σ_ν and σ
 * (Gelman 2006), sampled by a Gibbs sampler (every conditional is normal or inverse-gamma through
 * the auxiliary variables of Wand et al. 2011) seeded with `seed`. In every kept draw each
 * application gets the competition rank of its θ (1 = best); the expected rank is the mean of
 * those ranks, the interval their equal-tailed `level` quantiles, the probability the share of
 * draws with rank ≤ `laureates`. An application is in the band that cannot be separated from the
 * cut-off when its interval holds both a laureate place and a place outside.
 *
 * Deterministic for a seed and independent of the order of reviews. Throws, naming the item, on
 * empty input, what `computeResults` rejects in the reviews, laureates outside 1 … applications,
 * and bad draws, burn-in, seed, level or known sds.
 * Cost: O((burnIn + draws)·(n + A log A)) time for n reviews and A applications, and
 * O(A·draws) memory (the kept ranks, 2 bytes each below 65,536 applications).
 *
 * @example
 * expectedRank({ criteria: [{ key: "q", weight: 1 }], scale: { min: 0, max: 10 }, reviews: [
 *   { applicationId: "A", jurorId: "J1", scores: { q: 9 } }, { applicationId: "B", jurorId: "J1", scores: { q: 4 } },
 *   { applicationId: "A", jurorId: "J2", scores: { q: 8 } }, { applicationId: "B", jurorId: "J2", scores: { q: 5 } },
 * ] }, { laureates: 1, seed: 1 }).applications.map((a) => [a.applicationId, a.low, a.high]);
 * // [["A", 1, 2], ["B", 1, 2]]: two reviews each cannot separate them at 95%
 */
export function expectedRank(input: ResultsInput, options: ExpectedRankOptions): ExpectedRankResult {
  const what = "expectedRank";
  if (input === null || typeof input !== "object")
    throw new Error(`${what}: input must be an object with criteria, scale and reviews`);
  if (!Array.isArray(input.reviews) || input.reviews.length === 0)
    throw new Error(`${what}: empty input, at least one review is needed`);
  validateCriteria(input.criteria, input.scale);
  const criteria = input.criteria
    .map((c) => ({ key: c.key, weight: c.weight }))
    .sort((a, b) => compareIds(a.key, b.key));
  const scored: ScoredReview[] = input.reviews.map((r, i) => {
    if (r === null || typeof r !== "object") throw new Error(`${what}: review ${i} is not an object`);
    const context = `${what}: review of application ${String(r.applicationId)} by juror ${String(r.jurorId)}: `;
    const score = reviewScoreUnchecked(r.scores, criteria, input.scale, context);
    return { applicationId: r.applicationId, jurorId: r.jurorId, score, confidence: r.confidence };
  });
  const idx = indexReviews(scored, what, input.jurors);
  const A = idx.appIds.length;
  const opts = resolve(options, A);
  const { ranks, quality, sd } = sample(idx, opts);
  const D = opts.draws;
  const L = opts.laureates;
  const tail = (1 - opts.level) / 2;
  const counts = new Int32Array(A + 2);
  const rows: ExpectedRankRow[] = [];
  for (let a = 0; a < A; a++) {
    const { sum, hits, low, high } = summarise(ranks, a * D, D, L, tail, counts);
    rows.push({
      applicationId: idx.appIds[a],
      expectedRank: sum / D,
      low,
      high,
      probability: hits / D,
      inBand: low <= L && high > L,
      quality: quality[a],
    });
  }
  rows.sort((x, y) => x.expectedRank - y.expectedRank || compareIds(x.applicationId, y.applicationId));
  return {
    applications: rows,
    laureates: L,
    band: rows.filter((r) => r.inBand).map((r) => r.applicationId),
    level: opts.level,
    draws: D,
    burnIn: opts.burnIn,
    seed: opts.seed,
    sd,
  };
}

/**
 * Sum, count at most `laureates`, and the nearest-rank quantiles `tail` and 1 − `tail` (as
 * `quantileSorted`) of the D ranks from `from`, by counting: ranks are whole numbers, and a
 * typed-array sort of every column would cost more than the sampler. `counts` is left zeroed.
 */
function summarise(
  ranks: Uint16Array | Uint32Array,
  from: number,
  D: number,
  laureates: number,
  tail: number,
  counts: Int32Array,
) {
  let sum = 0;
  let hits = 0;
  let min = Infinity;
  let max = 0;
  for (let d = from; d < from + D; d++) {
    const r = ranks[d];
    sum += r;
    if (r <= laureates) hits++;
    if (r < min) min = r;
    if (r > max) max = r;
    counts[r]++;
  }
  const kLow = Math.max(1, Math.ceil(tail * D));
  const kHigh = Math.max(1, Math.ceil((1 - tail) * D));
  let low = max;
  let high = max;
  let seen = 0;
  for (let r = min; r <= max; r++) {
    const before = seen;
    seen += counts[r];
    if (before < kLow && seen >= kLow) low = r;
    if (before < kHigh && seen >= kHigh) high = r;
    counts[r] = 0;
  }
  return { sum, hits, low, high };
}

/** The Gibbs sampler: the kept ranks (application-major), posterior mean qualities and sds. */
function sample(idx: ReviewIndex, opts: ReturnType<typeof resolve>) {
  const A = idx.appIds.length;
  const J = idx.jurorIds.length;
  const N = idx.score.length;
  const { app, juror, score: y, weight: w, appStart } = idx;
  const { normal, variance, auxiliary } = generators(opts.seed);
  const D = opts.draws;
  const ranks = A < 65536 ? new Uint16Array(A * D) : new Uint32Array(A * D);
  // Ranks of CHUNK consecutive draws are buffered application-major, then copied to `ranks` in
  // contiguous runs (as the bootstrap does): one cache miss per run, not per application and draw.
  const CHUNK = 64;
  const chunk = new Int32Array(A * CHUNK);

  // Total confidence of each application's and each juror's reviews (their data precision × σ²).
  const appWeight = new Float64Array(A);
  const jurorWeight = new Float64Array(J);
  const jurorLin = new Float64Array(J);
  for (let r = 0; r < N; r++) {
    appWeight[app[r]] += w[r];
    jurorWeight[juror[r]] += w[r];
  }
  // Start at the applications' mean scores with no juror effect.
  const theta = new Float64Array(A);
  const nu = new Float64Array(J);
  let thetaSum = 0;
  for (let a = 0; a < A; a++) {
    let s = 0;
    for (let r = appStart[a]; r < appStart[a + 1]; r++) s += w[r] * y[r];
    theta[a] = s / appWeight[a];
    thetaSum += theta[a];
  }
  let mu = thetaSum / A;
  let vTheta = 0;
  for (let a = 0; a < A; a++) vTheta += (theta[a] - mu) ** 2;
  vTheta = Math.max(vTheta / A, 1e-4);
  let vNoise = 0;
  for (let r = 0; r < N; r++) vNoise += w[r] * (y[r] - theta[app[r]]) ** 2;
  vNoise = Math.max(vNoise / N, 1e-4);
  let vNu = 1e-2;
  const known = opts.known;
  if (known) [vTheta, vNu, vNoise] = [known.application ** 2, known.juror ** 2, known.noise ** 2];
  let auxTheta = 1;
  let auxNu = 1;
  let auxNoise = 1;

  const order = new Int32Array(A);
  const rank = new Int32Array(A);
  const radix = rankScratch(A);
  const qualitySum = new Float64Array(A);
  const sdSum = { application: 0, juror: 0, noise: 0 };
  const priorPrecision = 1 / (MU_PRIOR_SD * MU_PRIOR_SD);
  const total = opts.burnIn + D;
  for (let it = 0; it < total; it++) {
    const tNoise = 1 / vNoise;
    // θ | μ, ν, σ_θ², σ²
    for (let a = 0; a < A; a++) {
      let lin = 0;
      for (let r = appStart[a]; r < appStart[a + 1]; r++) lin += w[r] * (y[r] - nu[juror[r]]);
      const prec = 1 / vTheta + appWeight[a] * tNoise;
      theta[a] = (mu / vTheta + lin * tNoise) / prec + normal() / Math.sqrt(prec);
    }
    // ν | θ, σ_ν², σ²: one pass over the reviews in application order (θ read in sequence).
    jurorLin.fill(0);
    for (let r = 0; r < N; r++) jurorLin[juror[r]] += w[r] * (y[r] - theta[app[r]]);
    for (let j = 0; j < J; j++) {
      const prec = 1 / vNu + jurorWeight[j] * tNoise;
      nu[j] = (jurorLin[j] * tNoise) / prec + normal() / Math.sqrt(prec);
    }
    // μ | θ, σ_θ²
    let sum = 0;
    for (let a = 0; a < A; a++) sum += theta[a];
    const muPrec = priorPrecision + A / vTheta;
    mu = (MU_PRIOR_MEAN * priorPrecision + sum / vTheta) / muPrec + normal() / Math.sqrt(muPrec);
    if (!known) {
      let ssTheta = 0;
      for (let a = 0; a < A; a++) {
        const e = theta[a] - mu;
        ssTheta += e * e;
      }
      vTheta = variance(A, ssTheta, auxTheta);
      auxTheta = auxiliary(vTheta);
      let ssNu = 0;
      for (let j = 0; j < J; j++) ssNu += nu[j] * nu[j];
      vNu = variance(J, ssNu, auxNu);
      auxNu = auxiliary(vNu);
      let ssNoise = 0;
      for (let r = 0; r < N; r++) {
        const e = y[r] - theta[app[r]] - nu[juror[r]];
        ssNoise += w[r] * e * e;
      }
      vNoise = variance(N, ssNoise, auxNoise);
      auxNoise = auxiliary(vNoise);
    }
    if (it < opts.burnIn) continue;
    const d = it - opts.burnIn;
    rankDescending(theta, order, rank, radix);
    const slot = d % CHUNK;
    for (let a = 0; a < A; a++) {
      chunk[a * CHUNK + slot] = rank[a];
      qualitySum[a] += theta[a];
    }
    if (slot === CHUNK - 1 || d === D - 1)
      for (let a = 0; a < A; a++) ranks.set(chunk.subarray(a * CHUNK, a * CHUNK + slot + 1), a * D + d - slot);
    sdSum.application += Math.sqrt(vTheta);
    sdSum.juror += Math.sqrt(vNu);
    sdSum.noise += Math.sqrt(vNoise);
  }
  return {
    ranks,
    quality: Array.from(qualitySum, (s) => s / D),
    sd: { application: sdSum.application / D, juror: sdSum.juror / D, noise: sdSum.noise / D },
  };
}
