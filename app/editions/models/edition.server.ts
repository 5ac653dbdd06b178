// Editions: the secretariat's configuration of one prize year (settings, criteria, eligibility
// rules, phases) and the public view of the open call. Every change is audited in the same
// transaction. Criteria, weights, the scale and the method lock when scoring opens.
import { and, asc, count, desc, eq, ne, notInArray } from "drizzle-orm";
import { db } from "../../../db/client";
import { assignments, ballots, criteria, deliberations, editions, eligibilityRules, reviews } from "../../../db/schema";
import type { EditionSettingsForm } from "../forms/edition";
import { WORD_LIMIT_SECTIONS } from "../domain/settings";
import { writeAudit } from "../../kernel/models/audit.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { fail, type Failure } from "../../kernel/models/result.server";
import { textColumns } from "../../kernel/i18n";
import { DEFAULT_CRITERIA, DEFAULT_RULES } from "../domain/defaults";
import { PHASES, type Phase } from "../../../db/enums";
import { nextPhase, previousPhase } from "../domain/constants";
import { editionNaming, criterionTexts, editionCriteria, ruleTexts } from "./columns.server";
import {
  changedSettings,
  deadlineMovedIntoPast,
  savedMeanwhile,
  settingsSavedSince,
  yearArchived,
  yearTaken,
} from "./edition-checks.server";

const MB = 1024 * 1024;

export type EditionRow = typeof editions.$inferSelect;
export type CriterionRow = typeof criteria.$inferSelect;
export type RuleRow = typeof eligibilityRules.$inferSelect;

export function listEditions() {
  return db()
    .select({
      ...editionNaming,
      phase: editions.phase,
      deadlineAt: editions.deadlineAt,
    })
    .from(editions)
    .orderBy(desc(editions.year))
    .all();
}

/** The phases where an edition's work is over: announced, then archived. */
export const FINISHED_PHASES: readonly Phase[] = ["announced", "archived"];

/** The editions still in progress, oldest first, with their dates, for the secretariat's home. */
/**
 * The editions in progress, the most recently created first, at most `limit` of them (one or two
 * run at once in practice; a page listing them all would grow with every forgotten draft), and how
 * many there are.
 */
export function listActiveEditions({ limit }: { limit: number }) {
  const active = notInArray(editions.phase, [...FINISHED_PHASES]);
  const rows = db()
    .select({
      ...editionNaming,
      phase: editions.phase,
      callOpensAt: editions.callOpensAt,
      deadlineAt: editions.deadlineAt,
      scoringOpensAt: editions.scoringOpensAt,
      scoringClosesAt: editions.scoringClosesAt,
      announcementAt: editions.announcementAt,
    })
    .from(editions)
    .where(active)
    .orderBy(desc(editions.createdAt), desc(editions.year))
    .limit(limit)
    .all();
  const total = db().select({ n: count() }).from(editions).where(active).get()?.n ?? 0;
  return { rows, total };
}

function criteriaOf(editionId: string) {
  return db().select().from(criteria).where(eq(criteria.editionId, editionId)).orderBy(asc(criteria.position)).all();
}

function rulesOf(editionId: string) {
  return db()
    .select()
    .from(eligibilityRules)
    .where(eq(eligibilityRules.editionId, editionId))
    .orderBy(asc(eligibilityRules.position))
    .all();
}

/** The whole edition for the secretariat, or null when the id matches nothing. */
export function getEditionForSecretariat({ editionId }: { editionId: string }) {
  const edition = db().select().from(editions).where(eq(editions.id, editionId)).get();
  if (!edition) return null;
  return { edition, criteria: criteriaOf(editionId), rules: rulesOf(editionId) };
}

/** The edition whose call is open, for everyone (public fields only), or null. */
export function getOpenEdition() {
  const edition = db()
    .select({
      ...editionNaming,
      callTextEn: editions.callTextEn,
      callTextFr: editions.callTextFr,
      callTextAr: editions.callTextAr,
      callOpensAt: editions.callOpensAt,
      deadlineAt: editions.deadlineAt,
      laureateCount: editions.laureateCount,
      quotaPerEntity: editions.quotaPerEntity,
      scaleMin: editions.scaleMin,
      scaleMax: editions.scaleMax,
    })
    .from(editions)
    .where(eq(editions.phase, "call_open"))
    .get();
  if (!edition) return null;
  const crit = editionCriteria(edition.id, { id: criteria.id, ...criterionTexts, weight: criteria.weight });
  const rules = db()
    .select({ id: eligibilityRules.id, ...ruleTexts })
    .from(eligibilityRules)
    .where(eq(eligibilityRules.editionId, edition.id))
    .orderBy(asc(eligibilityRules.position))
    .all();
  return { edition, criteria: crit, rules };
}

/**
 * Whether applications may still be sent or changed: strictly before the UNESCO deadline,
 * whatever the phase says. Extending the deadline (editing it) is the only way past it.
 */
export function isBeforeDeadline(edition: { deadlineAt: Date | number }, now: Date = new Date()): boolean {
  const deadline = typeof edition.deadlineAt === "number" ? edition.deadlineAt : edition.deadlineAt.getTime();
  return now.getTime() < deadline;
}

function settingsValues(input: EditionSettingsForm) {
  const wordLimits: Record<string, number> = {};
  for (const key of WORD_LIMIT_SECTIONS) wordLimits[key] = (input as Record<string, unknown>)[`words_${key}`] as number;
  return {
    year: input.year,
    ...textColumns(input, "theme"),
    ...textColumns(input, "callText"),
    callOpensAt: input.callOpensAt,
    deadlineAt: input.deadlineAt,
    scoringOpensAt: input.scoringOpensAt,
    scoringClosesAt: input.scoringClosesAt,
    announcementAt: input.announcementAt,
    laureateCount: input.laureateCount,
    quotaPerEntity: input.quotaPerEntity,
    reviewersPerApplication: input.reviewersPerApplication,
    reminderDaysBefore: input.reminderDaysBefore,
    scaleMin: input.scaleMin,
    scaleMax: input.scaleMax,
    method: input.method,
    wordLimits,
    maxFileBytes: input.maxFileMb * MB,
    maxTotalBytes: input.maxTotalMb * MB,
    maxPdfPages: input.maxPdfPages,
  };
}

/** A new edition in draft, with the 2023 call's five criteria and four eligibility rules. */
export function createEdition({
  actorId,
  input,
}: {
  actorId: string;
  input: EditionSettingsForm;
}): { ok: true; editionId: string } | Failure {
  if (yearTaken(input.year)) return fail("year", "errors.edition_year_taken", { year: input.year });
  if (yearArchived(input.year)) return fail("year", "errors.edition_year_archived", { year: input.year });
  const values = settingsValues(input);
  // A new edition's call is still to come: a deadline already past would only close it on opening.
  if (values.deadlineAt.getTime() <= Date.now()) return fail("deadlineAt", "errors.edition_deadline_past");
  const editionId = db().transaction((tx) => {
    const row = tx
      .insert(editions)
      .values({ ...values, phase: "draft" })
      .returning({ id: editions.id })
      .get();
    tx.insert(criteria)
      .values(
        DEFAULT_CRITERIA.map((c, position) => ({
          editionId: row.id,
          key: c.key,
          titleEn: c.title.en,
          titleFr: c.title.fr,
          titleAr: c.title.ar,
          guidanceEn: c.guidance.en,
          guidanceFr: c.guidance.fr,
          guidanceAr: c.guidance.ar,
          weight: 1,
          position,
          // The default descriptors are written for a 1–10 scale: keep those inside the edition's scale.
          levelDescriptors: c.levels.filter((l) => l.score >= values.scaleMin && l.score <= values.scaleMax),
        })),
      )
      .run();
    tx.insert(eligibilityRules)
      .values(
        DEFAULT_RULES.map((r, position) => ({
          editionId: row.id,
          key: r.key,
          textEn: r.en,
          textFr: r.fr,
          textAr: r.ar,
          position,
        })),
      )
      .run();
    writeAudit(
      { actorId, action: "edition.created", objectType: "edition", objectId: row.id, details: { year: input.year } },
      tx,
    );
    return row.id;
  });
  return { ok: true, editionId };
}

const LOCKED_FIELDS = ["scaleMin", "scaleMax", "method"] as const;

/**
 * Saves the settings form. Refused when someone saved in between (stale version), when the
 * year is another edition's, or when a locked setting (scale, method) would change after
 * scoring opened. A changed deadline is audited as an extension, with both instants.
 */
export function updateEdition({
  actorId,
  editionId,
  version,
  input,
}: {
  actorId: string;
  editionId: string;
  version: number;
  input: EditionSettingsForm;
}): { ok: true } | (Failure & { meanwhile?: Record<string, string | null> }) {
  const current = db().select().from(editions).where(eq(editions.id, editionId)).get();
  if (!current) return fail("form", "errors.edition_unknown");
  if (current.version !== version)
    return {
      ...fail("form", "errors.edition_stale"),
      meanwhile: savedMeanwhile(settingsValues(input), current, settingsSavedSince({ editionId, version })),
    };
  if (yearTaken(input.year, editionId)) return fail("year", "errors.edition_year_taken", { year: input.year });
  // Only a change of year is checked: an edition already of such a year keeps its other settings editable.
  if (input.year !== current.year && yearArchived(input.year))
    return fail("year", "errors.edition_year_archived", { year: input.year });
  const values = settingsValues(input);
  if (current.lockedAt) {
    for (const field of LOCKED_FIELDS)
      if (values[field] !== current[field]) return fail(field, "errors.edition_locked");
  }
  if (deadlineMovedIntoPast(current, values.deadlineAt)) return fail("deadlineAt", "errors.edition_deadline_past");
  const changed = changedSettings(values, current);
  // Saved as it stands: nothing to write, nor to audit.
  if (changed.length === 0) return { ok: true };
  const result = db().transaction((tx) => {
    const updated = tx
      .update(editions)
      .set({ ...values, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(editions.id, editionId), eq(editions.version, version)))
      .run();
    if (updated.changes === 0) return false;
    auditEdition(tx, actorId, editionId, "edition.updated", { fields: changed, version: current.version + 1 });
    if (values.deadlineAt.getTime() !== current.deadlineAt.getTime()) {
      auditEdition(tx, actorId, editionId, "edition.deadline_extended", {
        from: current.deadlineAt.toISOString(),
        to: values.deadlineAt.toISOString(),
      });
    }
    return true;
  });
  return result ? { ok: true } : fail("form", "errors.edition_stale");
}

export interface CriterionInput {
  key: string;
  titleEn: string;
  titleFr: string;
  titleAr: string;
  guidanceEn: string;
  guidanceFr: string;
  guidanceAr: string;
  weight: number;
  levelDescriptors: { score: number; en: string; fr: string; ar?: string }[];
}

function editionForChange(editionId: string) {
  return db()
    .select({
      id: editions.id,
      lockedAt: editions.lockedAt,
      phase: editions.phase,
      scaleMin: editions.scaleMin,
      scaleMax: editions.scaleMax,
    })
    .from(editions)
    .where(eq(editions.id, editionId))
    .get();
}

const RULES_EDITABLE: readonly string[] = ["draft", "call_open"];

/**
 * Why the edition's criteria or rules may not change now, or null when they may: criteria lock
 * with the edition (scoring opened), rules once the call has closed.
 */
function listRefusal(editionId: string, list: "criteria" | "rules"): Failure | null {
  const edition = editionForChange(editionId);
  if (!edition) return fail("form", "errors.edition_unknown");
  if (list === "criteria" && edition.lockedAt) return fail("form", "errors.edition_locked");
  if (list === "rules" && !RULES_EDITABLE.includes(edition.phase)) return fail("form", "errors.rules_locked");
  return null;
}

/** One change to an edition, audited in the transaction that makes it. */
function auditEdition(tx: Tx, actorId: string, editionId: string, action: string, details: Record<string, unknown>) {
  writeAudit({ actorId, action, objectType: "edition", objectId: editionId, details }, tx);
}

/** Adds a criterion (no id) or edits one of this edition's criteria; refused once locked. */
export function saveCriterion({
  actorId,
  editionId,
  criterionId,
  input,
}: {
  actorId: string;
  editionId: string;
  criterionId?: string;
  input: CriterionInput;
}): { ok: true; criterionId: string } | Failure {
  const values = {
    key: input.key,
    ...textColumns(input, "title"),
    ...textColumns(input, "guidance"),
    weight: input.weight,
    levelDescriptors: input.levelDescriptors,
  };
  const saved = saveToList("criteria", actorId, editionId, criterionId, values, { weight: input.weight });
  return saved.ok ? { ok: true, criterionId: saved.id } : saved;
}

export function moveCriterion({
  actorId,
  editionId,
  criterionId,
  direction,
}: {
  actorId: string;
  editionId: string;
  criterionId: string;
  direction: "up" | "down";
}): { ok: true } | Failure {
  const refusal = listRefusal(editionId, "criteria");
  if (refusal) return refusal;
  const list = criteriaOf(editionId);
  const index = list.findIndex((c) => c.id === criterionId);
  if (index < 0) return fail("form", "errors.criterion_unknown");
  const other = direction === "up" ? index - 1 : index + 1;
  if (other < 0 || other >= list.length) return { ok: true };
  const order = list.map((c) => c.id);
  [order[index], order[other]] = [order[other], order[index]];
  db().transaction((tx) => {
    // Positions are rewritten 0..n-1 so earlier gaps disappear.
    order.forEach((id, position) =>
      tx
        .update(criteria)
        .set({ position })
        .where(and(eq(criteria.id, id), eq(criteria.editionId, editionId)))
        .run(),
    );
    auditEdition(tx, actorId, editionId, "criterion.moved", { criterionId, direction });
  });
  return { ok: true };
}

export function removeCriterion(args: { actorId: string; editionId: string; criterionId: string }) {
  return removeFromList("criteria", args.actorId, args.editionId, args.criterionId);
}

export function saveRule({
  actorId,
  editionId,
  ruleId,
  input,
}: {
  actorId: string;
  editionId: string;
  ruleId?: string;
  input: { key: string; textEn: string; textFr: string; textAr: string };
}): { ok: true } | Failure {
  const values = { key: input.key, ...textColumns(input, "text") };
  const saved = saveToList("rules", actorId, editionId, ruleId, values, {});
  return saved.ok ? { ok: true } : saved;
}

export function removeRule(args: { actorId: string; editionId: string; ruleId: string }) {
  return removeFromList("rules", args.actorId, args.editionId, args.ruleId);
}

const LISTS = {
  criteria: { table: criteria, rowsOf: criteriaOf, item: "criterion", idKey: "criterionId" },
  rules: { table: eligibilityRules, rowsOf: rulesOf, item: "rule", idKey: "ruleId" },
} as const;

type ListValues =
  | Omit<typeof criteria.$inferInsert, "editionId" | "position">
  | Omit<typeof eligibilityRules.$inferInsert, "editionId" | "position">;

/**
 * Adds an item at the end of the edition's criteria or rules (no id) or edits one of them; a
 * key is unique within its list.
 */
function saveToList(
  list: keyof typeof LISTS,
  actorId: string,
  editionId: string,
  itemId: string | undefined,
  values: ListValues,
  details: Record<string, unknown>,
): { ok: true; id: string } | Failure {
  const refusal = listRefusal(editionId, list);
  if (refusal) return refusal;
  const { table, rowsOf, item, idKey } = LISTS[list];
  const existing = rowsOf(editionId);
  if (itemId && !existing.some((r) => r.id === itemId)) return fail("form", `errors.${item}_unknown`);
  if (existing.some((r) => r.key === values.key && r.id !== itemId)) return fail("key", `errors.${item}_key_taken`);
  const id = db().transaction((tx) => {
    let id = itemId;
    if (id) {
      tx.update(table)
        .set(values)
        .where(and(eq(table.id, id), eq(table.editionId, editionId)))
        .run();
    } else {
      const position = existing.reduce((max, r) => Math.max(max, r.position + 1), 0);
      id = tx
        .insert(table)
        .values({ ...values, editionId, position } as typeof table.$inferInsert)
        .returning({ id: table.id })
        .get().id;
    }
    auditEdition(tx, actorId, editionId, itemId ? `${item}.updated` : `${item}.added`, {
      [idKey]: id,
      key: values.key,
      ...details,
    });
    return id;
  });
  return { ok: true, id };
}

/** Removes one of the edition's criteria or rules, when the list may still change. */
function removeFromList(
  list: keyof typeof LISTS,
  actorId: string,
  editionId: string,
  id: string,
): { ok: true } | Failure {
  const refusal = listRefusal(editionId, list);
  if (refusal) return refusal;
  const { table, rowsOf, item, idKey } = LISTS[list];
  const row = rowsOf(editionId).find((r) => r.id === id);
  if (!row) return fail("form", `errors.${item}_unknown`);
  db().transaction((tx) => {
    tx.delete(table)
      .where(and(eq(table.id, id), eq(table.editionId, editionId)))
      .run();
    auditEdition(tx, actorId, editionId, `${item}.removed`, { [idKey]: id, key: row.key });
  });
  return { ok: true };
}

/**
 * Moves between adjacent phases that are made elsewhere, never by the phase page: the decision
 * is recorded on its page (deliberation → decided), the announcement is the scheduled job's
 * (decided → announced: it announces every application and writes to each applicant); and back
 * out of a recorded decision or a public announcement there is no way: the decision would stay
 * scheduled for announcement, the laureates public.
 */
const NOT_BY_HAND = new Set(["deliberation>decided", "decided>announced", "decided>deliberation", "announced>decided"]);

/**
 * Whether `to` is the next phase or the one before (a reopening), the only moves allowed, and
 * one the phase page may make (see NOT_BY_HAND).
 */
export function isAdjacentPhase(from: string, to: string): boolean {
  return (
    (PHASES as readonly string[]).includes(to) &&
    (nextPhase(from) === to || previousPhase(from) === to) &&
    !NOT_BY_HAND.has(`${from}>${to}`)
  );
}

/**
 * Why the edition cannot go back from `from` to `to` now, or null; reads only. The overview does
 * not offer such a move, its page says why instead of asking to confirm, and changePhase refuses
 * it in its transaction.
 * - Back to screening once the jury has submitted a review would let an application it scored be
 *   found ineligible under it: scoring is reopened (its date extended) instead.
 * - Back to scoring once a juror has cast a ballot would let the scores the shortlist and the
 *   ballots were cast on change under them, ballots that stay counted as they are.
 */
export function backwardsBlocker(
  { editionId, from, to }: { editionId: string; from: string; to: string },
  q: Tx | ReturnType<typeof db> = db(),
): "errors.phase_reviews_submitted" | "errors.phase_ballots_cast" | null {
  if (from === "scoring" && to === "screening") {
    const submitted = q
      .select({ id: reviews.id })
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .where(and(eq(assignments.editionId, editionId), eq(reviews.state, "submitted")))
      .limit(1)
      .get();
    if (submitted) return "errors.phase_reviews_submitted";
  }
  if (from === "deliberation" && to === "scoring") {
    const cast = q
      .select({ id: ballots.id })
      .from(ballots)
      .innerJoin(deliberations, eq(deliberations.id, ballots.deliberationId))
      .where(eq(deliberations.editionId, editionId))
      .limit(1)
      .get();
    if (cast) return "errors.phase_ballots_cast";
  }
  return null;
}

/**
 * Moves the edition one phase forward, or back one step, with date sanity: a call opens only
 * before its deadline and only if no other call is open, with criteria and rules; scoring
 * opens only with criteria, and locks criteria, weights, scale and method for good.
 */
export function changePhase({
  editionId,
  to,
  actorId,
  now = new Date(),
}: {
  editionId: string;
  to: string;
  actorId: string;
  now?: Date;
}): { ok: true } | Failure {
  return db().transaction((tx) => {
    const edition = tx.select().from(editions).where(eq(editions.id, editionId)).get();
    if (!edition) return fail("form", "errors.edition_unknown");
    if (!isAdjacentPhase(edition.phase, to)) return fail("form", "errors.phase_not_adjacent");
    const target = to as Phase;
    const nCriteria = tx.select({ n: count() }).from(criteria).where(eq(criteria.editionId, editionId)).get()!.n;
    if (target === "call_open") {
      if (!isBeforeDeadline(edition, now)) return fail("form", "errors.phase_deadline_passed");
      const nRules = tx
        .select({ n: count() })
        .from(eligibilityRules)
        .where(eq(eligibilityRules.editionId, editionId))
        .get()!.n;
      if (nCriteria === 0 || nRules === 0) return fail("form", "errors.phase_needs_criteria");
      const other = tx
        .select({ year: editions.year })
        .from(editions)
        .where(and(eq(editions.phase, "call_open"), ne(editions.id, editionId)))
        .get();
      if (other) return fail("form", "errors.phase_other_call_open", { year: other.year });
    }
    if (target === "scoring" && nCriteria === 0) return fail("form", "errors.phase_needs_criteria");
    const blocker = backwardsBlocker({ editionId, from: edition.phase, to: target }, tx);
    if (blocker) return fail("form", blocker);
    const lockedAt = target === "scoring" && !edition.lockedAt ? now : edition.lockedAt;
    const updated = tx
      .update(editions)
      .set({ phase: target, lockedAt, version: edition.version + 1, updatedAt: now })
      .where(and(eq(editions.id, editionId), eq(editions.phase, edition.phase)))
      .run();
    if (updated.changes === 0) return fail("form", "errors.edition_stale");
    const backwards = previousPhase(edition.phase) === target;
    auditEdition(tx, actorId, editionId, backwards ? "edition.phase_reopened" : "edition.phase_changed", {
      from: edition.phase,
      to: target,
    });
    if (lockedAt && !edition.lockedAt)
      auditEdition(tx, actorId, editionId, "edition.locked", { at: lockedAt.toISOString() });
    return { ok: true as const };
  });
}
