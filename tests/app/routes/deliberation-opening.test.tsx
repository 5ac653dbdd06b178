// Opening the deliberation fixes the shortlist and the tie-break rule for good: a first post shows
// what it will do and changes nothing, the second opens it and e-mails each seated juror, in their
// language, the link to their ballot (never a disabled or erased account, never a replaced juror).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import {
  auditLog,
  conflicts,
  deliberations,
  editions,
  juryMembers,
  outbox,
  tieBreaks,
  userRoles,
  users,
} from "../../../db/schema";
import * as secretariatDeliberation from "../../../app/routes/secretariat.editions.$editionId.deliberation";
import { siteOrigin } from "../../../app/kernel/server/site.server";
import type { Locale } from "../../../app/kernel/i18n";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";
import { renderPage } from "../../support/render-page";

type Fixture = Awaited<ReturnType<typeof buildScoredEdition>>;
const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

async function post(f: Fixture, form: Record<string, string>) {
  return run(async () =>
    secretariatDeliberation.action(
      args(request(`/x`, { cookie: await cookieFor(f.secretariat.id), form }), { editionId: f.edition.id }),
    ),
  );
}

/** The shortlist of the first `count` applications under `rule`, posted with `intent`. */
function shortlistForm(f: Fixture, intent: string, count = 4, rule = "jury") {
  const form: Record<string, string> = { intent, tieBreak: rule };
  for (const { app } of f.apps.slice(0, count)) form[`s_${app.id}`] = "on";
  return form;
}

async function page(f: Fixture, actionData: unknown, locale: Locale = "en") {
  const loaded = await run(async () =>
    secretariatDeliberation.loader(
      args(request(`/x`, { cookie: await cookieFor(f.secretariat.id) }), { editionId: f.edition.id }),
    ),
  );
  return renderPage(secretariatDeliberation.default, { locale, data: loaded.body, actionData });
}

const mails = (template: string) =>
  db()
    .select({ to: outbox.toAddress, locale: outbox.locale, subject: outbox.subject, body: outbox.textBody })
    .from(outbox)
    .where(eq(outbox.template, template))
    .all();

/** Juror 2 disabled, juror 3 replaced (no longer seated), juror 4 erased. */
function leaveThreeOut(f: Fixture) {
  db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, f.jurors[2].user.id)).run();
  db().update(juryMembers).set({ replacedAt: new Date() }).where(eq(juryMembers.id, f.jurors[3].member.id)).run();
  db()
    .update(users)
    .set({ disabledAt: new Date(), email: `${f.jurors[4].user.id}@erased.invalid`, name: "Erased person" })
    .where(eq(users.id, f.jurors[4].user.id))
    .run();
}

describe("opening the deliberation", () => {
  it("first shows the shortlist, the rule, that both are final and who is e-mailed, opening nothing", async () => {
    const f = await buildScoredEdition();
    const auditBefore = db().select().from(auditLog).all().length;
    const res = await post(f, shortlistForm(f, "check"));
    expect(res.status).toBe(200);
    const body = res.body as { confirm: { shortlist: string[]; rule: string; mailed: string[]; notMailed: number } };
    expect(body.confirm.shortlist).toEqual(f.apps.slice(0, 4).map((a) => a.app.id));
    expect(body.confirm.rule).toBe("jury");
    expect(body.confirm.mailed).toEqual(f.jurors.map((j) => j.user.name).sort());
    expect(body.confirm.notMailed).toBe(0);
    expect(db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()).toBeUndefined();
    expect(db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!.phase).toBe("scoring");
    expect(db().select().from(auditLog).all().length).toBe(auditBefore);
    expect(mails("deliberation_opened")).toEqual([]);

    const html = await page(f, res.body);
    expect(html).toContain("Open the deliberation?");
    expect(html).toContain("neither the shortlist nor the tie-break rule can be changed");
    for (const { app } of f.apps.slice(0, 4)) {
      expect(html).toContain(app.reference);
      expect(html).toContain(`name="s_${app.id}" value="on"`);
    }
    expect(html).not.toContain(f.apps[4].app.reference);
    for (const { user } of f.jurors) expect(html).toContain(user.name);
    expect(html).toContain('name="intent" value="open"');
    expect(html).toContain("Yes, open the deliberation");
    expect(html).toContain("Change the shortlist");
    // Nothing left to tick: the choices are those sent, carried by the confirming form.
    expect(html).not.toContain('type="checkbox"');
  });

  it("first says why when the shortlist cannot open, next to it, opening nothing", async () => {
    const f = await buildScoredEdition();
    const res = await post(f, { ...shortlistForm(f, "check", 2), [`s_${crypto.randomUUID()}`]: "on" });
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { shortlist: { message: "errors.shortlist_invalid" } } },
    });
    expect(db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()).toBeUndefined();
  });

  it("names on the confirmation the jurors left out of the e-mail, and whom it is sent to", async () => {
    const f = await buildScoredEdition();
    leaveThreeOut(f);
    const res = await post(f, shortlistForm(f, "check"));
    const body = res.body as { confirm: { mailed: string[]; notMailed: number } };
    expect(body.confirm.mailed).toEqual([f.jurors[0].user.name, f.jurors[1].user.name].sort());
    expect(body.confirm.notMailed).toBe(2);
    expect(await page(f, res.body)).toContain("2 seated jurors will not be e-mailed: their accounts are disabled.");
  });

  it("opens on the second post, e-mailing each active seated juror their ballot's link in their language", async () => {
    const f = await buildScoredEdition();
    leaveThreeOut(f);
    const res = await post(f, shortlistForm(f, "open"));
    expect(res.status).toBe(302);
    expect(db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()).toBeDefined();
    const sent = mails("deliberation_opened");
    expect(sent.map((m) => m.to).sort()).toEqual([f.jurors[0].user.email, f.jurors[1].user.email].sort());
    const link = `${siteOrigin()}/jury/${f.edition.id}/ballot`;
    const english = sent.find((m) => m.to === f.jurors[0].user.email)!;
    expect(english).toMatchObject({ locale: "en", subject: expect.stringContaining("The jury's ballot is open") });
    expect(english.body).toContain(`Hello ${f.jurors[0].user.name},`);
    expect(english.body).toContain(`Your ballot: ${link}`);
    const french = sent.find((m) => m.to === f.jurors[1].user.email)!;
    expect(french).toMatchObject({ locale: "fr", subject: expect.stringContaining("Le scrutin du jury est ouvert") });
    expect(french.body).toContain(`Votre bulletin : ${link}`);
    const audit = db().select().from(auditLog).where(eq(auditLog.action, "deliberation.opened")).all();
    expect(audit.filter((a) => a.objectId === f.edition.id)).toHaveLength(1);
  });

  it("e-mails no ballot to a member of the secretariat seated on the jury, who casts none", async () => {
    const f = await buildScoredEdition();
    db().insert(userRoles).values({ userId: f.jurors[1].user.id, role: "secretariat" }).run();
    expect((await post(f, shortlistForm(f, "open"))).status).toBe(302);
    const sent = mails("deliberation_opened").map((m) => m.to);
    expect(sent).toContain(f.jurors[0].user.email);
    expect(sent).not.toContain(f.jurors[1].user.email);
  });

  it("goes back to the shortlist with the choices sent, a default left unticked staying so", async () => {
    const f = await buildScoredEdition();
    // The first five are ticked by default; the fifth is left out here.
    const res = await post(f, shortlistForm(f, "edit", 4, "chair"));
    expect(res.status).toBe(200);
    const html = await page(f, res.body);
    const box = (i: number) =>
      html.match(new RegExp(`<input type="checkbox"[^>]*name="s_${f.apps[i].app.id}"[^>]*>`))![0];
    expect(box(3)).toContain("checked");
    expect(box(4)).not.toContain("checked");
    expect(html).toMatch(/<input[^>]*id="open-tieBreak-chair"[^>]*checked/);
    expect(html).toContain('name="intent" value="check"');
    expect(db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()).toBeUndefined();
  });

  // Last: it opens a deliberation and e-mails its jurors, which the tests above count.
  it("waits for the conflict proposals to be decided, saying how many and where, opening nothing", async () => {
    const f = await buildScoredEdition();
    for (const [juror, { app }] of [
      [f.jurors[0], f.apps[0]],
      [f.jurors[1], f.apps[1]],
    ] as const)
      db()
        .insert(conflicts)
        .values({
          editionId: f.edition.id,
          jurorId: juror.member.id,
          applicationId: app.id,
          source: "same_country",
          status: "proposed",
        })
        .run();
    for (const intent of ["check", "open"]) {
      const res = await post(f, shortlistForm(f, intent));
      expect(res).toMatchObject({
        status: 400,
        body: { errors: { shortlist: { message: "errors.deliberation_proposals_pending", vars: { count: 2 } } } },
      });
      expect(await page(f, res.body)).toContain(
        "2 conflict proposals await a decision: confirm or dismiss them on the conflicts page before the ballot opens",
      );
    }
    expect(db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()).toBeUndefined();
    // Decided (one confirmed, one dismissed): the ballot opens.
    db()
      .update(conflicts)
      .set({ status: "confirmed", confirmedAt: new Date() })
      .where(eq(conflicts.jurorId, f.jurors[0].member.id))
      .run();
    db()
      .update(conflicts)
      .set({ status: "dismissed", dismissedAt: new Date() })
      .where(eq(conflicts.jurorId, f.jurors[1].member.id))
      .run();
    expect((await post(f, shortlistForm(f, "open"))).status).toBe(302);
  });
});

describe("a tie-break rule fixed while scoring was open", () => {
  it("is the one the ballot opens under: the form offers no other, and a post naming another is refused", async () => {
    const f = await buildScoredEdition();
    const closes = (at: number) =>
      db()
        .update(editions)
        .set({ scoringClosesAt: new Date(at) })
        .where(eq(editions.id, f.edition.id))
        .run();
    closes(Date.now() + 864e5);
    expect((await post(f, { intent: "tiebreak", tieBreak: "chair" })).status).toBe(302);
    closes(Date.now() - 60_000);
    // Once the ranking can be read, the early rule stands: the opening form shows it, with no choice.
    for (const locale of ["en", "fr", "ar"] as const) {
      const html = await page(f, undefined, locale);
      expect(html).not.toContain('id="open-tieBreak-');
      expect(html).toMatch(/type="hidden" name="tieBreak" value="chair"/);
    }
    expect(await page(f, undefined)).toContain("Fixed while scoring was open: the deliberation opens under this rule.");
    // A stale page or a forged post asking for another rule is refused, and nothing opens.
    expect(await post(f, shortlistForm(f, "open", 4, "lottery"))).toMatchObject({
      status: 400,
      body: { errors: { tieBreak: { message: "errors.tie_break_fixed" } } },
    });
    expect(db().select().from(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).get()!.rule).toBe("chair");
    expect(db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()).toBeUndefined();
    // The form's own post, carrying the fixed rule, opens the ballot under it.
    expect((await post(f, shortlistForm(f, "open", 4, "chair"))).status).toBe(302);
    // A second opening (another tab) changes nothing and is told the ballot was already open.
    const again = await post(f, shortlistForm(f, "open", 3, "chair"));
    expect(again.headers.get("Location")).toBe(`/secretariat/editions/${f.edition.id}/deliberation?already_open=1`);
    expect(
      db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()!.shortlist,
    ).toHaveLength(4);
    expect(db().select().from(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).get()!.rule).toBe("chair");
    expect(db().select().from(deliberations).where(eq(deliberations.editionId, f.edition.id)).get()).toBeDefined();
  });
});
