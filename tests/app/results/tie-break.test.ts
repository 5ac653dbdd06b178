import { createHash } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, ballots, deliberations, tieBreaks } from "../../../db/schema";
import { closeBallot, openDeliberation } from "../../../app/results/models/deliberation.server";
import { getEditionBrief } from "../../../app/results/models/results.server";
import {
  chooseTieBreak,
  getTieBreak,
  tieBreakOutcome,
  tieBreakSeed,
  writeTieBreakRule,
} from "../../../app/results/models/tie-break.server";
import { currentTieBreak } from "../../../app/results/models/tie-break-votes.server";
import { buildScoredEdition } from "../../fixtures/results";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
type Fixture = Awaited<ReturnType<typeof buildScoredEdition>>;

function auditOf(editionId: string, ...actions: string[]) {
  return db()
    .select()
    .from(auditLog)
    .where(inArray(auditLog.action, actions))
    .orderBy(asc(auditLog.id))
    .all()
    .filter((a) => a.objectId === editionId)
    .map((a) => ({ id: a.id, action: a.action, details: JSON.parse(a.details) as Record<string, unknown> }));
}

/** Opens the ballot on the four best applications under `rule`. */
function open(f: Fixture, rule: unknown = "lottery") {
  return openDeliberation({
    edition: getEditionBrief({ editionId: f.edition.id })!,
    actorId: f.secretariat.id,
    shortlist: f.apps.slice(0, 4).map((a) => a.app.id),
    rule,
  });
}

/** Ballots of jurors 0, 2 and 3 (each a ranking of application indexes), written straight in. */
function castBallots(f: Fixture, orders: [juror: number, apps: number[]][]) {
  const deliberation = db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()!;
  for (const [j, order] of orders)
    db()
      .insert(ballots)
      .values({
        deliberationId: deliberation.id,
        jurorId: f.jurors[j].member.id,
        ranking: order.map((a) => [f.apps[a].app.id]),
        submittedAt: new Date(),
      })
      .run();
}

describe("the tie-break rule", () => {
  it("is fixed with a server-drawn seed of which only the SHA-256 is audited, and changes keep that seed", async () => {
    // While scoring is open: the early choice.
    const f = await buildScoredEdition({ scoringClosesInDays: 1 });
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    expect(chooseTieBreak({ edition, actorId: f.secretariat.id, rule: "chair" })).toEqual({ ok: true });
    const first = getTieBreak({ editionId: f.edition.id })!;
    const seed = tieBreakSeed(first);
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(first.commitment).toBe(sha256(seed));
    expect(chooseTieBreak({ edition, actorId: f.secretariat.id, rule: "lottery" })).toEqual({ ok: true });
    const second = getTieBreak({ editionId: f.edition.id })!;
    expect(second).toMatchObject({ rule: "lottery", seed: first.seed, commitment: first.commitment });
    const audit = auditOf(f.edition.id, "tie_break.chosen", "tie_break.changed");
    expect(audit.map((a) => a.action)).toEqual(["tie_break.chosen", "tie_break.changed"]);
    expect(audit[0].details).toEqual({ rule: "chair", commitment: first.commitment });
    expect(audit[1].details).toEqual({ from: "chair", to: "lottery", commitment: first.commitment });
    expect(JSON.stringify(audit)).not.toContain(seed);
  });

  it("choosing the same rule again changes nothing and writes no audit row", async () => {
    // While scoring is open: the early choice.
    const f = await buildScoredEdition({ scoringClosesInDays: 1 });
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    chooseTieBreak({ edition, actorId: f.secretariat.id, rule: "jury" });
    chooseTieBreak({ edition, actorId: f.secretariat.id, rule: "jury" });
    expect(auditOf(f.edition.id, "tie_break.chosen", "tie_break.changed")).toHaveLength(1);
  });

  it("an unknown rule is refused", async () => {
    const f = await buildScoredEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    expect(chooseTieBreak({ edition, actorId: f.secretariat.id, rule: "coin" })).toMatchObject({
      ok: false,
      error: "errors.tie_break_required",
    });
    expect(open(f, null)).toMatchObject({ ok: false, field: "tieBreak", error: "errors.tie_break_required" });
    expect(db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()).toBeUndefined();
  });

  it("is written and audited before the ballot opens, in the transaction that opens it", async () => {
    const f = await buildScoredEdition();
    expect(open(f, "lottery")).toEqual({ ok: true });
    const row = getTieBreak({ editionId: f.edition.id })!;
    const audit = auditOf(f.edition.id, "tie_break.chosen", "deliberation.opened");
    expect(audit.map((a) => a.action)).toEqual(["tie_break.chosen", "deliberation.opened"]);
    expect(audit[1].details.tieBreak).toEqual({ rule: "lottery", commitment: row.commitment });
  });

  it("cannot change once the ballot is open: the server refuses, and so does the database", async () => {
    const f = await buildScoredEdition();
    open(f, "chair");
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const before = getTieBreak({ editionId: f.edition.id })!;
    expect(chooseTieBreak({ edition, actorId: f.secretariat.id, rule: "lottery" })).toMatchObject({
      ok: false,
      field: "tieBreak",
      error: "errors.tie_break_locked",
    });
    expect(() => db().update(tieBreaks).set({ rule: "lottery" }).where(eq(tieBreaks.id, before.id)).run()).toThrow(
      /cannot change once the ballot is open/,
    );
    expect(() =>
      db()
        .update(tieBreaks)
        .set({ seed: "0".repeat(64), commitment: sha256("0".repeat(64)) })
        .where(eq(tieBreaks.id, before.id))
        .run(),
    ).toThrow(/seed cannot change/);
    expect(getTieBreak({ editionId: f.edition.id })).toEqual(before);
  });

  it("cannot be chosen early once scoring has closed, by its phase or by its date: the opening form chooses it", async () => {
    const f = await buildScoredEdition({ phase: "decided" });
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    expect(chooseTieBreak({ edition, actorId: f.secretariat.id, rule: "jury" })).toMatchObject({
      error: "errors.tie_break_at_opening",
    });
    // Still in the scoring phase, its closing date past (the fixture's): a rule fixed before stands.
    const g = await buildScoredEdition();
    const scoring = getEditionBrief({ editionId: g.edition.id })!;
    expect(chooseTieBreak({ edition: scoring, actorId: g.secretariat.id, rule: "jury" })).toMatchObject({
      error: "errors.tie_break_at_opening",
    });
    db().transaction((tx) =>
      writeTieBreakRule(tx, { editionId: g.edition.id, actorId: g.secretariat.id, rule: "chair" }),
    );
    expect(chooseTieBreak({ edition: scoring, actorId: g.secretariat.id, rule: "jury" })).toMatchObject({
      error: "errors.tie_break_fixed",
    });
    expect(getTieBreak({ editionId: g.edition.id })!.rule).toBe("chair");
    expect(db().select().from(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).get()).toBeUndefined();
  });
});

describe("the rule at work", () => {
  it("keeps the seed hidden while the ballot is open and reveals it once the vote leaves no tie", async () => {
    const f = await buildScoredEdition();
    open(f, "lottery");
    castBallots(f, [
      [0, [0, 1, 2, 3]],
      [2, [0, 1, 2, 3]],
    ]);
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    expect(currentTieBreak({ edition })).toMatchObject({ status: "ballot_open", seed: null });
    expect(closeBallot({ editionId: f.edition.id, actorId: f.chair.user.id })).toEqual({ ok: true });
    const after = currentTieBreak({ edition })!;
    expect(after).toMatchObject({
      status: "no_tie",
      tie: null,
      seed: tieBreakSeed(getTieBreak({ editionId: f.edition.id })!),
    });
  });

  it("a lottery orders a tie at the cut-off by SHA-256 of seed and reference, smallest ticket first", async () => {
    const f = await buildScoredEdition();
    open(f, "lottery");
    // Application 0 beats everyone, 3 loses to everyone; 1 and 2 split the two ballots.
    castBallots(f, [
      [0, [0, 1, 2, 3]],
      [2, [0, 2, 1, 3]],
    ]);
    closeBallot({ editionId: f.edition.id, actorId: f.chair.user.id });
    const tb = currentTieBreak({ edition: getEditionBrief({ editionId: f.edition.id })! })!;
    const seed = tieBreakSeed(getTieBreak({ editionId: f.edition.id })!);
    const tickets = [1, 2]
      .map((a) => ({ id: f.apps[a].app.id, ticket: sha256(`${seed}:${f.apps[a].app.reference}`) }))
      .sort((x, y) => (x.ticket < y.ticket ? -1 : 1));
    expect(tb).toMatchObject({
      status: "settled",
      settledBy: "lottery",
      seed,
      tie: { tied: [f.apps[1].app.id, f.apps[2].app.id].sort(), places: 1 },
      winners: [tickets[0].id],
    });
    expect(tb.lottery!.map((t) => t.ticket)).toEqual(tickets.map((t) => t.ticket));
    expect(tb.order.slice(0, 2)).toEqual([f.apps[0].app.id, tickets[0].id]);
  });

  it("a deliberation opened before rules existed has no tie-break outcome", async () => {
    const f = await buildScoredEdition();
    open(f, "jury");
    db().delete(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).run();
    expect(
      tieBreakOutcome({
        editionId: f.edition.id,
        outcome: { ballots: 1, order: ["a", "b"], ties: [] },
        laureates: 1,
        closed: true,
        decided: false,
      }),
    ).toBeNull();
  });
});
