import { eq, notInArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, assignments, conflicts, editions as editionsTable, outbox, reviews } from "../../../db/schema";
import { nextDate, secretariatAttention } from "../../../app/editions/server/home.server";
import * as homePage from "../../../app/routes/secretariat._index";
import { setEdition } from "../../fixtures/nominations";
import { publishPair } from "../../fixtures/jury";
import { cookieFor, request, run } from "../../fixtures/builders";
import { args, scenario, type Scenario } from "../../fixtures/jury-routes";

const DAY = 864e5;

function propose(s: Scenario, juror: number, application: number, status = "proposed") {
  db()
    .insert(conflicts)
    .values({
      editionId: s.editionId,
      jurorId: s.jurors[juror].memberId,
      applicationId: s.applications[application].id,
      source: "same_country",
      status,
      dismissedAt: status === "dismissed" ? new Date() : null,
    })
    .run();
}

function nominated(s: Scenario, n: number) {
  for (let i = 0; i < n; i++)
    db()
      .insert(applications)
      .values({
        reference: `N-${s.year}-${i}`,
        editionId: s.editionId,
        applicantId: s.applicantId,
        state: "nominated",
        language: "en",
        title: `Nominated ${i}`,
        organisation: "Org",
        country: "FR",
      })
      .run();
}

const attentionOf = async (editionId: string) =>
  (await secretariatAttention()).editions.find((e) => e.id === editionId);

describe("the secretariat's home: what waits now", () => {
  it("shows the three editions in progress created last, and counts the others it leaves to the list", async () => {
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await scenario());
    const { editions, more } = await secretariatAttention();
    expect(editions.map((e) => e.id)).toEqual(
      made
        .slice(1)
        .reverse()
        .map((s) => s.editionId),
    );
    const active = db()
      .select({ id: editionsTable.id })
      .from(editionsTable)
      .where(notInArray(editionsTable.phase, ["announced", "archived"]))
      .all();
    expect(more).toBe(active.length - 3);
    expect(more).toBeGreaterThanOrEqual(1);
  });

  it("counts each edition's late jurors, proposed conflicts and applications to screen, without mixing editions", async () => {
    // Scoring closes in two days: the reminder window (three days) is open, so open reviews are late.
    const scoring = await scenario({ scoringClosesInDays: 2 });
    publishPair(db(), scoring.editionId, scoring.jurors[0].memberId, scoring.applications[0].id);
    const done = publishPair(db(), scoring.editionId, scoring.jurors[1].memberId, scoring.applications[1].id);
    db().update(reviews).set({ state: "submitted", submittedAt: new Date() }).where(eq(reviews.id, done)).run();
    propose(scoring, 2, 0);
    propose(scoring, 2, 1);
    propose(scoring, 2, 2, "dismissed");
    nominated(scoring, 4); // left over in a locked screening: not counted once scoring has opened

    const screening = await scenario();
    setEdition(screening.editionId, { phase: "screening", scoringOpensAt: new Date(Date.now() + 5 * DAY) });
    nominated(screening, 2);
    propose(screening, 0, 0);
    db()
      .insert(assignments)
      .values({
        editionId: screening.editionId,
        jurorId: screening.jurors[0].memberId,
        applicationId: screening.applications[0].id,
      })
      .run();

    expect(await attentionOf(scoring.editionId)).toMatchObject({
      phase: "scoring",
      screening: 0,
      conflicts: 2,
      late: 1,
      next: { key: "scoring_closes", past: false },
      step: { key: "follow_scoring", to: `/secretariat/editions/${scoring.editionId}/progress` },
    });
    expect(await attentionOf(screening.editionId)).toMatchObject({
      phase: "screening",
      screening: 2,
      conflicts: 1,
      late: 0,
      next: { key: "scoring_opens", past: false },
      step: { key: "publish_assignment", to: `/secretariat/editions/${screening.editionId}/assignment` },
    });
  });

  it("says zero when nothing waits, and leaves out announced and archived editions", async () => {
    const quiet = await scenario();
    expect(await attentionOf(quiet.editionId)).toMatchObject({
      screening: 0,
      conflicts: 0,
      late: 0,
      step: { key: "prepare_assignment" },
    });
    const announced = await scenario();
    setEdition(announced.editionId, { phase: "announced" });
    const archived = await scenario();
    setEdition(archived.editionId, { phase: "archived" });
    expect(await attentionOf(announced.editionId)).toBeUndefined();
    expect(await attentionOf(archived.editionId)).toBeUndefined();
  });

  it("the next step follows the phase: scoring closed with reviews published leads to the deliberation", async () => {
    const closed = await scenario({ scoringClosesInDays: -1 });
    publishPair(db(), closed.editionId, closed.jurors[0].memberId, closed.applications[0].id);
    expect(await attentionOf(closed.editionId)).toMatchObject({
      late: 1,
      next: { key: "scoring_closes", past: true },
      step: { key: "open_deliberation", to: `/secretariat/editions/${closed.editionId}/deliberation` },
    });
    setEdition(closed.editionId, { phase: "draft" });
    expect((await attentionOf(closed.editionId))?.step).toEqual({
      key: "open_call",
      to: `/secretariat/editions/${closed.editionId}/phase?to=call_open`,
    });
  });

  it("counts the e-mails still pending after a failed attempt, not those sent or not tried yet", async () => {
    const before = (await secretariatAttention()).failingMail;
    const message = { toAddress: "a@example.org", locale: "en", template: "t", subject: "S", textBody: "B" };
    db()
      .insert(outbox)
      .values([
        { ...message, attempts: 2, lastError: "451", nextAttemptAt: new Date(Date.now() + 60_000) },
        { ...message, attempts: 1, state: "sent", sentAt: new Date(), nextAttemptAt: new Date() },
        { ...message, attempts: 0, nextAttemptAt: new Date(Date.now() + 60_000) },
      ])
      .run();
    expect((await secretariatAttention()).failingMail).toBe(before + 1);
  });

  it("the next date is the first of the phase still to come, else the last one marked passed", () => {
    const at = (days: number) => new Date(Date.UTC(2026, 0, 10) + days * DAY);
    const dates = {
      callOpensAt: at(-10),
      deadlineAt: at(5),
      scoringOpensAt: at(10),
      scoringClosesAt: at(20),
      announcementAt: at(40),
    };
    const now = at(0);
    expect(nextDate("draft", dates, now)).toEqual({ key: "call_closes", at: at(5).getTime(), past: false });
    expect(nextDate("screening", dates, at(12))).toEqual({ key: "scoring_closes", at: at(20).getTime(), past: false });
    expect(nextDate("call_open", dates, at(6))).toEqual({ key: "call_closes", at: at(5).getTime(), past: true });
    expect(nextDate("announced", dates, now)).toBeNull();
  });

  it("the home page's loader gives the secretariat the list and answers 404 to anyone else", async () => {
    const s = await scenario();
    const page = await run(() => homePage.loader(args(request("/secretariat", { cookie: s.staffCookie }))));
    expect(page.status).toBe(200);
    expect((page.body as { active: { id: string }[] }).active.map((e) => e.id)).toContain(s.editionId);
    const cookie = await cookieFor(s.jurors[0].userId);
    const juror = await run(() => homePage.loader(args(request("/secretariat", { cookie }))));
    expect(juror.status).toBe(404);
  });

  it("the home lists the ten latest editions in year order and leaves the rest to the editions page", async () => {
    let s = await scenario();
    while (db().select({ id: editionsTable.id }).from(editionsTable).all().length < 11) s = await scenario();
    const page = await run(() => homePage.loader(args(request("/secretariat", { cookie: s.staffCookie }))));
    const listed = (page.body as { editions: { year: number }[] }).editions.map((e) => e.year);
    const years = db()
      .select({ year: editionsTable.year })
      .from(editionsTable)
      .all()
      .map((e) => e.year)
      .sort((a, b) => a - b);
    expect(listed).toEqual(years.slice(-10));
  });
});
