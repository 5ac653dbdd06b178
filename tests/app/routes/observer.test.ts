import { readdirSync } from "node:fs";
import { join } from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import {
  auditLog,
  conflicts,
  decisions,
  deliberations,
  editionObservers,
  invitations,
  reviews,
} from "../../../db/schema";
import * as overview from "../../../app/routes/observe.$editionId._index";
import * as audit from "../../../app/routes/observe.$editionId.audit";
import * as results from "../../../app/routes/observe.$editionId.results";
import * as integrity from "../../../app/routes/observe.$editionId.integrity";
import * as invitationsPage from "../../../app/routes/secretariat.invitations";
import * as accept from "../../../app/routes/invitations.$token";
import { getSessionUser } from "../../../app/accounts/server/session.server";
import { rolesOf } from "../../../app/accounts/server/permissions.server";
import { getEditionBrief, recordDecision } from "../../../app/results/models/decision.server";
import { saveObserverNote } from "../../../app/results/models/observer.server";
import { addJuror, cookieFor, makeEdition, makeUser, request, run } from "../../fixtures/builders";
import { buildAuditedEdition } from "../../fixtures/integrity";
import { buildScoredEdition } from "../../fixtures/results";
import { writeAudit } from "../../../app/kernel/models/audit.server";
import { renderPage } from "../../support/render-page";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

async function makeObserver(editionId: string) {
  const user = await makeUser({ roles: [] });
  db().insert(editionObservers).values({ editionId, userId: user.id }).run();
  return { user, cookie: await cookieFor(user.id) };
}

const ROUTES = join(import.meta.dirname, "../../../app/routes");

describe("the observer's invitation", () => {
  it("is sent by the secretariat for one edition, audited, and accepted into that edition's observer", async () => {
    const edition = makeEdition();
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const email = `observer-${Date.now()}@example.org`;
    const form = { role: "observer", name: "Olga Observer", email, locale: "fr", editionId: edition.id };
    const cookie = await cookieFor(secretariat.id);
    const sent = await run(() => invitationsPage.action(args(request("/secretariat/invitations", { cookie, form }))));
    expect(sent.status).toBe(302);
    const row = db().select().from(invitations).where(eq(invitations.email, email)).get()!;
    expect(row).toMatchObject({ role: "observer", editionId: edition.id });
    const audited = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "invitation.created"), eq(auditLog.objectId, row.id)))
      .get();
    expect(JSON.parse(audited!.details)).toMatchObject({ role: "observer", editionId: edition.id });

    // The token is only in the e-mail: replace it with a known one to accept.
    const { hashToken } = await import("../../../app/accounts/server/tokens.server");
    const token = "t".repeat(43);
    db()
      .update(invitations)
      .set({ tokenHash: hashToken(token) })
      .where(eq(invitations.id, row.id))
      .run();
    const accepted = await run(() =>
      accept.action(
        args(request(`/invitations/${token}`, { form: { name: "Olga", password: "a long enough passphrase 42" } }), {
          token,
        }),
      ),
    );
    expect(accepted.status).toBe(302);
    const session = accepted.headers.get("Set-Cookie")!.split(";")[0];
    const user = (await getSessionUser(request("/", { cookie: session })))!;
    expect(user.observing).toEqual([edition.id]);
    expect(rolesOf(user)).toEqual(["observer"]);
  });

  it("for an observer needs an edition", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const form = { role: "observer", name: "No Edition", email: "none@example.org", locale: "en" };
    const cookie = await cookieFor(secretariat.id);
    const res = await run(() => invitationsPage.action(args(request("/secretariat/invitations", { cookie, form }))));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: { editionId: { message: "errors.edition_required" } } });
  });
});

describe("the observer's pages", () => {
  it("show the observer their edition's process and audit log, with no applicant's contact details", async () => {
    const f = await buildAuditedEdition();
    const { cookie } = await makeObserver(f.edition.id);
    const page = await run(() =>
      overview.loader(args(request(`/observe/${f.edition.id}`, { cookie }), { editionId: f.edition.id })),
    );
    expect(page.status).toBe(200);
    const d = page.body as Awaited<ReturnType<typeof overview.loader>>;
    expect(d.jurors).toHaveLength(f.jurors.length);
    expect(d.applicationTotals.total).toBe(f.apps.length);
    expect(d.publishedAssignments).toBeGreaterThan(0);
    const log = await run(() =>
      audit.loader(args(request(`/observe/${f.edition.id}/audit`, { cookie }), { editionId: f.edition.id })),
    );
    expect(log.status).toBe(200);
    const params = { editionId: f.edition.id };
    const ranking = await run(() =>
      results.loader(args(request(`/observe/${f.edition.id}/results`, { cookie }), params)),
    );
    expect(ranking.status).toBe(200);
    expect((ranking.body as { closed: boolean }).closed).toBe(true);
    // The observer reads the secretariat's table: every method side by side, the trimmed mean included.
    const rows = (ranking.body as { results: { rows: Record<string, unknown>[] } }).results.rows;
    expect(typeof rows[0].trimmedMean).toBe("number");
    const audits = await run(() =>
      integrity.loader(args(request(`/observe/${f.edition.id}/integrity`, { cookie }), params)),
    );
    expect(audits.status).toBe(200);
    const shown = JSON.stringify([page.body, log.body, ranking.body, audits.body]);
    for (const { app, applicant } of f.apps) {
      expect(shown).not.toContain(applicant.email);
      if (app.contactEmail) expect(shown).not.toContain(app.contactEmail);
    }
  });

  it("show in the audit log the ballots, reviews, conflicts and screening of their edition alone, not drafts", async () => {
    const f = await buildAuditedEdition();
    const other = await buildScoredEdition({ apps: 1 });
    const { cookie } = await makeObserver(f.edition.id);
    const [app] = f.apps.map((a) => a.app);
    const [juror] = f.jurors.map((j) => j.member);
    const review = db().select({ id: reviews.id }).from(reviews).where(eq(reviews.applicationId, app.id)).get()!;
    const deliberation = db()
      .select({ id: deliberations.id })
      .from(deliberations)
      .where(eq(deliberations.editionId, f.edition.id))
      .get()!;
    const conflict = db()
      .insert(conflicts)
      .values({ editionId: f.edition.id, jurorId: juror.id, applicationId: app.id, source: "declared" })
      .returning({ id: conflicts.id })
      .get();
    // Rows whose details do not name the edition: only their object ties them to it.
    const mine = [
      { action: "screening.decided", objectType: "application", objectId: app.id },
      { action: "review.submitted", objectType: "review", objectId: review.id },
      { action: "ballot.submitted", objectType: "deliberation", objectId: deliberation.id },
      { action: "deliberation.ballot_closed", objectType: "deliberation", objectId: deliberation.id },
      { action: "conflict.confirmed", objectType: "conflict", objectId: conflict.id },
      { action: "jury.member_updated", objectType: "jury_member", objectId: juror.id },
    ];
    const otherReview = db()
      .select({ id: reviews.id })
      .from(reviews)
      .where(eq(reviews.applicationId, other.apps[0].app.id))
      .get()!;
    const notMine = [
      { action: "review.draft_saved", objectType: "review", objectId: review.id },
      { action: "attachment.added", objectType: "application", objectId: app.id },
      { action: "review.submitted", objectType: "review", objectId: otherReview.id },
      { action: "screening.decided", objectType: "application", objectId: other.apps[0].app.id },
      { action: "jury.member_updated", objectType: "jury_member", objectId: other.jurors[0].member.id },
    ];
    const before = db().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).get()?.id ?? 0;
    for (const row of [...mine, ...notMine]) writeAudit({ actorId: f.secretariat.id, details: {}, ...row });
    const log = await run(() =>
      audit.loader(args(request(`/observe/${f.edition.id}/audit`, { cookie }), { editionId: f.edition.id })),
    );
    const { rows } = log.body as { rows: { id: number; action: string; objectType: string }[] };
    const shown = rows.filter((r) => r.id > before).map(({ action, objectType }) => ({ action, objectType }));
    expect(shown).toEqual(mine.reverse().map(({ action, objectType }) => ({ action, objectType })));
  });

  it("filter the audit log by one action, offering the actions it holds with their counts, and keep it across pages", async () => {
    const f = await buildAuditedEdition();
    const { cookie } = await makeObserver(f.edition.id);
    const app = f.apps[0].app;
    for (let i = 0; i < 55; i++)
      writeAudit({
        actorId: f.secretariat.id,
        action: "screening.decided",
        objectType: "application",
        objectId: app.id,
        details: {},
      });
    writeAudit({
      actorId: f.secretariat.id,
      action: "review.draft_saved",
      objectType: "application",
      objectId: app.id,
      details: {},
    });
    const load = (search: string) =>
      run(() =>
        audit.loader(args(request(`/observe/${f.edition.id}/audit${search}`, { cookie }), { editionId: f.edition.id })),
      );
    type Log = {
      actions: { action: string; rows: number }[];
      action: string | null;
      rows: { action: string }[];
      total: number;
      pages: number;
      page: number;
    };
    const all = (await load("")).body as Log;
    const screening = all.actions.find((a) => a.action === "screening.decided")!;
    expect(screening.rows).toBeGreaterThanOrEqual(55);
    // A juror's working copy is no choice, as it is no row.
    expect(all.actions.map((a) => a.action)).not.toContain("review.draft_saved");
    expect(all.actions.map((a) => a.action)).toEqual([...all.actions.map((a) => a.action)].sort());
    expect(all.total).toBe(all.actions.reduce((n, a) => n + a.rows, 0));

    const second = (await load("?action=screening.decided&page=2")).body as Log;
    expect(second).toMatchObject({ action: "screening.decided", total: screening.rows, page: 2, pages: 2 });
    expect(new Set(second.rows.map((r) => r.action))).toEqual(new Set(["screening.decided"]));
    const html = renderPage(audit.default, {
      locale: "en",
      data: second,
      path: `/observe/${f.edition.id}/audit?action=screening.decided&page=2`,
    });
    expect(html).toMatch(/<option value="screening.decided" selected="">[^<]+ \(\d+\)<\/option>/);
    expect(html).toContain(`href="/observe/${f.edition.id}/audit?action=screening.decided&amp;page=1"`);
    expect(html).toContain(`: ${screening.rows}. The most recent first.`);
    // A code the log does not hold (or a draft's) filters nothing.
    for (const search of ["?action=review.draft_saved", "?action=nothing"])
      expect((await load(search)).body).toMatchObject({ action: null, total: all.total });
  });

  it("list the jury's recommendation and the laureates in the order recorded, not the table's", async () => {
    const f = await buildAuditedEdition();
    const { cookie } = await makeObserver(f.edition.id);
    // Recorded against the order the applications were made in.
    const ids = f.apps.slice(0, 3).map(({ app }) => app.id);
    const reversed = [...ids].reverse();
    const rotated = [ids[1], ids[2], ids[0]];
    const at = new Date("2027-03-30T16:30:00Z");
    const recorded = { recommendation: reversed, recommendedAt: at, laureates: rotated, decidedAt: at };
    db()
      .insert(decisions)
      .values({ editionId: f.edition.id, ...recorded })
      .onConflictDoUpdate({ target: decisions.editionId, set: recorded })
      .run();
    const page = await run(() =>
      overview.loader(args(request(`/observe/${f.edition.id}`, { cookie }), { editionId: f.edition.id })),
    );
    const d = page.body as Awaited<ReturnType<typeof overview.loader>>;
    expect({
      recommendation: d.recommendation?.applications.map((a) => a.id),
      laureates: d.decision?.laureates.map((a) => a.id),
    }).toEqual({ recommendation: reversed, laureates: rotated });
  });

  it("answer 404 for another edition, and to jurors, applicants, the secretariat and visitors", async () => {
    const f = await buildAuditedEdition();
    const other = makeEdition();
    const { cookie: observer } = await makeObserver(other.id);
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const cookies = [
      observer,
      await cookieFor(f.jurors[0].user.id),
      await cookieFor(f.apps[0].applicant.id),
      await cookieFor(secretariat.id),
    ];
    for (const cookie of cookies) {
      const params = { editionId: f.edition.id };
      expect((await run(() => overview.loader(args(request("/o", { cookie }), params)))).status).toBe(404);
      expect((await run(() => audit.loader(args(request("/o", { cookie }), params)))).status).toBe(404);
      expect((await run(() => results.loader(args(request("/o", { cookie }), params)))).status).toBe(404);
      expect((await run(() => integrity.loader(args(request("/o", { cookie }), params)))).status).toBe(404);
      const form = { note: "Not mine to write" };
      expect((await run(() => overview.action(args(request("/o", { cookie, form }), params)))).status).toBe(404);
    }
    const visitor = await run(() => overview.loader(args(request("/o"), { editionId: f.edition.id })));
    expect(visitor.status).toBe(302);
  });

  it("close to an observer who also sits on that edition's jury, whose work they would watch", async () => {
    const edition = makeEdition();
    const { user, cookie } = await makeObserver(edition.id);
    addJuror(edition.id, user.id);
    const res = await run(() => overview.loader(args(request("/o", { cookie }), { editionId: edition.id })));
    expect(res.status).toBe(404);
  });

  it("leave every secretariat page and action closed to the observer", async () => {
    const edition = makeEdition();
    const { cookie } = await makeObserver(edition.id);
    const files = readdirSync(ROUTES).filter((file) => file.startsWith("secretariat."));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const route = (await import(join(ROUTES, file))) as {
        loader?: (a: unknown) => Promise<unknown>;
        action?: (a: unknown) => Promise<unknown>;
      };
      const params = { editionId: edition.id, applicationId: "x", format: "csv" };
      for (const fn of [route.loader, route.action]) {
        if (!fn) continue;
        const req = request("/secretariat/x", fn === route.action ? { cookie, form: { intent: "x" } } : { cookie });
        expect({ file, status: (await run(() => fn(args(req, params)))).status }).toEqual({ file, status: 404 });
      }
    }
  });
});

describe("the observer's note", () => {
  it("is filed without JavaScript, audited, and keeps the typed text on error", async () => {
    const edition = makeEdition();
    const { user, cookie } = await makeObserver(edition.id);
    const params = { editionId: edition.id };
    const empty = await run(() => overview.action(args(request("/o", { cookie, form: { note: "  " } }), params)));
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ errors: { note: { message: "errors.required" } } });
    const long = "x".repeat(5001);
    const tooLong = await run(() => overview.action(args(request("/o", { cookie, form: { note: long } }), params)));
    expect(tooLong.body).toMatchObject({
      errors: { note: { message: "errors.too_long_max", vars: { max: 5000 } } },
      values: { note: long },
    });
    const filed = await run(() =>
      overview.action(args(request("/o", { cookie, form: { note: "The process was followed." } }), params)),
    );
    expect(filed.status).toBe(302);
    expect(filed.headers.get("Location")).toBe(`/observe/${edition.id}?saved=1#note`);
    const page = await run(() => overview.loader(args(request("/o", { cookie }), params)));
    expect((page.body as { note: { text: string } }).note.text).toBe("The process was followed.");
    const rows = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "observer.note_filed"), eq(auditLog.objectId, edition.id)))
      .all();
    expect(rows.map((r) => r.actorId)).toEqual([user.id]);
  });

  it("joins the decision snapshot as it stood when the decision was recorded", async () => {
    const f = await buildAuditedEdition();
    const { user } = await makeObserver(f.edition.id);
    await makeObserver(f.edition.id); // an observer who filed nothing is left out
    saveObserverNote({ editionId: f.edition.id, userId: user.id, note: "Independent and orderly." });
    const recorded = await recordDecision({
      edition: getEditionBrief({ editionId: f.edition.id })!,
      actorId: f.secretariat.id,
      laureates: f.shortlist.slice(0, 2),
      decisionDate: new Date(),
      announcementAt: new Date(Date.now() + 7 * 864e5),
    });
    expect(recorded.ok).toBe(true);
    saveObserverNote({ editionId: f.edition.id, userId: user.id, note: "Changed afterwards." });
    const row = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!;
    const snapshot = JSON.parse(row.snapshot!) as { observerNotes: { observerId: string; note: string }[] };
    expect(snapshot.observerNotes).toEqual([
      expect.objectContaining({ observerId: user.id, note: "Independent and orderly." }),
    ]);
  });
});
