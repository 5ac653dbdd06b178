import { and, count, eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../../db/client";
import { applications, archiveLaureates, auditLog, ballots, decisions, editions, outbox } from "../../../db/schema";
import * as secretariatDeliberation from "../../../app/routes/secretariat.editions.$editionId.deliberation";
import * as ballot from "../../../app/routes/jury.$editionId.ballot";
import * as laureatesYear from "../../../app/routes/laureates.$year";
import * as archive from "../../../app/routes/laureates._index";
import * as diploma from "../../../app/routes/diplomas.$applicationId";
import { pdfText } from "../../fixtures/poppler";
import * as snapshot from "../../../app/routes/secretariat.editions.$editionId.decision_.snapshot";
import * as decisionPage from "../../../app/routes/secretariat.editions.$editionId.decision";
import { getEditionBrief } from "../../../app/results/models/decision.server";
import { renderPage } from "../../support/render-page";
import * as applicationPage from "../../../app/routes/applications.$applicationId._index";
import * as applicationsList from "../../../app/routes/applications._index";
import * as nominationPage from "../../../app/routes/nominations.$applicationId";
import { listApplicationsForEntity } from "../../../app/nominations/models/nomination.server";
import { runScheduledJobs } from "../../../app/startup.server";
import { canonicalJson, sha256 } from "../../../app/results/models/decision.server";
import { announceDue } from "../../../app/results/models/announcement.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition, decide } from "../../fixtures/results";
import {
  args,
  decidedEdition,
  deliberateAndRecommend,
  openOnTop4,
  recommendationForm,
  vote,
  type Fixture,
} from "../../fixtures/decided";

describe("deliberation", () => {
  it("jurors rank the shortlist, the chair sees who voted but not how, and closing gives the Schulze outcome", async () => {
    const f = await buildScoredEdition();
    expect((await openOnTop4(f)).status).toBe(302);
    expect(db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!.phase).toBe("deliberation");
    await vote(f, 0, [0, 1, 2, 3]);
    const chairView = await run(async () =>
      ballot.loader(args(request(`/x`, { cookie: await cookieFor(f.chair.user.id) }), { editionId: f.edition.id })),
    );
    type Status = { label: string | null; letter: string | null; voted: boolean }[];
    const view = (chairView.body as { view: { status: Status; outcome: unknown } }).view;
    // By name, in name order, to chase the missing ballots; no letter, which the tally uses.
    const names = f.jurors.map((j) => j.user.name).sort((a, b) => a.localeCompare(b));
    expect(view.status.map((s) => s.label)).toEqual(names);
    expect(view.status.map((s) => s.letter)).toEqual(names.map(() => null));
    expect(view.status.filter((s) => s.voted).map((s) => s.label)).toEqual([f.jurors[0].user.name]);
    expect(view.outcome).toBeNull();
    expect(JSON.stringify(chairView.body)).not.toContain("ranking");
    const html = renderPage(ballot.default, { locale: "en", data: chairView.body });
    expect(html).toContain(`${f.jurors[0].user.name}`);
    expect(html).not.toContain("Juror A");
    // Another juror has no one to chase: the page carries no one's vote.
    const jurorView = await run(async () =>
      ballot.loader(args(request(`/x`, { cookie: await cookieFor(f.jurors[2].user.id) }), { editionId: f.edition.id })),
    );
    expect((jurorView.body as { view: { status: Status } }).view.status).toEqual([]);
    await vote(f, 2, [0, 2, 1, 3]);
    await run(async () =>
      ballot.action(
        args(request(`/x`, { cookie: await cookieFor(f.chair.user.id), form: { intent: "close", confirm: "on" } }), {
          editionId: f.edition.id,
        }),
      ),
    );
    const after = await run(async () =>
      secretariatDeliberation.loader(
        args(request(`/x`, { cookie: await cookieFor(f.secretariat.id) }), { editionId: f.edition.id }),
      ),
    );
    const outcome = (after.body as { view: { outcome: { rows: { id: string }[] } } }).view.outcome;
    expect(outcome.rows[0].id).toBe(f.apps[0].app.id);
  });

  it("a conflicted juror does not see their conflict on the shortlist, and a ballot naming it is refused with nothing written", async () => {
    const f = await buildScoredEdition();
    await openOnTop4(f);
    const page = await run(async () =>
      ballot.loader(args(request(`/x`, { cookie: await cookieFor(f.jurors[1].user.id) }), { editionId: f.edition.id })),
    );
    expect(JSON.stringify(page.body)).not.toContain(f.apps[0].app.id);
    // The page says one is left out, and why, never which.
    expect((page.body as { view: { withheld: number } }).view.withheld).toBe(1);
    expect(renderPage(ballot.default, { locale: "en", data: page.body })).toContain(
      "One application of the shortlist is not shown: you are in conflict with it",
    );
    const res = await vote(f, 1, [0, 1, 2, 3]);
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { ballot: { message: "errors.ballot_application_invalid" } } },
    });
    expect(db().select({ n: count() }).from(ballots).where(eq(ballots.jurorId, f.jurors[1].member.id)).get()!.n).toBe(
      0,
    );
  });

  it("a ballot naming an application outside the shortlist is refused", async () => {
    const f = await buildScoredEdition();
    await openOnTop4(f);
    const res = await vote(f, 0, [0, 1, 2, 3, 5]);
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { ballot: { message: "errors.ballot_application_invalid" } } },
    });
  });

  it("a vote that arrives once the chair has closed the ballot records nothing and says so on the outcome", async () => {
    const f = await buildScoredEdition();
    await deliberateAndRecommend(f); // jurors 0–2 voted, then the chair closed the ballot
    const late = await vote(f, 3, [0, 1, 2, 3]);
    expect(late).toMatchObject({ status: 409, body: { tooLate: true } });
    expect(db().select().from(ballots).where(eq(ballots.jurorId, f.jurors[3].member.id)).all()).toEqual([]);
    const cookie = await cookieFor(f.jurors[3].user.id);
    const back = `/jury/${f.edition.id}/ballot`;
    const page = await run(() => ballot.loader(args(request(back, { cookie }), { editionId: f.edition.id })));
    const html = renderPage(ballot.default, { locale: "en", data: page.body, path: back, actionData: late.body });
    expect(html).toContain("The chair closed the ballot before your vote arrived: nothing was recorded.");
  });

  it("a recommendation recorded in another tab since the chair's page opened is not replaced unseen", async () => {
    const f = await buildScoredEdition();
    await deliberateAndRecommend(f); // the first tab's recommendation: f.apps[0] then f.apps[1]
    const recorded = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!;
    const chair = await cookieFor(f.chair.user.id);
    const recommend = (seen: string) =>
      run(() =>
        ballot.action(
          args(
            request(`/x`, {
              cookie: chair,
              form: recommendationForm(f, [1, 0], { seen, minutes: "Second tab." }),
            }),
            { editionId: f.edition.id },
          ),
        ),
      );
    // The second tab was opened before any recommendation: refused, what was typed handed back.
    const stale = await recommend("0");
    expect(stale).toMatchObject({
      status: 400,
      body: { errors: { minutes: { message: "errors.recommendation_changed" } }, values: { minutes: "Second tab." } },
    });
    expect(db().select().from(decisions).where(eq(decisions.id, recorded.id)).get()!.recommendation).toEqual([
      f.apps[0].app.id,
      f.apps[1].app.id,
    ]);
    // Sent again from the page now showing the recorded one: it replaces it knowingly.
    expect((await recommend(String(recorded.recommendedAt!.getTime()))).status).toBe(302);
    expect(db().select().from(decisions).where(eq(decisions.id, recorded.id)).get()!.recommendation).toEqual([
      f.apps[1].app.id,
      f.apps[0].app.id,
    ]);
  });

  it("only the chair can close the ballot: another juror gets 404", async () => {
    const f = await buildScoredEdition();
    await openOnTop4(f);
    await vote(f, 0, [0, 1, 2, 3]);
    const res = await run(async () =>
      ballot.action(
        args(
          request(`/x`, { cookie: await cookieFor(f.jurors[2].user.id), form: { intent: "close", confirm: "on" } }),
          { editionId: f.edition.id },
        ),
      ),
    );
    expect(res.status).toBe(404);
  });
});

/** Sessions are opened first: they are the one table a visit may write. */
async function cookiesOf(f: Fixture) {
  return {
    laureate: await cookieFor(f.apps[0].applicant.id),
    other: await cookieFor(f.apps[2].applicant.id),
    nominator: await cookieFor(f.nominator.id),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("decision and announcement", () => {
  it("recording the decision freezes a hashed snapshot, and a second decision is refused", async () => {
    const f = await buildScoredEdition();
    await deliberateAndRecommend(f);
    const res = await decide(f, new Date(Date.now() + 3600e3));
    expect(res.status).toBe(302);
    const d = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!;
    expect(d.snapshotSha256).toBe(sha256(d.snapshot!));
    const snap = JSON.parse(d.snapshot!) as {
      input: unknown;
      options: unknown;
      rubric: unknown[];
      software: { version: string };
      decision: { laureates: string[] };
    };
    expect(snap.rubric).toHaveLength(3);
    expect(snap.software.version).toBe("0.1.0");
    expect(canonicalJson(snap)).toBe(d.snapshot);
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .some((a) => a.action === "decision.recorded" && a.details.includes(d.snapshotSha256!)),
    ).toBe(true);
    const again = await decide(f, new Date(Date.now() + 7200e3));
    expect(again).toMatchObject({
      status: 400,
      body: { errors: { laureates: { message: "errors.decision_exists" } } },
    });
    expect(db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.snapshot).toBe(d.snapshot);
    const download = await snapshot.loader(
      args(request(`/x`, { cookie: await cookieFor(f.secretariat.id) }), { editionId: f.edition.id }),
    );
    expect(await download.text()).toBe(d.snapshot);
  });

  it("an announcement instant in the past is refused with nothing written", async () => {
    const f = await buildScoredEdition();
    const res = await decide(f, new Date(Date.now() - 3600e3));
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { announcementAt: { message: "errors.announcement_past" } } },
    });
    expect(db().select({ n: count() }).from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.n).toBe(0);
  });

  it("every mistake of a decision's post is said at once, each on its field, with nothing written", async () => {
    const f = await buildScoredEdition();
    const res = await decide(f, new Date(Date.now() - 3600e3), { decisionDate: "28/03/2024" }, [f.apps[0].app.id]);
    expect(res).toMatchObject({ status: 400 });
    expect((res.body as { errors: Record<string, { message: string }> }).errors).toEqual({
      decisionDate: { message: "errors.decision_date_invalid" },
      announcementAt: { message: "errors.announcement_past" },
      countConfirm: { message: "errors.decision_count_differs", vars: { count: 1, planned: 2 } },
    });
    const tomorrowAndMore = new Date(Date.now() + 3 * 864e5).toISOString().slice(0, 10);
    const future = await decide(f, new Date(Date.now() + 3600e3), { decisionDate: tomorrowAndMore });
    expect((future.body as { errors: Record<string, { message: string }> }).errors).toEqual({
      decisionDate: { message: "errors.decision_date_future" },
    });
    expect(db().select({ n: count() }).from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.n).toBe(0);
  });

  it("a decision naming an application of another edition is refused", async () => {
    const f = await buildScoredEdition();
    const other = await buildScoredEdition();
    const res = await decide(f, new Date(Date.now() + 3600e3), {
      [`laureate_${other.apps[0].app.id}`]: "on",
      countConfirm: "on",
    });
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { laureates: { message: "errors.decision_laureates_invalid" } } },
    });
  });

  it("once the jury has deliberated, a decision naming an application off its shortlist is refused", async () => {
    const f = await buildScoredEdition();
    await deliberateAndRecommend(f);
    // The fifth application: eligible and scored, but not on the shortlist the jury voted on.
    const res = await decide(f, new Date(Date.now() + 3600e3), {}, [f.apps[0].app.id, f.apps[4].app.id]);
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { laureates: { message: "errors.decision_laureates_invalid" } } },
    });
    expect(
      db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()?.decidedAt ?? null,
    ).toBeNull();
  });

  it("a number of laureates other than the edition plans is confirmed as such in a second step, then recorded", async () => {
    const f = await buildScoredEdition();
    const planned = getEditionBrief({ editionId: f.edition.id })!.laureateCount;
    expect(planned).toBe(2);
    const decideOne = (extra: Record<string, string> = {}) =>
      decide(f, new Date(Date.now() + 3600e3), extra, [f.apps[0].app.id]);
    const first = await decideOne();
    expect(first).toMatchObject({
      status: 400,
      body: {
        errors: { countConfirm: { message: "errors.decision_count_differs", vars: { count: 1, planned: 2 } } },
      },
    });
    expect(db().select({ n: count() }).from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.n).toBe(0);
    // The refused form comes back with the second confirmation to tick.
    const cookie = await cookieFor(f.secretariat.id);
    const loaded = await run(() => decisionPage.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id })));
    const render = (actionData?: unknown) =>
      renderPage(decisionPage.default, { locale: "fr", data: loaded.body, path: "/x", actionData });
    expect(render()).not.toContain('name="countConfirm"');
    const refusedPage = render(first.body);
    expect(refusedPage).toContain('name="countConfirm"');
    expect(refusedPage).toContain("Vous avez choisi 1 lauréat ; l’édition en prévoit 2.");
    const second = await decideOne({ countConfirm: "on" });
    expect(second.status).toBe(302);
    expect(db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.laureates).toEqual([
      f.apps[0].app.id,
    ]);
  });

  it("one second before the instant the public page is 404, the archive and the diploma hide the laureates, and the laureate's own pages say eligible and nothing more", async () => {
    const { f, at } = await decidedEdition();
    const cookies = await cookiesOf(f);
    // Other tests of this file announce their own editions: only the mail to this edition's
    // applicants counts, whatever else the announceDue below finds due.
    const laureateMails = () =>
      db()
        .select({ n: count() })
        .from(outbox)
        .where(
          and(
            eq(outbox.template, "results_laureate"),
            inArray(
              outbox.toAddress,
              f.apps.map((a) => a.applicant.email),
            ),
          ),
        )
        .get()!.n;
    const mailsBefore = laureateMails();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(at.getTime() - 1000));
    expect(
      (
        await run(() =>
          laureatesYear.loader(args(request(`/laureates/${f.edition.year}`), { year: String(f.edition.year) })),
        )
      ).status,
    ).toBe(404);
    const listed = await run(() => archive.loader(args(request(`/laureates?year=${f.edition.year}`))));
    expect((listed.body as { total: number }).total).toBe(0);
    expect(
      (
        await run(() =>
          diploma.loader(args(request(`/x`, { cookie: cookies.laureate }), { applicationId: f.apps[0].app.id })),
        )
      ).status,
    ).toBe(404);
    const own = await run(() =>
      applicationPage.loader(args(request(`/x`, { cookie: cookies.laureate }), { applicationId: f.apps[0].app.id })),
    );
    expect((own.body as { application: { state: string } }).application.state).toBe("eligible");
    const nominator = await run(() =>
      nominationPage.loader(args(request(`/x`, { cookie: cookies.nominator }), { applicationId: f.apps[0].app.id })),
    );
    expect((nominator.body as { application: { state: string } }).application.state).toBe("eligible");
    // Nothing of the decision leaks to the laureate's own pages: no citation, no date, no diploma.
    for (const body of [own.body, nominator.body]) {
      expect((body as { laureate: unknown }).laureate).toBeNull();
      expect(JSON.stringify(body)).not.toMatch(/For greening schools|Pour verdir|diplomas/);
    }
    expect(announceDue(new Date())).not.toContain(f.edition.year);
    expect(laureateMails()).toBe(mailsBefore);
  });

  it("opening the public laureates pages after the announcement instant writes nothing and shows the laureates", async () => {
    const { f, at } = await decidedEdition();
    const cookies = await cookiesOf(f);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(at.getTime() + 1000));
    const counts = () => ({
      editions: db().select({ n: count() }).from(editions).get()!.n,
      phase: db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!.phase,
      decisions: db().select({ n: count() }).from(decisions).get()!.n,
      announcedAt: db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.announcedAt,
      states: db()
        .select({ state: applications.state })
        .from(applications)
        .where(eq(applications.editionId, f.edition.id))
        .all()
        .map((a) => a.state),
      archive: db().select({ n: count() }).from(archiveLaureates).get()!.n,
      outbox: db().select({ n: count() }).from(outbox).get()!.n,
      audit: db().select({ n: count() }).from(auditLog).get()!.n,
    });
    const before = counts();
    expect(before.phase).toBe("decided");

    const page = await run(() =>
      laureatesYear.loader(
        args(request(`/laureates/${f.edition.year}`, { cookie: cookies.laureate }), { year: String(f.edition.year) }),
      ),
    );
    expect(page.status).toBe(200);
    const body = page.body as { laureates: { project: string; citation: { en: string } | null; diploma: boolean }[] };
    expect(body.laureates.map((l) => l.project)).toEqual(["Project 1", "Project 2"]);
    expect(body.laureates[0].citation?.en).toBe("For greening schools");
    expect(body.laureates[0].diploma).toBe(true);
    const listed = await run(() => archive.loader(args(request(`/laureates?year=${f.edition.year}`))));
    expect((listed.body as { rows: { project: string }[] }).rows.map((r) => r.project).sort()).toEqual([
      "Project 1",
      "Project 2",
    ]);
    // The laureate's own pages agree with the public one, before the job has run.
    const pdf = await diploma.loader(
      args(request(`/x`, { cookie: cookies.laureate }), { applicationId: f.apps[0].app.id }),
    );
    expect(pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain("for the project “Project 1”");
    for (const who of [cookies.other, cookies.nominator]) {
      expect(
        (await run(() => diploma.loader(args(request(`/x`, { cookie: who }), { applicationId: f.apps[0].app.id }))))
          .status,
      ).toBe(404);
    }
    const own = await run(() =>
      applicationPage.loader(args(request(`/x`, { cookie: cookies.laureate }), { applicationId: f.apps[0].app.id })),
    );
    expect((own.body as { application: { state: string } }).application.state).toBe("laureate");
    expect((own.body as { laureate: unknown }).laureate).toEqual({
      announcementAt: at,
      citation: { en: "For greening schools", fr: "Pour verdir les écoles" },
      diploma: true,
      revoked: null,
    });
    const list = await run(() => applicationsList.loader(args(request(`/applications`, { cookie: cookies.other }))));
    expect(
      (list.body as { applications: { id: string; state: string }[] }).applications.find(
        (a) => a.id === f.apps[2].app.id,
      )?.state,
    ).toBe("not_selected");
    const nominator = await run(() =>
      nominationPage.loader(args(request(`/x`, { cookie: cookies.nominator }), { applicationId: f.apps[1].app.id })),
    );
    expect((nominator.body as { application: { state: string } }).application.state).toBe("laureate");
    // The entity reads the citation and the date; the diploma stays the laureate's to download.
    expect((nominator.body as { laureate: unknown }).laureate).toEqual({
      announcementAt: at,
      citation: { en: "For open content", fr: "Pour des contenus ouverts" },
      diploma: false,
      revoked: null,
    });
    expect(
      listApplicationsForEntity({ entityId: f.entity.id, editionId: f.edition.id })
        .map((a) => a.state)
        .sort(),
    ).toEqual(["laureate", "laureate", "not_selected", "not_selected", "not_selected", "not_selected"]);

    expect(counts()).toEqual(before);
  });

  it("the public page follows the recorded decision's instant, not a copy of it", async () => {
    const { f, at } = await decidedEdition();
    const later = new Date(at.getTime() + 3600e3);
    db().update(decisions).set({ announcementAt: later }).where(eq(decisions.editionId, f.edition.id)).run();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(at.getTime() + 1000));
    expect(
      (
        await run(() =>
          laureatesYear.loader(args(request(`/laureates/${f.edition.year}`), { year: String(f.edition.year) })),
        )
      ).status,
    ).toBe(404);
    expect((await run(() => archive.loader(args(request(`/laureates?year=${f.edition.year}`))))).body).toMatchObject({
      total: 0,
      facets: { years: expect.not.arrayContaining([f.edition.year]) },
    });
    vi.setSystemTime(later);
    expect(
      (
        await run(() =>
          laureatesYear.loader(args(request(`/laureates/${f.edition.year}`), { year: String(f.edition.year) })),
        )
      ).status,
    ).toBe(200);
    expect((await run(() => archive.loader(args(request(`/laureates?year=${f.edition.year}`))))).body).toMatchObject({
      total: 2,
      facets: { years: expect.arrayContaining([f.edition.year]) },
    });
  });

  it("a decision recorded without its archive rows still goes live at its instant once the job has run", async () => {
    const { f, at } = await decidedEdition();
    db().delete(archiveLaureates).where(eq(archiveLaureates.editionId, f.edition.id)).run();
    await runScheduledJobs({ warm: false });
    const rows = db().select().from(archiveLaureates).where(eq(archiveLaureates.editionId, f.edition.id)).all();
    expect(rows.map((r) => r.publishedAt.getTime())).toEqual([at.getTime(), at.getTime()]);
    expect(db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.announcedAt).toBeNull();
  });

  it("the public archive holds the seeded past laureates, filterable by year and country", async () => {
    const { seedPastLaureates } = await import("../../../app/results/models/past-laureates.server");
    seedPastLaureates(db());
    const byYear = await run(() => archive.loader(args(request(`/laureates?year=2018`))));
    expect((byYear.body as { rows: { project: string }[] }).rows.map((r) => r.project).sort()).toEqual([
      "Can't Wait to Learn",
      "ThingLink",
    ]);
    const byCountry = await run(() => archive.loader(args(request(`/laureates?country=FI`))));
    expect((byCountry.body as { rows: { year: number }[] }).rows.map((r) => r.year).filter((y) => y < 2100)).toEqual([
      2020, 2018, 2006,
    ]);
    expect((await run(() => laureatesYear.loader(args(request(`/laureates/2007`), { year: "2007" })))).status).toBe(
      200,
    );
    expect((await run(() => laureatesYear.loader(args(request(`/laureates/2012`), { year: "2012" })))).status).toBe(
      404,
    );
    expect(
      db()
        .select({ n: count() })
        .from(archiveLaureates)
        .where(and(eq(archiveLaureates.year, 2025)))
        .get()!.n,
    ).toBe(4);
  });
});
