// The assignment's preview (decision 032): each juror's load, the coverage of the applications,
// the pairs of jurors sharing most applications, and the recusals to reassign. Every assignment
// and review state is read (~0.2 s at 10,000 applications): in the reading worker thread, on a
// snapshot of its own, through the `database` it is given (never `db()`).
import { and, asc, eq, sql } from "drizzle-orm";
import { type DB } from "../../../db/client";
import { assignments, juryMembers, reviews, users } from "../../../db/schema";
import { applicationRows, clampPage, JURY_PAGE_SIZE, jurySeats, offsetOf, pagesOf } from "./shared.server";

/** How many pairs of jurors sharing applications the preview names; the rest are counted. */
export const TOP_PAIRS = 10;

export interface OverviewArgs {
  editionId: string;
  reviewers: number;
  page?: number;
}

export type AssignmentOverview = ReturnType<typeof readAssignmentOverview>;

/** The edition's jury, replaced members included (their submitted reviews still count). */
function juryNames(editionId: string, database: DB) {
  const columns = { id: juryMembers.id, name: users.name, active: sql<number>`${juryMembers.replacedAt} is null` };
  return jurySeats(columns, eq(juryMembers.editionId, editionId), [asc(users.name)], database);
}

/**
 * The current assignment of an edition (published or not), as the preview shows it: each
 * juror's load, one page of the coverage (applications with fewer than `reviewers` jurors
 * first) with the totals, the pairs of jurors sharing most applications, and the withdrawals
 * to reassign. One pass over the assignments with maps: nothing grows with jurors ×
 * assignments, and only one page of rows leaves the worker.
 */
export function readAssignmentOverview(database: DB, { editionId, reviewers, page = 1 }: OverviewArgs) {
  const jury = juryNames(editionId, database);
  const jurorName = new Map(jury.map((j) => [j.id, j.name]));
  const active = new Set(jury.filter((j) => j.active).map((j) => j.id));
  const rows = database
    .select({
      jurorId: assignments.jurorId,
      applicationId: assignments.applicationId,
      unpublished: sql<number>`${assignments.publishedAt} is null`,
    })
    .from(assignments)
    .where(eq(assignments.editionId, editionId))
    .all();
  // Reviews exist only for published assignments; a recused one no longer counts.
  const recusedRows = database
    .select({
      id: assignments.id,
      jurorId: assignments.jurorId,
      applicationId: assignments.applicationId,
    })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .where(and(eq(reviews.state, "recused"), eq(assignments.editionId, editionId)))
    .all();
  const recusedKeys = new Set(recusedRows.map((r) => `${r.jurorId}:${r.applicationId}`));
  const loadOf = new Map<string, number>();
  const jurorsOf = new Map<string, string[]>();
  let unpublished = 0;
  let assigned = 0;
  for (const r of rows) {
    if (r.unpublished) unpublished++;
    if (recusedKeys.has(`${r.jurorId}:${r.applicationId}`)) continue;
    assigned++;
    loadOf.set(r.jurorId, (loadOf.get(r.jurorId) ?? 0) + 1);
    const list = jurorsOf.get(r.applicationId);
    if (list) list.push(r.jurorId);
    else jurorsOf.set(r.applicationId, [r.jurorId]);
  }
  const loads = jury.filter((j) => j.active).map((j) => ({ id: j.id, name: j.name, load: loadOf.get(j.id) ?? 0 }));

  const apps = applicationRows(editionId, database);
  const count = (id: string) => jurorsOf.get(id)?.length ?? 0;
  // Stable: within the same number of jurors, title order stays.
  const ordered = apps.map((a, i) => ({ a, i, n: count(a.id) })).sort((x, y) => x.n - y.n || x.i - y.i);
  const covered = ordered.filter((o) => o.n >= reviewers).length;
  const current = clampPage(page, apps.length);
  const coverage = ordered.slice(offsetOf(current), offsetOf(current) + JURY_PAGE_SIZE).map(({ a }) => ({
    id: a.id,
    title: a.title,
    reference: a.reference,
    language: a.language,
    jurors: (jurorsOf.get(a.id) ?? []).map((id) => jurorName.get(id) ?? "—").sort((x, y) => x.localeCompare(y)),
  }));

  const shared = new Map<string, number>();
  for (const ids of jurorsOf.values()) {
    const present = ids.filter((id) => active.has(id)).sort();
    for (let i = 0; i < present.length; i++)
      for (let k = i + 1; k < present.length; k++)
        shared.set(`${present[i]}|${present[k]}`, (shared.get(`${present[i]}|${present[k]}`) ?? 0) + 1);
  }
  const pairs = [...shared.entries()]
    .map(([key, n]) => {
      const [x, y] = key.split("|");
      return { a: jurorName.get(x)!, b: jurorName.get(y)!, count: n };
    })
    .sort((p, q) => q.count - p.count || p.a.localeCompare(q.a) || p.b.localeCompare(q.b))
    .slice(0, TOP_PAIRS);

  const titleOf = new Map(apps.map((a) => [a.id, a.title]));
  const recused = recusedRows
    .map((r) => ({
      id: r.id,
      juror: jurorName.get(r.jurorId) ?? "—",
      title: titleOf.get(r.applicationId) ?? "—",
    }))
    .sort((x, y) => x.title.localeCompare(y.title) || x.juror.localeCompare(y.juror));
  return {
    jurors: loads.map((l) => ({ id: l.id, name: l.name })),
    applicationsCount: apps.length,
    assigned,
    loads,
    coverage,
    covered,
    underCovered: apps.length - covered,
    page: current,
    pages: pagesOf(apps.length),
    pairs,
    otherPairs: Math.max(0, shared.size - pairs.length),
    recused,
    unpublished,
  };
}
