// The conflicts register: recording a conflict (a confirmed one recuses the pair's review) and
// the register's pages. Every state change is audited in its own synchronous transaction, and
// e-mails are queued in that same transaction.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { db } from "../../../db/client";
import { inJson, insertRows } from "../../../db/bulk";
import { applications, conflicts, juryMembers, reviews, users } from "../../../db/schema";
import type { CONFLICT_SOURCES } from "../../../db/enums";
import { enqueueMails, type MailMessage } from "../../kernel/models/outbox.server";
import { writeAudit, writeAudits, type AuditEntry } from "../../kernel/models/audit.server";
import { untilChanged } from "../../kernel/server/memo.server";
import { JURY_PAGE_SIZE, offsetOf, pagesOf, reviewWriting, type Tx } from "./shared.server";

type ConflictSource = (typeof CONFLICT_SOURCES)[number];

/** What a recusal reads of a review still counting, and keeps of it in the audit row. */
export const openReviewColumns = {
  id: reviews.id,
  jurorId: reviews.jurorId,
  applicationId: reviews.applicationId,
  state: reviews.state,
  version: reviews.version,
  ...reviewWriting,
  submittedAt: reviews.submittedAt,
};
export type OpenReview = Pick<typeof reviews.$inferSelect, keyof typeof openReviewColumns>;

/**
 * The audit row of a review recused: what the review was (state, version, scores, which
 * comments were written), so that recusing a submitted review loses nothing.
 */
export function recusalAuditEntry(actorId: string | null, r: OpenReview, reason: string): AuditEntry {
  return {
    actorId,
    action: "review.recused",
    objectType: "review",
    objectId: r.id,
    details: {
      jurorId: r.jurorId,
      applicationId: r.applicationId,
      reason,
      before: {
        state: r.state,
        version: r.version,
        scores: r.scores,
        commentsWritten: Object.keys(r.comments).filter((k) => r.comments[k]?.trim()),
        overallComment: r.overallComment.trim() !== "",
        confidence: r.confidence,
        submittedAt: r.submittedAt?.toISOString() ?? null,
      },
    },
  };
}

/** The e-mails telling each pair's juror that a confirmed conflict took the application from them. */
export function recusalMails(
  tx: Tx,
  pairs: { jurorId: string; applicationId: string }[],
  origin: string,
): MailMessage[] {
  if (pairs.length === 0) return [];
  const jurors = new Map(
    tx
      .select({ id: juryMembers.id, name: users.name, email: users.email, locale: users.locale })
      .from(juryMembers)
      .innerJoin(users, eq(users.id, juryMembers.userId))
      .where(inJson(juryMembers.id, [...new Set(pairs.map((p) => p.jurorId))]))
      .all()
      .map((j) => [j.id, j]),
  );
  const apps = new Map(
    tx
      .select({ id: applications.id, title: applications.title, reference: applications.reference })
      .from(applications)
      .where(inJson(applications.id, [...new Set(pairs.map((p) => p.applicationId))]))
      .all()
      .map((a) => [a.id, a]),
  );
  return pairs.flatMap(({ jurorId, applicationId }) => {
    const juror = jurors.get(jurorId);
    const app = apps.get(applicationId);
    if (!juror || !app) return [];
    return [
      {
        to: juror.email,
        locale: juror.locale,
        template: "jury_conflict_confirmed",
        vars: { name: juror.name, title: app.title, reference: app.reference, link: `${origin}/jury` },
      },
    ];
  });
}

/** Marks the reviews `ids` recused for `reason`, in one statement. */
export function markRecused(tx: Tx, ids: string[], reason: string, now: Date): void {
  if (ids.length === 0) return;
  tx.update(reviews)
    .set({
      state: "recused",
      recusedAt: now,
      recuseReason: reason,
      updatedAt: now,
      version: sql`${reviews.version} + 1`,
    })
    .where(inJson(reviews.id, ids))
    .run();
}

/**
 * A confirmed conflict on an assigned pair: the review (whatever its state) no longer counts.
 * The audit row keeps what the review was (recusalAuditEntry); with an `origin` the juror is
 * told by e-mail.
 */
export function recuseReviewsFor(
  tx: Tx,
  {
    jurorId,
    applicationId,
    reason,
    actorId,
    origin,
  }: { jurorId: string; applicationId: string; reason: string; actorId: string | null; origin?: string },
) {
  const open = tx
    .select(openReviewColumns)
    .from(reviews)
    .where(and(eq(reviews.jurorId, jurorId), eq(reviews.applicationId, applicationId), ne(reviews.state, "recused")))
    .all();
  markRecused(
    tx,
    open.map((r) => r.id),
    reason,
    new Date(),
  );
  writeAudits(
    open.map((r) => recusalAuditEntry(actorId, r, reason)),
    tx,
  );
  if (open.length > 0 && origin) enqueueMails(recusalMails(tx, [{ jurorId, applicationId }], origin), tx);
  return open.length;
}

/** A conflict as the audit log names it: the pair, where it came from and why. */
type AuditedConflict = {
  id: string;
  editionId: string;
  jurorId: string;
  applicationId: string;
  source: string;
  reason: string;
};

/** The audit row of one change to a conflict. */
export function conflictAuditEntry(
  actorId: string | null,
  action: string,
  c: AuditedConflict,
  more: Record<string, unknown> = {},
): AuditEntry {
  const { editionId, jurorId, applicationId, source, reason } = c;
  return {
    actorId,
    action,
    objectType: "conflict",
    objectId: c.id,
    details: { editionId, jurorId, applicationId, source, reason, ...more },
  };
}

/** One change to a conflict, audited in the transaction that makes it. */
export function auditConflict(
  tx: Tx,
  actorId: string | null,
  action: string,
  c: AuditedConflict,
  more: Record<string, unknown> = {},
) {
  writeAudit(conflictAuditEntry(actorId, action, c, more), tx);
}

/**
 * Records detected pairs as proposals, each audited, in one statement per table: a detection at
 * 10,000 applications proposes thousands, and one insert and one audit row at a time held the
 * request thread for about two seconds. A pair already in the register (same source) is left as
 * it is and not audited. Returns how many were added.
 */
export function insertProposedConflicts(
  tx: Tx,
  editionId: string,
  found: { jurorId: string; applicationId: string; source: ConflictSource; reason: string }[],
  actorId: string | null,
): number {
  const createdAt = new Date();
  const rows = found.map((c) => ({
    id: randomUUID(),
    editionId,
    jurorId: c.jurorId,
    applicationId: c.applicationId,
    source: c.source,
    reason: c.reason,
    createdBy: actorId,
    createdAt,
    status: "proposed" as const,
  }));
  insertRows(tx, conflicts, rows, { ignoreConflicts: true });
  const added = new Set(
    tx
      .select({ id: conflicts.id })
      .from(conflicts)
      .where(
        inJson(
          conflicts.id,
          rows.map((r) => r.id),
        ),
      )
      .all()
      .map((r) => r.id),
  );
  const audited = rows.filter((r) => added.has(r.id));
  writeAudits(
    audited.map(({ id, jurorId, applicationId, source, reason }) => ({
      actorId,
      action: "conflict.proposed",
      objectType: "conflict",
      objectId: id,
      details: { editionId, jurorId, applicationId, source, reason, status: "proposed" },
    })),
    tx,
  );
  return audited.length;
}

/**
 * Records a conflict. Declared and manual ones are confirmed at once and recuse the pair's
 * review; a detected one is only a proposal (nothing else changes until it is confirmed).
 */
export function insertConflict(
  tx: Tx,
  c: {
    editionId: string;
    jurorId: string;
    applicationId: string;
    source: ConflictSource;
    reason: string;
    createdBy: string | null;
    status?: "proposed" | "confirmed";
    origin?: string;
  },
): string | null {
  const status = c.status ?? "confirmed";
  const now = new Date();
  const row = tx
    .insert(conflicts)
    .values({
      editionId: c.editionId,
      jurorId: c.jurorId,
      applicationId: c.applicationId,
      source: c.source,
      reason: c.reason,
      createdBy: c.createdBy,
      createdAt: now,
      status,
      confirmedBy: status === "confirmed" ? c.createdBy : null,
      confirmedAt: status === "confirmed" ? now : null,
    })
    .onConflictDoNothing()
    .returning({ id: conflicts.id })
    .get();
  if (!row) return null;
  const action = status === "proposed" ? "conflict.proposed" : "conflict.created";
  auditConflict(tx, c.createdBy, action, { ...c, id: row.id }, { status });
  if (status === "confirmed")
    recuseReviewsFor(tx, {
      jurorId: c.jurorId,
      applicationId: c.applicationId,
      reason: c.reason || c.source,
      actorId: c.createdBy,
      origin: c.origin,
    });
  return row.id;
}

/** How many proposals of the edition wait for the secretariat's decision. */
export function pendingProposals({ editionId }: { editionId: string }): number {
  return db()
    .select({ n: sql<number>`count(*)` })
    .from(conflicts)
    .where(and(eq(conflicts.editionId, editionId), eq(conflicts.status, "proposed")))
    .get()!.n;
}

/** One page of the conflicts register (proposals first, then by juror and application), with the totals. */
export function listConflicts(args: { editionId: string; page?: number }) {
  return untilChanged(
    { editionId: args.editionId, topics: ["submitted", "jury"], key: JSON.stringify(["listConflicts", args]) },
    () => readConflicts(args),
  );
}

function readConflicts({ editionId, page = 1 }: { editionId: string; page?: number }) {
  const counts = db()
    .select({ status: conflicts.status, n: sql<number>`count(*)` })
    .from(conflicts)
    .where(eq(conflicts.editionId, editionId))
    .groupBy(conflicts.status)
    .all();
  const countOf = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  // The state of the pair's review a confirmation would recuse: a submitted one needs its own step.
  const reviewState = sql<
    string | null
  >`(select ${reviews.state} from ${reviews} where ${reviews.jurorId} = ${conflicts.jurorId} and ${reviews.applicationId} = ${conflicts.applicationId} and ${reviews.state} <> 'recused')`;
  const proposedWithSubmitted = db()
    .select({ n: sql<number>`count(*)` })
    .from(conflicts)
    .where(and(eq(conflicts.editionId, editionId), eq(conflicts.status, "proposed"), sql`${reviewState} = 'submitted'`))
    .get()!.n;
  const rows = db()
    .select({
      id: conflicts.id,
      jurorId: conflicts.jurorId,
      jurorName: users.name,
      applicationId: conflicts.applicationId,
      title: applications.title,
      reference: applications.reference,
      source: conflicts.source,
      reason: conflicts.reason,
      status: conflicts.status,
      createdAt: conflicts.createdAt,
      reviewState,
    })
    .from(conflicts)
    .innerJoin(juryMembers, eq(juryMembers.id, conflicts.jurorId))
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .innerJoin(applications, eq(applications.id, conflicts.applicationId))
    .where(eq(conflicts.editionId, editionId))
    .orderBy(sql`${conflicts.status} <> 'proposed'`, asc(users.name), asc(applications.title), asc(conflicts.source))
    .limit(JURY_PAGE_SIZE)
    .offset(offsetOf(page))
    .all();
  return { rows, total, proposed: countOf("proposed"), proposedWithSubmitted, pages: pagesOf(total) };
}
