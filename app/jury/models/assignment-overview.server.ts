// The preview of an edition's assignment: each juror's load, the coverage of the applications,
// the pairs of jurors sharing most applications, and the recusals to reassign. Reads only.
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { assignments, juryMembers, reviews, users } from "../../../db/schema";
import { untilChanged } from "../../kernel/server/memo.server";
import { applicationRows, clampPage, JURY_PAGE_SIZE, jurySeats, offsetOf, pagesOf } from "./shared.server";

/** How many pairs of jurors sharing applications the preview names; the rest are counted. */
export const TOP_PAIRS = 10;

/** The edition's jury, replaced members included (their submitted reviews still count). */
function juryNames(editionId: string) {
  const columns = { id: juryMembers.id, name: users.name, active: sql<number>`${juryMembers.replacedAt} is null` };
  return jurySeats(columns, eq(juryMembers.editionId, editionId), [asc(users.name)]);
}

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
 * The current assignment of an edition (published or not), as the preview shows it: each
 * juror's load, one page of the coverage (applications with fewer than `reviewers` jurors
 * first) with the totals, the pairs of jurors sharing most applications, and the withdrawals
 * to reassign. One pass over the assignments with maps: nothing grows with jurors ×
 * assignments, and only one page of rows leaves the server.
 */
export function assignmentOverview(args: { editionId: string; reviewers: number; page?: number }) {
  // Reading every assignment and review state costs ~100 ms at 10,000 applications: kept until they change.
  return untilChanged(
    { editionId: args.editionId, topics: ["submitted", "jury"], key: JSON.stringify(["assignmentOverview", args]) },
    () => readAssignmentOverview(args),
  );
}

function readAssignmentOverview({
  editionId,
  reviewers,
  page = 1,
}: {
  editionId: string;
  reviewers: number;
  page?: number;
}) {
  const jury = juryNames(editionId);
  const jurorName = new Map(jury.map((j) => [j.id, j.name]));
  const active = new Set(jury.filter((j) => j.active).map((j) => j.id));
  const rows = db()
    .select({
      jurorId: assignments.jurorId,
      applicationId: assignments.applicationId,
      unpublished: sql<number>`${assignments.publishedAt} is null`,
    })
    .from(assignments)
    .where(eq(assignments.editionId, editionId))
    .all();
  // Reviews exist only for published assignments; a recused one no longer counts.
  const recusedRows = db()
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

  const apps = applicationRows(editionId);
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
