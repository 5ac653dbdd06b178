// Counts of the jury's work that the editions area's pages show (the jury's size, the reviews still
// out), apart from the jury's modules so that those pages do not load the jury area's messages.
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { assignments, juryMembers, reviews } from "../../../db/schema";

/** How many jurors serve on the edition's jury now (replaced members not counted). */
export function jurySize({ editionId }: { editionId: string }): number {
  return (
    db()
      .select({ n: count() })
      .from(juryMembers)
      .where(and(eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt)))
      .get()?.n ?? 0
  );
}

/** Reviews of the edition not submitted yet (assigned or in draft; a recused one is not owed). */
export function reviewsOutstanding({ editionId }: { editionId: string }): number {
  return (
    db()
      .select({ n: count() })
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .where(and(eq(assignments.editionId, editionId), inArray(reviews.state, ["assigned", "draft"])))
      .get()?.n ?? 0
  );
}
