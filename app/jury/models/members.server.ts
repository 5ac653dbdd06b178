// The jury's members: who serves on an edition's jury, their profile, their replacement, and
// what a member may read. Invitations and their acceptance are accounts' business
// (app/accounts/models/invitations.server.ts). Every state change is audited in its own
// synchronous transaction.
import { and, asc, eq, isNull, notInArray } from "drizzle-orm";
import { db } from "../../../db/client";
import { assignments, juryMembers, reviews, users } from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import {
  fail,
  jurorProfile,
  jurySeats,
  otherChairSeated,
  readableReviews,
  seatHolder,
  servingSeat,
  type EditionActor,
  type Failure,
} from "./shared.server";

export function listJury({ editionId }: { editionId: string }) {
  const columns = {
    ...seatHolder,
    userId: juryMembers.userId,
    isChair: juryMembers.isChair,
    ...jurorProfile,
    conflictsDeclaredAt: juryMembers.conflictsDeclaredAt,
    replacedAt: juryMembers.replacedAt,
  };
  return jurySeats(columns, eq(juryMembers.editionId, editionId), [asc(users.name)]);
}

/** The signed-in user's active membership of an edition's jury, or null. */
export function getMembership({ userId, editionId }: { userId: string; editionId: string }) {
  return (
    db()
      .select({
        id: juryMembers.id,
        isChair: juryMembers.isChair,
        conflictsDeclaredAt: juryMembers.conflictsDeclaredAt,
      })
      .from(juryMembers)
      .where(and(eq(juryMembers.userId, userId), eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt)))
      .get() ?? null
  );
}

export function updateJuror(
  input: EditionActor & {
    memberId: string;
    country: string | null;
    languages: string[];
    expertise: string[];
    isChair: boolean;
  },
): { ok: true } | Failure {
  return db().transaction((tx) => {
    const member = servingSeat(tx, input.editionId, input);
    if (!member) return fail("memberId", "errors.jury_juror_unknown");
    // One chair a jury: another serving chair is made a member first.
    if (input.isChair && otherChairSeated(tx, input.editionId, { memberId: member.id }))
      return fail("isChair", "errors.jury_chair_taken");
    tx.update(juryMembers)
      .set({ country: input.country, languages: input.languages, expertise: input.expertise, isChair: input.isChair })
      .where(eq(juryMembers.id, member.id))
      .run();
    writeAudit(
      {
        actorId: input.actorId,
        action: "jury.member_updated",
        objectType: "jury_member",
        objectId: member.id,
        details: {
          editionId: input.editionId,
          country: input.country,
          languages: input.languages,
          expertise: input.expertise,
          isChair: input.isChair,
        },
      },
      tx,
    );
    return { ok: true as const };
  });
}

/**
 * Marks a juror replaced: they leave the jury, and their assignments whose review is not
 * submitted are removed (a submitted review stays, it was made in good faith). The caller then
 * invites the replacement through the invitation flow.
 */
export function replaceJuror({
  editionId,
  actorId,
  memberId,
}: EditionActor & { memberId: string }): { ok: true; removed: number } | Failure {
  return db().transaction((tx) => {
    const member = servingSeat(tx, editionId, { memberId });
    if (!member) return fail("memberId", "errors.jury_juror_unknown");
    const submitted = tx
      .select({ assignmentId: reviews.assignmentId })
      .from(reviews)
      .where(and(eq(reviews.jurorId, member.id), eq(reviews.state, "submitted")))
      .all()
      .map((r) => r.assignmentId);
    const doomed = tx
      .select({ id: assignments.id, applicationId: assignments.applicationId })
      .from(assignments)
      .where(
        and(eq(assignments.jurorId, member.id), submitted.length ? notInArray(assignments.id, submitted) : undefined),
      )
      .all();
    for (const a of doomed) {
      tx.delete(assignments).where(eq(assignments.id, a.id)).run();
      writeAudit(
        {
          actorId,
          action: "assignment.removed",
          objectType: "assignment",
          objectId: a.id,
          details: { editionId, jurorId: member.id, applicationId: a.applicationId, reason: "juror_replaced" },
        },
        tx,
      );
    }
    tx.update(juryMembers).set({ replacedAt: new Date() }).where(eq(juryMembers.id, member.id)).run();
    writeAudit(
      {
        actorId,
        action: "jury.member_replaced",
        objectType: "jury_member",
        objectId: member.id,
        details: { editionId, assignmentsRemoved: doomed.length },
      },
      tx,
    );
    return { ok: true as const, removed: doomed.length };
  });
}

/**
 * This user's jury memberships that may read the application (and so download its files): the
 * same scope as the review page — assignment published, review not recused, no conflict of any
 * source, membership not replaced. Empty for anyone else.
 */
export function readerMemberIds({ applicationId, userId }: { applicationId: string; userId: string }): string[] {
  const readable = readableReviews({ memberId: reviews.jurorId }, userId, eq(reviews.applicationId, applicationId));
  return readable.map((r) => r.memberId);
}
