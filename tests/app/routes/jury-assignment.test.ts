import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { assignments, auditLog, conflicts, formTokens, outbox, reviews } from "../../../db/schema";
import * as dashboard from "../../../app/routes/jury._index";
import * as assignmentPage from "../../../app/routes/secretariat.editions.$editionId.assignment";
import * as conflictsPage from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import { detectConflicts } from "../../../app/jury/models/conflict-detect.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { publishPair } from "../../fixtures/jury";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { newFormSeed } from "../../../app/kernel/server/retry-safe.server";
import { closeResultsWorker, resultsWorkerJobs } from "../../../app/results/models/results-worker.server";
import { addApplications, args, decideConflicts, scenario } from "../../fixtures/jury-routes";

describe("assignment screen", () => {
  it("an infeasible configuration explains itself in plain words and writes nothing", async () => {
    const s = await scenario();
    await decideConflicts(s);
    const res = await run(() =>
      assignmentPage.action(
        args(
          request(`/secretariat/editions/${s.editionId}/assignment`, {
            cookie: s.staffCookie,
            form: { intent: "run", reviewers: "3", maxLoad: "3", minLoad: "0" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(res.status).toBe(400);
    const body = res.body as {
      errors: Record<string, { message: string }>;
      explanation: { key: string; vars: Record<string, string> }[];
      technical: string;
    };
    expect(body.errors.reviewers.message).toBe("errors.jury_assignment_infeasible");
    expect(body.explanation).toEqual([
      {
        key: "jury.infeasible.short_application",
        vars: { title: "Solar tablets for rural schools", needs: "3", eligible: "2", conflicts: "1", language: "0" },
      },
    ]);
    expect(body.technical).toMatch(/fewer eligible jurors/);
    expect(db().select({ n: count() }).from(assignments).where(eq(assignments.editionId, s.editionId)).get()!.n).toBe(
      0,
    );
  });

  it("too little capacity is explained with the numbers", async () => {
    const s = await scenario();
    await decideConflicts(s);
    const res = await run(() =>
      assignmentPage.action(
        args(
          request(`/secretariat/editions/${s.editionId}/assignment`, {
            cookie: s.staffCookie,
            form: { intent: "run", reviewers: "2", maxLoad: "1", minLoad: "0" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect((res.body as { explanation: unknown }).explanation).toEqual([
      { key: "jury.infeasible.capacity", vars: { demand: "6", capacity: "3" } },
    ]);
  });

  it("the preview shows loads, coverage and shared pairs; publishing creates reviews and e-mails each juror", async () => {
    const { s, url } = await draftToPublish();
    const page = await run(() =>
      assignmentPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })),
    );
    const overview = (
      page.body as {
        overview: {
          loads: { load: number }[];
          coverage: { jurors: string[] }[];
          pairs: unknown[];
          unpublished: number;
        };
      }
    ).overview;
    expect(overview.loads.map((l) => l.load)).toEqual([2, 2, 2]);
    expect(overview.coverage.every((c) => c.jurors.length === 2)).toBe(true);
    expect(overview.pairs.length).toBeGreaterThan(0);
    expect(overview.unpublished).toBe(6);
    // Jurors see nothing before publication.
    const before = await run(async () =>
      dashboard.loader(args(request("/jury", { cookie: await cookieFor(s.jurors[0].userId) }))),
    );
    expect(before.body).toMatchObject({ editions: [{ reviews: [] }] });
    const noConfirm = await run(() =>
      assignmentPage.action(
        args(request(url, { cookie: s.staffCookie, form: { intent: "publish" } }), { editionId: s.editionId }),
      ),
    );
    expect(noConfirm.status).toBe(400);
    const published = await run(() =>
      assignmentPage.action(
        args(request(url, { cookie: s.staffCookie, form: { intent: "publish", confirm: "on" } }), {
          editionId: s.editionId,
        }),
      ),
    );
    expect(published.status).toBe(302);
    expect(
      db()
        .select({ n: count() })
        .from(reviews)
        .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
        .where(eq(assignments.editionId, s.editionId))
        .get()!.n,
    ).toBe(6);
    // Each published assignment: its publication instant, its review, one audit row naming both.
    const opened = db()
      .select({
        assignmentId: assignments.id,
        publishedAt: assignments.publishedAt,
        reviewId: reviews.id,
        state: reviews.state,
      })
      .from(assignments)
      .innerJoin(reviews, eq(reviews.assignmentId, assignments.id))
      .where(eq(assignments.editionId, s.editionId))
      .all();
    const audited = db()
      .select({ objectId: auditLog.objectId, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, "assignment.published"))
      .all()
      .map((r) => ({ assignmentId: r.objectId, reviewId: (JSON.parse(r.details) as { reviewId: string }).reviewId }));
    expect(new Set(opened.map((o) => o.state))).toEqual(new Set(["assigned"]));
    expect(opened.every((o) => o.publishedAt instanceof Date)).toBe(true);
    expect(audited.sort((x, y) => x.assignmentId!.localeCompare(y.assignmentId!))).toEqual(
      opened
        .map(({ assignmentId, reviewId }) => ({ assignmentId, reviewId }))
        .sort((x, y) => x.assignmentId.localeCompare(y.assignmentId)),
    );
    expect(verifyAuditChain().ok).toBe(true);
    for (const j of s.jurors)
      expect(
        db()
          .select()
          .from(outbox)
          .where(and(eq(outbox.template, "jury_assignment"), eq(outbox.toAddress, j.email)))
          .all(),
      ).toHaveLength(1);
    // The overview shown before publication is kept until the edition's data versions move: the
    // publication moved them, so the same page now shows nothing left unpublished.
    const after = await run(() =>
      assignmentPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })),
    );
    expect((after.body as { overview: { unpublished: number; loads: { load: number }[] } }).overview).toMatchObject({
      unpublished: 0,
      loads: [{ load: 2 }, { load: 2 }, { load: 2 }],
    });
  });

  /** An edition with a draft assignment of 6 pairs, and its publication posted with one form token. */
  async function draftToPublish() {
    const s = await scenario();
    await decideConflicts(s);
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    await run(() =>
      assignmentPage.action(
        args(
          request(url, { cookie: s.staffCookie, form: { intent: "run", reviewers: "2", maxLoad: "2", minLoad: "0" } }),
          { editionId: s.editionId },
        ),
      ),
    );
    const formToken = `${newFormSeed()}:R1:`;
    const publish = () =>
      run(() =>
        assignmentPage.action(
          args(request(url, { cookie: s.staffCookie, form: { intent: "publish", confirm: "on", formToken } }), {
            editionId: s.editionId,
          }),
        ),
      );
    const audited = () =>
      db()
        .select({ n: count() })
        .from(auditLog)
        .innerJoin(assignments, eq(assignments.id, auditLog.objectId))
        .where(and(eq(auditLog.action, "assignment.published"), eq(assignments.editionId, s.editionId)))
        .get()!.n;
    return { s, url, formToken, publish, audited };
  }

  /** Runs `during` once the reading worker holds the publication (it waits 0.8 s there first). */
  async function withSlowWorker<T>(during: () => Promise<T>): Promise<T> {
    await closeResultsWorker();
    process.env.JOBS_WORKER_DELAY_MS = "800";
    try {
      return await during();
    } finally {
      delete process.env.JOBS_WORKER_DELAY_MS;
      await closeResultsWorker();
    }
  }

  const workerHolds = async () => {
    for (let i = 0; i < 2000 && resultsWorkerJobs() === 0; i++) await new Promise((next) => setTimeout(next, 10));
    return resultsWorkerJobs();
  };

  it("publishing is written in the reading worker while this thread answers, and a double click publishes once", async () => {
    const { url, publish, audited } = await draftToPublish();
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 20);
    try {
      await withSlowWorker(async () => {
        const both = Promise.all([publish(), publish()]);
        expect(await workerHolds()).toBe(1);
        const ticksBefore = ticks;
        const [first, second] = await both;
        expect(ticks - ticksBefore).toBeGreaterThan(10);
        expect([first.status, second.status]).toEqual([302, 302]);
        expect(first.headers.get("Location")).toBe(`${url}?published=6`);
        expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
      });
    } finally {
      clearInterval(ticking);
    }
    expect(audited()).toBe(6);
    expect(verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("a publication whose form token another server process claimed meanwhile writes nothing and answers as that one did", async () => {
    const { s, formToken, publish, audited } = await draftToPublish();
    await withSlowWorker(async () => {
      const publishing = publish();
      expect(await workerHolds()).toBe(1);
      // The same post, handled by another process of the cluster, committed while this one waited.
      db()
        .insert(formTokens)
        .values({
          scope: s.secretariat.id,
          token: formToken,
          claim: "another process",
          response: JSON.stringify({ kind: "redirect", location: "/elsewhere", status: 302 }),
        })
        .run();
      const answer = await publishing;
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/elsewhere");
    });
    expect(audited()).toBe(0);
  });

  it("a manual addition that breaks a hard constraint is refused", async () => {
    const s = await scenario();
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    await detectConflicts({ editionId: s.editionId, actorId: null });
    const res = await run(() =>
      assignmentPage.action(
        args(
          request(url, {
            cookie: s.staffCookie,
            form: { intent: "add", memberId: s.jurors[2].memberId, applicationId: s.applications[0].id, maxLoad: "3" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { memberId: { message: "errors.jury_pair_conflict" } } },
    });
    const ok = await run(() =>
      assignmentPage.action(
        args(
          request(url, {
            cookie: s.staffCookie,
            form: { intent: "add", memberId: s.jurors[0].memberId, applicationId: s.applications[0].id, maxLoad: "3" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(ok.status).toBe(302);
    const again = await run(() =>
      assignmentPage.action(
        args(
          request(url, {
            cookie: s.staffCookie,
            form: { intent: "add", memberId: s.jurors[0].memberId, applicationId: s.applications[0].id, maxLoad: "3" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(again).toMatchObject({
      status: 400,
      body: { errors: { memberId: { message: "errors.jury_pair_exists" } } },
    });
  });

  it("the coverage is shown 50 applications a page, those with too few jurors first, with the totals", async () => {
    const s = await scenario();
    addApplications(s, 60);
    for (const app of s.applications)
      for (const j of s.jurors.slice(0, 2)) publishPair(db(), s.editionId, j.memberId, app.id);
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    type Overview = {
      coverage: { id: string; jurors: string[] }[];
      covered: number;
      underCovered: number;
      page: number;
      pages: number;
      loads: { load: number }[];
    };
    const first = (
      await run(() => assignmentPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })))
    ).body as { overview: Overview };
    expect(first.overview).toMatchObject({ covered: 3, underCovered: 60, page: 1, pages: 2 });
    expect(first.overview.coverage).toHaveLength(50);
    expect(first.overview.coverage.every((c) => c.jurors.length === 0)).toBe(true);
    expect(first.overview.loads.map((l) => l.load)).toEqual([3, 3, 0]);
    const second = (
      await run(() =>
        assignmentPage.loader(args(request(`${url}?page=2`, { cookie: s.staffCookie }), { editionId: s.editionId })),
      )
    ).body as { overview: Overview };
    expect(second.overview.coverage).toHaveLength(13);
    expect(second.overview.coverage.slice(-3).map((c) => c.id)).toEqual(
      s.applications
        .map((a) => a.id)
        .sort((x, y) =>
          s.applications.find((a) => a.id === x)!.title.localeCompare(s.applications.find((a) => a.id === y)!.title),
        ),
    );
    expect(second.overview.coverage.at(-1)!.jurors).toEqual(["Juror Ana", "Juror Bo"]);
  });

  it("an adjustment step page carries no preview, and lists the applications when there are few", async () => {
    const s = await scenario();
    const page = await run(() =>
      assignmentPage.loader(
        args(request(`/secretariat/editions/${s.editionId}/assignment?adjust=add`, { cookie: s.staffCookie }), {
          editionId: s.editionId,
        }),
      ),
    );
    const body = page.body as { adjust: string; overview: unknown; applicationOptions: { value: string }[] | null };
    expect(body).toMatchObject({ adjust: "add", overview: null });
    expect(body.applicationOptions!.map((o) => o.value).sort()).toEqual(s.applications.map((a) => a.id).sort());
  });

  it("an assignment is swapped or removed by naming its application and current juror, audited", async () => {
    const s = await scenario();
    const [ana, bo, chidi] = s.jurors;
    const textbooks = s.applications[2];
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    const post = (form: Record<string, string>) =>
      run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form }), { editionId: s.editionId })));
    expect(
      (await post({ intent: "add", memberId: ana.memberId, applicationId: textbooks.id, maxLoad: "3" })).status,
    ).toBe(302);
    expect(
      await post({
        intent: "swap",
        applicationId: textbooks.id,
        fromMemberId: bo.memberId,
        memberId: chidi.memberId,
        maxLoad: "3",
      }),
    ).toMatchObject({ status: 400, body: { errors: { fromMemberId: { message: "errors.jury_assignment_none" } } } });
    expect(
      (
        await post({
          intent: "swap",
          applicationId: textbooks.id,
          fromMemberId: ana.memberId,
          memberId: bo.memberId,
          maxLoad: "3",
        })
      ).status,
    ).toBe(302);
    const holders = () =>
      db()
        .select({ j: assignments.jurorId })
        .from(assignments)
        .where(eq(assignments.applicationId, textbooks.id))
        .all()
        .map((a) => a.j);
    expect(holders()).toEqual([bo.memberId]);
    expect(await post({ intent: "remove", fromMemberId: bo.memberId })).toMatchObject({
      status: 400,
      body: { errors: { applicationId: { message: "errors.required" } } },
    });
    expect((await post({ intent: "remove", applicationId: textbooks.id, fromMemberId: bo.memberId })).status).toBe(302);
    expect(holders()).toEqual([]);
    expect(
      db()
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, "assignment.removed"), eq(auditLog.objectType, "assignment")))
        .all()[0].n,
    ).toBeGreaterThanOrEqual(2);
  });

  it("beyond 200 applications the forms ask for a reference number, and an unknown one is refused next to the field", async () => {
    const s = await scenario();
    const extra = addApplications(s, 200);
    const [ana] = s.jurors;
    const conflictsUrl = `/secretariat/editions/${s.editionId}/conflicts`;
    const step = await run(() =>
      conflictsPage.loader(
        args(request(`${conflictsUrl}?add=1`, { cookie: s.staffCookie }), { editionId: s.editionId }),
      ),
    );
    expect(step.body).toMatchObject({ adding: true, applicationOptions: null, conflicts: [] });
    const unknown = await run(() =>
      conflictsPage.action(
        args(
          request(conflictsUrl, {
            cookie: s.staffCookie,
            form: { intent: "add", memberId: ana.memberId, reference: "KH-1999-0001", reason: "Former employer" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(unknown).toMatchObject({
      status: 400,
      body: {
        errors: { reference: { message: "errors.jury_reference_unknown", vars: { reference: "KH-1999-0001" } } },
        values: { reference: "KH-1999-0001" },
      },
    });
    const empty = await run(() =>
      conflictsPage.action(
        args(
          request(conflictsUrl, {
            cookie: s.staffCookie,
            form: { intent: "add", memberId: ana.memberId, reference: " ", reason: "Former employer" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(empty).toMatchObject({ status: 400, body: { errors: { reference: { message: "errors.required" } } } });
    // Typed in small letters, the reference is still found.
    const found = await run(() =>
      conflictsPage.action(
        args(
          request(conflictsUrl, {
            cookie: s.staffCookie,
            form: {
              intent: "add",
              memberId: ana.memberId,
              reference: extra[7].reference.toLowerCase(),
              reason: "Former employer",
            },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(found.status).toBe(302);
    expect(
      db()
        .select({ a: conflicts.applicationId })
        .from(conflicts)
        .where(and(eq(conflicts.jurorId, ana.memberId), eq(conflicts.source, "manual")))
        .all(),
    ).toHaveLength(1);
    // The same on the assignment's add step: a conflicted pair is refused on the reference field's form.
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    const add = (reference: string) =>
      run(() =>
        assignmentPage.action(
          args(
            request(url, {
              cookie: s.staffCookie,
              form: { intent: "add", memberId: ana.memberId, reference, maxLoad: "5" },
            }),
            { editionId: s.editionId },
          ),
        ),
      );
    expect(await add("nope")).toMatchObject({
      status: 400,
      body: { errors: { reference: { message: "errors.jury_reference_unknown" } } },
    });
    expect(await add(extra[7].reference)).toMatchObject({
      status: 400,
      body: { errors: { memberId: { message: "errors.jury_pair_conflict" } } },
    });
    expect((await add(extra[8].reference)).status).toBe(302);
  });
});
