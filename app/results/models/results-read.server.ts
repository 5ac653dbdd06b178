// The rows an edition's results are computed from: its applications in the results and their
// submitted reviews by current jurors, read on one snapshot. At 10,000 applications the reading
// worker reads them from the server's file (decision 046) and hands them over as columns;
// everything here reads through the `database` it is given, never `db()`.
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { DB } from "../../../db/client";
import { applications, juryMembers, reviews } from "../../../db/schema";
import type { Method, ResultsInput, ResultsOptions } from "../../../scoring";
import { applicationNaming } from "../../applications/models/columns.server";

/** Applications that take part in the results: eligible, and after the announcement, decided. */
export const RESULT_STATES = ["eligible", "laureate", "not_selected"] as const;

export const resultApplicationColumns = { ...applicationNaming, state: applications.state };

export function resultApplicationsQuery(database: DB, editionId: string, which: SQL) {
  return database
    .select(resultApplicationColumns)
    .from(applications)
    .where(and(eq(applications.editionId, editionId), which))
    .orderBy(asc(applications.reference));
}

export type ResultApplication = ReturnType<ReturnType<typeof resultApplicationsQuery>["all"]>[number];

export const submittedReviewColumns = {
  applicationId: reviews.applicationId,
  jurorId: reviews.jurorId,
  scores: reviews.scores,
  confidence: reviews.confidence,
};

/**
 * Walked in the order of the reviews' application index, each application's few reviews sorted
 * by juror as they come: the rows stream. Joined the other way round (the edition's applications
 * first), SQLite sorted all 30,000 rows before giving the first (~200 ms in one step, which a
 * read in slices cannot split); a CROSS JOIN is SQLite's way of fixing the order of the loops.
 * Both lookups are answered from covering indexes (migration 0014).
 */
export function submittedReviewsQuery(database: DB, editionId: string) {
  return database
    .select(submittedReviewColumns)
    .from(reviews)
    .crossJoin(applications)
    .innerJoin(juryMembers, eq(juryMembers.id, reviews.jurorId))
    .where(
      and(
        eq(applications.id, reviews.applicationId),
        eq(applications.editionId, editionId),
        inArray(applications.state, [...RESULT_STATES]),
        eq(reviews.state, "submitted"),
        isNull(juryMembers.replacedAt),
      ),
    )
    .orderBy(asc(reviews.applicationId), asc(reviews.jurorId));
}

/**
 * The submitted reviews as columns: what a worker's message clones in a few milliseconds, where
 * 30,000 review objects took ~100 ms of the thread receiving them. Each review's scores are the
 * JSON as stored, parsed by whoever builds the reviews, so that their keys keep the stored order.
 */
export interface ReviewColumns {
  applicationIds: string[];
  /** Per review, its application's index in `applicationIds`. */
  application: Int32Array;
  jurorIds: string[];
  juror: Int32Array;
  scores: string[];
  /** NaN where the review has no confidence. */
  confidence: Float64Array;
}

/** The applications and reviews of the results, minus `excludeIds` (a juror's conflicts). */
export function readResultsColumns(
  database: DB,
  { editionId, excludeIds }: { editionId: string; excludeIds: string[] },
): { apps: ResultApplication[]; reviews: ReviewColumns } {
  const excluded = new Set(excludeIds);
  const apps = resultApplicationsQuery(database, editionId, inArray(applications.state, [...RESULT_STATES]))
    .all()
    .filter((a) => !excluded.has(a.id));
  // The scores as stored (raw rows): drizzle's own reading would parse them here, to be cloned.
  const { sql, params } = submittedReviewsQuery(database, editionId).toSQL();
  const rows = database.$client
    .prepare(sql)
    .raw(true)
    .all(...params) as [string, string, string, number | null][];
  const kept = rows.filter((r) => !excluded.has(r[0]));
  const applicationIds: string[] = [];
  const jurorIds: string[] = [];
  const appIndex = new Map<string, number>();
  const jurorIndex = new Map<string, number>();
  const columns: ReviewColumns = {
    applicationIds,
    application: new Int32Array(kept.length),
    jurorIds,
    juror: new Int32Array(kept.length),
    scores: new Array<string>(kept.length),
    confidence: new Float64Array(kept.length),
  };
  for (let i = 0; i < kept.length; i++) {
    const [applicationId, jurorId, scores, confidence] = kept[i];
    let a = appIndex.get(applicationId);
    if (a === undefined) appIndex.set(applicationId, (a = applicationIds.push(applicationId) - 1));
    let j = jurorIndex.get(jurorId);
    if (j === undefined) jurorIndex.set(jurorId, (j = jurorIds.push(jurorId) - 1));
    columns.application[i] = a;
    columns.juror[i] = j;
    columns.scores[i] = scores;
    columns.confidence[i] = confidence ?? NaN;
  }
  return { apps, reviews: columns };
}

/** A submitted review as the results read it. */
export interface SubmittedReview {
  applicationId: string;
  jurorId: string;
  scores: Record<string, number>;
  confidence: number | null;
}

/** The `i`-th review of the columns, as drizzle would have read its row. */
export function reviewAt(columns: ReviewColumns, i: number): SubmittedReview {
  const confidence = columns.confidence[i];
  return {
    applicationId: columns.applicationIds[columns.application[i]],
    jurorId: columns.jurorIds[columns.juror[i]],
    scores: JSON.parse(columns.scores[i]) as Record<string, number>,
    confidence: Number.isNaN(confidence) ? null : confidence,
  };
}

/** A review of the scoring input: its confidence only when it has one. */
export function reviewInput(r: SubmittedReview): ResultsInput["reviews"][number] {
  return {
    applicationId: r.applicationId,
    jurorId: r.jurorId,
    scores: r.scores,
    ...(r.confidence ? { confidence: r.confidence } : {}),
  };
}

/** The scoring input of the reviews, with the key order every builder of it must keep (its digest is of its JSON). */
export function resultsInputOf(
  { criteria, scale }: Pick<ResultsInput, "criteria" | "scale">,
  reviews: SubmittedReview[] = [],
): ResultsInput {
  return { criteria, scale, reviews: reviews.map(reviewInput) };
}

/** Bootstrap resamples used for the rank intervals (a fixed seed keeps pages reproducible). */
export const RESULTS_BOOTSTRAP = 1000;
export const RESULTS_SEED = 1;

/**
 * From this many reviews on, the official results' ranking is computed as their rows are read
 * (their resamples take ~0.5 s and more at 30,000 reviews); below, the results come within a
 * page's first wait, and the ranking is computed only when a page still waits for them.
 */
export const RANKING_FROM_REVIEWS = 2000;

/** The method the results are computed with (the official one or a what-if's) and the laureates sought. */
export interface OfficialScoring {
  method: string;
  laureateCount: number;
  weights?: Record<string, number>;
}

/** How the results are computed: `reviewed` is how many applications have a review in them. */
export function resultsOptions({
  method,
  laureateCount,
  weights,
  reviewed,
}: OfficialScoring & { reviewed: number }): ResultsOptions {
  const chosen = method as Method;
  return {
    method: chosen,
    laureates: Math.max(1, Math.min(laureateCount, reviewed)),
    bootstrap: RESULTS_BOOTSTRAP,
    seed: RESULTS_SEED,
    ...(weights ? { weights } : {}),
    // Named in the options (and so in the export and the decision's snapshot), so that anyone
    // re-running them gets these intervals; results without it keep the re-fit (decision 041).
    ...(chosen === "jurorBias" ? { jurorBiasBootstrap: "fixed" as const } : {}),
  };
}
