import { compareIds } from "./ids";
import { gaussSeidelJurorBias, solveJurorBias } from "./juror-bias";
import { mulberry32 } from "./random";
import { indexReviews, type ReviewIndex } from "./review-index";
import { reviewScoreUnchecked, validateCriteria } from "./review-score";
import type { Criterion, ResultsInput, Review, ScoredReview } from "./types";

/** Fewest applications two jurors must share for their agreement to be tested. */
export const PAIR_MIN_SHARED = 3;
/** Fewest home applications, and fewest other applications, a juror needs for a home-bias estimate. */
export const HOME_BIAS_MIN = 3;

export interface IndependenceOptions {
  /** Random permutations per test (default 1999). */
  permutations?: number;
  /** Seed of the permutations (default 1). */
  seed?: number;
  /** Family-wise level of each audit (default 0.05), split by Bonferroni over its tests. */
  alpha?: number;
}

export interface JurorPair {
  /** The two jurors, a before b in id order. */
  a: string;
  b: string;
  /** Applications both scored. */
  shared: number;
  /**
   * Correlation (criterion weights as weights) of the two jurors' criterion-score residuals on
   * the shared applications, residual = score − application quality − juror bias fitted per
   * criterion; each juror's residuals centred per criterion over the shared applications. Near 1
   * when one copies the other; honest jurors sit near or below 0.
   */
  statistic: number;
  /**
   * One-sided permutation p-value: how often pairing the applications at random gives a correlation at least as high.
   */
  p: number;
  /** p < alpha / number of pairs (Bonferroni). */
  flagged: boolean;
}

/**
 * Whose place is compared with the juror's: the application's country, its region, or the
 * country of the entity that nominated it (compared with the juror's country).
 */
export type HomeGroup = "country" | "region" | "entityCountry";

export interface HomeBias {
  jurorId: string;
  group: HomeGroup;
  /** The juror's scored applications from their own country (region) that another juror also scored. */
  n: number;
  /**
   * Mean residual on home applications minus on the others (scale points); residual = the juror's score − the other
   * jurors' mean.
   */
  estimate: number;
  /**
   * Permutation confidence interval of the estimate at level 1 − alpha / number of estimates (±Infinity when there are
   * too few permutations for that level).
   */
  low: number;
  high: number;
  /** The interval excludes 0. */
  flagged: boolean;
}

export interface JurorIndependence {
  pairs: JurorPair[];
  homeBias: HomeBias[];
}

/**
 * Per-juror biases of y = quality + bias + noise (MacKay et al. 2017), so that leniency is
 * separated from the quality of the applications each juror happened to read; a disconnected
 * design is fitted per group, as `computeResults` does for its jurorBias column.
 */
function fitBiases(idx: ReviewIndex): { q: Float64Array; b: Float64Array } {
  try {
    return solveJurorBias(idx);
  } catch {
    const q = new Float64Array(idx.appIds.length);
    const b = new Float64Array(idx.jurorIds.length);
    gaussSeidelJurorBias(idx, idx.appStart, null, q, b, 1e-12, 100000);
    return { q, b };
  }
}

/** FNV-1a hash of a label mixed with the seed: every test draws its own stream, whatever else is in the edition. */
function streamSeed(seed: number, label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ Math.imul(seed | 0, 0x9e3779b1)) | 0;
}

function resolve(options: IndependenceOptions) {
  if (options === null || typeof options !== "object") throw new Error("jurorIndependence: options must be an object");
  const permutations = options.permutations ?? 1999;
  if (!Number.isInteger(permutations) || permutations < 1 || permutations > 1_000_000) {
    throw new Error(
      `jurorIndependence: permutations must be an integer from 1 to 1000000, got ${String(permutations)}`,
    );
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`jurorIndependence: seed must be an integer, got ${String(seed)}`);
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1))
    throw new Error(`jurorIndependence: alpha must be a number strictly between 0 and 1, got ${String(alpha)}`);
  return { permutations, seed, alpha };
}

const PLACES = ["jurorCountry", "jurorRegion", "applicationCountry", "applicationRegion", "entityCountry"] as const;

/** One attribute per juror (or application), the same on all their reviews; throws on a conflict. */
function attribute(
  reviews: Review[],
  owner: "jurorId" | "applicationId",
  field: (typeof PLACES)[number],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of reviews) {
    const v = r[field];
    if (v === undefined) continue;
    const who = r[owner];
    const known = out.get(who);
    if (known !== undefined && known !== v) {
      const [x, y] = [known, v].sort(compareIds);
      throw new Error(
        `jurorIndependence: ${owner === "jurorId" ? "juror" : "application"} ${who} has two values of ${field}: "${x}" and "${y}"`,
      );
    }
    out.set(who, v);
  }
  return out;
}

/**
 * Audit of juror independence, in two parts.
 *
 * Pairs (collusion rings, Jecmen et al., TMLR 2025): for every two jurors who scored at least
 * {@link PAIR_MIN_SHARED} applications in common, `statistic` = the weighted correlation of their
 * criterion-score residuals on those applications, from the fit score = quality + juror bias +
 * noise per criterion (MacKay et al. 2017). Raw scores will not do: jurors who judge well agree
 * through the applications' quality, and permuting raw scores would flag every competent pair.
 * Residuals have quality and leniency removed, so a plain permutation test — pair one
 * juror's residuals with the other's across the shared applications at random, `permutations`
 * times — asks whether they agree beyond what the applications explain.
 * p = (1 + #{permuted ≥ observed}) / (1 + permutations), one-sided; flagged when
 * p < alpha / number of pairs (Bonferroni). On one application the residuals of its jurors sum
 * to about zero, so honest pairs correlate slightly negatively and the test is conservative: a
 * clean edition is flagged with probability at most about alpha (residuals are only
 * approximately exchangeable across applications). Residuals of an application only the
 * two scored are exact opposites, so such applications cannot reveal copying; the test needs
 * other jurors on the shared applications.
 *
 * Home bias: reviews may carry `jurorCountry`/`jurorRegion`, `applicationCountry`/
 * `applicationRegion` and `entityCountry` (the nominating entity's country, set against the
 * juror's country: group "entityCountry"). For each juror and group with at least
 * {@link HOME_BIAS_MIN} home and {@link HOME_BIAS_MIN} other applications (each also scored by
 * another juror), residual = the juror's review score − the other jurors' mean on that
 * application (scale points: the
 * weighted mean of criterion scores); `estimate` = mean residual at home − elsewhere. The
 * interval (low, high) is every δ that the two-sided permutation test of "the effect is δ"
 * (home residuals shifted by −δ, home and other labels permuted `permutations` times) does not
 * reject at level alpha / number of estimates (Bonferroni), computed exactly for the drawn
 * permutations; flagged when it excludes 0, i.e. when that test rejects δ = 0. Under no home
 * effect the labels are exchangeable, so a clean edition is flagged with probability at most
 * alpha, and the interval covers the true shift with probability at least 1 − alpha / estimates.
 *
 * Deterministic: each test draws from mulberry32 seeded by `seed` and its jurors' ids.
 * Throws on empty or invalid reviews (as `computeResults`), bad options, a place that is not a
 * non-empty string, and a juror or application with two different countries (regions).
 * Cost: O(c·(n + J³) + Σ_a m_a² + P·(c·Σ_pairs shared + Σ_estimates n_j)) for n reviews,
 * c criteria, J jurors, m_a jurors of application a and P permutations.
 *
 * @example
 * jurorIndependence(input, { permutations: 1999, seed: 1, alpha: 0.05 }).pairs.filter((p) => p.flagged);
 * // [{ a: "J3", b: "J7", shared: 12, statistic: 0.93, p: 0.0005, flagged: true }]
 */
export function jurorIndependence(input: ResultsInput, options: IndependenceOptions = {}): JurorIndependence {
  const what = "jurorIndependence";
  if (input === null || typeof input !== "object")
    throw new Error(`${what}: input must be an object with criteria, scale and reviews`);
  if (!Array.isArray(input.reviews) || input.reviews.length === 0)
    throw new Error(`${what}: empty input, at least one review is needed`);
  const { permutations, seed, alpha } = resolve(options);
  validateCriteria(input.criteria, input.scale);
  const criteria: Criterion[] = input.criteria
    .map((c) => ({ key: c.key, weight: c.weight }))
    .sort((a, b) => compareIds(a.key, b.key));
  const span = input.scale.max - input.scale.min;
  const scored: ScoredReview[] = input.reviews.map((r, i) => {
    if (r === null || typeof r !== "object") throw new Error(`${what}: review ${i} is not an object`);
    const context = `${what}: review of application ${String(r.applicationId)} by juror ${String(r.jurorId)}: `;
    for (const field of PLACES) {
      const v = r[field];
      if (v !== undefined && (typeof v !== "string" || v === ""))
        throw new Error(`${context}${field} must be a non-empty string, got ${JSON.stringify(v)}`);
    }
    return {
      applicationId: r.applicationId,
      jurorId: r.jurorId,
      score: reviewScoreUnchecked(r.scores, criteria, input.scale, context),
    };
  });
  const idx = indexReviews(scored, what, input.jurors);
  const A = idx.appIds.length;
  const J = idx.jurorIds.length;
  const N = idx.score.length;
  const C = criteria.length;
  const byPair = new Map(input.reviews.map((r) => [`${r.applicationId}\u0000${r.jurorId}`, r]));
  const reviewAt = (r: number) => byPair.get(`${idx.appIds[idx.app[r]]}\u0000${idx.jurorIds[idx.juror[r]]}`)!;

  // --- pairs: criterion-score residuals of y = quality + bias + noise, fitted per criterion.
  const resid = new Float64Array(N * C);
  for (let k = 0; k < C; k++) {
    const y = Float64Array.from({ length: N }, (_, r) => reviewAt(r).scores[criteria[k].key]);
    const { q, b } = fitBiases({ ...idx, score: y, weight: new Float64Array(N).fill(1) });
    for (let r = 0; r < N; r++) resid[r * C + k] = y[r] - q[idx.app[r]] - b[idx.juror[r]];
  }
  const shared = new Map<number, { u: number[]; v: number[] }>();
  for (let a = 0; a < A; a++) {
    for (let u = idx.appStart[a]; u < idx.appStart[a + 1]; u++) {
      for (let v = u + 1; v < idx.appStart[a + 1]; v++) {
        const key = idx.juror[u] * J + idx.juror[v];
        if (!shared.has(key)) shared.set(key, { u: [], v: [] });
        shared.get(key)!.u.push(u);
        shared.get(key)!.v.push(v);
      }
    }
  }
  const tested = [...shared.entries()].filter(([, x]) => x.u.length >= PAIR_MIN_SHARED).sort((x, y) => x[0] - y[0]);
  const pairs: JurorPair[] = tested.map(([key, { u, v }]) => {
    const a = idx.jurorIds[Math.floor(key / J)];
    const b = idx.jurorIds[key % J];
    const n = u.length;
    // Residuals centred per criterion over the shared applications, weights folded in.
    const ea = new Float64Array(n * C);
    const eb = new Float64Array(n * C);
    for (let k = 0; k < C; k++) {
      let ma = 0;
      let mb = 0;
      for (let x = 0; x < n; x++) {
        ma += resid[u[x] * C + k] / n;
        mb += resid[v[x] * C + k] / n;
      }
      const sw = Math.sqrt(criteria[k].weight);
      for (let x = 0; x < n; x++) {
        ea[x * C + k] = sw * (resid[u[x] * C + k] - ma);
        eb[x * C + k] = sw * (resid[v[x] * C + k] - mb);
      }
    }
    let saa = 0;
    let sbb = 0;
    let sab = 0;
    for (let i = 0; i < n * C; i++) {
      saa += ea[i] * ea[i];
      sbb += eb[i] * eb[i];
      sab += ea[i] * eb[i];
    }
    const den = Math.sqrt(saa * sbb);
    if (!(den > 1e-12)) return { a, b, shared: n, statistic: 0, p: 1, flagged: false };
    const next = mulberry32(streamSeed(seed, `pair\u0000${a}\u0000${b}`));
    const perm = Int32Array.from({ length: n }, (_, i) => i);
    let atLeast = 0;
    for (let p = 0; p < permutations; p++) {
      for (let i = n - 1; i > 0; i--) {
        const k = Math.floor(next() * (i + 1));
        const t = perm[i];
        perm[i] = perm[k];
        perm[k] = t;
      }
      let s = 0;
      for (let x = 0; x < n; x++) for (let k = 0; k < C; k++) s += ea[x * C + k] * eb[perm[x] * C + k];
      if (s >= sab - 1e-12 * den) atLeast++;
    }
    return { a, b, shared: n, statistic: sab / den, p: (1 + atLeast) / (1 + permutations), flagged: false };
  });
  for (const pair of pairs) pair.flagged = pair.p < alpha / pairs.length;

  // --- home bias
  const groups: [HomeGroup, Map<string, string>, Map<string, string>][] = [
    [
      "country",
      attribute(input.reviews, "jurorId", "jurorCountry"),
      attribute(input.reviews, "applicationId", "applicationCountry"),
    ],
    [
      "region",
      attribute(input.reviews, "jurorId", "jurorRegion"),
      attribute(input.reviews, "applicationId", "applicationRegion"),
    ],
    [
      "entityCountry",
      attribute(input.reviews, "jurorId", "jurorCountry"),
      attribute(input.reviews, "applicationId", "entityCountry"),
    ],
  ];
  const appSum = new Float64Array(A);
  for (let r = 0; r < N; r++) appSum[idx.app[r]] += idx.score[r];
  const reviewsOf: number[][] = Array.from({ length: J }, () => []);
  for (let r = 0; r < N; r++) reviewsOf[idx.juror[r]].push(r);
  const candidates: { jurorId: string; group: HomeGroup; home: number[]; other: number[] }[] = [];
  for (let j = 0; j < J; j++) {
    const jurorId = idx.jurorIds[j];
    for (const [group, jurorPlace, appPlace] of groups) {
      const place = jurorPlace.get(jurorId);
      if (place === undefined) continue;
      const home: number[] = [];
      const other: number[] = [];
      for (const r of reviewsOf[j]) {
        const a = idx.app[r];
        const m = idx.appStart[a + 1] - idx.appStart[a];
        const appPlaceOf = appPlace.get(idx.appIds[a]);
        if (m < 2 || appPlaceOf === undefined) continue;
        const residual = (idx.score[r] - (appSum[a] - idx.score[r]) / (m - 1)) * span;
        (appPlaceOf === place ? home : other).push(residual);
      }
      if (home.length >= HOME_BIAS_MIN && other.length >= HOME_BIAS_MIN)
        candidates.push({ jurorId, group, home, other });
    }
  }
  const tail = alpha / (2 * Math.max(1, candidates.length));
  const homeBias: HomeBias[] = candidates.map(({ jurorId, group, home, other }) => {
    const { estimate, low, high } = shiftInterval(
      home,
      other,
      permutations,
      tail,
      mulberry32(streamSeed(seed, `home\u0000${jurorId}\u0000${group}`)),
    );
    return { jurorId, group, n: home.length, estimate, low, high, flagged: low > 0 || high < 0 };
  });
  return { pairs, homeBias };
}

/**
 * Confidence interval for a shift δ of `home` against `other` by inverting the two-sided
 * permutation test of the difference in means. For a permutation that puts k of the h home
 * values among the h pseudo-home slots, the permuted difference of the shifted data is
 * D − aδ with a = k/h − (h − k)/o, against the observed est − δ; so it is at least as large
 * exactly when δ ≥ t = (est − D)/(1 − a) (always, when k = h). Each tail then keeps the δ whose
 * p-value, (1 + count)/(1 + P), exceeds `tail`: the interval ends are order statistics of t.
 */
function shiftInterval(home: number[], other: number[], permutations: number, tail: number, next: () => number) {
  const h = home.length;
  const o = other.length;
  const pooled = [...home, ...other];
  const total = pooled.reduce((s, x) => s + x, 0);
  const homeSum = home.reduce((s, x) => s + x, 0);
  const estimate = homeSum / h - (total - homeSum) / o;
  const order = Array.from(pooled, (_, i) => i);
  const t: number[] = [];
  let always = 0;
  for (let p = 0; p < permutations; p++) {
    let s = 0;
    let k = 0;
    for (let i = 0; i < h; i++) {
      const pick = i + Math.floor(next() * (pooled.length - i));
      [order[i], order[pick]] = [order[pick], order[i]];
      s += pooled[order[i]];
      if (order[i] < h) k++;
    }
    if (k === h) {
      always++;
      continue;
    }
    const d = s / h - (total - s) / o;
    t.push((estimate - d) / (1 - (k / h - (h - k) / o)));
  }
  t.sort((x, y) => x - y);
  // p-value of δ in the upper tail: (1 + always + #{t ≤ δ}) / (1 + P) > tail.
  const need = Math.floor(tail * (1 + permutations) - 1 - always) + 1;
  const low = need <= 0 ? -Infinity : t[need - 1];
  const high = need <= 0 ? Infinity : t[t.length - need];
  return { estimate, low, high };
}
