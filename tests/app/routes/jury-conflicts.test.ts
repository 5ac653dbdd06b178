import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { assignments, auditLog, conflicts, juryMembers, outbox, reviews } from "../../../db/schema";
import * as declare from "../../../app/routes/jury.$editionId.conflicts";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import * as assignmentPage from "../../../app/routes/secretariat.editions.$editionId.assignment";
import * as conflictsPage from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import { organisationDomain, recordProposals } from "../../../app/jury/models/conflict-detection.server";
import { detectConflicts } from "../../../app/jury/models/conflict-detect.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { publishPair, reviewOf } from "../../fixtures/jury";
import { args, decideConflicts, scenario, scoredReview, type Scenario } from "../../fixtures/jury-routes";

/** A published review in the given state, with scores, comments and confidence as a juror would leave them. */
/** Everything opening a page must leave as it was. */
function snapshot() {
  return {
    conflicts: db().select({ id: conflicts.id, status: conflicts.status }).from(conflicts).orderBy(conflicts.id).all(),
    reviews: db()
      .select({ id: reviews.id, state: reviews.state, version: reviews.version })
      .from(reviews)
      .orderBy(reviews.id)
      .all(),
    audit: db().select({ n: count() }).from(auditLog).get()!.n,
    outbox: db().select({ n: count() }).from(outbox).get()!.n,
  };
}

describe("conflicts of interest", () => {
  it("a juror declares a conflict and is then never assigned that application", async () => {
    const s = await scenario({ reviewers: 1 });
    const [ana] = s.jurors;
    const cookie = await cookieFor(ana.userId);
    const solar = s.applications[0];
    const res = await run(() =>
      declare.action(
        args(
          request(`/jury/${s.editionId}/conflicts`, {
            cookie,
            form: { intent: "declare", applicationId: solar.id, reason: "I advised them in 2022" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(res.status).toBe(302);
    await decideConflicts(s);
    const run1 = await run(() =>
      assignmentPage.action(
        args(
          request(`/secretariat/editions/${s.editionId}/assignment`, {
            cookie: s.staffCookie,
            form: { intent: "run", reviewers: "1", maxLoad: "3", minLoad: "0" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(run1.status).toBe(302);
    const pairs = db().select().from(assignments).where(eq(assignments.editionId, s.editionId)).all();
    expect(pairs).toHaveLength(3);
    // Only Bo may score the Kenyan project: Ana declared a conflict, Chidi is from Kenya.
    expect(pairs.find((p) => p.applicationId === solar.id)!.jurorId).toBe(s.jurors[1].memberId);
    expect(pairs.some((p) => p.jurorId === ana.memberId && p.applicationId === solar.id)).toBe(false);
    // Chidi (Kenya) is in conflict with the Kenyan project automatically.
    expect(pairs.some((p) => p.jurorId === s.jurors[2].memberId && p.applicationId === solar.id)).toBe(false);
    expect(
      db()
        .select({ n: count() })
        .from(conflicts)
        .where(and(eq(conflicts.editionId, s.editionId), eq(conflicts.status, "confirmed")))
        .get()!.n,
    ).toBe(2);
  });

  it("a juror cannot declare a conflict with an application of another edition (tampered id)", async () => {
    const s = await scenario();
    const other = await scenario();
    const cookie = await cookieFor(s.jurors[0].userId);
    const res = await run(() =>
      declare.action(
        args(
          request(`/jury/${s.editionId}/conflicts`, {
            cookie,
            form: { intent: "declare", applicationId: other.applications[0].id, reason: "x" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { applicationId: { message: "errors.jury_application_unknown" } }, values: { reason: "x" } },
    });
    expect(
      db()
        .select({ n: count() })
        .from(conflicts)
        .where(and(eq(conflicts.source, "declared"), eq(conflicts.editionId, s.editionId)))
        .get()!.n,
    ).toBe(0);
  });

  it("a juror withdraws a conflict declared by mistake before publication (audited); another juror's or a detected conflict cannot be withdrawn; after publication it stays", async () => {
    const s = await scenario();
    const [ana, bo, chidi] = s.jurors;
    const solar = s.applications[0];
    const post = async (userId: string, form: Record<string, string>) =>
      run(async () =>
        declare.action(
          args(request(`/jury/${s.editionId}/conflicts`, { cookie: await cookieFor(userId), form }), {
            editionId: s.editionId,
          }),
        ),
      );
    const declared = (memberId: string) =>
      db()
        .select({ n: count() })
        .from(conflicts)
        .where(and(eq(conflicts.jurorId, memberId), eq(conflicts.source, "declared")))
        .get()!.n;
    expect((await post(ana.userId, { intent: "declare", applicationId: solar.id, reason: "Wrong line" })).status).toBe(
      302,
    );

    // The confirmation step is a page of its own; without the box ticked nothing changes.
    const page = await run(async () =>
      declare.loader(
        args(request(`/jury/${s.editionId}/conflicts?withdraw=${solar.id}`, { cookie: await cookieFor(ana.userId) }), {
          editionId: s.editionId,
        }),
      ),
    );
    expect(page.body).toMatchObject({ canWithdraw: true, withdrawing: { id: solar.id, conflict: "Wrong line" } });
    expect(await post(ana.userId, { intent: "withdraw", applicationId: solar.id })).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.jury_confirm_required" } } },
    });
    // Bo has declared nothing; Chidi's conflict with the Kenyan project was detected, not declared.
    expect(await post(bo.userId, { intent: "withdraw", applicationId: solar.id, confirm: "on" })).toMatchObject({
      status: 400,
      body: { errors: { applicationId: { message: "errors.jury_conflict_unknown" } } },
    });
    await detectConflicts({ editionId: s.editionId, actorId: null });
    expect(await post(chidi.userId, { intent: "withdraw", applicationId: solar.id, confirm: "on" })).toMatchObject({
      status: 400,
      body: { errors: { applicationId: { message: "errors.jury_conflict_unknown" } } },
    });
    expect(declared(ana.memberId)).toBe(1);

    expect((await post(ana.userId, { intent: "withdraw", applicationId: solar.id, confirm: "on" })).status).toBe(302);
    expect(declared(ana.memberId)).toBe(0);
    const audit = db().select().from(auditLog).where(eq(auditLog.action, "conflict.withdrawn")).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({
      applicationId: solar.id,
      reason: "Wrong line",
      source: "declared",
    });

    // Once an assignment is published, a declaration stands.
    expect(
      (await post(ana.userId, { intent: "declare", applicationId: solar.id, reason: "Advised them" })).status,
    ).toBe(302);
    publishPair(db(), s.editionId, bo.memberId, s.applications[1].id);
    expect(await post(ana.userId, { intent: "withdraw", applicationId: solar.id, confirm: "on" })).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.jury_conflict_locked" } } },
    });
    expect(declared(ana.memberId)).toBe(1);
    const after = await run(async () =>
      declare.loader(
        args(request(`/jury/${s.editionId}/conflicts?withdraw=${solar.id}`, { cookie: await cookieFor(ana.userId) }), {
          editionId: s.editionId,
        }),
      ),
    );
    expect(after.body).toMatchObject({ canWithdraw: false, withdrawing: null });
  });

  it("a juror's conflicts page answers 404 for an edition they do not serve on", async () => {
    const s = await scenario();
    const other = await scenario();
    const cookie = await cookieFor(s.jurors[0].userId);
    const res = await run(() =>
      declare.loader(args(request(`/jury/${other.editionId}/conflicts`, { cookie }), { editionId: other.editionId })),
    );
    expect(res.status).toBe(404);
  });
  it("detection ignores public webmail and reserved test domains but finds a shared organisation domain", () => {
    expect(organisationDomain("someone@gmail.com")).toBeNull();
    expect(organisationDomain("juror@demo.prize.test")).toBeNull();
    expect(organisationDomain("info@sunlearn.example")).toBeNull();
    expect(organisationDomain("a@example.org")).toBeNull();
    expect(organisationDomain("Director@Sunlearn.org")).toBe("sunlearn.org");
  });
});

describe("conflict proposals", () => {
  const register = (s: { editionId: string }) => `/secretariat/editions/${s.editionId}/conflicts`;
  const post = (s: { editionId: string; staffCookie: string }, form: Record<string, string>, cookie = s.staffCookie) =>
    run(() => conflictsPage.action(args(request(register(s), { cookie, form }), { editionId: s.editionId })));
  const chidiKenya = (s: Scenario) =>
    db()
      .select()
      .from(conflicts)
      .where(and(eq(conflicts.jurorId, s.jurors[2].memberId), eq(conflicts.applicationId, s.applications[0].id)))
      .get()!;

  it("opening the conflicts register, its steps and the assignment writes nothing, even where detection would find a conflict on a submitted review", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "submitted");
    const before = snapshot();
    for (const url of [register(s), `${register(s)}?add=1`, `${register(s)}?page=2`])
      expect(
        (
          await run(() =>
            conflictsPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })),
          )
        ).status,
      ).toBe(200);
    expect(
      (
        await run(() =>
          assignmentPage.loader(
            args(request(`/secretariat/editions/${s.editionId}/assignment`, { cookie: s.staffCookie }), {
              editionId: s.editionId,
            }),
          ),
        )
      ).status,
    ).toBe(200);
    expect(snapshot()).toEqual(before);
    expect(db().select({ n: count() }).from(conflicts).where(eq(conflicts.editionId, s.editionId)).get()!.n).toBe(0);
    const page = await run(() =>
      conflictsPage.loader(args(request(register(s), { cookie: s.staffCookie }), { editionId: s.editionId })),
    );
    expect(page.body).toMatchObject({ total: 0, proposed: 0, conflicts: [] });
  });

  it("detecting is a POST that records proposals and recuses nothing; a dismissed proposal is not proposed again", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "submitted");
    const detected = await post(s, { intent: "detect" });
    expect(detected.headers.get("Location")).toBe(`${register(s)}?detected=1`);
    expect(chidiKenya(s)).toMatchObject({
      source: "same_country",
      status: "proposed",
      reason: "KE",
      confirmedAt: null,
    });
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)).toMatchObject({
      state: "submitted",
      version: 3,
    });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "conflict.proposed"), eq(auditLog.objectId, chidiKenya(s).id)))
        .all(),
    ).toHaveLength(1);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, "review.recused"),
            eq(auditLog.objectId, reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.id),
          ),
        )
        .all(),
    ).toHaveLength(0);
    // The juror keeps working on a proposal: nothing is hidden from them yet.
    const reviewId = reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.id;
    expect(
      (
        await run(async () =>
          reviewPage.loader(
            args(request(`/jury/reviews/${reviewId}`, { cookie: await cookieFor(s.jurors[2].userId) }), { reviewId }),
          ),
        )
      ).status,
    ).toBe(200);
    const page = await run(() =>
      conflictsPage.loader(args(request(register(s), { cookie: s.staffCookie }), { editionId: s.editionId })),
    );
    expect(page.body).toMatchObject({
      total: 1,
      proposed: 1,
      proposedWithSubmitted: 1,
      conflicts: [{ status: "proposed", reviewState: "submitted", jurorName: "Juror Chidi" }],
    });

    expect((await post(s, { intent: "detect" })).headers.get("Location")).toBe(`${register(s)}?detected=0`);
    const dismissed = await post(s, { intent: "dismiss", conflictId: chidiKenya(s).id });
    expect(dismissed.headers.get("Location")).toBe(`${register(s)}?dismissed=1`);
    expect(chidiKenya(s)).toMatchObject({ status: "dismissed", dismissedBy: s.secretariat.id });
    expect(
      JSON.parse(
        db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "conflict.dismissed"), eq(auditLog.objectId, chidiKenya(s).id)))
          .get()!.details,
      ),
    ).toMatchObject({ jurorId: s.jurors[2].memberId, applicationId: s.applications[0].id, source: "same_country" });
    expect((await post(s, { intent: "detect" })).headers.get("Location")).toBe(`${register(s)}?detected=0`);
    expect(chidiKenya(s).status).toBe("dismissed");
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.state).toBe("submitted");
    // Decided once, it cannot be decided again.
    expect(await post(s, { intent: "confirm", conflictId: chidiKenya(s).id })).toMatchObject({
      status: 400,
      body: { errors: { conflictId: { message: "errors.jury_conflict_decided" } } },
    });
  });

  it("recording proposals leaves a pair already in the register as it is and audits only the new ones", async () => {
    const s = await scenario();
    await post(s, { intent: "detect" });
    const before = chidiKenya(s);
    const proposedRows = () => db().select().from(auditLog).where(eq(auditLog.action, "conflict.proposed")).all();
    const auditedBefore = proposedRows().length;
    const pair = { jurorId: s.jurors[0].memberId, applicationId: s.applications[1].id };
    const known = { jurorId: s.jurors[2].memberId, applicationId: s.applications[0].id };
    const found = [
      { ...known, source: "same_country" as const, reason: "KE" },
      { ...pair, source: "same_organisation" as const, reason: "x.org" },
    ];
    expect(db().transaction((tx) => recordProposals(tx, s.editionId, found, s.secretariat.id))).toBe(1);
    expect(chidiKenya(s)).toEqual(before);
    const where = and(eq(conflicts.jurorId, pair.jurorId), eq(conflicts.applicationId, pair.applicationId));
    const fresh = db().select().from(conflicts).where(where).get()!;
    expect(fresh).toMatchObject({ status: "proposed", reason: "x.org", confirmedAt: null });
    const audited = proposedRows();
    expect(audited).toHaveLength(auditedBefore + 1);
    expect(audited.at(-1)).toMatchObject({ objectId: fresh.id, actorId: s.secretariat.id });
    expect(JSON.parse(audited.at(-1)!.details)).toEqual({ editionId: s.editionId, ...found[1], status: "proposed" });
  });

  it("confirming a proposal on a draft review recuses it, keeps the draft's scores in the audit log and tells the juror", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "draft");
    await post(s, { intent: "detect" });
    const res = await post(s, { intent: "confirm", conflictId: chidiKenya(s).id });
    expect(res.headers.get("Location")).toBe(`${register(s)}?confirmed=1`);
    expect(chidiKenya(s)).toMatchObject({ status: "confirmed", confirmedBy: s.secretariat.id });
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)).toMatchObject({ state: "recused", version: 4 });
    const audit = db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "review.recused"),
          eq(auditLog.objectId, reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.id),
        ),
      )
      .get()!;
    expect(JSON.parse(audit.details)).toMatchObject({
      before: { state: "draft", version: 3, scores: { innovation: 7, impact: 8, inclusion: 6 } },
    });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "conflict.confirmed"), eq(auditLog.objectId, chidiKenya(s).id)))
        .all(),
    ).toHaveLength(1);
    expect(
      db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.template, "jury_conflict_confirmed"), eq(outbox.toAddress, s.jurors[2].email)))
        .all(),
    ).toHaveLength(1);
  });

  it("confirming a proposal on a submitted review without the explicit confirmation is refused and changes nothing; with it the review is recused, its scores kept in the audit log and the juror e-mailed", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "submitted");
    await post(s, { intent: "detect" });
    const id = chidiKenya(s).id;
    const before = snapshot();
    const refused = await post(s, { intent: "confirm", conflictId: id });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        errors: { acknowledge: { message: "errors.jury_conflict_submitted_confirm" } },
        decision: {
          id,
          jurorName: "Juror Chidi",
          title: "Solar tablets for rural schools",
          review: { state: "submitted", total: 21, maxTotal: 30 },
        },
      },
    });
    expect(snapshot()).toEqual(before);
    // The step that names the review is a page of its own.
    const step = await run(() =>
      conflictsPage.loader(
        args(request(`${register(s)}?confirm=${id}`, { cookie: s.staffCookie }), { editionId: s.editionId }),
      ),
    );
    expect(step.body).toMatchObject({
      confirming: {
        id,
        reference: s.applications[0].reference,
        review: { state: "submitted", submittedAt: Date.parse("2026-03-02T10:00:00Z"), total: 21, maxTotal: 30 },
      },
    });
    expect(snapshot()).toEqual(before);

    const done = await post(s, { intent: "confirm", conflictId: id, acknowledge: "on" });
    expect(done.headers.get("Location")).toBe(`${register(s)}?confirmed=1`);
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)).toMatchObject({
      state: "recused",
      scores: { innovation: 7, impact: 8, inclusion: 6 },
    });
    const audit = db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "review.recused"),
          eq(auditLog.objectId, reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.id),
        ),
      )
      .get()!;
    expect(audit.actorId).toBe(s.secretariat.id);
    expect(JSON.parse(audit.details)).toEqual({
      jurorId: s.jurors[2].memberId,
      applicationId: s.applications[0].id,
      reason: "KE",
      before: {
        state: "submitted",
        version: 3,
        scores: { innovation: 7, impact: 8, inclusion: 6 },
        commentsWritten: ["innovation"],
        overallComment: true,
        confidence: 4,
        submittedAt: "2026-03-02T10:00:00.000Z",
      },
    });
    const mail = db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "jury_conflict_confirmed"), eq(outbox.toAddress, s.jurors[2].email)))
      .all();
    expect(mail).toHaveLength(1);
    expect(mail[0].textBody).toContain("Solar tablets for rural schools");
    expect(mail[0].textBody).toContain("http://localhost:3000/jury");
    // Once confirmed, the step is gone.
    expect(
      (
        await run(() =>
          conflictsPage.loader(
            args(request(`${register(s)}?confirm=${id}`, { cookie: s.staffCookie }), { editionId: s.editionId }),
          ),
        )
      ).status,
    ).toBe(404);
  });

  it("confirming every proposal that touches no submitted review leaves those that do", async () => {
    const s = await scenario();
    db().update(juryMembers).set({ country: "IN" }).where(eq(juryMembers.id, s.jurors[1].memberId)).run();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "submitted");
    scoredReview(s, s.jurors[1].memberId, s.applications[2].id, "draft");
    await post(s, { intent: "detect" });
    const res = await post(s, { intent: "confirm_safe" });
    expect(res.headers.get("Location")).toBe(`${register(s)}?confirmed_many=1&left=1`);
    expect(chidiKenya(s).status).toBe("proposed");
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.state).toBe("submitted");
    expect(reviewOf(db(), s.jurors[1].memberId, s.applications[2].id)!.state).toBe("recused");
  });

  it("a conflict set by hand on a pair with a submitted review goes through the confirmation step", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[0].memberId, s.applications[1].id, "submitted");
    const res = await post(s, {
      intent: "add",
      memberId: s.jurors[0].memberId,
      applicationId: s.applications[1].id,
      reason: "Former employer",
    });
    const manual = db()
      .select()
      .from(conflicts)
      .where(and(eq(conflicts.jurorId, s.jurors[0].memberId), eq(conflicts.source, "manual")))
      .get()!;
    expect(res.headers.get("Location")).toBe(`${register(s)}?confirm=${manual.id}`);
    expect(manual.status).toBe("proposed");
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)!.state).toBe("submitted");
  });

  it("a juror, an applicant, and another edition's conflict id get 404 on these intents", async () => {
    const s = await scenario();
    const other = await scenario();
    await post(other, { intent: "detect" });
    const foreign = chidiKenya(other).id;
    const juror = await cookieFor(s.jurors[0].userId);
    const applicant = await cookieFor(s.applicantId);
    for (const cookie of [juror, applicant]) {
      const forms: Record<string, string>[] = [
        { intent: "detect" },
        { intent: "confirm_safe" },
        { intent: "confirm", conflictId: foreign, acknowledge: "on" },
        { intent: "dismiss", conflictId: foreign },
      ];
      for (const form of forms) expect((await post(s, form, cookie)).status).toBe(404);
      expect(
        (
          await run(() =>
            conflictsPage.loader(
              args(request(`${register(s)}?confirm=${foreign}`, { cookie }), { editionId: s.editionId }),
            ),
          )
        ).status,
      ).toBe(404);
    }
    expect((await post(s, { intent: "confirm", conflictId: foreign, acknowledge: "on" })).status).toBe(404);
    expect((await post(s, { intent: "dismiss", conflictId: foreign })).status).toBe(404);
    expect(
      (
        await run(() =>
          conflictsPage.loader(
            args(request(`${register(s)}?confirm=${foreign}`, { cookie: s.staffCookie }), { editionId: s.editionId }),
          ),
        )
      ).status,
    ).toBe(404);
    expect(chidiKenya(other).status).toBe("proposed");
    expect(db().select({ n: count() }).from(conflicts).where(eq(conflicts.editionId, s.editionId)).get()!.n).toBe(0);
  });

  it("the assignment refuses to run while a conflict is undetected or a proposal undecided, writes nothing, and points to the register", async () => {
    const s = await scenario();
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    const compute = () =>
      run(() =>
        assignmentPage.action(
          args(
            request(url, {
              cookie: s.staffCookie,
              form: { intent: "run", reviewers: "2", maxLoad: "2", minLoad: "0" },
            }),
            { editionId: s.editionId },
          ),
        ),
      );
    const before = snapshot();
    expect(await compute()).toMatchObject({
      status: 400,
      body: {
        errors: { reviewers: { message: "errors.jury_assignment_conflicts_first" } },
        conflictsFirst: { pending: 0, undetected: 1 },
      },
    });
    expect(snapshot()).toEqual(before);
    await post(s, { intent: "detect" });
    expect(await compute()).toMatchObject({ status: 400, body: { conflictsFirst: { pending: 1, undetected: 0 } } });
    expect(db().select({ n: count() }).from(assignments).where(eq(assignments.editionId, s.editionId)).get()!.n).toBe(
      0,
    );
    const page = await run(() =>
      assignmentPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })),
    );
    expect(page.body).toMatchObject({ pendingConflicts: 1 });
    await post(s, { intent: "dismiss", conflictId: chidiKenya(s).id });
    expect((await compute()).status).toBe(302);
    expect(db().select({ n: count() }).from(assignments).where(eq(assignments.editionId, s.editionId)).get()!.n).toBe(
      6,
    );
  });
});
