import { indexReviews, type ReviewIndex } from "./review-index";
import type { ScoredReview } from "./types";

export interface ZScoreResult {
  /** Mean and population sd of all review scores: z is mapped back as mean + sd·z. */
  consensus: { mean: number; sd: number };
  jurors: { jurorId: string; mean: number; sd: number; reviews: number }[];
  /** Reviews sorted by application id then juror id. */
  reviews: { applicationId: string; jurorId: string; score: number; z: number; normalised: number }[];
  /** Mean normalised score per application, sorted by application id. */
  applications: { applicationId: string; score: number }[];
}

/**
 * Internal: per-juror means and population sds, per-review z-scores and normalised scores
 * (consensusMean + consensusSd·z) for a prepared index. Cost: O(n).
 *
 * @example
 * zScoreCore(indexReviews(reviews, "zScore")).normalised;
 */
export function zScoreCore(idx: ReviewIndex): {
  jurorMean: Float64Array;
  jurorSd: Float64Array;
  z: Float64Array;
  normalised: Float64Array;
  consensusMean: number;
  consensusSd: number;
} {
  const n = idx.score.length;
  const J = idx.jurorIds.length;
  const sum = new Float64Array(J);
  for (let r = 0; r < n; r++) sum[idx.juror[r]] += idx.score[r];
  const jurorMean = new Float64Array(J);
  for (let j = 0; j < J; j++) jurorMean[j] = idx.jurorCount[j] > 0 ? sum[j] / idx.jurorCount[j] : 0;
  const ss = new Float64Array(J);
  for (let r = 0; r < n; r++) ss[idx.juror[r]] += (idx.score[r] - jurorMean[idx.juror[r]]) ** 2;
  const jurorSd = new Float64Array(J);
  for (let j = 0; j < J; j++) jurorSd[j] = idx.jurorCount[j] > 0 ? Math.sqrt(ss[j] / idx.jurorCount[j]) : 0;
  let tot = 0;
  for (let r = 0; r < n; r++) tot += idx.score[r];
  const consensusMean = tot / n;
  let tss = 0;
  for (let r = 0; r < n; r++) tss += (idx.score[r] - consensusMean) ** 2;
  const consensusSd = Math.sqrt(tss / n);
  const z = new Float64Array(n);
  const normalised = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const j = idx.juror[r];
    // A juror who gave every application the same score (or reviewed only one) carries no ranking information: z = 0.
    z[r] = jurorSd[j] > 1e-12 ? (idx.score[r] - jurorMean[j]) / jurorSd[j] : 0;
    normalised[r] = consensusMean + consensusSd * z[r];
  }
  return { jurorMean, jurorSd, z, normalised, consensusMean, consensusSd };
}

/**
 * Per-juror z-score normalisation. Each review score x by juror j becomes
 * z = (x − mean_j)/sd_j (population sd over all the juror's reviews; z = 0 when sd_j = 0),
 * mapped back to the 0–1 scale as consensusMean + consensusSd·z, where the consensus
 * mean and sd are those of all review scores. An application's score is the mean of its
 * normalised reviews. Adding a constant to all of one juror's scores leaves it unchanged.
 *
 * Throws on empty input, non-finite scores, duplicate reviews, and (when `options.jurors`
 * is given) a listed juror with no reviews or a review by an unlisted juror.
 * Cost: O(n log n) for n reviews (sorting), O(n) after.
 *
 * @example
 * zScoreNormalise([
 *   { applicationId: "A", jurorId: "J1", score: 0.9 }, { applicationId: "B", jurorId: "J1", score: 0.7 },
 *   { applicationId: "A", jurorId: "J2", score: 0.5 }, { applicationId: "B", jurorId: "J2", score: 0.3 },
 * ]).applications; // A above B
 */
export function zScoreNormalise(reviews: ScoredReview[], options: { jurors?: string[] } = {}): ZScoreResult {
  const idx = indexReviews(reviews, "zScoreNormalise", options.jurors);
  const core = zScoreCore(idx);
  const A = idx.appIds.length;
  const applications: ZScoreResult["applications"] = [];
  for (let a = 0; a < A; a++) {
    let s = 0;
    for (let r = idx.appStart[a]; r < idx.appStart[a + 1]; r++) s += core.normalised[r];
    applications.push({ applicationId: idx.appIds[a], score: s / (idx.appStart[a + 1] - idx.appStart[a]) });
  }
  return {
    consensus: { mean: core.consensusMean, sd: core.consensusSd },
    jurors: idx.jurorIds.map((jurorId, j) => ({
      jurorId,
      mean: core.jurorMean[j],
      sd: core.jurorSd[j],
      reviews: idx.jurorCount[j],
    })),
    reviews: Array.from(idx.score, (score, r) => ({
      applicationId: idx.appIds[idx.app[r]],
      jurorId: idx.jurorIds[idx.juror[r]],
      score,
      z: core.z[r],
      normalised: core.normalised[r],
    })),
    applications,
  };
}
