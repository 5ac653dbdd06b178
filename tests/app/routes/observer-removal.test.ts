import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, decisions, editionObservers, invitations, outbox } from "../../../db/schema";
import * as editionPage from "../../../app/routes/secretariat.editions.$editionId._index";
import * as observe from "../../../app/routes/observe.$editionId._index";
import * as observeAudit from "../../../app/routes/observe.$editionId.audit";
import { getEditionBrief, recordDecision } from "../../../app/results/models/decision.server";
import { saveObserverNote } from "../../../app/results/models/observer.server";
import { cookieFor, makeEdition, makeUser, request, run } from "../../fixtures/builders";
import { buildAuditedEdition } from "../../fixtures/integrity";
import { renderPage } from "../../support/render-page";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

async function makeObserver(editionId: string, locale = "en") {
  const user = await makeUser({ roles: [], locale });
  const row = db().insert(editionObservers).values({ editionId, userId: user.id }).returning().get();
  return { user, row, cookie: await cookieFor(user.id) };
}

function makeObserverInvitation(editionId: string, name = "Ines Invited") {
  return db()
    .insert(invitations)
    .values({
      tokenHash: `hash-${Math.random()}`,
      email: `invited-${Date.now()}-${Math.random()}@example.org`,
      name,
      role: "observer",
      editionId,
      expiresAt: new Date(Date.now() + 864e5),
    })
    .returning()
    .get();
}

type Page = {
  observers: { id: string; name: string; noteFiledAt: number | null }[];
  pending: { id: string; name: string }[];
  removing: { id: string; invitation: boolean } | null;
};

async function secretariat() {
  const user = await makeUser({ roles: ["secretariat"] });
  return { user, cookie: await cookieFor(user.id) };
}

describe("the edition's observers on its secretariat overview", () => {
  it("lists the observers, whether they filed a note, and the open observer invitations", async () => {
    const edition = makeEdition();
    const { user } = await makeObserver(edition.id);
    await makeObserver(edition.id);
    saveObserverNote({ editionId: edition.id, userId: user.id, note: "Orderly so far." });
    const invited = makeObserverInvitation(edition.id);
    const { cookie } = await secretariat();
    const params = { editionId: edition.id };
    const page = await run(() => editionPage.loader(args(request("/s", { cookie }), params)));
    expect(page.status).toBe(200);
    const body = page.body as Page;
    expect(body.observers).toHaveLength(2);
    expect(body.observers.filter((o) => o.noteFiledAt !== null).map((o) => o.name)).toEqual([user.name]);
    expect(body.pending.map((i) => i.id)).toEqual([invited.id]);
    expect(JSON.stringify(body)).not.toContain("Orderly so far.");
  });

  it("is shown to the secretariat only", async () => {
    const edition = makeEdition();
    const { cookie } = await makeObserver(edition.id);
    const params = { editionId: edition.id };
    expect((await run(() => editionPage.loader(args(request("/s", { cookie }), params)))).status).toBe(404);
    const visitor = await run(() => editionPage.loader(args(request("/s"), params)));
    expect(visitor.status).toBe(302);
  });

  it("removes an observer after a confirmation step, audited, e-mailed in their language, ending access at once", async () => {
    const f = await buildAuditedEdition();
    const editionId = f.edition.id;
    const { user, row, cookie: observerCookie } = await makeObserver(editionId, "fr");
    saveObserverNote({ editionId, userId: user.id, note: "Independent and orderly." });
    const recorded = await recordDecision({
      edition: getEditionBrief({ editionId })!,
      actorId: f.secretariat.id,
      laureates: f.shortlist.slice(0, 2),
      decisionDate: new Date(),
      announcementAt: new Date(Date.now() + 7 * 864e5),
    });
    expect(recorded.ok).toBe(true);
    const params = { editionId };
    const seen = await run(() => observe.loader(args(request("/o", { cookie: observerCookie }), params)));
    expect(seen.status).toBe(200);

    const { user: staff, cookie } = await secretariat();
    const step = await run(() => editionPage.loader(args(request(`/s?remove=${row.id}`, { cookie }), params)));
    expect((step.body as Page).removing).toMatchObject({ id: row.id, invitation: false });
    // Following the link alone removes nothing: the step is a GET.
    expect(db().select().from(editionObservers).where(eq(editionObservers.id, row.id)).get()).toBeTruthy();

    const form = { editionId, id: row.id };
    const done = await run(() => editionPage.action(args(request("/s", { cookie, form }), params)));
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/secretariat/editions/${editionId}?removed=1#observers`);
    expect(db().select().from(editionObservers).where(eq(editionObservers.id, row.id)).get()).toBeUndefined();

    const audited = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "observer.removed"), eq(auditLog.objectId, editionId)))
      .all();
    expect(audited.map((a) => [a.actorId, JSON.parse(a.details).observerId])).toEqual([[staff.id, user.id]]);
    const mail = db().select().from(outbox).where(eq(outbox.toAddress, user.email)).all();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: "observer_removed", locale: "fr" });
    expect(mail[0].subject).toContain(String(f.edition.year));
    expect(mail[0].textBody).toContain(
      "à l’édition " + f.edition.year + ". La note que vous avez déposée fait partie de la décision enregistrée",
    );

    const loaders = [observe.loader, observeAudit.loader] as ((a: unknown) => Promise<unknown>)[];
    for (const loader of loaders) {
      const res = await run(() => loader(args(request("/o", { cookie: observerCookie }), params)));
      expect(res.status).toBe(404);
    }
    // The note frozen with the decision stays in its record.
    const decision = db().select().from(decisions).where(eq(decisions.editionId, editionId)).get()!;
    expect(JSON.parse(decision.snapshot!).observerNotes).toEqual([
      expect.objectContaining({ observerId: user.id, note: "Independent and orderly." }),
    ]);
  });

  it("tells a removed observer nothing of a note when no recorded decision holds one of theirs", async () => {
    const edition = makeEdition();
    const silent = await makeObserver(edition.id);
    const noted = await makeObserver(edition.id);
    saveObserverNote({ editionId: edition.id, userId: noted.user.id, note: "Filed, but no decision yet." });
    const { cookie } = await secretariat();
    const params = { editionId: edition.id };
    for (const { user, row } of [silent, noted]) {
      const form = { editionId: edition.id, id: row.id };
      expect((await run(() => editionPage.action(args(request("/s", { cookie, form }), params)))).status).toBe(302);
      const mail = db().select().from(outbox).where(eq(outbox.toAddress, user.email)).get()!;
      expect(mail.textBody).toContain(`has ended your observer access to the ${edition.year} edition.\n\n`);
      expect(mail.textBody).not.toMatch(/note/i);
    }
  });

  it("withdraws an observer invitation not yet accepted, audited", async () => {
    const edition = makeEdition();
    const invited = makeObserverInvitation(edition.id);
    const { cookie } = await secretariat();
    const params = { editionId: edition.id };
    const step = await run(() => editionPage.loader(args(request(`/s?remove=${invited.id}`, { cookie }), params)));
    expect((step.body as Page).removing).toMatchObject({ id: invited.id, invitation: true });
    const form = { editionId: edition.id, id: invited.id };
    const done = await run(() => editionPage.action(args(request("/s", { cookie, form }), params)));
    expect(done.headers.get("Location")).toBe(`/secretariat/editions/${edition.id}?withdrawn=1#observers`);
    const row = db().select().from(invitations).where(eq(invitations.id, invited.id)).get()!;
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    const page = await run(() => editionPage.loader(args(request("/s", { cookie }), params)));
    expect((page.body as Page).pending).toEqual([]);
    const audited = db().select().from(auditLog).where(eq(auditLog.objectId, invited.id)).all();
    expect(audited.map((a) => a.action)).toContain("invitation.withdrawn");
  });

  it("a removal step or post for an observer or invitation already gone (another tab) goes back to the list, which says so", async () => {
    const edition = makeEdition();
    const { row } = await makeObserver(edition.id);
    const invited = makeObserverInvitation(edition.id);
    const { cookie } = await secretariat();
    const params = { editionId: edition.id };
    // Both steps opened first, as in two tabs; then each removal done once.
    for (const id of [row.id, invited.id]) {
      const form = { editionId: edition.id, id };
      expect((await run(() => editionPage.action(args(request("/s", { cookie, form }), params)))).status).toBe(302);
    }
    const back = `/secretariat/editions/${edition.id}?not_removed=1#observers`;
    for (const id of [row.id, invited.id]) {
      const step = await run(() => editionPage.loader(args(request(`/s?remove=${id}`, { cookie }), params)));
      expect([step.status, step.headers.get("Location")]).toEqual([302, back]);
      const form = { editionId: edition.id, id };
      const again = await run(() => editionPage.action(args(request("/s", { cookie, form }), params)));
      expect([again.status, again.headers.get("Location")]).toEqual([302, back]);
    }
    // Nothing written twice: one removal and one withdrawal in the log.
    const removals = db().select().from(auditLog).where(eq(auditLog.action, "observer.removed")).all();
    expect(removals.filter((a) => JSON.parse(a.details).seatId === row.id)).toHaveLength(1);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.objectId, invited.id))
        .all()
        .map((a) => a.action),
    ).toEqual(["invitation.withdrawn"]);
    const page = await run(() => editionPage.loader(args(request("/s?not_removed=1", { cookie }), params)));
    expect(renderPage(editionPage.default, { locale: "en", data: page.body, path: "/s?not_removed=1" })).toContain(
      "That observer or invitation is no longer on the list",
    );
  });

  it("answers 404 for another edition's observer named through this edition's URL", async () => {
    const edition = makeEdition();
    const other = makeEdition();
    const { row } = await makeObserver(other.id);
    const invited = makeObserverInvitation(other.id);
    const { cookie } = await secretariat();
    const params = { editionId: edition.id };
    for (const id of [row.id, invited.id, "nothing"]) {
      const step = await run(() => editionPage.loader(args(request(`/s?remove=${id}`, { cookie }), params)));
      expect(step.status).toBe(404);
      const form = { editionId: edition.id, id };
      const done = await run(() => editionPage.action(args(request("/s", { cookie, form }), params)));
      expect(done.status).toBe(404);
    }
    expect(db().select().from(editionObservers).where(eq(editionObservers.id, row.id)).get()).toBeTruthy();
    const stillOpen = db().select().from(invitations).where(eq(invitations.id, invited.id)).get()!;
    expect(stillOpen.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});
