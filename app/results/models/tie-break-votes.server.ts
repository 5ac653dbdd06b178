// The votes that settle a tie at the laureate cut-off under the rule fixed before the ballot: the
// chair's casting vote, and the jury's run-off ballot among the tied (closed by the chair or the
// secretariat). Each is a state change with its audit row in the same transaction.
import { and, asc, eq, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { decisions, runoffBallots, tieBreaks } from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import { fail, type Failure } from "../../kernel/models/result.server";
import { conflictsOf } from "./conflicted-ballots.server";
import { deliberationOutcome, getDeliberation, rankingOf, type PostedBallot } from "./deliberation.server";
import type { EditionBrief } from "./results.server";
import { chairMayCast, getTieBreak, referencesOf, tieBreakOutcome } from "./tie-break.server";

function decided(editionId: string): boolean {
  return !!db().select({ at: decisions.decidedAt }).from(decisions).where(eq(decisions.editionId, editionId)).get()?.at;
}

/** The tie-break as it stands for this edition (null when there is no closed ballot or no rule). */
export function currentTieBreak({ edition }: { edition: Pick<EditionBrief, "id" | "laureateCount"> }) {
  const deliberation = getDeliberation({ editionId: edition.id });
  const outcome = deliberationOutcome({ editionId: edition.id });
  if (!deliberation || !outcome) return null;
  return tieBreakOutcome({
    editionId: edition.id,
    outcome,
    laureates: edition.laureateCount,
    closed: deliberation.closedAt !== null,
    decided: decided(edition.id),
  });
}

/** The chair gives the remaining laureate places to `chosen` among the tied applications. */
export function castDecidingVote({
  edition,
  actorId,
  memberId,
  chosen,
}: {
  edition: EditionBrief;
  actorId: string;
  memberId: string;
  chosen: string[];
}): { ok: true } | Failure {
  const state = currentTieBreak({ edition });
  if (state?.status !== "awaiting_cast" || !state.tie)
    return { ok: false, field: "cast", error: "errors.tie_break_not_now" };
  const tie = state.tie;
  if (chairMayCast({ editionId: edition.id, tie }).chairId !== memberId)
    return { ok: false, field: "cast", error: "errors.tie_break_not_now" };
  const unique = [...new Set(chosen)];
  if (unique.some((id) => !tie.tied.includes(id)))
    return { ok: false, field: "cast", error: "errors.cast_choice_invalid" };
  if (unique.length !== tie.places)
    return { ok: false, field: "cast", error: "errors.cast_count", vars: { count: tie.places } };
  const row = getTieBreak({ editionId: edition.id })!;
  const written = db().transaction((tx) => {
    const changes = tx
      .update(tieBreaks)
      .set({ cast: unique, castBy: actorId, castAt: new Date() })
      .where(and(eq(tieBreaks.id, row.id), isNull(tieBreaks.castAt)))
      .run().changes;
    if (changes !== 1) return false;
    writeAudit(
      {
        actorId,
        action: "tie_break.cast",
        objectType: "edition",
        objectId: edition.id,
        details: { tied: tie.tied, places: tie.places, chosen: unique },
      },
      tx,
    );
    return true;
  });
  return written ? { ok: true } : { ok: false, field: "cast", error: "errors.tie_break_not_now" };
}

/** The run-off applications a juror may rank: the tied minus their conflicts. */
export function runoffCandidatesFor({ editionId, memberId }: { editionId: string; memberId?: string }) {
  const row = getTieBreak({ editionId });
  if (!row?.runoff || !row.runoffOpenedAt) return null;
  const conflicted = memberId ? conflictsOf({ memberIds: [memberId] }).get(memberId) : undefined;
  return {
    row,
    open: row.runoffClosedAt === null,
    candidates: row.runoff.filter((id) => !conflicted?.has(id)),
  };
}

/** Records (or replaces) a juror's run-off ballot: each application of the run-off they may rank, and nothing else. */
export function submitRunoffBallot({ editionId, memberId, actorId, ranks }: PostedBallot): { ok: true } | Failure {
  const runoff = runoffCandidatesFor({ editionId, memberId });
  if (!runoff?.open || decided(editionId)) return fail("runoff", "errors.runoff_closed");
  const checked = rankingOf(ranks, runoff.candidates, "runoff");
  if (!checked.ok) return checked;
  // A juror in conflict with every application of the run-off has nothing to rank.
  if (checked.ranking.length === 0) return fail("runoff", "errors.ballot_incomplete");
  const { ranking } = checked;
  db().transaction((tx) => {
    const existing = tx
      .select({ id: runoffBallots.id })
      .from(runoffBallots)
      .where(and(eq(runoffBallots.tieBreakId, runoff.row.id), eq(runoffBallots.jurorId, memberId)))
      .get();
    if (existing)
      tx.update(runoffBallots).set({ ranking, submittedAt: new Date() }).where(eq(runoffBallots.id, existing.id)).run();
    else
      tx.insert(runoffBallots)
        .values({ tieBreakId: runoff.row.id, jurorId: memberId, ranking, submittedAt: new Date() })
        .run();
    // As for the ballot: who voted is recorded, never how.
    writeAudit(
      {
        actorId,
        action: existing ? "runoff_ballot.replaced" : "runoff_ballot.submitted",
        objectType: "edition",
        objectId: editionId,
        details: { jurorId: memberId },
      },
      tx,
    );
  });
  return { ok: true };
}

export function ownRunoffBallot({ editionId, memberId }: { editionId: string; memberId: string }) {
  const row = getTieBreak({ editionId });
  if (!row?.runoffOpenedAt) return null;
  return (
    db()
      .select({ ranking: runoffBallots.ranking })
      .from(runoffBallots)
      .where(and(eq(runoffBallots.tieBreakId, row.id), eq(runoffBallots.jurorId, memberId)))
      .get() ?? null
  );
}

/** Who has cast a run-off ballot (never how). */
export function runoffVoters({ editionId }: { editionId: string }): Set<string> {
  const row = getTieBreak({ editionId });
  if (!row?.runoffOpenedAt) return new Set();
  return new Set(
    db()
      .select({ jurorId: runoffBallots.jurorId })
      .from(runoffBallots)
      .where(eq(runoffBallots.tieBreakId, row.id))
      .all()
      .map((b) => b.jurorId),
  );
}

export function closeRunoff({ editionId, actorId }: { editionId: string; actorId: string }): { ok: true } | Failure {
  const row = getTieBreak({ editionId });
  if (!row?.runoffOpenedAt || row.runoffClosedAt) return { ok: false, field: "confirm", error: "errors.runoff_closed" };
  const count = runoffVoters({ editionId }).size;
  if (count === 0) return { ok: false, field: "confirm", error: "errors.ballot_no_votes" };
  db().transaction((tx) => {
    tx.update(tieBreaks)
      .set({ runoffClosedAt: new Date() })
      .where(and(eq(tieBreaks.id, row.id), isNull(tieBreaks.runoffClosedAt)))
      .run();
    writeAudit(
      {
        actorId,
        action: "tie_break.runoff_closed",
        objectType: "edition",
        objectId: editionId,
        details: { ballots: count },
      },
      tx,
    );
  });
  return { ok: true };
}

/**
 * The tally and the tie-break as the decision snapshot freezes them: the Schulze counts and
 * strongest paths, the Borda shares beside, the tie groups, who a conflict kept out of which
 * comparisons, the candidates' references (the names the lottery draws), and the rule with its
 * commitment and its seed (revealed: the decision makes the outcome final), what settled the tie
 * and the run-off's ballots: all `npm run scoring -- verify` needs to count them again.
 */
export function deliberationRecord({ edition }: { edition: Pick<EditionBrief, "id" | "laureateCount"> }) {
  const outcome = deliberationOutcome({ editionId: edition.id });
  if (!outcome) return { tally: null, tieBreak: null };
  const tb = tieBreakOutcome({
    editionId: edition.id,
    outcome,
    laureates: edition.laureateCount,
    closed: true,
    decided: true,
  });
  const row = getTieBreak({ editionId: edition.id });
  const runoffRows =
    row?.runoffOpenedAt && tb?.runoff
      ? db()
          .select({
            jurorId: runoffBallots.jurorId,
            ranking: runoffBallots.ranking,
            submittedAt: runoffBallots.submittedAt,
          })
          .from(runoffBallots)
          .where(eq(runoffBallots.tieBreakId, row.id))
          .orderBy(asc(runoffBallots.jurorId))
          .all()
      : [];
  return {
    tally: {
      method: "schulze",
      ballots: outcome.ballots,
      candidates: outcome.candidates,
      order: tb?.order ?? outcome.order,
      ties: outcome.ties,
      pairwise: outcome.pairwise,
      strongestPaths: outcome.strongestPaths,
      excluded: outcome.excluded,
      wins: outcome.wins,
      borda: outcome.borda,
      references: Object.fromEntries(referencesOf(outcome.candidates)),
    },
    tieBreak: tb
      ? {
          rule: tb.rule,
          commitment: tb.commitment,
          seed: tb.seed,
          chosenAt: tb.chosenAt,
          status: tb.status,
          tie: tb.tie,
          settledBy: tb.settledBy,
          fallback: tb.fallback,
          winners: tb.winners,
          lottery: tb.lottery,
          cast: tb.cast,
          runoff: tb.runoff
            ? {
                candidates: tb.runoff.candidates,
                places: tb.runoff.places,
                ballots: runoffRows,
                order: tb.runoff.result?.order ?? null,
                ties: tb.runoff.result?.ties ?? null,
                pairwise: tb.runoff.result?.pairwise ?? null,
                strongestPaths: tb.runoff.result?.strongestPaths ?? null,
                excluded: tb.runoff.excluded,
                openedAt: row?.runoffOpenedAt ?? null,
                closedAt: row?.runoffClosedAt ?? null,
              }
            : null,
        }
      : null,
  };
}
