// The assignment of applications to jurors: the optimal run (a draft) and its publication. The
// secretariat's manual adjustments are in assignment-edits.server.ts, the preview in
// assignment-overview.server.ts. Every state change is audited in its own synchronous
// transaction, and e-mails are queued in that same transaction.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { insertRows } from "../../../db/bulk";
import { assignments, juryMembers, reviews } from "../../../db/schema";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { formatDateTime, isLocale, type Locale } from "../../kernel/i18n";
import { writeAudit, writeAudits } from "../../kernel/models/audit.server";
import { versionsNow } from "../../kernel/server/memo.server";
import { computeInWorker } from "../../results/models/results-worker.server";
import { fail, getJuryEdition, jurySeats, seatHolder, type EditionActor, type Failure } from "./shared.server";
import {
  RUN_TOPICS,
  solveAssignment,
  type AssignmentRun,
  type Explanation,
  type SolvedAssignment,
} from "./assignment-solve.server";

export { explainInfeasibility, expertiseAffinity, type Explanation } from "./assignment-solve.server";

export function defaultMaxLoad(applicationsCount: number, reviewers: number, jurorsCount: number): number {
  if (jurorsCount === 0) return 1;
  return Math.max(1, Math.ceil((applicationsCount * reviewers) / jurorsCount));
}

/** How many times a run is computed again when the data changed while it was computed. */
const RUN_ATTEMPTS = 3;

export type AssignmentRunOutcome =
  | { ok: true; pairs: number }
  | { ok: false; explanation: Explanation; technical: string }
  | { ok: false; pendingConflicts: number; undetectedConflicts: number }
  /** The jury or the applications kept changing while the run was computed: nothing was written. */
  | { ok: false; changed: true };

/** The solver's answer, from the worker thread; on the request thread for a database with no file to share. */
function solved(run: AssignmentRun): Promise<SolvedAssignment> {
  const file = db().$client.name;
  if (!file || file === ":memory:") return Promise.resolve(solveAssignment(db(), run));
  return computeInWorker({ kind: "assignment", database: file, run });
}

/**
 * Runs the optimal assignment and stores it as a draft (unpublished assignments), replacing any
 * earlier draft. The computation (seconds at 10,000 applications) runs in the worker thread on a
 * snapshot; the draft is written only if nothing it was computed from changed since that
 * snapshot (the edition's versions, decision 015), else it is computed again, up to RUN_ATTEMPTS times.
 * Refused, with nothing written, while a conflict proposal is undecided or undetected
 * (solveAssignment). A lost worker is thrown (`WorkerLost`).
 */
export async function runAssignment(input: {
  editionId: string;
  actorId: string;
  reviewers: number;
  maxLoad: number;
  minLoad: number;
}): Promise<AssignmentRunOutcome> {
  const { actorId, ...run } = input;
  for (let attempt = 0; attempt < RUN_ATTEMPTS; attempt++) {
    const result = await solved(run);
    if (!result.ok) return result;
    const written = db().transaction((tx) => {
      if (versionsNow(run.editionId, RUN_TOPICS) !== result.version) return false;
      tx.delete(assignments)
        .where(and(eq(assignments.editionId, run.editionId), isNull(assignments.publishedAt)))
        .run();
      // One statement: 30,000 single-row inserts took two seconds of the request thread.
      insertRows(
        tx,
        assignments,
        result.pairs.map((p) => ({ editionId: run.editionId, ...p, createdBy: actorId })),
      );
      writeAudit(
        {
          actorId,
          action: "assignment.generated",
          objectType: "edition",
          objectId: run.editionId,
          details: {
            reviewers: run.reviewers,
            maxLoad: run.maxLoad,
            minLoad: run.minLoad,
            pairs: result.pairs.length,
            fixed: result.fixed,
            totalAffinity: result.totalAffinity,
          },
        },
        tx,
      );
      return true;
    });
    if (written) return { ok: true, pairs: result.pairs.length };
  }
  return { ok: false, changed: true };
}

/** Publishes the draft assignments: each gets its (empty) review and each juror one e-mail. */
export function publishAssignments({
  editionId,
  actorId,
  origin,
}: EditionActor & { origin: string }): { ok: true; published: number } | Failure {
  const edition = getJuryEdition({ editionId });
  if (!edition) return fail("confirm", "errors.jury_edition_unknown");
  return db().transaction((tx) => {
    const drafts = tx
      .select({ id: assignments.id, jurorId: assignments.jurorId, applicationId: assignments.applicationId })
      .from(assignments)
      .where(and(eq(assignments.editionId, editionId), isNull(assignments.publishedAt)))
      .all();
    if (drafts.length === 0) return fail("confirm", "errors.jury_nothing_to_publish");
    const now = new Date();
    const perJuror = new Map<string, number>();
    // Set-wise, not row by row: 30,000 drafts published one statement each took ten seconds
    // of the request thread, during which the server answered no one.
    tx.update(assignments)
      .set({ publishedAt: now })
      .where(and(eq(assignments.editionId, editionId), isNull(assignments.publishedAt)))
      .run();
    const opened = drafts.map((a) => ({
      id: randomUUID(),
      assignmentId: a.id,
      jurorId: a.jurorId,
      applicationId: a.applicationId,
    }));
    insertRows(tx, reviews, opened);
    writeAudits(
      opened.map((r) => ({
        actorId,
        action: "assignment.published",
        objectType: "assignment",
        objectId: r.assignmentId,
        at: now,
        details: { editionId, jurorId: r.jurorId, applicationId: r.applicationId, reviewId: r.id },
      })),
      tx,
    );
    for (const a of drafts) perJuror.set(a.jurorId, (perJuror.get(a.jurorId) ?? 0) + 1);
    const recipients = jurySeats(seatHolder, inArray(juryMembers.id, [...perJuror.keys()]), [], tx);
    for (const r of recipients) {
      const locale: Locale = isLocale(r.locale) ? r.locale : "en";
      enqueueMail(
        {
          to: r.email,
          locale,
          template: "jury_assignment",
          vars: {
            name: r.name,
            count: perJuror.get(r.id)!,
            deadline: formatDateTime(edition.scoringClosesAt, locale),
            link: `${origin}/jury`,
          },
        },
        tx,
      );
    }
    return { ok: true as const, published: drafts.length };
  });
}
