// The checks an edition's settings pass before they are written (edition.server.ts).
import { and, count, eq, isNull, ne } from "drizzle-orm";
import { db } from "../../../db/client";
import { archiveLaureates, editions } from "../../../db/schema";

export function yearTaken(year: number, exceptId?: string): boolean {
  const where = exceptId ? and(eq(editions.year, year), ne(editions.id, exceptId)) : eq(editions.year, year);
  return db().select({ n: count() }).from(editions).where(where).get()!.n > 0;
}

/**
 * Whether the public archive holds laureates of `year` from before this system (UNESCO's list):
 * an edition of that year would put its own laureates beside them on /laureates/<year>.
 */
export function yearArchived(year: number): boolean {
  return !!db()
    .select({ id: archiveLaureates.id })
    .from(archiveLaureates)
    .where(and(eq(archiveLaureates.year, year), isNull(archiveLaureates.editionId)))
    .limit(1)
    .get();
}

/**
 * A deadline moved into the past while the call is open or still to come: it would close the
 * call at once, locking drafts and applications waiting on their entity without a word. Closing
 * the call is the phase page's.
 */
export function deadlineMovedIntoPast(current: { phase: string; deadlineAt: Date }, deadlineAt: Date): boolean {
  return (
    (current.phase === "draft" || current.phase === "call_open") &&
    deadlineAt.getTime() !== current.deadlineAt.getTime() &&
    deadlineAt.getTime() <= Date.now()
  );
}
