// The optimal assignment's computation: what a run reads (one snapshot of the database), the
// expertise affinities and the solver. Seconds at 10,000 applications, so it runs in the results'
// worker thread, on a read-only connection of its own (docs/decisions/032-assignment-in-the-worker.md);
// the request thread only writes the draft it returns. Reads only: nothing here writes.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { type DB } from "../../../db/client";
import { applications, assignments, conflicts, reviews } from "../../../db/schema";
import { assignJurors } from "../../../scoring";
import { forReaders } from "../../applications/domain/sections";
import { versionsOn } from "../../kernel/server/memo.server";
import { activeJurors, eligibleRows, standing, type Tx } from "./shared.server";
import { conflictCandidates } from "./conflict-detection.server";

/** The eligible applications with their nominated content, for the expertise affinity of a run. */
function eligibleApplicationsWithContent(editionId: string, tx: Tx | DB) {
  const { id, title, organisation, language, nominatedContent } = applications;
  return eligibleRows(editionId, { id, title, organisation, language, nominatedContent }, tx);
}

/** The pairs of a juror and an application that the assignment must avoid. */
function conflictPairs(editionId: string, tx: Tx | DB): Set<string> {
  return new Set(
    tx
      .select({ j: conflicts.jurorId, a: conflicts.applicationId })
      .from(conflicts)
      .where(and(eq(conflicts.editionId, editionId), standing))
      .all()
      .map((c) => `${c.j}:${c.a}`),
  );
}

/** Everything a nominated application says, as one lower-case text (for affinity). */
function nominatedText(app: {
  title: string;
  organisation: string;
  nominatedContent: Record<string, unknown> | null;
}): string {
  const parts = [app.title, app.organisation];
  // Without the fields asked only for the audit, which must not steer who reads what.
  const sections =
    (forReaders(app.nominatedContent) as { sections?: Record<string, Record<string, string>> } | null)?.sections ?? {};
  for (const fields of Object.values(sections))
    for (const v of Object.values(fields ?? {})) if (typeof v === "string") parts.push(v);
  return parts.join(" \n ").toLowerCase();
}

/**
 * Affinity of a juror for an application: the number of the juror's areas of expertise (tags
 * such as "teacher training" or "mobile learning") that appear, case-insensitively, in the
 * application's nominated text. Simple, explainable to the jury, and zero when nothing matches,
 * so the solver then only balances loads.
 */
export function expertiseAffinity(expertise: string[], text: string): number {
  return expertise.map((e) => e.trim().toLowerCase()).filter((e) => e.length > 1 && text.includes(e)).length;
}

export type Explanation = { key: string; vars?: Record<string, string | number> }[];

/** Turns the solver's message into plain sentences (catalogue keys), naming applications by title. */
export function explainInfeasibility(
  message: string,
  names: { applications: Map<string, string>; jurors: Map<string, string> },
): Explanation {
  const out: Explanation = [];
  const name = (id: string) => names.applications.get(id) ?? names.jurors.get(id) ?? id;
  let m: RegExpMatchArray | null;
  if (/at least one application is needed/.test(message)) return [{ key: "jury.infeasible.no_applications" }];
  if (/at least one juror is needed/.test(message)) return [{ key: "jury.infeasible.no_jurors" }];
  if ((m = message.match(/total demand of (\d+) reviews exceeds total juror capacity of (\d+)/))) {
    return [{ key: "jury.infeasible.capacity", vars: { demand: m[1], capacity: m[2] } }];
  }
  if (/fewer eligible jurors than they need/.test(message)) {
    for (const e of message.matchAll(
      /([\w-]+) \(needs (\d+), (\d+) eligible; (\d+) excluded by conflicts, (\d+) by language\)/g,
    )) {
      out.push({
        key: "jury.infeasible.short_application",
        vars: { title: name(e[1]), needs: e[2], eligible: e[3], conflicts: e[4], language: e[5] },
      });
    }
    if (out.length) return out;
  }
  if ((m = message.match(/minimum loads add up to (\d+), above the total demand of (\d+)/))) {
    return [{ key: "jury.infeasible.min_total", vars: { min: m[1], demand: m[2] } }];
  }
  if (/cannot reach their minimum load|below their minimum load/.test(message)) {
    for (const e of message.matchAll(/([\w-]+) \(minLoad (\d+)/g))
      out.push({ key: "jury.infeasible.min_juror", vars: { name: name(e[1]), min: e[2] } });
    if (out.length) return out;
  }
  if ((m = message.match(/only (\d+) of (\d+) reviews can be placed/))) {
    out.push({ key: "jury.infeasible.placed", vars: { placed: m[1], demand: m[2] } });
    for (const e of message.matchAll(/([\w-]+) \(needs (\d+), got (\d+)\)/g))
      out.push({ key: "jury.infeasible.left_short", vars: { title: name(e[1]), needs: e[2], got: e[3] } });
    return out;
  }
  return [{ key: "jury.infeasible.other" }];
}

/** What a run is asked for: the edition, and the settings of the secretariat's form. */
export interface AssignmentRun {
  editionId: string;
  reviewers: number;
  maxLoad: number;
  minLoad: number;
}

/** A pair of a juror and an application. */
export interface AssignedPair {
  jurorId: string;
  applicationId: string;
}

/** What a run reads: the eligible applications (and what all editions share), and the jury's data. */
export const RUN_TOPICS = ["submitted", "jury"] as const;

export type SolvedAssignment =
  /** `version`: the versions of RUN_TOPICS the run was computed from (`versionsOn`). */
  | { ok: true; pairs: AssignedPair[]; fixed: number; totalAffinity: number; version: string }
  | { ok: false; explanation: Explanation; technical: string }
  | { ok: false; pendingConflicts: number; undetectedConflicts: number };

// A proposal not decided yet, or a conflict detection would find that is not in the register,
// refuses the run rather than being ignored or avoided silently: avoiding an unconfirmed
// proposal would keep a juror from an application on a guess, ignoring it would assign a
// likely conflict. The secretariat decides them on the conflicts page, then runs again.
/**
 * Reads what a run needs from `database` (one snapshot) and solves it: the new pairs (those not
 * already published), or why no assignment is possible. Published assignments that still count
 * are kept as fixed pairs, so a run after a recusal only fills the gap.
 */
export function solveAssignment(database: DB, run: AssignmentRun): SolvedAssignment {
  const pendingConflicts = database
    .select({ n: sql<number>`count(*)` })
    .from(conflicts)
    .where(and(eq(conflicts.editionId, run.editionId), eq(conflicts.status, "proposed")))
    .get()!.n;
  const undetectedConflicts = conflictCandidates(database, run.editionId).length;
  if (pendingConflicts > 0 || undetectedConflicts > 0) return { ok: false, pendingConflicts, undetectedConflicts };
  const jurors = activeJurors(run.editionId, database);
  const apps = eligibleApplicationsWithContent(run.editionId, database);
  const conflicted = conflictPairs(run.editionId, database);
  const published = database
    .select({ jurorId: assignments.jurorId, applicationId: assignments.applicationId, state: reviews.state })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.editionId, run.editionId), isNotNull(assignments.publishedAt)))
    .all();
  const jurorIds = new Set(jurors.map((j) => j.id));
  const appIds = new Set(apps.map((a) => a.id));
  const fixed = published
    .filter(
      (p) =>
        p.state !== "recused" &&
        jurorIds.has(p.jurorId) &&
        appIds.has(p.applicationId) &&
        !conflicted.has(`${p.jurorId}:${p.applicationId}`),
    )
    .map((p) => ({ jurorId: p.jurorId, applicationId: p.applicationId }));
  const affinity: { jurorId: string; applicationId: string; value: number }[] = [];
  for (const a of apps) {
    const text = nominatedText(a);
    for (const j of jurors) {
      const value = expertiseAffinity(j.expertise, text);
      if (value > 0) affinity.push({ jurorId: j.id, applicationId: a.id, value });
    }
  }
  let result;
  try {
    result = assignJurors({
      applications: apps.map((a) => ({ id: a.id, reviewers: run.reviewers, language: a.language })),
      jurors: jurors.map((j) => ({ id: j.id, maxLoad: run.maxLoad, minLoad: run.minLoad, languages: j.languages })),
      conflicts: [...conflicted]
        .map((k) => k.split(":") as [string, string])
        .filter(([j, a]) => jurorIds.has(j) && appIds.has(a)),
      affinity,
      fixed,
    });
  } catch (error) {
    const technical = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      technical,
      explanation: explainInfeasibility(technical, {
        applications: new Map(apps.map((a) => [a.id, a.title])),
        jurors: new Map(jurors.map((j) => [j.id, j.name])),
      }),
    };
  }
  const already = new Set(published.map((p) => `${p.jurorId}:${p.applicationId}`));
  return {
    ok: true,
    pairs: result.pairs
      .filter((p) => !already.has(`${p.jurorId}:${p.applicationId}`))
      .map((p) => ({ jurorId: p.jurorId, applicationId: p.applicationId })),
    fixed: fixed.length,
    totalAffinity: result.totalAffinity,
    version: versionsOn(database, run.editionId, RUN_TOPICS),
  };
}
