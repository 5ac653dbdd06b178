// The fairness audit's reading and counting (decision 009): every application of an edition with
// its furthest stage and groups, then the tables. Reading the applicant's own answers parses every
// application's content (~0.4 s at 10,000 applications), so it runs in the results' worker thread
// on a snapshot it reads itself (decision 032); everything here reads through the `database` it is
// given, never `db()`.
import { eq, sql } from "drizzle-orm";
import { type DB } from "../../../db/client";
import { applications, decisions, deliberations, nominatingEntities } from "../../../db/schema";
import { fairnessAudit } from "../../../scoring";
import { DECLARED_GENDERS } from "../../applications/domain/sections";
import { incomeGroup } from "../../kernel/domain/income-groups";
import { unescoRegion } from "../../kernel/domain/unesco-regions";
import {
  FAIRNESS_GROUPS,
  MIN_CELL,
  fairnessTables,
  furthestStage,
  stagesReached,
  type FairnessRowOf,
  type FairnessStage,
  type FairnessTable,
} from "../domain/integrity";

/** A place, only when it is known: scoring/ reads a missing field as "not known", an empty one as an error. */
export function placed<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

export interface FairnessAudit {
  stages: FairnessStage[];
  tables: FairnessTable[];
  /** Applications audited: every application of the edition, drafts included. */
  applications: number;
  /** What the tables are counted from: each application's furthest stage and groups. */
  rows: FairnessRowOf[];
}

/**
 * The fairness audit of every application of the edition, read on `database`. `decided`: the
 * laureates of a decision being recorded (before its row says so).
 */
export function readFairness(database: DB, editionId: string, decided?: string[]): FairnessAudit {
  const deliberation = database
    .select({ shortlist: deliberations.shortlist })
    .from(deliberations)
    .where(eq(deliberations.editionId, editionId))
    .get();
  const decision = database
    .select({
      recommendedAt: decisions.recommendedAt,
      recommendation: decisions.recommendation,
      decidedAt: decisions.decidedAt,
      laureates: decisions.laureates,
    })
    .from(decisions)
    .where(eq(decisions.editionId, editionId))
    .get();
  const shortlist = new Set(deliberation?.shortlist ?? []);
  const recommended = new Set(decision?.recommendedAt ? (decision.recommendation ?? []) : []);
  const laureates = new Set(decided ?? (decision?.decidedAt ? (decision.laureates ?? []) : []));
  const rows: FairnessRowOf[] = database
    .select({
      id: applications.id,
      state: applications.state,
      sentAt: applications.sentAt,
      nominatedAt: applications.nominatedAt,
      country: applications.country,
      language: applications.language,
      entityKind: nominatingEntities.kind,
      // The applicant's own answer on the form: the frozen copy once nominated.
      applicantType: sql<
        string | null
      >`json_extract(coalesce(${applications.nominatedContent}, ${applications.content}), '$.sections.background.organisationType')`,
      gender: sql<
        string | null
      >`json_extract(coalesce(${applications.nominatedContent}, ${applications.content}), '$.sections.contact.leadGender')`,
    })
    .from(applications)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(eq(applications.editionId, editionId))
    .all()
    .map((a) => ({
      applicationId: a.id,
      stage: furthestStage({
        state: a.state,
        sentAt: a.sentAt,
        nominatedAt: a.nominatedAt,
        shortlisted: shortlist.has(a.id),
        recommended: recommended.has(a.id),
        laureate: laureates.has(a.id),
      }),
      ...placed("region", unescoRegion(a.country)),
      ...placed("income", incomeGroup(a.country)),
      ...placed("language", a.language),
      ...placed("entityKind", a.entityKind),
      ...placed("applicantType", a.applicantType),
      ...placed("gender", a.gender && DECLARED_GENDERS.includes(a.gender) ? a.gender : null),
    }));
  if (rows.length === 0) return { stages: [], tables: [], applications: 0, rows };
  const stages = stagesReached(rows.map((r) => r.stage));
  const cells = fairnessAudit(rows, { stages, groups: [...FAIRNESS_GROUPS], minCell: MIN_CELL });
  return { stages, tables: fairnessTables(rows, cells, stages), applications: rows.length, rows };
}
