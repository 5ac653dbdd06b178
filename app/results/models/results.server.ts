// The results of an edition, as the secretariat and the edition's jurors may see them. Rows
// are read (by the reading worker) and handed to scoring/ (pure mathematics); a conflicted juror
// never receives the application, reviews or scores of their conflicts, not even as an input to
// the maths: they are left out as the rows are read.
import { and, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import { db, readInSlices, readSnapshot } from "../../../db/client";
import { applications, conflicts, criteria, editions, juryMembers } from "../../../db/schema";
import type { Method, Results, ResultsInput, ResultsOptions } from "../../../scoring";
import type { SessionUser } from "../../accounts/server/session.server";
import { forget, untilChangedAsync, type Pending } from "../../kernel/server/memo.server";
import { nextTurn, SLICE } from "../../kernel/server/slices.server";
import { WorkerLost } from "../../kernel/server/worker-pool.server";
import { criterionTitles, editionCriteria, editionScoring } from "../../editions/models/columns.server";
import { joiningOrder, jurorLetter, jurySeats, seatHolder } from "../../jury/models/shared.server";
import { editionCertificate } from "./certificate.server";
import {
  RESULT_STATES,
  RESULTS_BOOTSTRAP,
  RESULTS_SEED,
  RANKING_FROM_REVIEWS,
  resultsOptions,
  type OfficialScoring,
  resultApplicationColumns,
  resultApplicationsQuery,
  resultsInputOf,
  reviewAt,
  reviewInput,
  submittedReviewColumns,
  submittedReviewsQuery,
  type ResultApplication,
  type SubmittedReview,
} from "./results-read.server";
import {
  computeInWorker,
  readingWorkerLoaded,
  resultsRowsInWorker,
  readingWorkerReady,
  resultsWorkerLoaded,
  resultsWorkerReady,
} from "./results-worker.server";
import { inputDigest, packedAlready } from "./packed-input.server";

export type ResultsViewer =
  { kind: "secretariat"; userId: string } | { kind: "juror"; userId: string; memberId: string; isChair: boolean };

export { RESULT_STATES, type ResultApplication };

/** Phases in which scoring is over whatever the dates say. */
export const AFTER_SCORING = ["deliberation", "decided", "announced", "archived"];

export { RESULTS_BOOTSTRAP, RESULTS_SEED };

/** Who asks for an edition's results, and whether as the secretariat or as a juror. */
export type ResultsAsk = { user: SessionUser; editionId: string; as: ResultsViewer["kind"] };

/**
 * The viewer the results are computed for: the secretariat, or the user's seat on this edition's
 * jury (null without one). Who may see which is the permission rules' to say, asked before.
 */
export function resultsViewer({ user, editionId, as }: ResultsAsk): ResultsViewer | null {
  if (as === "secretariat") return { kind: "secretariat", userId: user.id };
  const seat = user.juries.find((j) => j.editionId === editionId);
  return seat ? { kind: "juror", userId: user.id, memberId: seat.memberId, isChair: seat.isChair } : null;
}

const briefColumns = { ...editionScoring, method: editions.method, laureateCount: editions.laureateCount };

export function getEditionBrief({ editionId }: { editionId: string }) {
  return db().select(briefColumns).from(editions).where(eq(editions.id, editionId)).get() ?? null;
}
export type EditionBrief = NonNullable<ReturnType<typeof getEditionBrief>>;

/**
 * Computes, ahead of the first visit, the secretariat's results and the laureates' certificate of
 * every edition whose scoring is over and whose outcome is not yet announced, so nobody waits for
 * the computation (seconds at 10,000 applications, in the worker). Cheap when nothing changed: the result is kept
 * by its input's digest, the certificate with it.
 */
const WARMED_EDITIONS = 3;

export async function warmResults(now = new Date()): Promise<number> {
  // The most recent few: a real deployment has one edition at this stage at a time.
  const recent = db()
    .select(briefColumns)
    .from(editions)
    .where(inArray(editions.phase, ["scoring", "deliberation", "decided"]))
    .orderBy(desc(editions.year))
    .limit(WARMED_EDITIONS)
    .all();
  let warmed = 0;
  for (const edition of recent) {
    if (!scoringClosed(edition, now)) continue;
    await editionCertificate(await editionResults({ edition, viewer: { kind: "secretariat", userId: "" } }));
    warmed++;
  }
  return warmed;
}

export function scoringClosed(edition: Pick<EditionBrief, "phase" | "scoringClosesAt">, now = new Date()): boolean {
  return AFTER_SCORING.includes(edition.phase) || edition.scoringClosesAt.getTime() <= now.getTime();
}

/** Application ids this jury member is in conflict with (any source; a proposal not dismissed counts, to be safe). */
export function conflictedApplicationIds({ memberId }: { memberId: string }): Set<string> {
  return new Set(
    db()
      .select({ applicationId: conflicts.applicationId })
      .from(conflicts)
      .where(and(eq(conflicts.jurorId, memberId), ne(conflicts.status, "dismissed")))
      .all()
      .map((r) => r.applicationId),
  );
}

export function listCriteria({ editionId }: { editionId: string }) {
  return editionCriteria(editionId, { ...criterionTitles, weight: criteria.weight });
}
export type CriterionRow = ReturnType<typeof listCriteria>[number];

/** The edition's jurors in a stable order, with their letter ("A", "B", …) for anonymous views. */
export function listJurors({ editionId }: { editionId: string }) {
  const columns = {
    ...seatHolder,
    isChair: juryMembers.isChair,
    userId: juryMembers.userId,
    replacedAt: juryMembers.replacedAt,
  };
  const seats = jurySeats(columns, eq(juryMembers.editionId, editionId), joiningOrder);
  return seats.map((j, i) => ({ ...j, letter: jurorLetter(i) }));
}
export type JurorRow = ReturnType<typeof listJurors>[number];

/** The edition's applications that `which` keeps, named as the results name them, in reference order. */
export function resultApplicationsWhere(editionId: string, which: SQL) {
  return resultApplicationsQuery(db(), editionId, which).all();
}

/** The applications of the results, minus a juror's conflicts. */
export function listResultApplications({ editionId, excludeIds }: { editionId: string; excludeIds?: Set<string> }) {
  const all = resultApplicationsWhere(editionId, inArray(applications.state, [...RESULT_STATES]));
  return all.filter((a) => !excludeIds?.has(a.id));
}

/**
 * Submitted reviews of the edition's result applications by current jurors, minus the excluded
 * applications: what the results read of them (not their comments, which at 30,000 reviews
 * were megabytes read on the request thread for nothing). Joined by edition rather than an IN
 * list of every application id, which at 10,000 applications was a 10,000-parameter statement.
 */
export function submittedReviews({ editionId, excludeIds }: { editionId: string; excludeIds?: Set<string> }) {
  return submittedReviewsQuery(db(), editionId)
    .all()
    .filter((r) => !excludeIds?.has(r.applicationId));
}

/**
 * The rows of the results, one snapshot's: read by the reading worker from the server's file
 * (decision 046), with the digest and packed form of the input they make; a database with no
 * file to share (":memory:") is read here, on a connection of its own, a slice at a time.
 */
async function readRows({
  editionId,
  excludeIds,
  input,
  ranking,
}: {
  editionId: string;
  excludeIds?: Set<string>;
  input: ResultsInput;
  ranking: OfficialScoring | null;
}): Promise<{
  apps: ResultApplication[];
  count: number;
  /** How many applications the reviews are of. */
  reviewed: number;
  review: (i: number) => SubmittedReview;
  digest: string | null;
  packed: Parameters<typeof packedAlready>[1];
  /** The official ranking the reading worker computes from these rows, when asked (decision 046). */
  ranking: Promise<Results | null> | null;
}> {
  const file = db().$client.name;
  if (file && file !== ":memory:") {
    const read = resultsRowsInWorker(file, {
      editionId,
      excludeIds: [...(excludeIds ?? [])],
      criteria: input.criteria,
      scale: input.scale,
      ranking,
    });
    const { apps, reviews, digest, packed } = await read.rows;
    const count = reviews.application.length;
    const reviewed = reviews.applicationIds.length;
    return { apps, count, reviewed, review: (i) => reviewAt(reviews, i), digest, packed, ranking: read.ranking };
  }
  const { apps, rows } = await readResultRows({ editionId, excludeIds });
  const reviewed = new Set(rows.map((r) => r.applicationId)).size;
  return { apps, count: rows.length, reviewed, review: (i) => rows[i], digest: null, packed: null, ranking: null };
}

/**
 * The applications and submitted reviews of the results, as `listResultApplications` and
 * `submittedReviews` read them, but from one snapshot on a connection of its own, a slice at a
 * time: at 10,000 applications the request thread was otherwise held ~300 ms before a page
 * could even say "computing", and every other request with it.
 */
function readResultRows({ editionId, excludeIds }: { editionId: string; excludeIds?: Set<string> }) {
  return readSnapshot(async (database) => {
    const inResults = inArray(applications.state, [...RESULT_STATES]);
    const apps = await readInSlices(
      database,
      resultApplicationColumns,
      resultApplicationsQuery(database, editionId, inResults),
    );
    const rows = await readInSlices(database, submittedReviewColumns, submittedReviewsQuery(database, editionId));
    return {
      apps: apps.filter((a) => !excludeIds?.has(a.id)),
      rows: rows.filter((r) => !excludeIds?.has(r.applicationId)),
    };
  });
}

export interface EditionResults {
  edition: EditionBrief;
  criteria: CriterionRow[];
  jurors: JurorRow[];
  applications: Map<string, ResultApplication>;
  /** Raw criterion scores, per application then juror. */
  breakdown: Map<string, { jurorId: string; scores: Record<string, number>; confidence: number | null }[]>;
  /**
   * Per criterion (in the order of `criteria`), how many raw scores fell on each point of the
   * scale, lowest first: counted as the rows are read, in their slices, rather than at the first
   * view (~10–90 ms of the request thread at 30,000 reviews, every other request waiting).
   */
  scoreCounts: number[][];
  input: ResultsInput;
  options: ResultsOptions;
  results: Results | null;
  /** Why results could not be computed (no reviews yet, invalid data), as a catalogue key. */
  problem: string | null;
  problemDetail: string;
}

// computeResults is deterministic for a given input and options (fixed seed), and costs seconds
// at 10,000 applications: the last few results are kept, keyed by a digest of exactly what
// they were computed from, so any change of a score, weight, method or viewer recomputes. What
// is kept is the worker's promise, so that callers asking during the computation share it.
const RESULTS_CACHE_SIZE = 8;
const resultsCache = new Map<string, Promise<Results>>();

type ComputedKind = "results" | "ranking";

const cacheKey = (kind: ComputedKind, digest: string, options: ResultsOptions) =>
  JSON.stringify([kind, digest, options]);

/** The computation kept under `key`, or `compute()`'s, kept there until its worker is lost. */
function kept(key: string, compute: () => Promise<Results>): Promise<Results> {
  const hit = resultsCache.get(key);
  if (hit) {
    resultsCache.delete(key);
    resultsCache.set(key, hit);
    return hit;
  }
  const computed = compute();
  // A lost worker is no answer about these scores: the next visit computes again.
  computed.catch((error) => {
    if (error instanceof WorkerLost && resultsCache.get(key) === computed) resultsCache.delete(key);
  });
  resultsCache.set(key, computed);
  if (resultsCache.size > RESULTS_CACHE_SIZE) resultsCache.delete(resultsCache.keys().next().value!);
  return computed;
}

/** The results of `input` (or, as `kind` says, its ranking alone), kept by their input's digest. */
async function cachedResults(input: ResultsInput, options: ResultsOptions, kind: ComputedKind): Promise<Results> {
  return kept(cacheKey(kind, await inputDigest(input), options), () => computeInWorker({ kind, input, options }));
}

/** The results, however long the worker takes (actions, exports, the scheduled warm-up). */
export function editionResults(args: ResultsArgs): Promise<EditionResults> {
  return pendingResults(args).promise;
}

/**
 * Whose results, computed how: `weights` and `method` are the what-if overrides; without them
 * the edition's official method and weights are used. A juror viewer never gets their
 * conflicts: those applications and all their reviews are left out.
 */
type ResultsArgs = {
  edition: EditionBrief;
  viewer: ResultsViewer;
  weights?: Record<string, number>;
  method?: Method;
};

/** What the results are computed from, read once per data version: all of EditionResults but them. */
type ResultsRead = Omit<EditionResults, "results" | "problem" | "problemDetail">;

/** What the results read: a new submitted score, a weight, a juror replaced, an application's state. */
const RESULTS_TOPICS = ["submitted", "scores"] as const;

function pendingKey(kind: "read" | "results" | "ranking", { edition, viewer, weights, method }: ResultsArgs) {
  return {
    editionId: edition.id,
    topics: RESULTS_TOPICS,
    key: JSON.stringify([
      kind === "results" ? "results" : `results-${kind}`,
      edition,
      viewer.kind === "juror" ? viewer.memberId : "secretariat",
      weights ?? null,
      method ?? null,
    ]),
  };
}

/** The rows the results are computed from; reading 30,000 reviews takes ~0.3 s at 10,000 applications. */
function pendingRead(args: ResultsArgs): Pending<ResultsRead> {
  return untilChangedAsync(pendingKey("read", args), () => readResults(args));
}

/** Reads everything the results need and computes them in the worker, kept until the scores change. */
export function pendingResults(args: ResultsArgs): Pending<EditionResults> {
  const pending = untilChangedAsync(pendingKey("results", args), async () => {
    const read = await pendingRead(args).promise;
    const whole = await computedFrom(read, "results");
    // The ranking shown meanwhile (decision 046) is superseded: not kept beside the results, whose
    // size it has (10,000 applications' worth), until the scores change.
    forget(pendingKey("ranking", args).key);
    resultsCache.delete(cacheKey("ranking", await inputDigest(read.input), read.options));
    return whole;
  });
  return { ...pending, ready: resultsWorkerReady, loaded: resultsWorkerLoaded };
}

/**
 * The same results without their resamples (decision 046): every score, rank, tie, the
 * reliability and the jurors, but no rank intervals or laureate probabilities (those of a
 * computation with no resamples: a rank's own bounds, 0 or 1). A fraction of the results' time,
 * on the reading worker: the results page shows the ranking while the intervals are computed.
 */
export function pendingRanking(args: ResultsArgs): Pending<EditionResults> {
  const pending = untilChangedAsync(pendingKey("ranking", args), async () =>
    computedFrom(await pendingRead(args).promise, "ranking"),
  );
  return { ...pending, ready: readingWorkerReady, loaded: readingWorkerLoaded };
}

async function computedFrom(read: ResultsRead, kind: ComputedKind): Promise<EditionResults> {
  let results: Results | null = null;
  let problem: string | null = null;
  let problemDetail = "";
  if (read.input.reviews.length === 0 || read.criteria.length === 0) {
    problem = "results.no_reviews";
  } else {
    try {
      results = await cachedResults(read.input, read.options, kind);
    } catch (error) {
      if (error instanceof WorkerLost) throw error;
      problem = "results.cannot_compute";
      problemDetail = error instanceof Error ? error.message : String(error);
    }
  }
  return { ...read, results, problem, problemDetail };
}

async function readResults({ edition, viewer, weights, method }: ResultsArgs): Promise<ResultsRead> {
  const excludeIds = viewer.kind === "juror" ? conflictedApplicationIds({ memberId: viewer.memberId }) : undefined;
  const criteriaRows = listCriteria({ editionId: edition.id });
  const jurors = listJurors({ editionId: edition.id });
  const { scaleMin, scaleMax } = edition;
  const input = resultsInputOf({
    criteria: criteriaRows.map((c) => ({ key: c.key, weight: c.weight })),
    scale: { min: scaleMin, max: scaleMax },
  });
  // The official results' ranking is read with the rows (decision 046); a what-if's is not asked.
  const official = weights === undefined && method === undefined;
  const scoring = {
    method: method ?? edition.method,
    laureateCount: edition.laureateCount,
    ...(weights ? { weights } : {}),
  };
  const { apps, count, reviewed, review, digest, packed, ranking } = await readRows({
    editionId: edition.id,
    excludeIds,
    input,
    ranking: official ? scoring : null,
  });
  const options = resultsOptions({ ...scoring, reviewed });
  // Kept as the ranking of this input, for the page waiting on it (pendingRanking).
  if (ranking !== null && digest !== null && count >= RANKING_FROM_REVIEWS)
    void kept(cacheKey("ranking", digest, options), () =>
      ranking.then((computed) => {
        if (!computed) throw new Error("The reading worker read the rows of a ranking without computing it.");
        return computed;
      }),
    );
  const breakdown = new Map<string, { jurorId: string; scores: Record<string, number>; confidence: number | null }[]>();
  const scoreCounts = criteriaRows.map(() => new Array<number>(scaleMax - scaleMin + 1).fill(0));
  for (let i = 0; i < count; i++) {
    const r = review(i);
    for (let c = 0; c < criteriaRows.length; c++) {
      const v = r.scores[criteriaRows[c].key];
      if (typeof v === "number") scoreCounts[c][Math.min(scaleMax, Math.max(scaleMin, Math.round(v))) - scaleMin]++;
    }
    const list = breakdown.get(r.applicationId) ?? [];
    list.push({ jurorId: r.jurorId, scores: r.scores, confidence: r.confidence });
    breakdown.set(r.applicationId, list);
    input.reviews.push(reviewInput(r));
    if (i % SLICE === SLICE - 1) await nextTurn();
  }
  // The reading worker hashed and packed the same input as it read it: not done twice.
  if (digest !== null) packedAlready(input, packed, digest);
  return {
    edition,
    criteria: criteriaRows,
    jurors,
    applications: new Map(apps.map((a) => [a.id, a])),
    breakdown,
    scoreCounts,
    input,
    options,
  };
}

const unrankedKept = new WeakMap<EditionResults, ResultApplication[]>();

/**
 * The applications of `r` its results do not rank (eligible, but no submitted review scores them),
 * in reference order: found once per computed results (one pass over 10,000 applications), for the
 * page and the exports alike, not at every view.
 */
export function unrankedApplications(r: EditionResults): ResultApplication[] {
  if (!r.results) return [];
  const kept = unrankedKept.get(r);
  if (kept) return kept;
  const ranked = new Set(r.results.applications.map((a) => a.applicationId));
  const unranked = [...r.applications.values()].filter((app) => !ranked.has(app.id));
  unrankedKept.set(r, unranked);
  return unranked;
}

/** The JSON export: exactly what `npm run scoring -- results <file>` reads. */
export function resultsExportJson(r: EditionResults): string {
  return JSON.stringify({ input: r.input, options: r.options }, null, 2);
}

/**
 * The table as rows of cells (header first), shared by the CSV and XLSX exports; made a slice
 * of applications at a time with the event loop free in between (40–85 ms at 10,000 in one piece).
 */
export async function resultsTable(
  r: EditionResults,
  labels: { header: string[]; jurorName: (id: string) => string; title: (stored: string) => string },
): Promise<(string | number)[][]> {
  const out: (string | number)[][] = [labels.header];
  if (!r.results) return out;
  for (const a of r.results.applications) {
    if (out.length % SLICE === 0) await nextTurn();
    const app = r.applications.get(a.applicationId);
    const outliers = a.reviews.filter((rv) => rv.outlier).map((rv) => labels.jurorName(rv.jurorId));
    out.push([
      a.rank,
      app?.reference ?? a.applicationId,
      labels.title(app?.title ?? ""),
      app?.organisation ?? "",
      app?.country ?? "",
      round(a.scores[r.results.method]),
      round(a.scores.mean),
      round(a.scores.median),
      round(a.scores.trimmedMean),
      round(a.scores.zScore),
      round(a.scores.jurorBias),
      a.rankInterval.low,
      a.rankInterval.high,
      round(a.laureateProbability),
      round(a.sd),
      round(a.range),
      a.reviewCount,
      outliers.join("; "),
    ]);
  }
  // After the ranking, the eligible applications no submitted review scores: listed with no rank
  // and no score rather than left out, as on the page.
  for (const app of unrankedApplications(r)) {
    if (out.length % SLICE === 0) await nextTurn();
    const blank = new Array<string>(labels.header.length - 5 - 2).fill("");
    out.push(["", app.reference, labels.title(app.title), app.organisation, app.country ?? "", ...blank, 0, ""]);
  }
  return out;
}

export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
