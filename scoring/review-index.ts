import { compareIds } from "./ids";
import type { ScoredReview } from "./types";

/**
 * Reviews in canonical order (application id, then juror id) with integer indices,
 * so that every computation is independent of input order.
 */
export interface ReviewIndex {
  appIds: string[];
  jurorIds: string[];
  /** Application index of review r. */
  app: Int32Array;
  /** Juror index of review r. */
  juror: Int32Array;
  /** 0–1 score of review r. */
  score: Float64Array;
  /** Confidence weight of review r (default 1). */
  weight: Float64Array;
  /** Reviews of application a are r in [appStart[a], appStart[a + 1]). */
  appStart: Int32Array;
  /** Number of reviews per juror. */
  jurorCount: Int32Array;
}

/**
 * Validates scored reviews and builds a {@link ReviewIndex}. Throws on empty input,
 * missing ids, non-finite scores or confidences, a juror reviewing one application
 * twice, a review by a juror not in `jurors`, and (when `jurors` is given) a juror
 * with no reviews. Cost: O(n log n).
 *
 * @example
 * const idx = indexReviews([{ applicationId: "A", jurorId: "J", score: 0.5 }], "zScoreNormalise");
 * idx.appIds; // ["A"]
 */
export function indexReviews(reviews: ScoredReview[], what: string, jurors?: string[]): ReviewIndex {
  if (!Array.isArray(reviews) || reviews.length === 0) {
    throw new Error(`${what}: empty input, at least one review is needed`);
  }
  for (const r of reviews) {
    if (typeof r?.applicationId !== "string" || r.applicationId === "") {
      throw new Error(`${what}: a review has no applicationId`);
    }
    if (typeof r.jurorId !== "string" || r.jurorId === "") {
      throw new Error(`${what}: review of application ${r.applicationId} has no jurorId`);
    }
    if (typeof r.score !== "number" || !Number.isFinite(r.score)) {
      throw new Error(
        `${what}: score of the review of application ${r.applicationId} by juror ${r.jurorId} is not a finite number (${String(r.score)})`,
      );
    }
    if (
      r.confidence !== undefined &&
      (typeof r.confidence !== "number" || !Number.isFinite(r.confidence) || r.confidence <= 0)
    ) {
      throw new Error(
        `${what}: confidence of the review of application ${r.applicationId} by juror ${r.jurorId} must be a positive finite number, got ${String(r.confidence)}`,
      );
    }
  }
  const sorted = [...reviews].sort(
    (a, b) => compareIds(a.applicationId, b.applicationId) || compareIds(a.jurorId, b.jurorId),
  );
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].applicationId === sorted[i - 1].applicationId && sorted[i].jurorId === sorted[i - 1].jurorId) {
      throw new Error(
        `${what}: juror ${sorted[i].jurorId} reviewed application ${sorted[i].applicationId} more than once`,
      );
    }
  }
  const appIds: string[] = [];
  for (const r of sorted)
    if (appIds.length === 0 || appIds[appIds.length - 1] !== r.applicationId) appIds.push(r.applicationId);
  const present = [...new Set(sorted.map((r) => r.jurorId))].sort(compareIds);
  let jurorIds = present;
  if (jurors !== undefined) {
    const listed = new Set(jurors);
    for (const j of present) {
      if (!listed.has(j)) throw new Error(`${what}: juror ${j} is not in the list of jurors`);
    }
    const have = new Set(present);
    for (const j of [...listed].sort(compareIds)) {
      if (!have.has(j))
        throw new Error(`${what}: juror ${j} has no reviews, so the normalisation cannot be computed for them`);
    }
    jurorIds = [...listed].sort(compareIds);
  }
  const appPos = new Map(appIds.map((id, i) => [id, i]));
  const jurPos = new Map(jurorIds.map((id, i) => [id, i]));
  const n = sorted.length;
  const app = new Int32Array(n);
  const juror = new Int32Array(n);
  const score = new Float64Array(n);
  const weight = new Float64Array(n);
  const appStart = new Int32Array(appIds.length + 1);
  const jurorCount = new Int32Array(jurorIds.length);
  for (let r = 0; r < n; r++) {
    const rv = sorted[r];
    app[r] = appPos.get(rv.applicationId)!;
    juror[r] = jurPos.get(rv.jurorId)!;
    score[r] = rv.score;
    weight[r] = rv.confidence ?? 1;
    appStart[app[r] + 1]++;
    jurorCount[juror[r]]++;
  }
  for (let a = 0; a < appIds.length; a++) appStart[a + 1] += appStart[a];
  return { appIds, jurorIds, app, juror, score, weight, appStart, jurorCount };
}
