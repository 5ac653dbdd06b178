// The secretariat's manual adjustments of an assignment (adding, removing, giving a pair to
// another juror), under the hard constraints of the optimal run. Every state change is audited
// in its own synchronous transaction.
import { and, eq, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { assignments, conflicts, reviews } from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import {
  eligibleApplication,
  fail,
  servingSeat,
  standing,
  type EditionActor,
  type Failure,
  type Tx,
} from "./shared.server";

/** The assignment of an application to a juror, if there is one in this edition. */
export function findAssignment({
  editionId,
  memberId,
  applicationId,
}: {
  editionId: string;
  memberId: string;
  applicationId: string;
}): { ok: true; id: string } | Failure {
  const row = db()
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        eq(assignments.editionId, editionId),
        eq(assignments.jurorId, memberId),
        eq(assignments.applicationId, applicationId),
      ),
    )
    .get();
  return row ? { ok: true, id: row.id } : fail("fromMemberId", "errors.jury_assignment_none");
}

/** The hard constraints of one pair, for manual adjustments. */
function checkPair(
  tx: Tx,
  editionId: string,
  memberId: string,
  applicationId: string,
  maxLoad: number,
): Failure | null {
  const member = servingSeat(tx, editionId, { memberId });
  if (!member) return fail("memberId", "errors.jury_juror_unknown");
  const app = eligibleApplication(tx, editionId, applicationId);
  if (!app) return fail("applicationId", "errors.jury_application_unknown");
  if (
    tx
      .select({ id: conflicts.id })
      .from(conflicts)
      .where(and(eq(conflicts.jurorId, member.id), eq(conflicts.applicationId, app.id), standing))
      .get()
  )
    return fail("memberId", "errors.jury_pair_conflict");
  if (!member.languages.some((l) => l.toLowerCase() === app.language))
    return fail("memberId", "errors.jury_pair_language");
  if (
    tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.jurorId, member.id), eq(assignments.applicationId, app.id)))
      .get()
  )
    return fail("memberId", "errors.jury_pair_exists");
  const load = tx
    .select({ n: sql<number>`count(*)` })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.jurorId, member.id), sql`coalesce(${reviews.state}, '') <> 'recused'`))
    .get()!.n;
  if (load >= maxLoad) return fail("memberId", "errors.jury_pair_load", { max: maxLoad });
  return null;
}

/** A juror and an application, paired by the secretariat. */
type Pair = EditionActor & { memberId: string; applicationId: string };

/** Assigns the application to the juror, audited (with `more` details) in the same transaction. */
function insertAssignment(tx: Tx, { editionId, actorId, memberId, applicationId }: Pair, more = {}) {
  const row = tx
    .insert(assignments)
    .values({ editionId, jurorId: memberId, applicationId, createdBy: actorId })
    .returning({ id: assignments.id })
    .get();
  writeAudit(
    {
      actorId,
      action: "assignment.added",
      objectType: "assignment",
      objectId: row.id,
      details: { editionId, jurorId: memberId, applicationId, ...more },
    },
    tx,
  );
}

export function addAssignment({
  editionId,
  actorId,
  memberId,
  applicationId,
  maxLoad,
}: Pair & { maxLoad: number }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const problem = checkPair(tx, editionId, memberId, applicationId, maxLoad);
    if (problem) return problem;
    insertAssignment(tx, { editionId, actorId, memberId, applicationId });
    return { ok: true as const };
  });
}

function removeInTx(
  tx: Tx,
  { editionId, actorId, assignmentId }: EditionActor & { assignmentId: string },
): Failure | { jurorId: string; applicationId: string } {
  const row = tx
    .select({
      id: assignments.id,
      jurorId: assignments.jurorId,
      applicationId: assignments.applicationId,
      state: reviews.state,
    })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.editionId, editionId)))
    .get();
  if (!row) return fail("assignmentId", "errors.jury_assignment_unknown");
  if (row.state === "submitted") return fail("assignmentId", "errors.jury_assignment_submitted");
  tx.delete(assignments).where(eq(assignments.id, row.id)).run();
  writeAudit(
    {
      actorId,
      action: "assignment.removed",
      objectType: "assignment",
      objectId: row.id,
      details: { editionId, jurorId: row.jurorId, applicationId: row.applicationId },
    },
    tx,
  );
  return { jurorId: row.jurorId, applicationId: row.applicationId };
}

export function removeAssignment(input: EditionActor & { assignmentId: string }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const out = removeInTx(tx, input);
    return "ok" in out ? out : { ok: true as const };
  });
}

/** Gives one assignment's application to another juror, under the same hard constraints. */
export function swapAssignment({
  editionId,
  actorId,
  assignmentId,
  memberId,
  maxLoad,
}: EditionActor & { assignmentId: string; memberId: string; maxLoad: number }): { ok: true } | Failure {
  try {
    return db().transaction((tx) => {
      const removed = removeInTx(tx, { editionId, actorId, assignmentId });
      if ("ok" in removed) return removed;
      const problem = checkPair(tx, editionId, memberId, removed.applicationId, maxLoad);
      if (problem) throw problem; // roll the removal back
      const pair = { editionId, actorId, memberId, applicationId: removed.applicationId };
      insertAssignment(tx, pair, { swappedFrom: removed.jurorId });
      return { ok: true as const };
    });
  } catch (error) {
    if (error && typeof error === "object" && "ok" in error) return error as Failure;
    throw error;
  }
}
