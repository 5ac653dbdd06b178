// The secretariat's decisions on the conflicts register: confirming or dismissing a proposal
// (a submitted review is recused only on a step that shows it) and adding a conflict by hand.
// Every state change is audited in its own synchronous transaction, and e-mails are queued in
// that same transaction.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { inJson } from "../../../db/bulk";
import { db, type DB } from "../../../db/client";
import { applications, conflicts, criteria, editions, juryMembers, reviews, users } from "../../../db/schema";
import { eligibleApplication, fail, type EditionActor, type Failure, type Tx } from "./shared.server";
import {
  auditConflict,
  conflictAuditEntry,
  insertConflict,
  markRecused,
  openReviewColumns,
  recusalAuditEntry,
  recusalMails,
  recuseReviewsFor,
  type OpenReview,
} from "./conflicts.server";
import { writeAudits, type AuditEntry } from "../../kernel/models/audit.server";
import { enqueueMails } from "../../kernel/models/outbox.server";

/** The pair's review that a confirmation would recuse (not recused yet), if any. */
function openReviewOf(tx: Tx | DB, jurorId: string, applicationId: string) {
  return (
    tx
      .select({ id: reviews.id, state: reviews.state, scores: reviews.scores, submittedAt: reviews.submittedAt })
      .from(reviews)
      .where(and(eq(reviews.jurorId, jurorId), eq(reviews.applicationId, applicationId), ne(reviews.state, "recused")))
      .get() ?? null
  );
}

/** A conflict as a decision reads it: the pair of a juror and an application, its source and its reason. */
const pairColumns = {
  id: conflicts.id,
  jurorId: conflicts.jurorId,
  applicationId: conflicts.applicationId,
  source: conflicts.source,
  reason: conflicts.reason,
};

/** A conflict of the edition still waiting for the secretariat's decision, or why it is not one. */
function proposedConflict(tx: Tx, editionId: string, conflictId: string) {
  const c = tx
    .select({ ...pairColumns, status: conflicts.status })
    .from(conflicts)
    .where(and(eq(conflicts.id, conflictId), eq(conflicts.editionId, editionId)))
    .get();
  if (!c) return fail("conflictId", "errors.jury_conflict_unknown");
  if (c.status !== "proposed") return fail("conflictId", "errors.jury_conflict_decided");
  return c;
}

/**
 * One conflict of the edition as the confirmation step shows it: the juror, the application
 * and, when confirming would recuse a review, that review (state, submitted on, total score).
 */
export function conflictForDecision({ editionId, conflictId }: { editionId: string; conflictId: string }) {
  const c = db()
    .select({
      ...pairColumns,
      status: conflicts.status,
      jurorName: users.name,
      title: applications.title,
      reference: applications.reference,
    })
    .from(conflicts)
    .innerJoin(juryMembers, eq(juryMembers.id, conflicts.jurorId))
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .innerJoin(applications, eq(applications.id, conflicts.applicationId))
    .where(and(eq(conflicts.id, conflictId), eq(conflicts.editionId, editionId)))
    .get();
  if (!c) return null;
  const review = openReviewOf(db(), c.jurorId, c.applicationId);
  const edition = db().select({ scaleMax: editions.scaleMax }).from(editions).where(eq(editions.id, editionId)).get()!;
  const criteriaCount = db()
    .select({ n: sql<number>`count(*)` })
    .from(criteria)
    .where(eq(criteria.editionId, editionId))
    .get()!.n;
  return {
    id: c.id,
    status: c.status,
    source: c.source,
    reason: c.reason,
    jurorName: c.jurorName,
    title: c.title,
    reference: c.reference,
    review: review
      ? {
          state: review.state,
          submittedAt: review.submittedAt,
          total: Object.values(review.scores).reduce((sum, v) => sum + v, 0),
          maxTotal: criteriaCount * edition.scaleMax,
        }
      : null,
  };
}

/**
 * The secretariat confirms a proposal: the pair's review is recused (its juror told by e-mail,
 * its scores kept in the audit log). A submitted review is recused only when the secretariat
 * has acknowledged it on the confirmation step (`submittedReviewAcknowledged`).
 */
export function confirmConflict({
  editionId,
  conflictId,
  actorId,
  origin,
  submittedReviewAcknowledged,
}: EditionActor & { conflictId: string; origin: string; submittedReviewAcknowledged: boolean }):
  { ok: true; recused: number } | Failure {
  return db().transaction((tx) => {
    const c = proposedConflict(tx, editionId, conflictId);
    if ("error" in c) return c;
    const review = openReviewOf(tx, c.jurorId, c.applicationId);
    if (review?.state === "submitted" && !submittedReviewAcknowledged)
      return fail("acknowledge", "errors.jury_conflict_submitted_confirm");
    return { ok: true as const, recused: confirmInTx(tx, { ...c, editionId, actorId, origin }) };
  });
}

function confirmInTx(
  tx: Tx,
  c: {
    id: string;
    jurorId: string;
    applicationId: string;
    source: string;
    reason: string;
    editionId: string;
    actorId: string;
    origin: string;
  },
): number {
  tx.update(conflicts)
    .set({ status: "confirmed", confirmedBy: c.actorId, confirmedAt: new Date() })
    .where(and(eq(conflicts.id, c.id), eq(conflicts.status, "proposed")))
    .run();
  auditConflict(tx, c.actorId, "conflict.confirmed", c);
  return recuseReviewsFor(tx, {
    jurorId: c.jurorId,
    applicationId: c.applicationId,
    reason: c.reason || c.source,
    actorId: c.actorId,
    origin: c.origin,
  });
}

/**
 * Confirms, in one transaction, every proposal that touches no submitted review (those need
 * their own confirmation step). Returns how many were confirmed and how many were left.
 *
 * The same rows as confirming each in turn — the conflict confirmed and audited, its open
 * review recused and audited with what it was, its juror e-mailed — written a statement per
 * table (decision 033): one at a time, 9,000 proposals at 10,000 applications held the request
 * thread 4.2 s.
 */
export function confirmProposalsWithoutSubmittedReview({
  editionId,
  actorId,
  origin,
}: EditionActor & { origin: string }): { ok: true; confirmed: number; left: number } {
  return db().transaction((tx) => {
    const proposed = tx
      .select(pairColumns)
      .from(conflicts)
      .where(and(eq(conflicts.editionId, editionId), eq(conflicts.status, "proposed")))
      // In the order they were recorded: a pair proposed twice (two sources) has its review
      // recused by the first, with that one's reason, as confirming them in turn would.
      .orderBy(asc(conflicts.createdAt), sql`rowid`)
      .all();
    const pair = (jurorId: string, applicationId: string) => `${jurorId} ${applicationId}`;
    // The open reviews of every proposed pair, read at once.
    const openOf = new Map<string, OpenReview[]>();
    for (const r of tx
      .select(openReviewColumns)
      .from(reviews)
      .innerJoin(
        conflicts,
        and(eq(conflicts.jurorId, reviews.jurorId), eq(conflicts.applicationId, reviews.applicationId)),
      )
      .where(and(eq(conflicts.editionId, editionId), eq(conflicts.status, "proposed"), ne(reviews.state, "recused")))
      .orderBy(asc(reviews.id))
      .all()) {
      // A pair proposed under two sources meets its review twice in the join.
      const key = pair(r.jurorId, r.applicationId);
      const known = openOf.get(key);
      if (!known) openOf.set(key, [r]);
      else if (!known.some((k) => k.id === r.id)) known.push(r);
    }
    const confirming = proposed.filter(
      (c) => !(openOf.get(pair(c.jurorId, c.applicationId)) ?? []).some((r) => r.state === "submitted"),
    );
    if (confirming.length === 0) return { ok: true as const, confirmed: 0, left: proposed.length };
    const now = new Date();
    tx.update(conflicts)
      .set({ status: "confirmed", confirmedBy: actorId, confirmedAt: now })
      .where(
        and(
          inJson(
            conflicts.id,
            confirming.map((c) => c.id),
          ),
          eq(conflicts.status, "proposed"),
        ),
      )
      .run();
    const audits: AuditEntry[] = [];
    const recusedBy = new Map<string, string[]>();
    const told: typeof confirming = [];
    const recused = new Set<string>();
    for (const c of confirming) {
      audits.push(conflictAuditEntry(actorId, "conflict.confirmed", { ...c, editionId }));
      const open = (openOf.get(pair(c.jurorId, c.applicationId)) ?? []).filter((r) => !recused.has(r.id));
      const reason = c.reason || c.source;
      for (const r of open) {
        recused.add(r.id);
        const ids = recusedBy.get(reason);
        if (ids) ids.push(r.id);
        else recusedBy.set(reason, [r.id]);
        audits.push(recusalAuditEntry(actorId, r, reason));
      }
      if (open.length > 0) told.push(c);
    }
    // One statement per distinct reason (each review keeps its conflict's own).
    for (const [reason, ids] of recusedBy) markRecused(tx, ids, reason, now);
    writeAudits(audits, tx);
    enqueueMails(recusalMails(tx, told, origin), tx);
    return { ok: true as const, confirmed: confirming.length, left: proposed.length - confirming.length };
  });
}

/** The secretariat dismisses a proposal: it stays in the register and is not proposed again. */
export function dismissConflict({
  editionId,
  conflictId,
  actorId,
}: EditionActor & { conflictId: string }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const c = proposedConflict(tx, editionId, conflictId);
    if ("error" in c) return c;
    tx.update(conflicts)
      .set({ status: "dismissed", dismissedBy: actorId, dismissedAt: new Date() })
      .where(eq(conflicts.id, c.id))
      .run();
    auditConflict(tx, actorId, "conflict.dismissed", { ...c, editionId });
    return { ok: true as const };
  });
}

/**
 * A conflict set by the secretariat is confirmed at once, unless the pair has a submitted
 * review: then it is recorded as a proposal and `confirmStep` names it, so that the
 * secretariat confirms on the step that shows what recusing that review means.
 */
export function addManualConflict({
  editionId,
  actorId,
  memberId,
  applicationId,
  reason,
  origin,
}: EditionActor & { memberId: string; applicationId: string; reason: string; origin: string }):
  { ok: true; confirmStep: string | null } | Failure {
  return db().transaction((tx) => {
    const member = tx
      .select({ id: juryMembers.id })
      .from(juryMembers)
      .where(and(eq(juryMembers.id, memberId), eq(juryMembers.editionId, editionId)))
      .get();
    if (!member) return fail("memberId", "errors.jury_juror_unknown");
    const app = eligibleApplication(tx, editionId, applicationId);
    if (!app) return fail("applicationId", "errors.jury_application_unknown");
    const submitted = openReviewOf(tx, member.id, app.id)?.state === "submitted";
    const id = insertConflict(tx, {
      editionId,
      jurorId: member.id,
      applicationId: app.id,
      source: "manual",
      reason: reason.trim(),
      createdBy: actorId,
      status: submitted ? "proposed" : "confirmed",
      origin,
    });
    if (!id) return fail("applicationId", "errors.jury_conflict_exists");
    return { ok: true as const, confirmStep: submitted ? id : null };
  });
}
