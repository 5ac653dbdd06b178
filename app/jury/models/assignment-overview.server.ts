// The preview of an edition's assignment: each juror's load, the coverage of the applications,
// the pairs of jurors sharing most applications, and the recusals to reassign. Reads only; the
// preview itself is read in the reading worker (assignment-overview-read.server.ts).
import { eq, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { assignments } from "../../../db/schema";
import { untilChangedAsync } from "../../kernel/server/memo.server";
import { readOffThread } from "../../results/models/results-worker.server";
import { readAssignmentOverview, type AssignmentOverview, type OverviewArgs } from "./assignment-overview-read.server";

export { TOP_PAIRS } from "./assignment-overview-read.server";

/** The edition's assignments counted in one query: drafts not yet published, and published ones. */
export function assignmentCounts({ editionId }: { editionId: string }): { drafts: number; published: number } {
  return db()
    .select({
      drafts: sql<number>`count(*) - count(${assignments.publishedAt})`,
      published: sql<number>`count(${assignments.publishedAt})`,
    })
    .from(assignments)
    .where(eq(assignments.editionId, editionId))
    .get()!;
}

/**
 * The current assignment of an edition (published or not), as the preview shows it
 * (`readAssignmentOverview`), read in the reading worker and kept until the applications or the
 * jury's work change.
 */
export function assignmentOverview(args: OverviewArgs): Promise<AssignmentOverview> {
  return untilChangedAsync(
    { editionId: args.editionId, topics: ["submitted", "jury"], key: JSON.stringify(["assignmentOverview", args]) },
    () => readOffThread({ kind: "overview", args }, (database) => readAssignmentOverview(database, args)),
  ).promise;
}
