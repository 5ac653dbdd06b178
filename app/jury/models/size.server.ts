// The jury's size, apart from the members' module so that the editions area's pages can read it
// without loading the jury area's messages.
import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { juryMembers } from "../../../db/schema";

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
