import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, assignments, conflicts, editions, invitations, outbox } from "../../../db/schema";
import * as assignmentPage from "../../../app/routes/secretariat.editions.$editionId.assignment";
import * as progressPage from "../../../app/routes/secretariat.editions.$editionId.progress";
import * as conflictsPage from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import * as juryPage from "../../../app/routes/secretariat.editions.$editionId.jury";
import * as settingsPage from "../../../app/routes/secretariat.editions.$editionId.settings";
import * as phasePage from "../../../app/routes/secretariat.editions.$editionId.phase";
import { sendDueReminders } from "../../../app/jury/models/progress.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { publishPair } from "../../fixtures/jury";
import { addApplications, args, scenario } from "../../fixtures/jury-routes";
import { renderPage } from "../../support/render-page";

describe("secretariat jury pages", () => {
  it("the conflicts register is shown 50 rows a page with its total", async () => {
    const s = await scenario();
    const extra = addApplications(s, 60);
    const ids = db()
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.editionId, s.editionId))
      .all();
    db()
      .insert(conflicts)
      .values(
        ids.slice(0, 55).map((a) => ({
          editionId: s.editionId,
          jurorId: s.jurors[0].memberId,
          applicationId: a.id,
          source: "manual",
          reason: "Test",
        })),
      )
      .run();
    expect(extra).toHaveLength(60);
    const url = `/secretariat/editions/${s.editionId}/conflicts`;
    const first = (
      await run(() => conflictsPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })))
    ).body as { conflicts: unknown[]; total: number; pages: number };
    // The 55 set here: opening the register detects nothing.
    expect(first).toMatchObject({ total: 55, pages: 2 });
    expect(first.conflicts).toHaveLength(50);
    const second = (
      await run(() =>
        conflictsPage.loader(args(request(`${url}?page=2`, { cookie: s.staffCookie }), { editionId: s.editionId })),
      )
    ).body as { conflicts: unknown[]; page: number };
    expect(second).toMatchObject({ page: 2 });
    expect(second.conflicts).toHaveLength(5);
  });

  it("secretariat jury pages answer 404 to a juror", async () => {
    const s = await scenario();
    const cookie = await cookieFor(s.jurors[0].userId);
    const loaders: ((a: ReturnType<typeof args>) => Promise<unknown>)[] = [
      assignmentPage.loader,
      progressPage.loader,
      conflictsPage.loader,
      juryPage.loader,
    ];
    for (const loader of loaders) {
      const res = await run(() =>
        loader(args(request(`/secretariat/editions/${s.editionId}/x`, { cookie }), { editionId: s.editionId })),
      );
      expect(res.status).toBe(404);
    }
  });
});

describe("progress and reminders", () => {
  it("the secretariat sees progress and sends a reminder that arrives in the outbox in the juror's language", async () => {
    const s = await scenario({ scoringClosesInDays: 2 });
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const url = `/secretariat/editions/${s.editionId}/progress`;
    const page = await run(() =>
      progressPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })),
    );
    expect(
      (page.body as { jurors: { name: string; late: boolean; assigned: number }[] }).jurors.find(
        (j) => j.name === "Juror Ana",
      ),
    ).toMatchObject({ late: true, assigned: 1 });
    const res = await run(() =>
      progressPage.action(
        args(request(url, { cookie: s.staffCookie, form: { intent: "remind", memberId: s.jurors[0].memberId } }), {
          editionId: s.editionId,
        }),
      ),
    );
    expect(res.headers.get("Location")).toBe(`${url}?reminded=1`);
    const mail = db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "jury_reminder"), eq(outbox.toAddress, s.jurors[0].email)))
      .get();
    expect(mail).toMatchObject({ locale: "en", subject: "Reminder: reviews to finish" });
    const nothing = await run(() =>
      progressPage.action(
        args(request(url, { cookie: s.staffCookie, form: { intent: "remind", memberId: s.jurors[1].memberId } }), {
          editionId: s.editionId,
        }),
      ),
    );
    expect(nothing).toMatchObject({
      status: 400,
      body: { errors: { form: { message: "errors.jury_nothing_pending" } } },
    });
  });

  it("progress lists applications with reviews to finish first, 50 a page, with the totals", async () => {
    const s = await scenario();
    addApplications(s, 60);
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[2].id);
    const url = `/secretariat/editions/${s.editionId}/progress`;
    type Progress = {
      applications: { id: string; assigned: number }[];
      applicationTotals: Record<string, number>;
      page: number;
      pages: number;
    };
    const first = (
      await run(() => progressPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })))
    ).body as Progress;
    expect(first).toMatchObject({
      page: 1,
      pages: 2,
      applicationTotals: { total: 63, open: 1, done: 0, unreviewed: 62 },
    });
    expect(first.applications).toHaveLength(50);
    expect(first.applications[0]).toMatchObject({ id: s.applications[2].id, assigned: 1 });
    const second = (
      await run(() =>
        progressPage.loader(args(request(`${url}?page=2`, { cookie: s.staffCookie }), { editionId: s.editionId })),
      )
    ).body as Progress;
    expect(second.applications).toHaveLength(13);
    expect(second.applications.map((a) => a.id)).not.toContain(s.applications[2].id);
  });

  it("a second reminder within a day is not sent, and the page says who was reminded when and how", async () => {
    const s = await scenario({ scoringClosesInDays: 2 });
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    publishPair(db(), s.editionId, s.jurors[1].memberId, s.applications[2].id);
    const url = `/secretariat/editions/${s.editionId}/progress`;
    const remind = (form: Record<string, string>) =>
      run(() => progressPage.action(args(request(url, { cookie: s.staffCookie, form }), { editionId: s.editionId })));
    const mailsTo = (email: string) =>
      db()
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.template, "jury_reminder"), eq(outbox.toAddress, email)))
        .all().length;
    expect((await remind({ intent: "remind", memberId: s.jurors[0].memberId })).headers.get("Location")).toBe(
      `${url}?reminded=1`,
    );
    // Reminding everyone a minute later e-mails only the juror not reminded yet, and says so.
    expect((await remind({ intent: "remind" })).headers.get("Location")).toBe(`${url}?reminded=1&recent=1`);
    expect(await remind({ intent: "remind" })).toMatchObject({ status: 302 });
    expect((await remind({ intent: "remind" })).headers.get("Location")).toBe(`${url}?reminded=0&recent=2`);
    expect(await remind({ intent: "remind", memberId: s.jurors[0].memberId })).toMatchObject({
      status: 400,
      body: { errors: { form: { message: "errors.jury_reminded_lately" } } },
    });
    expect([mailsTo(s.jurors[0].email), mailsTo(s.jurors[1].email)]).toEqual([1, 1]);
    // The schedule's run in the same hour waits too.
    sendDueReminders(new Date());
    expect([mailsTo(s.jurors[0].email), mailsTo(s.jurors[1].email)]).toEqual([1, 1]);
    // A day later, the schedule's automatic reminder goes out once; the page shows the last of each.
    sendDueReminders(new Date(Date.now() + 864e5 + 60_000));
    expect([mailsTo(s.jurors[0].email), mailsTo(s.jurors[1].email)]).toEqual([2, 2]);
    const page = await run(() =>
      progressPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })),
    );
    const jurors = (page.body as { jurors: { id: string; remindedAt: number | null; remindedKind: string | null }[] })
      .jurors;
    const of = (memberId: string) => jurors.find((j) => j.id === memberId)!;
    expect(of(s.jurors[0].memberId)).toMatchObject({ remindedKind: "automatic" });
    expect(of(s.jurors[0].memberId).remindedAt).toBeGreaterThan(Date.now() - 60_000);
    const html = renderPage(progressPage.default, {
      locale: "en",
      data: page.body,
      path: `${url}?reminded=0&recent=2`,
    });
    expect(html).toContain("Last reminder");
    expect(html).toContain(", automatic");
    expect(html).toContain("2 jurors reminded less than a day ago were not e-mailed again.");
    expect(html).toContain("Reminded less than a day ago: the next reminder can go from");
    expect(html).not.toContain('aria-label="Send a reminder to');
  });

  it("offers reminders only while scoring is open, extension only in its phase, and says when the automatic one is off", async () => {
    const s = await scenario({ scoringClosesInDays: 2 });
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const url = `/secretariat/editions/${s.editionId}/progress`;
    const html = async () =>
      renderPage(progressPage.default, {
        locale: "en",
        data: (
          await run(() =>
            progressPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })),
          )
        ).body,
        path: url,
      });
    // Off (0 days): no juror is late, and every juror with reviews left can still be reminded.
    db().update(editions).set({ reminderDaysBefore: 0 }).where(eq(editions.id, s.editionId)).run();
    const off = await html();
    expect(off).toContain("The automatic reminder is off for this edition (0 days)");
    expect(off).toContain("Remind every juror with reviews left");
    expect(off).toContain('aria-label="Send a reminder to Juror Ana"');
    expect(off).toContain("Extend scoring");
    // Closed: no reminder can ask to finish, and scoring is extended from the scoring phase only.
    db()
      .update(editions)
      .set({ scoringClosesAt: new Date(Date.now() - 60_000), phase: "deliberation" })
      .where(eq(editions.id, s.editionId))
      .run();
    const closed = await html();
    expect(closed).not.toContain("Send a reminder");
    expect(closed).not.toContain("Remind every juror");
    expect(closed).not.toContain('name="days"');
  });

  it("automatic reminders are sent once each when the window opens", async () => {
    const s = await scenario({ scoringClosesInDays: 10 });
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const count = () =>
      db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.template, "jury_reminder"), eq(outbox.toAddress, s.jurors[0].email)))
        .all().length;
    sendDueReminders(new Date());
    expect(count()).toBe(0); // 10 days before, the window (3 days) is not open
    const inWindow = new Date(Date.now() + 8 * 864e5);
    sendDueReminders(inWindow);
    sendDueReminders(inWindow);
    expect(count()).toBe(1);
  });
});

describe("jury management", () => {
  it("inviting the same juror again withdraws the open invitation and says only the new link works", async () => {
    const s = await scenario();
    const url = `/secretariat/editions/${s.editionId}/jury`;
    const email = `twice-${Date.now()}@example.org`;
    const invite = () =>
      run(() =>
        juryPage.action(
          args(
            request(url, {
              cookie: s.staffCookie,
              form: { intent: "invite", name: "Rania Haddad", email, locale: "ar", country: "JO", languages: "ar, en" },
            }),
            { editionId: s.editionId },
          ),
        ),
      );
    expect((await invite()).headers.get("Location")).toBe(`${url}?invited=1`);
    expect((await invite()).headers.get("Location")).toBe(`${url}?invited=again`);
    const rows = db().select().from(invitations).where(eq(invitations.email, email)).all();
    expect(rows.map((r) => r.withdrawnAt === null)).toEqual([false, true]);
    const page = await run(() =>
      juryPage.loader(args(request(`${url}?invited=again`, { cookie: s.staffCookie }), { editionId: s.editionId })),
    );
    expect(renderPage(juryPage.default, { locale: "en", data: page.body, path: `${url}?invited=again` })).toContain(
      "The earlier invitation to this address was withdrawn: only the new link works.",
    );
  });

  it("the secretariat edits a juror and replaces another; unsubmitted work is removed and the replacement invited", async () => {
    const s = await scenario();
    const url = `/secretariat/editions/${s.editionId}/jury`;
    const bad = await run(() =>
      juryPage.action(
        args(
          request(url, {
            cookie: s.staffCookie,
            form: { intent: "update", memberId: s.jurors[0].memberId, country: "FR", languages: "en, klingon" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(bad).toMatchObject({
      status: 400,
      body: { errors: { languages: { message: "errors.jury_languages_invalid" } } },
    });
    const ok = await run(() =>
      juryPage.action(
        args(
          request(url, {
            cookie: s.staffCookie,
            form: {
              intent: "update",
              memberId: s.jurors[0].memberId,
              country: "FR",
              languages: "en, fr, ar",
              expertise: "solar, inclusion",
            },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(ok.status).toBe(302);
    publishPair(db(), s.editionId, s.jurors[1].memberId, s.applications[1].id);
    const res = await run(() =>
      juryPage.action(
        args(
          request(url, {
            cookie: s.staffCookie,
            form: {
              intent: "replace",
              memberId: s.jurors[1].memberId,
              name: "New Juror",
              email: "new.juror@example.org",
              locale: "fr",
              confirm: "on",
            },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(
      db().select({ n: count() }).from(assignments).where(eq(assignments.jurorId, s.jurors[1].memberId)).get()!.n,
    ).toBe(0);
    expect(db().select().from(outbox).where(eq(outbox.toAddress, "new.juror@example.org")).get()).toMatchObject({
      template: "invitation",
      locale: "fr",
    });
  });

  it("the settings page warns when every juror would have to score every application, and not otherwise", async () => {
    const settingsOf = async (s: Awaited<ReturnType<typeof scenario>>) =>
      (
        await run(() =>
          settingsPage.loader(
            args(request(`/secretariat/editions/${s.editionId}/settings`, { cookie: s.staffCookie }), {
              editionId: s.editionId,
            }),
          ),
        )
      ).body as { crowdedJury: number | null };
    const crowded = await scenario({ reviewers: 3 });
    expect(crowded.jurors).toHaveLength(3);
    expect((await settingsOf(crowded)).crowdedJury).toBe(3);
    expect((await settingsOf(await scenario({ reviewers: 2 }))).crowdedJury).toBeNull();
  });

  it("closing scoring early says how many assigned reviews are still out and will not count", async () => {
    const s = await scenario();
    const outstanding = async () =>
      (
        (
          await run(() =>
            phasePage.loader(
              args(request(`/secretariat/editions/${s.editionId}/phase?to=deliberation`, { cookie: s.staffCookie }), {
                editionId: s.editionId,
              }),
            ),
          )
        ).body as { outstanding: number }
      ).outstanding;
    expect(await outstanding()).toBe(0);
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[0].id);
    publishPair(db(), s.editionId, s.jurors[1].memberId, s.applications[0].id);
    expect(await outstanding()).toBe(2);
  });
});
