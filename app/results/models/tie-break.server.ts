// The tie-break rule of a deliberation (docs/decisions/010-tie-break-rule.md). The secretariat
// fixes it before the ballot opens — at the latest in the form that opens it — and the server
// draws the lottery seed with the first choice: only its SHA-256 is shown and audited, the seed
// itself once the vote's outcome is final. Where the Schulze order leaves a tie across the
// laureate cut-off, the rule settles it: the seeded lottery at once, the chair's casting vote, or
// a run-off ballot of the jury among the tied (the lottery settling what the run-off still ties,
// or what a chair in conflict with a tied application cannot).
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { TIE_BREAK_RULES, type TieBreakRule } from "../../../db/enums";
import { applications, deliberations, juryMembers, runoffBallots, tieBreaks } from "../../../db/schema";
import {
  cutOffTie,
  lotteryDraw,
  seedCommitment,
  settleCutOffTie,
  type CutOffTie,
  type SchulzeResult,
} from "../../../scoring";
import { writeAudit } from "../../kernel/models/audit.server";
import type { TieBreakStatus } from "../domain/tally";
import type { Failure } from "../../kernel/models/result.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { conflictsOf, schulzeWithoutConflicts } from "./conflicted-ballots.server";
import { scoringClosed, type EditionBrief } from "./results.server";
import { openSeed, sealSeed } from "./seed-seal.server";

export function isTieBreakRule(value: unknown): value is TieBreakRule {
  return typeof value === "string" && (TIE_BREAK_RULES as readonly string[]).includes(value);
}

export function getTieBreak({ editionId }: { editionId: string }) {
  return db().select().from(tieBreaks).where(eq(tieBreaks.editionId, editionId)).get() ?? null;
}
export type TieBreakRow = NonNullable<ReturnType<typeof getTieBreak>>;

/** The rule's lottery seed in the clear (stored sealed): only once the vote's outcome needs it. */
export function tieBreakSeed(row: Pick<TieBreakRow, "editionId" | "seed">): string {
  return openSeed({ editionId: row.editionId, stored: row.seed });
}

/**
 * Records the rule in the caller's transaction, with its audit row. The seed is drawn with the
 * first choice and never changes (a database trigger refuses it too), so changing the rule
 * before the ballot opens keeps the commitment already published.
 */
export function writeTieBreakRule(
  tx: Tx,
  {
    editionId,
    actorId,
    rule,
    now = new Date(),
  }: { editionId: string; actorId: string; rule: TieBreakRule; now?: Date },
): void {
  const existing = tx.select().from(tieBreaks).where(eq(tieBreaks.editionId, editionId)).get();
  if (existing?.rule === rule) return;
  if (existing) {
    tx.update(tieBreaks).set({ rule, chosenBy: actorId, chosenAt: now }).where(eq(tieBreaks.id, existing.id)).run();
    writeAudit(
      {
        actorId,
        action: "tie_break.changed",
        objectType: "edition",
        objectId: editionId,
        details: { from: existing.rule, to: rule, commitment: existing.commitment },
        at: now,
      },
      tx,
    );
    return;
  }
  const seed = randomBytes(32).toString("hex");
  const commitment = seedCommitment(seed);
  tx.insert(tieBreaks)
    .values({ editionId, rule, seed: sealSeed({ editionId, seed }), commitment, chosenBy: actorId, chosenAt: now })
    .run();
  writeAudit(
    {
      actorId,
      action: "tie_break.chosen",
      objectType: "edition",
      objectId: editionId,
      details: { rule, commitment },
      at: now,
    },
    tx,
  );
}

/** The secretariat fixes (or, until the ballot opens, changes) the rule. */
export function chooseTieBreak({
  edition,
  actorId,
  rule,
  seen,
}: {
  edition: EditionBrief;
  actorId: string;
  rule: unknown;
  /** When the rule the page showed was chosen (ms; 0: none yet): one chosen since is not replaced unseen. */
  seen?: number;
}): { ok: true } | Failure {
  if (!isTieBreakRule(rule)) return { ok: false, field: "tieBreak", error: "errors.tie_break_required" };
  const opened = db()
    .select({ id: deliberations.id })
    .from(deliberations)
    .where(eq(deliberations.editionId, edition.id))
    .get();
  if (opened) return { ok: false, field: "tieBreak", error: "errors.tie_break_locked" };
  // Once scoring has closed the ranking can be read: a rule chosen then is chosen at the opening,
  // and one fixed before stands (a forged post of this early form changes neither).
  if (scoringClosed(edition))
    return {
      ok: false,
      field: "tieBreak",
      error: getTieBreak({ editionId: edition.id }) ? "errors.tie_break_fixed" : "errors.tie_break_at_opening",
    };
  if (seen !== undefined && (getTieBreak({ editionId: edition.id })?.chosenAt.getTime() ?? 0) !== seen)
    return { ok: false, field: "tieBreak", error: "errors.tie_break_changed" };
  db().transaction((tx) => writeTieBreakRule(tx, { editionId: edition.id, actorId, rule }));
  return { ok: true };
}

/** The edition's seated chair (none when the seat is empty). */
export function seatedChair({ editionId }: { editionId: string }) {
  return (
    db()
      .select({ id: juryMembers.id })
      .from(juryMembers)
      .where(and(eq(juryMembers.editionId, editionId), eq(juryMembers.isChair, true), isNull(juryMembers.replacedAt)))
      .get() ?? null
  );
}

/** What a closed ballot's Schulze result needs to say about the cut-off. */
export interface VotedOrder {
  ballots: number;
  order: string[];
  ties: string[][];
}

/** The tie across the laureate cut-off a vote left, if any. */
export function tieAtCutOff(outcome: VotedOrder, laureates: number): CutOffTie | null {
  return outcome.ballots > 0 && outcome.order.length > 0 ? cutOffTie(outcome, laureates) : null;
}

/**
 * Opens the run-off in the caller's transaction (the one closing the ballot) when the rule is a
 * jury vote and the vote left a tie at the cut-off; true when it opened one.
 */
export function openRunoffIfTied(
  tx: Tx,
  {
    editionId,
    actorId,
    tie,
    now = new Date(),
  }: { editionId: string; actorId: string; tie: CutOffTie | null; now?: Date },
): boolean {
  const row = tx.select().from(tieBreaks).where(eq(tieBreaks.editionId, editionId)).get();
  if (!row || row.rule !== "jury" || !tie || row.runoffOpenedAt) return false;
  tx.update(tieBreaks)
    .set({ runoff: tie.tied, runoffPlaces: tie.places, runoffOpenedAt: now })
    .where(eq(tieBreaks.id, row.id))
    .run();
  writeAudit(
    {
      actorId,
      action: "tie_break.runoff_opened",
      objectType: "edition",
      objectId: editionId,
      details: { tied: tie.tied, places: tie.places },
      at: now,
    },
    tx,
  );
  return true;
}

export type TieBreakFallback = "chair_conflicted" | "no_chair" | "runoff_tied";

/** The run-off's own tally: the same Schulze reading as the ballot, among the tied only. */
export interface RunoffTally {
  candidates: string[];
  places: number;
  ballots: number;
  result: Pick<SchulzeResult, "order" | "ties" | "pairwise" | "strongestPaths"> | null;
  excluded: { jurorId: string; applicationIds: string[] }[];
}

export interface TieBreakOutcome {
  rule: TieBreakRule;
  commitment: string;
  chosenAt: Date;
  /** Revealed once the outcome is final (no tie, tie settled, or the decision recorded). */
  seed: string | null;
  status: TieBreakStatus;
  tie: CutOffTie | null;
  settledBy: TieBreakRule | null;
  fallback: TieBreakFallback | null;
  winners: string[] | null;
  /** The lottery, when it settled anything: tickets of the tied in drawn order. */
  lottery: { id: string; reference: string; ticket: string }[] | null;
  cast: { ids: string[]; at: Date } | null;
  runoff: RunoffTally | null;
  /** The vote's order with the cut-off tie settled (the order as voted while it is not). */
  order: string[];
}

/** The applications' public references: the names the lottery draws. */
export function referencesOf(ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db()
      .select({ id: applications.id, reference: applications.reference })
      .from(applications)
      .where(inArray(applications.id, ids))
      .all()
      .map((a) => [a.id, a.reference]),
  );
}

/** The first `places` of the tied by the lottery, with the tickets (names are public references). */
function byLottery(ids: string[], places: number, seed: string) {
  const refs = referencesOf(ids);
  const byRef = new Map(ids.map((id) => [refs.get(id) ?? id, id]));
  const draw = lotteryDraw([...byRef.keys()], seed).map((t) => ({
    id: byRef.get(t.name)!,
    reference: t.name,
    ticket: t.ticket,
  }));
  return { winners: draw.slice(0, places).map((t) => t.id), draw };
}

export function runoffTally({ row }: { row: TieBreakRow }): RunoffTally | null {
  if (!row.runoff || !row.runoffPlaces) return null;
  const candidates = [...row.runoff].sort();
  const rows = db()
    .select({ jurorId: runoffBallots.jurorId, ranking: runoffBallots.ranking })
    .from(runoffBallots)
    .where(eq(runoffBallots.tieBreakId, row.id))
    .orderBy(asc(runoffBallots.jurorId))
    .all();
  const { result, excluded } = schulzeWithoutConflicts({ rows, candidates });
  return {
    candidates,
    places: row.runoffPlaces,
    ballots: rows.length,
    result,
    excluded,
  };
}

/** Whether the chair may cast the deciding vote on this tie: seated, and in conflict with none of the tied. */
export function chairMayCast({ editionId, tie }: { editionId: string; tie: CutOffTie }) {
  const chair = seatedChair({ editionId });
  if (!chair) return { chairId: null, fallback: "no_chair" as const };
  const conflicted = conflictsOf({ memberIds: [chair.id] }).get(chair.id);
  if (tie.tied.some((id) => conflicted?.has(id))) return { chairId: chair.id, fallback: "chair_conflicted" as const };
  return { chairId: chair.id, fallback: null };
}

/**
 * How the rule acts on a closed ballot's outcome: which tie it found at the cut-off, whether it
 * still waits for the chair or a run-off, who takes the places, and the order that follows.
 * Null when no rule was fixed (a deliberation opened before rules existed).
 */
export function tieBreakOutcome({
  editionId,
  outcome,
  laureates,
  closed,
  decided,
}: {
  editionId: string;
  outcome: VotedOrder;
  laureates: number;
  closed: boolean;
  decided: boolean;
}): TieBreakOutcome | null {
  const row = getTieBreak({ editionId });
  if (!row) return null;
  const base = {
    rule: row.rule,
    commitment: row.commitment,
    chosenAt: row.chosenAt,
    settledBy: null,
    fallback: null,
    winners: null,
    lottery: null,
    cast: row.cast && row.castAt ? { ids: row.cast, at: row.castAt } : null,
    runoff: null,
    order: outcome.order,
  };
  if (!closed) return { ...base, seed: null, status: "ballot_open", tie: null };
  // Opened once, when first needed (a settled lottery needs it twice: to draw, then to reveal).
  let opened: string | undefined;
  const seed = () => (opened ??= tieBreakSeed(row));
  const tie = tieAtCutOff(outcome, laureates);
  if (!tie) return { ...base, seed: seed(), status: "no_tie", tie: null };
  const settled = (
    settledBy: TieBreakRule,
    winners: string[],
    extra: Partial<TieBreakOutcome> = {},
  ): TieBreakOutcome => {
    let order = outcome.order;
    try {
      order = settleCutOffTie(outcome.order, tie, winners);
    } catch {
      // The tie the chair or the run-off settled is no longer the vote's (a conflict recorded
      // since): the settlement is reported, the order stays as voted.
    }
    return { ...base, seed: seed(), status: "settled", tie, settledBy, winners, order, ...extra };
  };
  const lottery = (fallback: TieBreakFallback | null) => {
    const { winners, draw } = byLottery(tie.tied, tie.places, seed());
    return settled("lottery", winners, { lottery: draw, fallback });
  };
  const pending = (status: TieBreakStatus, extra: Partial<TieBreakOutcome> = {}): TieBreakOutcome => ({
    ...base,
    seed: decided ? seed() : null,
    status: decided ? "unsettled" : status,
    tie,
    ...extra,
  });
  if (row.rule === "lottery") return lottery(null);
  if (row.rule === "chair") {
    const may = chairMayCast({ editionId, tie });
    if (may.fallback) return lottery(may.fallback);
    if (row.cast && row.cast.length === tie.places && row.cast.every((id) => tie.tied.includes(id)))
      return settled("chair", row.cast);
    return pending("awaiting_cast");
  }
  const runoff = runoffTally({ row });
  if (!runoff) return pending("unsettled");
  if (!row.runoffClosedAt) return pending("runoff_open", { runoff });
  const voted = runoff.result ?? { order: runoff.candidates, ties: [runoff.candidates] };
  const again = runoff.candidates.length > runoff.places ? cutOffTie(voted, runoff.places) : null;
  if (!again) return settled("jury", voted.order.slice(0, runoff.places), { runoff });
  const { winners, draw } = byLottery(again.tied, again.places, seed());
  return settled("jury", [...again.above, ...winners], { runoff, lottery: draw, fallback: "runoff_tied" });
}

/** A tie-break still waiting for the chair or the run-off: the recommendation waits too. */
export function tieBreakPending(outcome: TieBreakOutcome | null): boolean {
  return outcome?.status === "awaiting_cast" || outcome?.status === "runoff_open";
}
