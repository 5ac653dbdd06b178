// Whether an edition's outcome is public is decided when it is read, from the recorded
// decision's announcement instant. The scheduled job that turns applications into laureate or
// not selected, and e-mails everyone, runs every JOBS_INTERVAL_MS: until it has, a page must
// still show the outcome from the instant on, and no page may perform the announcement itself
// (a GET never writes).
import { and, inArray, isNotNull, lte } from "drizzle-orm";
import { db } from "../../../db/client";
import { decisions } from "../../../db/schema";

/** The decision is recorded and its instant has come (whether or not the job has run). */
export function isAnnounced(
  decision: { decidedAt: Date | null; announcementAt: Date | null } | null | undefined,
  now = new Date(),
): boolean {
  return !!decision?.decidedAt && !!decision.announcementAt && decision.announcementAt.getTime() <= now.getTime();
}

/** For each of these editions whose outcome is public at `now`, its laureates. */
export function announcedLaureates({
  editionIds,
  now = new Date(),
}: {
  editionIds: string[];
  now?: Date;
}): Map<string, Set<string>> {
  const ids = [...new Set(editionIds)];
  if (ids.length === 0) return new Map();
  const rows = db()
    .select({ editionId: decisions.editionId, laureates: decisions.laureates })
    .from(decisions)
    .where(and(inArray(decisions.editionId, ids), isNotNull(decisions.decidedAt), lte(decisions.announcementAt, now)))
    .all();
  return new Map(rows.map((r) => [r.editionId, new Set(r.laureates ?? [])]));
}

/**
 * The state as the applicant and the nominating entity see it: an eligible application of an
 * edition whose announcement instant has passed is laureate or not selected already, exactly as
 * the job will record it.
 */
export function withOutcome<T extends { id: string; editionId: string; state: string }>(
  rows: T[],
  now = new Date(),
): T[] {
  const eligible = rows.filter((r) => r.state === "eligible");
  if (eligible.length === 0) return rows;
  const announced = announcedLaureates({ editionIds: eligible.map((r) => r.editionId), now });
  return rows.map((r) => {
    const laureates = r.state === "eligible" ? announced.get(r.editionId) : undefined;
    return laureates ? { ...r, state: laureates.has(r.id) ? "laureate" : "not_selected" } : r;
  });
}

export function outcomeState(row: { id: string; editionId: string; state: string }, now = new Date()): string {
  return withOutcome([row], now)[0].state;
}

/** States that wait on the nominating entity (or on the applicant, once returned) until the deadline. */
const WAITING_ON_NOMINATION = ["awaiting_nominator", "returned"];

/**
 * The state as the applicant sees it: `withOutcome`'s, and an application still waiting on its
 * nomination once its edition's deadline has passed is "not nominated": nothing can bring it into
 * the edition any more, and "awaiting the nominating entity" would say otherwise for ever. (The
 * entity still sees it waiting: declining it, after the deadline, tells the applicant why.)
 */
export function applicantView<T extends { id: string; editionId: string; state: string; deadlineAt: Date }>(
  rows: T[],
  now = new Date(),
): T[] {
  return withOutcome(rows, now).map((r) =>
    WAITING_ON_NOMINATION.includes(r.state) && r.deadlineAt.getTime() <= now.getTime()
      ? { ...r, state: "not_nominated" }
      : r,
  );
}
