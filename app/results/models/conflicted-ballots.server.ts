// Ballots as they count: a juror in conflict with an application neither ranks it nor counts on
// any comparison involving it, whatever a stored ballot says. Shared by the ballot and the
// run-off of the tie-break.
import { and, inArray, ne } from "drizzle-orm";
import { db } from "../../../db/client";
import { conflicts } from "../../../db/schema";
import { schulzeOfRankings } from "../../../scoring";

/** Each juror's conflicts (any source; a proposal not dismissed counts, to be safe). */
export function conflictsOf({ memberIds }: { memberIds: string[] }): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (memberIds.length === 0) return out;
  for (const row of db()
    .select({ jurorId: conflicts.jurorId, applicationId: conflicts.applicationId })
    .from(conflicts)
    .where(and(inArray(conflicts.jurorId, memberIds), ne(conflicts.status, "dismissed")))
    .all()) {
    const set = out.get(row.jurorId) ?? new Set<string>();
    set.add(row.applicationId);
    out.set(row.jurorId, set);
  }
  return out;
}

/** Ranked ballots with each juror's conflicts dropped, and what the conflicts kept each juror from. */
export function withoutConflicts({
  rows,
  candidates,
}: {
  rows: { jurorId: string; ranking: string[][] }[];
  candidates: string[];
}) {
  const conflictMap = conflictsOf({ memberIds: rows.map((r) => r.jurorId) });
  // Defence in depth: whatever a stored ballot says, a conflicted juror's voice on that application is dropped.
  const rankings = rows.map((r) =>
    r.ranking
      .map((g) => g.filter((id) => !conflictMap.get(r.jurorId)?.has(id) && candidates.includes(id)))
      .filter((g) => g.length > 0),
  );
  const excluded = rows.map((r) => ({
    jurorId: r.jurorId,
    applicationIds: candidates.filter((id) => conflictMap.get(r.jurorId)?.has(id)),
  }));
  return { rankings, excluded };
}

/**
 * The Schulze method on the ballots as they count: a juror in conflict with X did not rank X, so
 * they abstain on every pair involving X. `result` is null when no ballot ranks anything;
 * `excluded` names only the jurors a conflict kept from something.
 */
export function schulzeWithoutConflicts({
  rows,
  candidates,
}: {
  rows: { jurorId: string; ranking: string[][] }[];
  candidates: string[];
}) {
  const { rankings, excluded } = withoutConflicts({ rows, candidates });
  return {
    rankings,
    result: schulzeOfRankings(rankings, candidates),
    excluded: excluded.filter((e) => e.applicationIds.length > 0),
  };
}
