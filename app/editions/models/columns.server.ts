// Column sets and reads that several areas share, so that an edition is named, and its
// criteria, rules and section wording read, alike on every page.
import { asc, eq } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/sqlite-core";
import { selectWith } from "../../kernel/models/select.server";
import { db, type DB } from "../../../db/client";
import { criteria, editions, eligibilityRules } from "../../../db/schema";
import type { Tx } from "../../kernel/models/transaction.server";
import { sectionWordingOf, type SectionWording } from "../../applications/domain/sections";

/** What names an edition wherever it is listed: its id, its year and its theme in each language. */
export const editionNaming = {
  id: editions.id,
  year: editions.year,
  themeEn: editions.themeEn,
  themeFr: editions.themeFr,
  themeAr: editions.themeAr,
};

/** An edition as its scoring is read: its naming and phase, the close of scoring, the announcement, the scale. */
export const editionScoring = {
  ...editionNaming,
  phase: editions.phase,
  scoringClosesAt: editions.scoringClosesAt,
  announcementAt: editions.announcementAt,
  scaleMin: editions.scaleMin,
  scaleMax: editions.scaleMax,
};

/** A criterion's key and its title in each language. */
export const criterionTitles = {
  key: criteria.key,
  titleEn: criteria.titleEn,
  titleFr: criteria.titleFr,
  titleAr: criteria.titleAr,
};

/** A criterion's key and its title and guidance in each language. */
export const criterionTexts = {
  ...criterionTitles,
  guidanceEn: criteria.guidanceEn,
  guidanceFr: criteria.guidanceFr,
  guidanceAr: criteria.guidanceAr,
};

/** An eligibility rule's key and its text in each language. */
export const ruleTexts = {
  key: eligibilityRules.key,
  textEn: eligibilityRules.textEn,
  textFr: eligibilityRules.textFr,
  textAr: eligibilityRules.textAr,
};

/** The edition's criteria in their order, each with the columns the caller reads. */
export function editionCriteria<T extends SelectedFields>(editionId: string, columns: T, tx: Tx | DB = db()) {
  return selectWith(columns, (fields) =>
    tx.select(fields).from(criteria).where(eq(criteria.editionId, editionId)).orderBy(asc(criteria.position)).all(),
  );
}

/** The edition's eligibility rules in their order, as applicants and screeners read them. */
export function editionRules(editionId: string, tx: Tx | DB = db()) {
  return tx
    .select(ruleTexts)
    .from(eligibilityRules)
    .where(eq(eligibilityRules.editionId, editionId))
    .orderBy(asc(eligibilityRules.position))
    .all();
}

/** The edition's own wording, cleaned (empty for an unknown edition). */
export function editionSectionWording(editionId: string): SectionWording {
  const row = db()
    .select({ sectionWording: editions.sectionWording })
    .from(editions)
    .where(eq(editions.id, editionId))
    .get();
  return sectionWordingOf(row?.sectionWording);
}
