// The assignment of applications to jurors: the optimal run (a draft) and its publication. The
// secretariat's manual adjustments are in assignment-edits.server.ts, the preview in
// assignment-overview.server.ts. Every state change is audited in its own synchronous
// transaction, and e-mails are queued in that same transaction.
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { applications, assignments, conflicts, juryMembers, reviews } from "../../../db/schema";
import { assignJurors } from "../../../scoring";
import { forReaders } from "../../applications/domain/sections";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { formatDateTime, isLocale, type Locale } from "../../kernel/i18n";
import { writeAudit } from "../../kernel/models/audit.server";
import {
  activeJurors,
  fail,
  eligibleRows,
  getJuryEdition,
  jurySeats,
  seatHolder,
  standing,
  type EditionActor,
  type Failure,
  type Tx,
} from "./shared.server";
import { pendingProposals } from "./conflicts.server";
import { conflictCandidates } from "./conflict-detection.server";

/** The eligible applications with their nominated content, for the expertise affinity of a run. */
function eligibleApplicationsWithContent(editionId: string, tx: Tx | DB = db()) {
  const { id, title, organisation, language, nominatedContent } = applications;
  return eligibleRows(editionId, { id, title, organisation, language, nominatedContent }, tx);
}

/** The pairs of a juror and an application that the assignment must avoid. */
function conflictPairs(editionId: string, tx: Tx | DB = db()): Set<string> {
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

export function defaultMaxLoad(applicationsCount: number, reviewers: number, jurorsCount: number): number {
  if (jurorsCount === 0) return 1;
  return Math.max(1, Math.ceil((applicationsCount * reviewers) / jurorsCount));
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

/**
 * Runs the optimal assignment and stores it as a draft (unpublished assignments), replacing any
 * earlier draft. Published assignments that still count are kept as fixed pairs, so a run
 * after a recusal only fills the gap.
 */
// A proposal not decided yet, or a conflict detection would find that is not in the register,
// refuses the run rather than being ignored or avoided silently: avoiding an unconfirmed
// proposal would keep a juror from an application on a guess, ignoring it would assign a
// likely conflict. The secretariat decides them on the conflicts page, then runs again.
// Checking costs one read-only detection pass; nothing is written when the run is refused.
export function runAssignment(input: {
  editionId: string;
  actorId: string;
  reviewers: number;
  maxLoad: number;
  minLoad: number;
}):
  | { ok: true; pairs: number }
  | { ok: false; explanation: Explanation; technical: string }
  | { ok: false; pendingConflicts: number; undetectedConflicts: number } {
  const pendingConflicts = pendingProposals({ editionId: input.editionId });
  const undetectedConflicts = conflictCandidates(db(), input.editionId).length;
  if (pendingConflicts > 0 || undetectedConflicts > 0) return { ok: false, pendingConflicts, undetectedConflicts };
  const jurors = activeJurors(input.editionId);
  const apps = eligibleApplicationsWithContent(input.editionId);
  const conflicted = conflictPairs(input.editionId);
  const published = db()
    .select({ jurorId: assignments.jurorId, applicationId: assignments.applicationId, state: reviews.state })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.editionId, input.editionId), isNotNull(assignments.publishedAt)))
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
      applications: apps.map((a) => ({ id: a.id, reviewers: input.reviewers, language: a.language })),
      jurors: jurors.map((j) => ({ id: j.id, maxLoad: input.maxLoad, minLoad: input.minLoad, languages: j.languages })),
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
  const fresh = result.pairs.filter((p) => !already.has(`${p.jurorId}:${p.applicationId}`));
  db().transaction((tx) => {
    tx.delete(assignments)
      .where(and(eq(assignments.editionId, input.editionId), isNull(assignments.publishedAt)))
      .run();
    for (const p of fresh)
      tx.insert(assignments)
        .values({
          editionId: input.editionId,
          jurorId: p.jurorId,
          applicationId: p.applicationId,
          createdBy: input.actorId,
        })
        .run();
    writeAudit(
      {
        actorId: input.actorId,
        action: "assignment.generated",
        objectType: "edition",
        objectId: input.editionId,
        details: {
          reviewers: input.reviewers,
          maxLoad: input.maxLoad,
          minLoad: input.minLoad,
          pairs: fresh.length,
          fixed: fixed.length,
          totalAffinity: result.totalAffinity,
        },
      },
      tx,
    );
  });
  return { ok: true, pairs: fresh.length };
}

/** Publishes the draft assignments: each gets its (empty) review and each juror one e-mail. */
export function publishAssignments({
  editionId,
  actorId,
  origin,
}: EditionActor & { origin: string }): { ok: true; published: number } | Failure {
  const edition = getJuryEdition({ editionId });
  if (!edition) return fail("confirm", "errors.jury_edition_unknown");
  return db().transaction((tx) => {
    const drafts = tx
      .select({ id: assignments.id, jurorId: assignments.jurorId, applicationId: assignments.applicationId })
      .from(assignments)
      .where(and(eq(assignments.editionId, editionId), isNull(assignments.publishedAt)))
      .all();
    if (drafts.length === 0) return fail("confirm", "errors.jury_nothing_to_publish");
    const now = new Date();
    const perJuror = new Map<string, number>();
    for (const a of drafts) {
      tx.update(assignments).set({ publishedAt: now }).where(eq(assignments.id, a.id)).run();
      const review = tx
        .insert(reviews)
        .values({ assignmentId: a.id, jurorId: a.jurorId, applicationId: a.applicationId })
        .returning({ id: reviews.id })
        .get();
      writeAudit(
        {
          actorId,
          action: "assignment.published",
          objectType: "assignment",
          objectId: a.id,
          details: { editionId, jurorId: a.jurorId, applicationId: a.applicationId, reviewId: review.id },
        },
        tx,
      );
      perJuror.set(a.jurorId, (perJuror.get(a.jurorId) ?? 0) + 1);
    }
    const recipients = jurySeats(seatHolder, inArray(juryMembers.id, [...perJuror.keys()]), [], tx);
    for (const r of recipients) {
      const locale: Locale = isLocale(r.locale) ? r.locale : "en";
      enqueueMail(
        {
          to: r.email,
          locale,
          template: "jury_assignment",
          vars: {
            name: r.name,
            count: perJuror.get(r.id)!,
            deadline: formatDateTime(edition.scoringClosesAt, locale),
            link: `${origin}/jury`,
          },
        },
        tx,
      );
    }
    return { ok: true as const, published: drafts.length };
  });
}
