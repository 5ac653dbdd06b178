// The assignment of applications to jurors: the optimal run (a draft). Its publication is in
// assignment-publish.server.ts, the secretariat's manual adjustments in assignment-edits.server.ts,
// the preview in assignment-overview.server.ts. Every state change is audited in its own synchronous
// transaction, and e-mails are queued in that same transaction.
import { and, eq, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { insertRows } from "../../../db/bulk";
import { assignments } from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import { versionsNow } from "../../kernel/server/memo.server";
import { computeInWorker } from "../../results/models/results-worker.server";
import { juryWriteOffThread } from "./jury-writes.server";
import {
  RUN_TOPICS,
  solveAssignment,
  type AssignedPair,
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
 * snapshot; the draft is written (in the reading worker, `writeDraft`) only if nothing it was
 * computed from changed since that snapshot (the edition's versions, decision 015), else it is
 * computed again, up to RUN_ATTEMPTS times.
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
    // 30,000 rows at 10,000 applications (0.5–0.8 s): written in the reading worker (decision 039).
    const written = await juryWriteOffThread("draft", {
      ...run,
      actorId,
      version: result.version,
      pairs: result.pairs,
      fixed: result.fixed,
      totalAffinity: result.totalAffinity,
    });
    if (written) return { ok: true, pairs: result.pairs.length };
  }
  return { ok: false, changed: true };
}

/** What a solved run leaves to write: its pairs, and the versions it was computed from. */
export type DraftToWrite = AssignmentRun & {
  actorId: string;
  version: string;
  pairs: AssignedPair[];
  fixed: number;
  totalAffinity: number;
};

/**
 * Stores a solved run as the draft (replacing any earlier one), only if nothing it was computed
 * from changed since its snapshot (the edition's versions, read in this same transaction).
 * Says whether it wrote.
 */
export function writeDraft(draft: DraftToWrite): boolean {
  const { editionId, actorId } = draft;
  return db().transaction((tx) => {
    if (versionsNow(editionId, RUN_TOPICS) !== draft.version) return false;
    tx.delete(assignments)
      .where(and(eq(assignments.editionId, editionId), isNull(assignments.publishedAt)))
      .run();
    // One statement: 30,000 single-row inserts took two seconds.
    insertRows(
      tx,
      assignments,
      draft.pairs.map((p) => ({ editionId, ...p, createdBy: actorId })),
    );
    writeAudit(
      {
        actorId,
        action: "assignment.generated",
        objectType: "edition",
        objectId: editionId,
        details: {
          reviewers: draft.reviewers,
          maxLoad: draft.maxLoad,
          minLoad: draft.minLoad,
          pairs: draft.pairs.length,
          fixed: draft.fixed,
          totalAffinity: draft.totalAffinity,
        },
      },
      tx,
    );
    return true;
  });
}
