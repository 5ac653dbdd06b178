// The jury's deliberation: a shortlist opened by the secretariat, one ballot per juror
// (a ranking with ties), closed by the chair; the outcome by the Schulze method with Borda
// beside it. A juror in conflict with an application neither sees it nor votes on it: for
// every pair involving it their ballot abstains (it is not counted as "ranked last").
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import {
  applications,
  conflicts,
  ballots,
  decisions,
  deliberations,
  editions,
  juryMembers,
  tieBreaks,
  userRoles,
  users,
} from "../../../db/schema";
import { jurySeats, seatHolder } from "../../jury/models/shared.server";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { siteOrigin } from "../../kernel/server/site.server";
import type { Tx } from "../../kernel/models/transaction.server";
import type { TieBreakRule } from "../../../db/enums";
import { borda } from "../../../scoring";
import { writeAudit } from "../../kernel/models/audit.server";
import { fail, type Failure, type Result } from "../../kernel/models/result.server";
import { conflictsOf, schulzeWithoutConflicts } from "./conflicted-ballots.server";
import {
  conflictedApplicationIds,
  getEditionBrief,
  resultApplicationsWhere,
  scoringClosed,
  type EditionBrief,
} from "./results.server";
import {
  getTieBreak,
  seatedChair,
  isTieBreakRule,
  openRunoffIfTied,
  tieAtCutOff,
  tieBreakOutcome,
  tieBreakPending,
  writeTieBreakRule,
} from "./tie-break.server";

export function getDeliberation({ editionId }: { editionId: string }) {
  return (
    db()
      .select({
        id: deliberations.id,
        shortlist: deliberations.shortlist,
        openedAt: deliberations.openedAt,
        closedAt: deliberations.closedAt,
      })
      .from(deliberations)
      .where(eq(deliberations.editionId, editionId))
      .get() ?? null
  );
}
export type DeliberationRow = NonNullable<ReturnType<typeof getDeliberation>>;

function shortlistApplications({ editionId, ids }: { editionId: string; ids: string[] }) {
  if (ids.length === 0) return [];
  return resultApplicationsWhere(editionId, inArray(applications.id, ids));
}

/** The shortlist as a viewer may see it: a juror never gets the applications of their conflicts. */
export function shortlistFor({
  editionId,
  deliberation,
  memberId,
}: {
  editionId: string;
  deliberation: DeliberationRow;
  memberId?: string;
}) {
  const excluded = memberId
    ? (conflictsOf({ memberIds: [memberId] }).get(memberId) ?? new Set<string>())
    : new Set<string>();
  return shortlistApplications({ editionId, ids: deliberation.shortlist.filter((id) => !excluded.has(id)) });
}

type Opening = { edition: EditionBrief; shortlist: string[]; rule: unknown };

/** The shortlist (each application once) and the rule a ballot can open on; else why not. */
function checkedOpening({ edition, shortlist, rule }: Opening): Result<{ ids: string[]; rule: TieBreakRule }> {
  if (!scoringClosed(edition) || !["scoring", "deliberation"].includes(edition.phase))
    return { ok: false, field: "shortlist", error: "errors.deliberation_not_now" };
  if (getDeliberation({ editionId: edition.id }))
    return { ok: false, field: "shortlist", error: "errors.deliberation_exists" };
  // A proposal keeps its juror from the vote on a guess (counted to be safe, as in the results):
  // the register is settled first, as it is before the assignment runs.
  const proposals =
    db()
      .select({ n: count() })
      .from(conflicts)
      .where(and(eq(conflicts.editionId, edition.id), eq(conflicts.status, "proposed")))
      .get()?.n ?? 0;
  if (proposals > 0)
    return {
      ok: false,
      field: "shortlist",
      error: "errors.deliberation_proposals_pending",
      vars: { count: proposals },
    };
  const unique = [...new Set(shortlist)];
  const found = shortlistApplications({ editionId: edition.id, ids: unique }).filter((a) => a.state === "eligible");
  if (found.length !== unique.length) return { ok: false, field: "shortlist", error: "errors.shortlist_invalid" };
  if (unique.length < Math.max(2, edition.laureateCount))
    return { ok: false, field: "shortlist", error: "errors.shortlist_too_small" };
  // A rule fixed while scoring was open was chosen before anyone could read the final ranking:
  // the ballot opens under it, and a post asking for another (a stale page, a forged form) is refused.
  const fixed = getTieBreak({ editionId: edition.id });
  if (fixed && rule !== undefined && rule !== "" && rule !== fixed.rule)
    return { ok: false, field: "tieBreak", error: "errors.tie_break_fixed" };
  if (fixed) return { ok: true, ids: unique, rule: fixed.rule as TieBreakRule };
  if (!isTieBreakRule(rule)) return { ok: false, field: "tieBreak", error: "errors.tie_break_required" };
  return { ok: true, ids: unique, rule };
}

/**
 * The seated jurors of the edition, in name order, each with whether the ballot's opening e-mails
 * them: a disabled account (an erased one is disabled too) is not written to, as for every juror e-mail.
 */
function ballotJurors(editionId: string, tx: Tx | DB = db()) {
  // A member of the secretariat seated on the jury reads the deliberation as the secretariat and
  // casts no ballot (permissions' "ballot.vote"): no ballot of theirs to be told of.
  const votes = sql`not exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = 'secretariat')`;
  const seated = and(eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt), votes)!;
  return jurySeats({ ...seatHolder, disabledAt: users.disabledAt }, seated, [asc(users.name)], tx).map(
    ({ disabledAt, ...juror }) => ({ ...juror, mailed: disabledAt === null }),
  );
}

/**
 * What opening the ballot would do, for the secretariat to confirm before it cannot be undone: the
 * shortlist and rule it would fix, the jurors it would e-mail and how many it would not; else why
 * it cannot open.
 */
export function previewOpening(
  opening: Opening,
): Result<{ shortlist: string[]; rule: TieBreakRule; mailed: string[]; notMailed: number }> {
  const checked = checkedOpening(opening);
  if (!checked.ok) return checked;
  const jurors = ballotJurors(opening.edition.id);
  return {
    ok: true,
    shortlist: checked.ids,
    rule: checked.rule,
    mailed: jurors.filter((j) => j.mailed).map((j) => j.name),
    notMailed: jurors.filter((j) => !j.mailed).length,
  };
}

/**
 * Opens the ballot on a shortlist, under the tie-break rule fixed while scoring was open or, if
 * none was, the one chosen in the same form: the rule and its seed's commitment are
 * written, and audited, in the transaction that opens the ballot, which also queues each seated
 * juror's e-mail saying the ballot is open, with the link to theirs.
 */
export function openDeliberation({
  edition,
  actorId,
  shortlist,
  rule: wanted,
  origin = siteOrigin(),
}: Opening & { actorId: string; origin?: string }): { ok: true } | Failure {
  const checked = checkedOpening({ edition, shortlist, rule: wanted });
  if (!checked.ok) return checked;
  const { ids: unique, rule } = checked;
  db().transaction((tx) => {
    // The rule first: once a deliberation exists, a trigger refuses any change to it.
    writeTieBreakRule(tx, { editionId: edition.id, actorId, rule });
    const { commitment } = tx
      .select({ commitment: tieBreaks.commitment })
      .from(tieBreaks)
      .where(eq(tieBreaks.editionId, edition.id))
      .get()!;
    const row = tx
      .insert(deliberations)
      .values({ editionId: edition.id, shortlist: unique, openedBy: actorId, openedAt: new Date() })
      .returning({ id: deliberations.id })
      .get();
    tx.update(editions).set({ phase: "deliberation", updatedAt: new Date() }).where(eq(editions.id, edition.id)).run();
    writeAudit(
      {
        actorId,
        action: "deliberation.opened",
        objectType: "edition",
        objectId: edition.id,
        details: { deliberationId: row.id, shortlist: unique, phase: "deliberation", tieBreak: { rule, commitment } },
      },
      tx,
    );
    for (const juror of ballotJurors(edition.id, tx).filter((j) => j.mailed)) {
      enqueueMail(
        {
          to: juror.email,
          locale: juror.locale,
          template: "deliberation_opened",
          vars: { name: juror.name, year: edition.year, link: `${origin}/jury/${edition.id}/ballot` },
        },
        tx,
      );
    }
  });
  return { ok: true };
}

/** A juror's ballot as posted: `ranks` maps application id → position (1 = best; equal numbers tie). */
export interface PostedBallot {
  editionId: string;
  memberId: string;
  actorId: string;
  ranks: Record<string, number>;
}

/**
 * The ranking a juror's ranks make (the applications level by level, best first), when they rank
 * each of the `allowed` applications and nothing else; else why not, on the form's `field`.
 */
export function rankingOf(
  ranks: Record<string, number>,
  allowed: readonly string[],
  field: string,
): Result<{ ranking: string[][] }> {
  const ids = Object.keys(ranks);
  if (ids.some((id) => !allowed.includes(id))) return fail(field, "errors.ballot_application_invalid");
  if (ids.length !== allowed.length) return fail(field, "errors.ballot_incomplete");
  const levels = [...new Set(Object.values(ranks))].sort((a, b) => a - b);
  return { ok: true, ranking: levels.map((level) => ids.filter((id) => ranks[id] === level).sort()) };
}

/**
 * Records (or replaces) a juror's ballot. Every shortlisted application the juror is not in
 * conflict with must be ranked, and nothing else.
 */
export function submitBallot({ editionId, memberId, actorId, ranks }: PostedBallot): { ok: true } | Failure {
  const deliberation = getDeliberation({ editionId });
  if (!deliberation || deliberation.closedAt) return fail("ballot", "errors.ballot_closed");
  const allowed = shortlistFor({ editionId, deliberation, memberId }).map((a) => a.id);
  const checked = rankingOf(ranks, allowed, "ballot");
  if (!checked.ok) return checked;
  const { ranking } = checked;
  db().transaction((tx) => {
    const existing = tx
      .select({ id: ballots.id })
      .from(ballots)
      .where(and(eq(ballots.deliberationId, deliberation.id), eq(ballots.jurorId, memberId)))
      .get();
    if (existing) tx.update(ballots).set({ ranking, submittedAt: new Date() }).where(eq(ballots.id, existing.id)).run();
    else
      tx.insert(ballots)
        .values({ deliberationId: deliberation.id, jurorId: memberId, ranking, submittedAt: new Date() })
        .run();
    // Who voted is recorded, never how: the audit log is read by the secretariat.
    writeAudit(
      {
        actorId,
        action: existing ? "ballot.replaced" : "ballot.submitted",
        objectType: "deliberation",
        objectId: deliberation.id,
        details: { jurorId: memberId },
      },
      tx,
    );
  });
  return { ok: true };
}

export function ownBallot({ editionId, memberId }: { editionId: string; memberId: string }) {
  const deliberation = getDeliberation({ editionId });
  if (!deliberation) return null;
  return (
    db()
      .select({ ranking: ballots.ranking, submittedAt: ballots.submittedAt })
      .from(ballots)
      .where(and(eq(ballots.deliberationId, deliberation.id), eq(ballots.jurorId, memberId)))
      .get() ?? null
  );
}

/** Who has voted (never how), for the chair and the secretariat. */
export function ballotStatus({ editionId }: { editionId: string }) {
  const deliberation = getDeliberation({ editionId });
  const voted = new Map<string, Date>();
  if (deliberation)
    for (const b of db()
      .select({ jurorId: ballots.jurorId, submittedAt: ballots.submittedAt })
      .from(ballots)
      .where(eq(ballots.deliberationId, deliberation.id))
      .all())
      voted.set(b.jurorId, b.submittedAt);
  return db()
    .select({ id: juryMembers.id, userId: juryMembers.userId, isChair: juryMembers.isChair })
    .from(juryMembers)
    .where(and(eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt)))
    .orderBy(asc(juryMembers.createdAt), asc(juryMembers.id))
    .all()
    .map((j) => ({ memberId: j.id, userId: j.userId, isChair: j.isChair, votedAt: voted.get(j.id) ?? null }));
}

export function closeBallot({
  editionId,
  actorId,
  origin = siteOrigin(),
}: {
  editionId: string;
  actorId: string;
  origin?: string;
}): { ok: true } | Failure {
  const deliberation = getDeliberation({ editionId });
  if (!deliberation || deliberation.closedAt) return { ok: false, field: "confirm", error: "errors.ballot_closed" };
  const count = db()
    .select({ id: ballots.id })
    .from(ballots)
    .where(eq(ballots.deliberationId, deliberation.id))
    .all().length;
  if (count === 0) return { ok: false, field: "confirm", error: "errors.ballot_no_votes" };
  const edition = getEditionBrief({ editionId });
  const outcome = deliberationOutcome({ editionId });
  const tie = edition && outcome ? tieAtCutOff(outcome, edition.laureateCount) : null;
  db().transaction((tx) => {
    tx.update(deliberations)
      .set({ closedAt: new Date() })
      .where(and(eq(deliberations.id, deliberation.id), isNull(deliberations.closedAt)))
      .run();
    writeAudit(
      {
        actorId,
        action: "deliberation.ballot_closed",
        objectType: "deliberation",
        objectId: deliberation.id,
        details: { ballots: count, tie: tie ? { tied: tie.tied, places: tie.places } : null },
      },
      tx,
    );
    // A run-off asks every juror to vote again, those who voted long ago included: each is told,
    // but one in conflict with a tied application, who does not vote in it.
    const voters = (j: { id: string; mailed: boolean }) =>
      j.mailed && !tie?.tied.some((id) => conflictedApplicationIds({ memberId: j.id }).has(id));
    if (openRunoffIfTied(tx, { editionId, actorId, tie }) && edition)
      for (const juror of ballotJurors(editionId, tx).filter(voters))
        enqueueMail(
          {
            to: juror.email,
            locale: juror.locale,
            template: "runoff_opened",
            vars: { name: juror.name, year: edition.year, link: `${origin}/jury/${editionId}/ballot` },
          },
          tx,
        );
  });
  return { ok: true };
}

/**
 * The outcome of a closed ballot: Schulze order (with abstentions for conflicts), and beside it
 * the Borda count as the mean share of the points each juror could give (0–1), so a juror who
 * could not vote on an application neither helps nor harms it. With it the tally anyone can
 * follow: the pairwise counts, the strongest paths, the tie groups and who was kept out of which
 * comparisons by a conflict.
 */
export function deliberationOutcome({ editionId }: { editionId: string }) {
  const deliberation = getDeliberation({ editionId });
  if (!deliberation) return null;
  const rows = db()
    .select({ jurorId: ballots.jurorId, ranking: ballots.ranking })
    .from(ballots)
    .where(eq(ballots.deliberationId, deliberation.id))
    .orderBy(asc(ballots.jurorId))
    .all();
  const candidates = [...deliberation.shortlist].sort();
  if (rows.length === 0)
    return {
      ballots: 0,
      candidates,
      order: [] as string[],
      ties: [] as string[][],
      wins: {} as Record<string, number>,
      borda: {} as Record<string, number>,
      pairwise: null,
      strongestPaths: null,
      excluded: [] as { jurorId: string; applicationIds: string[] }[],
    };
  const { rankings, result: s, excluded } = schulzeWithoutConflicts({ rows, candidates });
  const order = s?.order ?? candidates;
  const wins = Object.fromEntries(
    order.map((c) => [
      c,
      s ? order.filter((o) => o !== c && s.strongestPaths[c][o] > s.strongestPaths[o][c]).length : 0,
    ]),
  );
  const shares: Record<string, number[]> = Object.fromEntries(candidates.map((c) => [c, []]));
  for (const ranking of rankings) {
    const ranked = ranking.flat();
    if (ranked.length < 2) continue;
    const points = borda([{ ranking }], ranked);
    for (const c of ranked) shares[c].push(points[c] / (ranked.length - 1));
  }
  const bordaMean = Object.fromEntries(
    candidates.map((c) => [c, shares[c].length ? shares[c].reduce((a, b) => a + b, 0) / shares[c].length : 0]),
  );
  return {
    ballots: rows.length,
    candidates,
    order,
    ties: s?.ties ?? (candidates.length > 1 ? [candidates] : []),
    wins,
    borda: bordaMean,
    pairwise: s?.pairwise ?? null,
    strongestPaths: s?.strongestPaths ?? null,
    excluded,
  };
}
export type DeliberationOutcome = NonNullable<ReturnType<typeof deliberationOutcome>>;

export function getDecisionRow({ editionId }: { editionId: string }) {
  return db().select().from(decisions).where(eq(decisions.editionId, editionId)).get() ?? null;
}

/**
 * The applications the closed vote places in the laureate places, best first, after its
 * tie-break; null while the ballot is open, before any vote, or while a tie-break is pending.
 */
export function voteLaureatePlaces({ edition }: { edition: EditionBrief }): string[] | null {
  const deliberation = getDeliberation({ editionId: edition.id });
  if (!deliberation?.closedAt) return null;
  const outcome = deliberationOutcome({ editionId: edition.id });
  if (!outcome || outcome.ballots === 0) return null;
  const tieBreak = tieBreakOutcome({
    editionId: edition.id,
    outcome,
    laureates: edition.laureateCount,
    closed: true,
    decided: !!getDecisionRow({ editionId: edition.id })?.decidedAt,
  });
  if (tieBreakPending(tieBreak)) return null;
  return (tieBreak?.order ?? outcome.order).slice(0, edition.laureateCount);
}

/** Whether the seated chair has a conflict of interest with one of `places` (the vote's laureate places). */
export function chairConflictedWith({ editionId, places }: { editionId: string; places: readonly string[] }) {
  const chair = seatedChair({ editionId });
  if (!chair) return false;
  const conflicted = conflictedApplicationIds({ memberId: chair.id });
  return places.some((id) => conflicted.has(id));
}

/**
 * The chair's recommendation: ordered laureates, a citation for each in English and French,
 * minutes, the tally of the vote and the fairness audit in words (written by the route in the chair's
 * language). It
 * waits for a tie-break still pending (the chair's casting vote, or an open run-off).
 */
export function recordRecommendation({
  edition,
  actorId,
  chairMemberId,
  order,
  citations,
  minutes,
  minutesTally = null,
  minutesFairness = null,
  seen,
}: {
  edition: EditionBrief;
  /**
   * When the recommendation the chair's page showed was recorded (ms; 0: none yet). One recorded
   * since, from another tab, is not replaced unseen.
   */
  seen?: number;
  actorId: string;
  /** The chair's seat: in conflict with an application the vote placed among the laureates, it may not recommend. */
  chairMemberId: string;
  order: string[];
  citations: Record<string, { en: string; fr: string }>;
  minutes: string;
  minutesTally?: string | null;
  minutesFairness?: string | null;
}): { ok: true } | Failure {
  const deliberation = getDeliberation({ editionId: edition.id });
  if (!deliberation?.closedAt) return { ok: false, field: "minutes", error: "errors.recommendation_not_now" };
  const outcome = deliberationOutcome({ editionId: edition.id });
  const tieBreak = outcome
    ? tieBreakOutcome({
        editionId: edition.id,
        outcome,
        laureates: edition.laureateCount,
        closed: true,
        decided: false,
      })
    : null;
  if (tieBreakPending(tieBreak)) return { ok: false, field: "minutes", error: "errors.tie_break_pending" };
  // A chair cannot weigh, cite or even see an application of their conflicts: when the vote placed
  // one among the laureates, a recommendation of theirs could only leave it out unseen. The
  // secretariat then decides from the vote's outcome, which it reads in full.
  const conflicted = conflictedApplicationIds({ memberId: chairMemberId });
  // The vote's laureate places from the outcome and tie-break read above, not read again.
  const places =
    outcome && outcome.ballots > 0 ? (tieBreak?.order ?? outcome.order).slice(0, edition.laureateCount) : [];
  if (places.some((id) => conflicted.has(id)))
    return { ok: false, field: "minutes", error: "errors.recommendation_chair_conflicted" };
  // On the choice that is wrong: order[i] is the form's choice_{i + 1}.
  const offShortlist = order.findIndex((id) => !deliberation.shortlist.includes(id));
  if (offShortlist !== -1)
    return { ok: false, field: `choice_${offShortlist + 1}`, error: "errors.recommendation_choice_invalid" };
  const existing = getDecisionRow({ editionId: edition.id });
  if (existing?.decidedAt) return { ok: false, field: "minutes", error: "errors.decision_exists" };
  if (seen !== undefined && (existing?.recommendedAt?.getTime() ?? 0) !== seen)
    return { ok: false, field: "minutes", error: "errors.recommendation_changed" };
  db().transaction((tx) => {
    const values = {
      recommendation: order,
      citations,
      minutes,
      minutesTally,
      minutesFairness,
      recommendedBy: actorId,
      recommendedAt: new Date(),
    };
    if (existing)
      tx.update(decisions)
        .set(values)
        .where(and(eq(decisions.id, existing.id), isNull(decisions.decidedAt)))
        .run();
    else
      tx.insert(decisions)
        .values({ editionId: edition.id, ...values })
        .run();
    writeAudit(
      {
        actorId,
        action: existing?.recommendedAt ? "decision.recommendation_replaced" : "decision.recommended",
        objectType: "edition",
        objectId: edition.id,
        details: { recommendation: order },
      },
      tx,
    );
  });
  return { ok: true };
}
