// The integrity audits of an edition: did the jurors judge independently (of one another, and of
// home), and did each stage treat groups of applications alike. Rows are read here; scoring/
// does the mathematics (jurorIndependence, fairnessAudit). Only the secretariat reads them —
// jurors by name — and the decision's snapshot keeps them.
import { and, eq, inArray } from "drizzle-orm";
import { db } from "../../../db/client";
import { applications, juryMembers, nominatingEntities, users } from "../../../db/schema";
import { reviewScore, type HomeBias, type HomeGroup, type JurorPair, type ResultsInput } from "../../../scoring";
import { INCOME_CLASSIFICATION } from "../../kernel/domain/income-groups";
import { unescoRegion } from "../../kernel/domain/unesco-regions";
import { untilChangedAsync, type Pending } from "../../kernel/server/memo.server";
import { WorkerLost } from "../../kernel/server/worker-pool.server";
import { FAIRNESS_GROUPS, MIN_CELL } from "../domain/integrity";
import { placed, readFairness, type FairnessAudit } from "./fairness-read.server";
import {
  RESULTS_SEED,
  RESULT_STATES,
  listCriteria,
  submittedReviews,
  type CriterionRow,
  type EditionBrief,
} from "./results.server";
import {
  computeInWorker,
  readingWorkerLoaded,
  readingWorkerReady,
  readOffThread,
  resultsWorkerLoaded,
  resultsWorkerReady,
} from "./results-worker.server";

export type { FairnessAudit } from "./fairness-read.server";

/** Permutations of each test, and the family-wise level of each audit (see decision 009). */
export const AUDIT_OPTIONS = { permutations: 1999, seed: RESULTS_SEED, alpha: 0.05 } as const;

type Scores = Record<string, number>;

export interface JurorAudit {
  jurors: { id: string; name: string; country: string | null }[];
  criteria: CriterionRow[];
  applications: Map<string, { reference: string; title: string }>;
  /** The reviews audited, with each juror's and application's places. */
  input: ResultsInput;
  pairs: JurorPair[];
  homeBias: HomeBias[];
  /** A pair is flagged below this p-value: alpha shared among the pairs tested. */
  threshold: number | null;
  /** Why the audit could not run (no reviews, invalid data), as a catalogue key. */
  problem: string | null;
}

function readJurorAudit(edition: EditionBrief): JurorAudit {
  const jurors = db()
    .select({ id: juryMembers.id, name: users.name, country: juryMembers.country })
    .from(juryMembers)
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .where(eq(juryMembers.editionId, edition.id))
    .orderBy(users.name, juryMembers.id)
    .all();
  const apps = db()
    .select({
      id: applications.id,
      reference: applications.reference,
      title: applications.title,
      country: applications.country,
      entityCountry: nominatingEntities.country,
    })
    .from(applications)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(and(eq(applications.editionId, edition.id), inArray(applications.state, [...RESULT_STATES])))
    .all();
  const criteria = listCriteria({ editionId: edition.id });
  const jurorById = new Map(jurors.map((j) => [j.id, j]));
  const appById = new Map(apps.map((a) => [a.id, a]));
  const input: ResultsInput = {
    criteria: criteria.map((c) => ({ key: c.key, weight: c.weight })),
    scale: { min: edition.scaleMin, max: edition.scaleMax },
    reviews: submittedReviews({ editionId: edition.id }).map((r) => {
      const juror = jurorById.get(r.jurorId);
      const app = appById.get(r.applicationId);
      return {
        applicationId: r.applicationId,
        jurorId: r.jurorId,
        scores: r.scores,
        ...placed("jurorCountry", juror?.country),
        ...placed("jurorRegion", unescoRegion(juror?.country)),
        ...placed("applicationCountry", app?.country),
        ...placed("applicationRegion", unescoRegion(app?.country)),
        ...placed("entityCountry", app?.entityCountry),
      };
    }),
  };
  const audit: JurorAudit = {
    jurors,
    criteria,
    applications: new Map(apps.map((a) => [a.id, { reference: a.reference, title: a.title }])),
    input,
    pairs: [],
    homeBias: [],
    threshold: null,
    problem: null,
  };
  if (input.reviews.length === 0 || criteria.length === 0) return { ...audit, problem: "integrity.no_reviews" };
  return audit;
}

/**
 * The permutation tests, in the results' worker thread: thousands of permutations per pair of
 * jurors held the request thread for seconds at 10,000 applications (decision 031). Invalid data
 * is the audit's own answer; a lost worker is not, and is thrown for the page to say so.
 */
async function auditJurors(edition: EditionBrief): Promise<JurorAudit> {
  const audit = readJurorAudit(edition);
  if (audit.problem) return audit;
  try {
    const { pairs, homeBias } = await computeInWorker({
      kind: "independence",
      input: audit.input,
      options: AUDIT_OPTIONS,
    });
    return { ...audit, pairs, homeBias, threshold: pairs.length ? AUDIT_OPTIONS.alpha / pairs.length : null };
  } catch (error) {
    if (error instanceof WorkerLost) throw error;
    return { ...audit, problem: "integrity.cannot_compute" };
  }
}

/**
 * The juror audit of an edition's submitted reviews (those of applications in the results, by
 * current jurors), as it is being computed in the worker (a page waits for it `briefly`).
 * Thousands of permutations per pair: kept until the scores change.
 */
export function pendingJurorAudit({ edition }: { edition: EditionBrief }): Pending<JurorAudit> {
  const pending = untilChangedAsync(
    { editionId: edition.id, topics: ["submitted", "scores"], key: JSON.stringify(["integrity-jurors", edition]) },
    () => auditJurors(edition),
  );
  return { ...pending, ready: resultsWorkerReady, loaded: resultsWorkerLoaded };
}

/** The juror audit, however long the worker takes (the decision's snapshot, tests). */
export function jurorAudit({ edition }: { edition: EditionBrief }): Promise<JurorAudit> {
  return pendingJurorAudit({ edition }).promise;
}

/** A review's score in scale points: the weighted mean of its criterion scores. */
function pointsOf(audit: JurorAudit, scores: Scores): number {
  const { min, max } = audit.input.scale;
  return min + reviewScore(scores, audit.input.criteria, audit.input.scale) * (max - min);
}

function byApplication(audit: JurorAudit) {
  const out = new Map<string, Map<string, Scores>>();
  for (const r of audit.input.reviews) {
    const list = out.get(r.applicationId) ?? new Map<string, Scores>();
    list.set(r.jurorId, r.scores);
    out.set(r.applicationId, list);
  }
  return out;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const byReference = (audit: JurorAudit) => (x: { applicationId: string }, y: { applicationId: string }) =>
  (audit.applications.get(x.applicationId)?.reference ?? "").localeCompare(
    audit.applications.get(y.applicationId)?.reference ?? "",
  );

/** The evidence of a pair: both jurors' scores on every application they both scored, and the other jurors' mean. */
export function pairEvidence(audit: JurorAudit, a: string, b: string) {
  const rows = [];
  for (const [applicationId, byJuror] of byApplication(audit)) {
    const sa = byJuror.get(a);
    const sb = byJuror.get(b);
    if (!sa || !sb) continue;
    const others = [...byJuror].filter(([j]) => j !== a && j !== b).map(([, s]) => pointsOf(audit, s));
    rows.push({
      applicationId,
      a: audit.criteria.map((c) => sa[c.key] ?? null),
      b: audit.criteria.map((c) => sb[c.key] ?? null),
      aScore: pointsOf(audit, sa),
      bScore: pointsOf(audit, sb),
      othersMean: mean(others),
    });
  }
  return rows.sort(byReference(audit));
}

const HOME_FIELDS: Record<
  HomeGroup,
  ["jurorCountry" | "jurorRegion", "applicationCountry" | "applicationRegion" | "entityCountry"]
> = {
  country: ["jurorCountry", "applicationCountry"],
  region: ["jurorRegion", "applicationRegion"],
  entityCountry: ["jurorCountry", "entityCountry"],
};

/**
 * The evidence of a juror's home bias: their score on every application another juror also
 * scored and whose place is known, beside the other jurors' mean, home applications first —
 * the very differences the estimate averages.
 */
export function homeEvidence(audit: JurorAudit, jurorId: string, group: HomeGroup) {
  const [jurorField, appField] = HOME_FIELDS[group];
  const home = audit.input.reviews.find((r) => r.jurorId === jurorId)?.[jurorField];
  const reviews = byApplication(audit);
  const rows = [];
  for (const r of audit.input.reviews) {
    const place = r[appField];
    if (r.jurorId !== jurorId || !place) continue;
    const others = [...reviews.get(r.applicationId)!].filter(([j]) => j !== jurorId).map(([, s]) => pointsOf(audit, s));
    if (others.length === 0) continue;
    const score = pointsOf(audit, r.scores);
    const othersMean = mean(others)!;
    rows.push({
      applicationId: r.applicationId,
      place,
      home: place === home,
      score,
      othersMean,
      difference: score - othersMean,
    });
  }
  return rows.sort((x, y) => Number(y.home) - Number(x.home) || byReference(audit)(x, y));
}

/**
 * The fairness audit of an edition as it is being computed in the worker (a page waits for it
 * `briefly`): reading every application's own answers costs ~0.4 s at 10,000 applications.
 * Kept until the edition's applications or scores change.
 */
export function pendingFairness({ edition }: { edition: EditionBrief }): Pending<FairnessAudit> {
  const pending = untilChangedAsync(
    {
      editionId: edition.id,
      topics: ["applications", "scores"],
      key: JSON.stringify(["integrity-fairness", edition.id]),
    },
    () => fairnessInWorker(edition.id),
  );
  return { ...pending, ready: readingWorkerReady, loaded: readingWorkerLoaded };
}

function fairnessInWorker(editionId: string, laureates?: string[]): Promise<FairnessAudit> {
  return readOffThread({ kind: "fairness", editionId, ...(laureates ? { laureates } : {}) }, (database) =>
    readFairness(database, editionId, laureates),
  );
}

/**
 * The fairness audit of every application of the edition, stage by stage, however long the
 * worker takes. `laureates`: the laureates of a decision being recorded (before its row says so).
 */
export function fairnessOf({
  edition,
  laureates,
}: {
  edition: EditionBrief;
  laureates?: string[];
}): Promise<FairnessAudit> {
  if (laureates) return fairnessInWorker(edition.id, laureates);
  return pendingFairness({ edition }).promise;
}

/**
 * Both audits as the decision's snapshot keeps them: the juror audit with the options and places
 * it was computed from (with the snapshot's input, enough to compute it again), and the fairness
 * tables exactly as published (no count under five) with the rows they were counted from, so that
 * `npm run scoring -- verify` counts them again (the snapshot is the secretariat's, like the scores)
 * — all but the declared gender, which the rows never hold.
 */
export function integritySnapshot({
  jurors,
  fairness,
}: {
  /** The edition's juror audit (`jurorAudit`), awaited before the decision's transaction. */
  jurors: JurorAudit;
  /** The fairness audit with the decision's laureates (`fairnessOf`), awaited likewise. */
  fairness: FairnessAudit;
}) {
  const places = (
    field: "jurorCountry" | "jurorRegion" | "applicationCountry" | "applicationRegion" | "entityCountry",
  ) =>
    Object.fromEntries(
      jurors.input.reviews
        .filter((r) => r[field])
        .map((r) => [field.startsWith("juror") ? r.jurorId : r.applicationId, r[field]]),
    );
  return {
    independence: {
      options: AUDIT_OPTIONS,
      problem: jurors.problem,
      places: {
        jurorCountry: places("jurorCountry"),
        jurorRegion: places("jurorRegion"),
        applicationCountry: places("applicationCountry"),
        applicationRegion: places("applicationRegion"),
        entityCountry: places("entityCountry"),
      },
      pairs: jurors.pairs,
      homeBias: jurors.homeBias,
    },
    fairness: {
      stages: fairness.stages,
      groups: FAIRNESS_GROUPS,
      // The list the rows' income groups were read from: a later list may class a country otherwise.
      incomeClassification: INCOME_CLASSIFICATION,
      minCell: MIN_CELL,
      tables: fairness.tables,
      // An applicant's declared gender is only ever counted: the rows leave it out, and its table
      // is kept as published (no count under five), not to be counted again.
      countedOnly: ["gender"],
      rows: fairness.rows.map(({ gender: _declared, ...row }) => row),
    },
  };
}
