// The decision when an edition ran ahead of its plan: the planned dates that came later than the
// audited phase changes move back to them in the decision's transaction, or the announcement is
// refused with a field error when they still cannot be put in order.
import { and, count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, decisions, editions } from "../../../db/schema";
import { writeAudit } from "../../../app/kernel/models/audit.server";
import { translate } from "../../../app/kernel/i18n";
import { catalogues } from "../../../app/kernel/i18n/locale.server";
import { buildScoredEdition, decide } from "../../fixtures/results";

describe("a decision when the edition ran ahead of its plan", () => {
  it("when scoring closed early (phase moved past scoring), an announcement before the planned close moves the close back to the phase change, audited, in the decision's transaction", async () => {
    const f = await buildScoredEdition({ phase: "deliberation" });
    const plannedClose = new Date(Date.now() + 10 * 864e5);
    const phaseLeftScoring = new Date(Date.now() - 2 * 3600e3);
    db().update(editions).set({ scoringClosesAt: plannedClose }).where(eq(editions.id, f.edition.id)).run();
    writeAudit({
      actorId: f.secretariat.id,
      action: "edition.phase_changed",
      objectType: "edition",
      objectId: f.edition.id,
      details: { from: "scoring", to: "deliberation" },
      at: phaseLeftScoring,
    });
    const res = await decide(f, new Date(Date.now() + 3600e3));
    expect(res.status).toBe(302);
    const edition = db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!;
    expect(edition.phase).toBe("decided");
    expect(edition.scoringClosesAt.getTime()).toBe(phaseLeftScoring.getTime());
    const moved = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, f.edition.id), eq(auditLog.action, "edition.scoring_close_moved")))
      .all();
    expect(moved).toHaveLength(1);
    expect(JSON.parse(moved[0].details)).toMatchObject({
      from: plannedClose.toISOString(),
      to: phaseLeftScoring.toISOString(),
    });
  });

  it("when the whole edition ran ahead of its plan, every planned date that came later than its phase change moves back to it, in order, audited once", async () => {
    // Scoring opened and closed before it was even due to open: the phase changes say when.
    const f = await buildScoredEdition({ phase: "deliberation" });
    const now = Date.now();
    const planned = { scoringOpensAt: new Date(now + 5 * 864e5), scoringClosesAt: new Date(now + 10 * 864e5) };
    db().update(editions).set(planned).where(eq(editions.id, f.edition.id)).run();
    const before = db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!;
    const entered = new Date(now - 3 * 3600e3);
    const left = new Date(now - 2 * 3600e3);
    for (const [details, at] of [
      [{ from: "screening", to: "scoring" }, entered],
      [{ from: "scoring", to: "deliberation" }, left],
    ] as const)
      writeAudit({
        actorId: f.secretariat.id,
        action: "edition.phase_changed",
        objectType: "edition",
        objectId: f.edition.id,
        details,
        at,
      });
    expect((await decide(f, new Date(now + 3600e3))).status).toBe(302);
    const after = db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!;
    expect({
      opens: after.scoringOpensAt.getTime(),
      closes: after.scoringClosesAt.getTime(),
      deadline: after.deadlineAt.getTime(),
    }).toEqual({ opens: entered.getTime(), closes: left.getTime(), deadline: before.deadlineAt.getTime() });
    const moved = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, f.edition.id), eq(auditLog.action, "edition.scoring_close_moved")))
      .all();
    expect(moved.map((m) => JSON.parse(m.details))).toEqual([
      {
        from: planned.scoringClosesAt.toISOString(),
        to: left.toISOString(),
        moved: {
          scoringOpensAt: { from: planned.scoringOpensAt.toISOString(), to: entered.toISOString() },
          scoringClosesAt: { from: planned.scoringClosesAt.toISOString(), to: left.toISOString() },
        },
        reason: "scoring closed early",
      },
    ]);
  });

  it("an announcement before the planned scoring close that cannot be reconciled is a translated field error naming the close, not a 500, with nothing written", async () => {
    // The phase left scoring before scoring was even due to open: no real close fits the dates.
    const f = await buildScoredEdition({ phase: "deliberation" });
    const now = Date.now();
    db()
      .update(editions)
      .set({ scoringOpensAt: new Date(now + 5 * 864e5), scoringClosesAt: new Date(now + 10 * 864e5) })
      .where(eq(editions.id, f.edition.id))
      .run();
    const auditBefore = db().select({ n: count() }).from(auditLog).get()!.n;
    const res = await decide(f, new Date(now + 3600e3));
    expect(res).toMatchObject({
      status: 400,
      body: {
        errors: {
          announcementAt: {
            message: "errors.announcement_before_scoring_close",
            vars: { close: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) },
          },
        },
      },
    });
    expect(
      db()
        .select({ n: count() })
        .from(decisions)
        .where(and(eq(decisions.editionId, f.edition.id), isNotNull(decisions.decidedAt)))
        .get()!.n,
    ).toBe(0);
    expect(db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!.phase).toBe("deliberation");
    expect(db().select({ n: count() }).from(auditLog).get()!.n).toBe(auditBefore);
    for (const locale of ["en", "fr", "ar"] as const)
      expect(
        translate(catalogues[locale], "errors.announcement_before_scoring_close", { close: "2030-01-01 10:00" }),
      ).toContain("2030-01-01 10:00");
  });
});
