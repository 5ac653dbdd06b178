import { bootstrapRanks, type BootstrapInput, type BootstrapResult } from "./bootstrap";
import { icc, iccBand } from "./icc";
import { compareIds } from "./ids";
import { assertConnected, gaussSeidelJurorBias, solveJurorBias } from "./juror-bias";
import { kendallW } from "./kendall";
import { alphaBand, intervalAlpha } from "./krippendorff";
import { zScoreCore } from "./normalise";
import { competitionRanking } from "./ranking";
import { indexReviews, type ReviewIndex } from "./review-index";
import { reviewScoreUnchecked, validateCriteria } from "./review-score";
import { median, modifiedZScores, trimmedMean } from "./stats";
import {
  JUROR_BIAS_BOOTSTRAPS,
  METHODS,
  type ApplicationResult,
  type Criterion,
  type JurorResult,
  type Method,
  type Reliability,
  type Results,
  type ResultsInput,
  type ResultsOptions,
  type ScoredReview,
} from "./types";

/** Modified z-score above which a single review is flagged as an outlier (Iglewicz & Hoaglin 1993). */
export const OUTLIER_THRESHOLD = 3.5;

function resolveOptions(options: ResultsOptions, applications: number) {
  if (options === null || typeof options !== "object") throw new Error("computeResults: options must be an object");
  const method = options.method ?? "mean";
  if (!METHODS.includes(method)) {
    throw new Error(`computeResults: unknown method "${String(method)}" (use ${METHODS.join(", ")})`);
  }
  const laureates = options.laureates ?? Math.min(2, applications);
  if (!Number.isInteger(laureates) || laureates < 1 || laureates > applications) {
    throw new Error(
      `computeResults: laureates must be an integer from 1 to the number of applications (${applications}), got ${String(laureates)}`,
    );
  }
  const bootstrap = options.bootstrap ?? 2000;
  if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > 1_000_000) {
    throw new Error(`computeResults: bootstrap must be an integer from 0 to 1000000, got ${String(bootstrap)}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`computeResults: seed must be an integer, got ${String(seed)}`);
  const jurorBiasBootstrap = options.jurorBiasBootstrap;
  if (jurorBiasBootstrap !== undefined && !JUROR_BIAS_BOOTSTRAPS.includes(jurorBiasBootstrap)) {
    throw new Error(
      `computeResults: options.jurorBiasBootstrap must be ${JUROR_BIAS_BOOTSTRAPS.map((m) => `"${m}"`).join(" or ")}, got ${JSON.stringify(jurorBiasBootstrap)}`,
    );
  }
  return { method, laureates, bootstrap, seed, jurorBiasBootstrap };
}

function effectiveCriteria(input: ResultsInput, weights: Record<string, number> | undefined): Criterion[] {
  validateCriteria(input.criteria, input.scale);
  const criteria = input.criteria
    .map((c) => ({ key: c.key, weight: c.weight }))
    .sort((a, b) => compareIds(a.key, b.key));
  if (weights !== undefined) {
    if (weights === null || typeof weights !== "object")
      throw new Error("computeResults: options.weights must be an object keyed by criterion key");
    const known = new Set(criteria.map((c) => c.key));
    for (const key of Object.keys(weights).sort(compareIds)) {
      if (!known.has(key)) throw new Error(`computeResults: options.weights names unknown criterion key "${key}"`);
      const w = weights[key];
      if (typeof w !== "number" || !Number.isFinite(w) || w <= 0) {
        throw new Error(
          `computeResults: options.weights for criterion "${key}" must be a positive finite number, got ${String(w)}`,
        );
      }
    }
    for (const c of criteria) if (weights[c.key] !== undefined) c.weight = weights[c.key];
  }
  return criteria;
}

/**
 * The whole results table of one edition. Every review is reduced to a 0–1 score with
 * {@link reviewScore}; every application gets its score under every method (mean, median,
 * trimmedMean, zScore, jurorBias), its competition rank under the official method (ties within
 * 1e-9 share a rank and are flagged; table order inside a tie: higher mean, then higher median,
 * then application id), a 95% rank interval and the probability of being among the laureates
 * from a bootstrap, the sd (n − 1) and range of its review scores, and outlier flags
 * (modified z-score > 3.5). The edition gets ICC(2,1)/ICC(2,k) (fully crossed designs only),
 * Krippendorff's alpha (interval), Kendall's W, and per-juror leniency and bias.
 *
 * Throws, naming the offending item, on empty input, invalid criteria or scale, unknown or
 * missing criterion keys, non-finite or out-of-scale scores, duplicate reviews, a listed juror
 * with no reviews, bad options, and (official method jurorBias) a disconnected design.
 * Cost: O(n·c + n log n + J³ + B·(n + A log A)) for n reviews, c criteria, J jurors,
 * A applications and B bootstrap resamples.
 *
 * @example
 * computeResults({ criteria: [{ key: "q", weight: 1 }], scale: { min: 0, max: 10 }, reviews: [
 *   { applicationId: "A", jurorId: "J1", scores: { q: 8 } }, { applicationId: "B", jurorId: "J1", scores: { q: 5 } },
 * ] }, { method: "mean", laureates: 1, seed: 7 }).applications[0].applicationId; // "A"
 */
export function computeResults(input: ResultsInput, options: ResultsOptions = {}): Results {
  const prepared = prepareResults(input, options);
  const bootstrap = prepared.bootstrap.resamples > 0 ? bootstrapRanks(prepared.bootstrap) : null;
  return finishResults(prepared, bootstrap);
}

/** Everything of {@link computeResults} but the bootstrap, and the bootstrap's input. */
export type PreparedResults = ReturnType<typeof prepareResults>;

/**
 * Internal: validates the input and options and computes everything of the results but the
 * bootstrap (scores under every method, the fits, the official ranking). Throws as
 * {@link computeResults} does. Cost: that of computeResults without the B term.
 *
 * @example
 * const prepared = prepareResults(input, { method: "mean" });
 */
export function prepareResults(input: ResultsInput, options: ResultsOptions) {
  if (input === null || typeof input !== "object")
    throw new Error("computeResults: input must be an object with criteria, scale and reviews");
  if (!Array.isArray(input.reviews) || input.reviews.length === 0) {
    throw new Error("computeResults: empty input, at least one review is needed");
  }
  const criteria = effectiveCriteria(input, options?.weights);
  const scored: ScoredReview[] = input.reviews.map((r, i) => {
    if (r === null || typeof r !== "object") throw new Error(`computeResults: review ${i} is not an object`);
    const context = `computeResults: review of application ${String(r.applicationId)} by juror ${String(r.jurorId)}: `;
    return {
      applicationId: r.applicationId,
      jurorId: r.jurorId,
      score: reviewScoreUnchecked(r.scores, criteria, input.scale, context),
      confidence: r.confidence,
    };
  });
  const idx = indexReviews(scored, "computeResults", input.jurors);
  const A = idx.appIds.length;
  const J = idx.jurorIds.length;
  const N = idx.score.length;
  const { method, laureates, bootstrap, seed, jurorBiasBootstrap } = resolveOptions(options ?? {}, A);

  // --- scores under every method
  const z = zScoreCore(idx);
  const notes: string[] = [];
  let quality: Float64Array;
  let bias: Float64Array;
  try {
    assertConnected(idx, "computeResults");
    ({ q: quality, b: bias } = solveJurorBias(idx));
  } catch (e) {
    if (method === "jurorBias") throw e;
    notes.push(`jurorBias scores are not comparable across groups: ${(e as Error).message}`);
    quality = new Float64Array(A);
    bias = new Float64Array(J);
    gaussSeidelJurorBias(idx, idx.appStart, null, quality, bias, 1e-12, 100000);
  }
  const byMethod: Record<Method, Float64Array> = {
    mean: new Float64Array(A),
    median: new Float64Array(A),
    trimmedMean: new Float64Array(A),
    zScore: new Float64Array(A),
    jurorBias: quality,
  };
  const sd = new Float64Array(A);
  const range = new Float64Array(A);
  const modZ = new Float64Array(N);
  for (let a = 0; a < A; a++) {
    const s = idx.appStart[a];
    const e = idx.appStart[a + 1];
    const vals = idx.score.subarray(s, e);
    let sum = 0;
    let zs = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = s; r < e; r++) {
      sum += idx.score[r];
      zs += z.normalised[r];
      lo = Math.min(lo, idx.score[r]);
      hi = Math.max(hi, idx.score[r]);
    }
    const m = sum / (e - s);
    byMethod.mean[a] = m;
    byMethod.median[a] = median(vals);
    byMethod.trimmedMean[a] = trimmedMean(vals);
    byMethod.zScore[a] = zs / (e - s);
    let ss = 0;
    for (let r = s; r < e; r++) ss += (idx.score[r] - m) ** 2;
    sd[a] = e - s > 1 ? Math.sqrt(ss / (e - s - 1)) : 0;
    range[a] = hi - lo;
    modZ.set(modifiedZScores(vals), s);
  }

  // --- official ranking
  const ranked = competitionRanking(idx.appIds, byMethod[method], [byMethod.mean, byMethod.median]);
  const rankOf = new Int32Array(A);
  for (const r of ranked) rankOf[r.index] = r.rank;

  return {
    criteria,
    idx,
    method,
    laureates,
    seed,
    jurorBiasBootstrap,
    notes,
    byMethod,
    sd,
    range,
    modZ,
    ranked,
    rankOf,
    jurorMean: z.jurorMean,
    jurorSd: z.jurorSd,
    bias,
    bootstrap: {
      idx,
      method,
      normalised: z.normalised,
      quality,
      bias,
      laureates,
      resamples: bootstrap,
      seed,
      fixedBias: jurorBiasBootstrap === "fixed",
    } satisfies BootstrapInput,
  };
}

/**
 * Internal: the results table from a prepared computation and its bootstrap (null when the
 * bootstrap is disabled). Cost: O(n + A + J) plus the reliability measures.
 *
 * @example
 * finishResults(prepared, bootstrapRanks(prepared.bootstrap));
 */
export function finishResults(prepared: PreparedResults, boot: BootstrapResult | null): Results {
  const { idx, method, laureates, seed, notes, byMethod, sd, range, modZ, ranked, rankOf, bias } = prepared;
  const J = idx.jurorIds.length;
  const N = idx.score.length;
  const bootstrap = prepared.bootstrap.resamples;
  const low = boot ? boot.low : rankOf;
  const high = boot ? boot.high : rankOf;
  const prob = boot ? boot.laureateProbability : Float64Array.from(rankOf, (r) => (r <= laureates ? 1 : 0));

  const applications: ApplicationResult[] = ranked.map((r) => {
    const a = r.index;
    const reviews = [];
    for (let k = idx.appStart[a]; k < idx.appStart[a + 1]; k++) {
      reviews.push({
        jurorId: idx.jurorIds[idx.juror[k]],
        score: idx.score[k],
        outlier: Math.abs(modZ[k]) > OUTLIER_THRESHOLD,
        modifiedZ: modZ[k],
      });
    }
    return {
      applicationId: idx.appIds[a],
      rank: r.rank,
      position: r.position,
      tied: r.tied,
      scores: {
        mean: byMethod.mean[a],
        median: byMethod.median[a],
        trimmedMean: byMethod.trimmedMean[a],
        zScore: byMethod.zScore[a],
        jurorBias: byMethod.jurorBias[a],
      },
      rankInterval: { low: low[a], high: high[a] },
      laureateProbability: prob[a],
      sd: sd[a],
      range: range[a],
      reviewCount: idx.appStart[a + 1] - idx.appStart[a],
      reviews,
    };
  });

  // --- jurors
  const devSum = new Float64Array(J);
  for (let r = 0; r < N; r++) devSum[idx.juror[r]] += idx.score[r] - byMethod.mean[idx.app[r]];
  const jurors: JurorResult[] = idx.jurorIds.map((jurorId, j) => ({
    jurorId,
    reviews: idx.jurorCount[j],
    leniency: devSum[j] / idx.jurorCount[j],
    bias: bias[j],
    mean: prepared.jurorMean[j],
    sd: prepared.jurorSd[j],
  }));

  return {
    method,
    laureates,
    bootstrap,
    seed,
    ...(prepared.jurorBiasBootstrap === undefined ? {} : { jurorBiasBootstrap: prepared.jurorBiasBootstrap }),
    criteria: prepared.criteria,
    applications,
    reliability: reliability(idx),
    jurors,
    notes,
  };
}

function reliability(idx: ReviewIndex): Reliability {
  const { appIds, jurorIds, app, juror, score } = idx;
  const A = appIds.length;
  const J = jurorIds.length;
  const N = score.length;
  const out: Reliability = { icc: null, iccNote: "", alpha: null, alphaNote: "", kendallW: null };
  const complete = N === A * J;
  if (!complete) {
    out.iccNote = `not every juror scored every application (${N} of ${A * J} pairs), so ICC(2,·) and Kendall's W are not computed`;
  } else if (A < 2 || J < 2) {
    out.iccNote = `ICC needs at least 2 applications and 2 jurors (got ${A} and ${J})`;
  } else {
    // Every juror scored every application: the jurors × applications table is the data itself.
    const byJuror: number[][] = Array.from({ length: J }, () => new Array<number>(A));
    for (let r = 0; r < N; r++) byJuror[juror[r]][app[r]] = score[r];
    const matrix = Array.from({ length: A }, (_, a) => Array.from({ length: J }, (_, j) => byJuror[j][a]));
    try {
      const r = icc(matrix);
      out.icc = {
        single: r.icc2.single,
        average: r.icc2.average,
        singleBand: iccBand(r.icc2.single),
        averageBand: iccBand(r.icc2.average),
      };
    } catch (e) {
      out.iccNote = (e as Error).message;
    }
    try {
      out.kendallW = kendallW(byJuror);
    } catch {
      out.kendallW = null;
    }
  }
  try {
    // Each application's scores in juror order (the index's order): the jurors × applications
    // table that krippendorffAlpha reads, without its empty cells.
    const value = intervalAlpha(idx.appStart, score);
    out.alpha = { value, band: alphaBand(value) };
  } catch (e) {
    out.alphaNote = (e as Error).message;
  }
  return out;
}
