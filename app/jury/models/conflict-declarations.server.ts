// A juror's own conflicts of interest: the declarations, their withdrawal while nothing is
// published, and the statement that there are no others. A declared conflict is confirmed at
// once (see insertConflict). Every state change is audited in its own synchronous transaction.
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { assignments, conflicts, editions, juryMembers, reviews } from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import { beforeScoringCloses, eligibleApplication, fail, servingSeat, type Failure, type Tx } from "./shared.server";
import { getMembership } from "./members.server";
import { eligibleApplications } from "./eligible-applications.server";
import { auditConflict, insertConflict } from "./conflicts.server";

/** The conflicts a juror declared through their seat. */
const declaredBy = (seatId: string) => and(eq(conflicts.jurorId, seatId), eq(conflicts.source, "declared"));

/** What a juror sees before declaring conflicts: title, organisation and country only. */
export function listApplicationsForDeclaration({ editionId, userId }: { editionId: string; userId: string }) {
  const member = getMembership({ userId, editionId });
  if (!member) return null;
  const declared = db()
    .select({ applicationId: conflicts.applicationId, reason: conflicts.reason })
    .from(conflicts)
    .where(declaredBy(member.id))
    .all();
  const reasons = new Map(declared.map((d) => [d.applicationId, d.reason]));
  // The register's other confirmed conflicts of this seat (found, or set by the secretariat):
  // the juror reads them too, so a ballot leaving an application out is no mystery.
  const recorded = new Map(
    db()
      .select({ applicationId: conflicts.applicationId, source: conflicts.source })
      .from(conflicts)
      .where(and(eq(conflicts.jurorId, member.id), eq(conflicts.status, "confirmed"), ne(conflicts.source, "declared")))
      .all()
      .map((c) => [c.applicationId, c.source]),
  );
  const submitted = submittedReviews(db(), member.id);
  return {
    member,
    applications: eligibleApplications(editionId).map((a) => ({
      id: a.id,
      title: a.title,
      organisation: a.organisation,
      country: a.country,
      conflict: reasons.get(a.id) ?? null,
      recorded: recorded.get(a.id) ?? null,
      // Declaring a conflict withdraws the juror's review: a submitted one is named before.
      reviewSubmitted: submitted.has(a.id),
    })),
  };
}

/** The applications whose review this seat has submitted. */
function submittedReviews(tx: Tx | DB, seatId: string): Set<string> {
  return new Set(
    tx
      .select({ applicationId: reviews.applicationId })
      .from(reviews)
      .where(and(eq(reviews.jurorId, seatId), eq(reviews.state, "submitted")))
      .all()
      .map((r) => r.applicationId),
  );
}

/** The signed-in user acting as a juror of an edition. */
type SeatedJuror = { editionId: string; userId: string };

/**
 * A juror's change, in one transaction, through the seat they hold now (a replaced seat is no
 * longer theirs); without one, `refusal`.
 */
function withSeat<T>(
  { editionId, userId }: SeatedJuror,
  refusal: Failure,
  change: (tx: Tx, seatId: string) => T,
): T | Failure {
  return db().transaction((tx) => {
    const seat = servingSeat(tx, editionId, { userId });
    return seat ? change(tx, seat.id) : refusal;
  });
}

/**
 * Whether a juror may still declare a conflict: until scoring closes. A declaration is confirmed
 * at once and recuses the juror's review of the application, submitted or not; once scoring has
 * closed that would change the scores the jury deliberates on, the ballot and the decision, so a
 * conflict found then goes to the secretariat's register.
 */
function declarationsOpen(tx: Tx | DB, editionId: string, now: Date): boolean {
  const edition = tx
    .select({ phase: editions.phase, scoringClosesAt: editions.scoringClosesAt })
    .from(editions)
    .where(eq(editions.id, editionId))
    .get();
  return !!edition && beforeScoringCloses(edition, now);
}

/** Whether the juror's page offers the declaration form (see declarationsOpen). */
export function conflictDeclarationsOpen({ editionId, now = new Date() }: { editionId: string; now?: Date }): boolean {
  return declarationsOpen(db(), editionId, now);
}

export function declareConflict({
  editionId,
  userId,
  applicationId,
  reason,
  withdrawSubmitted = false,
  now = new Date(),
}: SeatedJuror & {
  applicationId: string;
  reason: string;
  /** The juror ticked that their submitted review of it is withdrawn: asked only when there is one. */
  withdrawSubmitted?: boolean;
  now?: Date;
}): { ok: true } | Failure {
  const unknown = fail("applicationId", "errors.jury_application_unknown");
  return withSeat({ editionId, userId }, unknown, (tx, seatId) => {
    if (!declarationsOpen(tx, editionId, now)) return fail("applicationId", "errors.jury_declarations_closed");
    const app = eligibleApplication(tx, editionId, applicationId);
    if (!app) return unknown;
    if (!withdrawSubmitted && submittedReviews(tx, seatId).has(app.id))
      return fail("withdrawSubmitted", "errors.jury_declare_submitted");
    insertConflict(tx, {
      editionId,
      jurorId: seatId,
      applicationId: app.id,
      source: "declared",
      reason: reason.trim(),
      createdBy: userId,
    });
    return { ok: true as const };
  });
}

/**
 * The juror takes back a conflict they declared (a mistake, a link that has ended), only while
 * no assignment of the edition is published: after that, assignments and recusals rest on it.
 * The register row goes; the audit log keeps both the declaration and its withdrawal.
 */
export function withdrawDeclaredConflict({
  editionId,
  userId,
  applicationId,
}: SeatedJuror & { applicationId: string }): { ok: true } | Failure {
  return withSeat({ editionId, userId }, fail("applicationId", "errors.jury_application_unknown"), (tx, seatId) => {
    const conflict = tx
      .select({ id: conflicts.id, reason: conflicts.reason })
      .from(conflicts)
      .where(and(declaredBy(seatId), eq(conflicts.applicationId, applicationId)))
      .get();
    if (!conflict) return fail("applicationId", "errors.jury_conflict_unknown");
    if (assignmentsPublished(tx, editionId)) return fail("confirm", "errors.jury_conflict_locked");
    tx.delete(conflicts).where(eq(conflicts.id, conflict.id)).run();
    const withdrawn = { ...conflict, editionId, jurorId: seatId, applicationId, source: "declared" };
    auditConflict(tx, userId, "conflict.withdrawn", withdrawn);
    return { ok: true as const };
  });
}

function assignmentsPublished(tx: Tx | DB, editionId: string): boolean {
  return Boolean(
    tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.editionId, editionId), isNotNull(assignments.publishedAt)))
      .limit(1)
      .get(),
  );
}

/** Whether jurors may still take back a declared conflict (no assignment published yet). */
export function declaredConflictsOpen({ editionId }: { editionId: string }): boolean {
  return !assignmentsPublished(db(), editionId);
}

/** The juror states that, apart from those declared, they have no conflict. */
export function confirmDeclarations({ editionId, userId }: SeatedJuror): { ok: true } | Failure {
  return withSeat({ editionId, userId }, fail("confirm", "errors.jury_juror_unknown"), (tx, seatId) => {
    tx.update(juryMembers).set({ conflictsDeclaredAt: new Date() }).where(eq(juryMembers.id, seatId)).run();
    writeAudit(
      {
        actorId: userId,
        action: "jury.conflicts_declared",
        objectType: "jury_member",
        objectId: seatId,
        details: { editionId },
      },
      tx,
    );
    return { ok: true as const };
  });
}
