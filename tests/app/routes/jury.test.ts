import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, assignments, auditLog, conflicts, editions, juryMembers, outbox, reviews } from "../../../db/schema";
import * as dashboard from "../../../app/routes/jury._index";
import * as declare from "../../../app/routes/jury.$editionId.conflicts";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import * as assignmentPage from "../../../app/routes/secretariat.editions.$editionId.assignment";
import * as progressPage from "../../../app/routes/secretariat.editions.$editionId.progress";
import * as conflictsPage from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import * as juryPage from "../../../app/routes/secretariat.editions.$editionId.jury";
import { detectConflicts, organisationDomain, sendDueReminders } from "../../../app/jury/models/jury.server";
import { hashPassword } from "../../../app/accounts/server/password.server";
import { cookieFor, makeUser, PASSWORD, request, run } from "../../fixtures/builders";
import { publishPair, reviewOf, seedJuryScenario } from "../../fixtures/jury";

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: { clientAddress: "203.0.113.9" } });
let year = 3000;
let hash: string | undefined;

async function scenario(opts: { reviewers?: number; scoringClosesInDays?: number } = {}) {
  hash ??= await hashPassword(PASSWORD);
  const s = seedJuryScenario(db(), { passwordHash: hash, year: year++, ...opts });
  const secretariat = await makeUser({ roles: ["secretariat"] });
  return { ...s, secretariat, staffCookie: await cookieFor(secretariat.id) };
}

/** More eligible applications in the scenario's edition ("Zz …" titles sort after its own three). */
function addApplications(s: Awaited<ReturnType<typeof scenario>>, n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ reference: `Z-${s.year}-${String(i).padStart(4, "0")}`, editionId: s.editionId, applicantId: s.applicantId, state: "eligible", language: "en", title: `Zz project ${String(i).padStart(4, "0")}`, organisation: "Org", country: "FR" }));
  for (let i = 0; i < rows.length; i += 100) db().insert(applications).values(rows.slice(i, i + 100)).run();
  return rows;
}

/** The secretariat detects conflicts and confirms every proposal, as it must before computing an assignment. */
async function decideConflicts(s: Awaited<ReturnType<typeof scenario>>) {
  const url = `/secretariat/editions/${s.editionId}/conflicts`;
  expect((await run(() => conflictsPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "detect" } }), { editionId: s.editionId })))).status).toBe(302);
  expect((await run(() => conflictsPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "confirm_safe" } }), { editionId: s.editionId })))).status).toBe(302);
}

const fullScores = (version: number, extra: Record<string, string> = {}) => ({ "score.innovation": "7", "score.impact": "8", "score.inclusion": "6", confidence: "4", overallComment: "Strong project", version: String(version), ...extra });

describe("conflicts of interest", () => {
  it("a juror declares a conflict and is then never assigned that application", async () => {
    const s = await scenario({ reviewers: 1 });
    const [ana] = s.jurors;
    const cookie = await cookieFor(ana.userId);
    const solar = s.applications[0];
    const res = await run(() => declare.action(args(request(`/jury/${s.editionId}/conflicts`, { cookie, form: { intent: "declare", applicationId: solar.id, reason: "I advised them in 2022" } }), { editionId: s.editionId })));
    expect(res.status).toBe(302);
    await decideConflicts(s);
    const run1 = await run(() => assignmentPage.action(args(request(`/secretariat/editions/${s.editionId}/assignment`, { cookie: s.staffCookie, form: { intent: "run", reviewers: "1", maxLoad: "3", minLoad: "0" } }), { editionId: s.editionId })));
    expect(run1.status).toBe(302);
    const pairs = db().select().from(assignments).where(eq(assignments.editionId, s.editionId)).all();
    expect(pairs).toHaveLength(3);
    // Only Bo may score the Kenyan project: Ana declared a conflict, Chidi is from Kenya.
    expect(pairs.find((p) => p.applicationId === solar.id)!.jurorId).toBe(s.jurors[1].memberId);
    expect(pairs.some((p) => p.jurorId === ana.memberId && p.applicationId === solar.id)).toBe(false);
    // Chidi (Kenya) is in conflict with the Kenyan project automatically.
    expect(pairs.some((p) => p.jurorId === s.jurors[2].memberId && p.applicationId === solar.id)).toBe(false);
    expect(db().select({ n: count() }).from(conflicts).where(and(eq(conflicts.editionId, s.editionId), eq(conflicts.status, "confirmed"))).get()!.n).toBe(2);
  });

  it("a juror cannot declare a conflict with an application of another edition (tampered id)", async () => {
    const s = await scenario();
    const other = await scenario();
    const cookie = await cookieFor(s.jurors[0].userId);
    const res = await run(() => declare.action(args(request(`/jury/${s.editionId}/conflicts`, { cookie, form: { intent: "declare", applicationId: other.applications[0].id, reason: "x" } }), { editionId: s.editionId })));
    expect(res).toMatchObject({ status: 400, body: { errors: { applicationId: { message: "errors.jury_application_unknown" } }, values: { reason: "x" } } });
    expect(db().select({ n: count() }).from(conflicts).where(and(eq(conflicts.source, "declared"), eq(conflicts.editionId, s.editionId))).get()!.n).toBe(0);
  });

  it("a juror withdraws a conflict declared by mistake before publication (audited); another juror's or a detected conflict cannot be withdrawn; after publication it stays", async () => {
    const s = await scenario();
    const [ana, bo, chidi] = s.jurors;
    const solar = s.applications[0];
    const post = async (userId: string, form: Record<string, string>) => run(async () => declare.action(args(request(`/jury/${s.editionId}/conflicts`, { cookie: await cookieFor(userId), form }), { editionId: s.editionId })));
    const declared = (memberId: string) => db().select({ n: count() }).from(conflicts).where(and(eq(conflicts.jurorId, memberId), eq(conflicts.source, "declared"))).get()!.n;
    expect((await post(ana.userId, { intent: "declare", applicationId: solar.id, reason: "Wrong line" })).status).toBe(302);

    // The confirmation step is a page of its own; without the box ticked nothing changes.
    const page = await run(async () => declare.loader(args(request(`/jury/${s.editionId}/conflicts?withdraw=${solar.id}`, { cookie: await cookieFor(ana.userId) }), { editionId: s.editionId })));
    expect(page.body).toMatchObject({ canWithdraw: true, withdrawing: { id: solar.id, conflict: "Wrong line" } });
    expect(await post(ana.userId, { intent: "withdraw", applicationId: solar.id })).toMatchObject({ status: 400, body: { errors: { confirm: { message: "errors.jury_confirm_required" } } } });
    // Bo has declared nothing; Chidi's conflict with the Kenyan project was detected, not declared.
    expect(await post(bo.userId, { intent: "withdraw", applicationId: solar.id, confirm: "on" })).toMatchObject({ status: 400, body: { errors: { applicationId: { message: "errors.jury_conflict_unknown" } } } });
    detectConflicts({ editionId: s.editionId, actorId: null });
    expect(await post(chidi.userId, { intent: "withdraw", applicationId: solar.id, confirm: "on" })).toMatchObject({ status: 400, body: { errors: { applicationId: { message: "errors.jury_conflict_unknown" } } } });
    expect(declared(ana.memberId)).toBe(1);

    expect((await post(ana.userId, { intent: "withdraw", applicationId: solar.id, confirm: "on" })).status).toBe(302);
    expect(declared(ana.memberId)).toBe(0);
    const audit = db().select().from(auditLog).where(eq(auditLog.action, "conflict.withdrawn")).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({ applicationId: solar.id, reason: "Wrong line", source: "declared" });

    // Once an assignment is published, a declaration stands.
    expect((await post(ana.userId, { intent: "declare", applicationId: solar.id, reason: "Advised them" })).status).toBe(302);
    publishPair(db(), s.editionId, bo.memberId, s.applications[1].id);
    expect(await post(ana.userId, { intent: "withdraw", applicationId: solar.id, confirm: "on" })).toMatchObject({ status: 400, body: { errors: { confirm: { message: "errors.jury_conflict_locked" } } } });
    expect(declared(ana.memberId)).toBe(1);
    const after = await run(async () => declare.loader(args(request(`/jury/${s.editionId}/conflicts?withdraw=${solar.id}`, { cookie: await cookieFor(ana.userId) }), { editionId: s.editionId })));
    expect(after.body).toMatchObject({ canWithdraw: false, withdrawing: null });
  });

  it("a juror's conflicts page answers 404 for an edition they do not serve on", async () => {
    const s = await scenario();
    const other = await scenario();
    const cookie = await cookieFor(s.jurors[0].userId);
    const res = await run(() => declare.loader(args(request(`/jury/${other.editionId}/conflicts`, { cookie }), { editionId: other.editionId })));
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

/** A published review in the given state, with scores, comments and confidence as a juror would leave them. */
function scoredReview(s: Awaited<ReturnType<typeof scenario>>, memberId: string, applicationId: string, state: "draft" | "submitted") {
  const id = publishPair(db(), s.editionId, memberId, applicationId);
  db()
    .update(reviews)
    .set({ state, scores: { innovation: 7, impact: 8, inclusion: 6 }, comments: { innovation: "Bold", impact: "" }, overallComment: "Strong", confidence: 4, version: 3, submittedAt: state === "submitted" ? new Date("2026-03-02T10:00:00Z") : null })
    .where(eq(reviews.id, id))
    .run();
  return id;
}

/** Everything opening a page must leave as it was. */
function snapshot() {
  return {
    conflicts: db().select({ id: conflicts.id, status: conflicts.status }).from(conflicts).orderBy(conflicts.id).all(),
    reviews: db().select({ id: reviews.id, state: reviews.state, version: reviews.version }).from(reviews).orderBy(reviews.id).all(),
    audit: db().select({ n: count() }).from(auditLog).get()!.n,
    outbox: db().select({ n: count() }).from(outbox).get()!.n,
  };
}

describe("conflict proposals", () => {
  const register = (s: { editionId: string }) => `/secretariat/editions/${s.editionId}/conflicts`;
  const post = (s: { editionId: string; staffCookie: string }, form: Record<string, string>, cookie = s.staffCookie) => run(() => conflictsPage.action(args(request(register(s), { cookie, form }), { editionId: s.editionId })));
  const chidiKenya = (s: Awaited<ReturnType<typeof scenario>>) => db().select().from(conflicts).where(and(eq(conflicts.jurorId, s.jurors[2].memberId), eq(conflicts.applicationId, s.applications[0].id))).get()!;

  it("opening the conflicts register, its steps and the assignment writes nothing, even where detection would find a conflict on a submitted review", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "submitted");
    const before = snapshot();
    for (const url of [register(s), `${register(s)}?add=1`, `${register(s)}?page=2`]) expect((await run(() => conflictsPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })))).status).toBe(200);
    expect((await run(() => assignmentPage.loader(args(request(`/secretariat/editions/${s.editionId}/assignment`, { cookie: s.staffCookie }), { editionId: s.editionId })))).status).toBe(200);
    expect(snapshot()).toEqual(before);
    expect(db().select({ n: count() }).from(conflicts).where(eq(conflicts.editionId, s.editionId)).get()!.n).toBe(0);
    const page = await run(() => conflictsPage.loader(args(request(register(s), { cookie: s.staffCookie }), { editionId: s.editionId })));
    expect(page.body).toMatchObject({ total: 0, proposed: 0, conflicts: [] });
  });

  it("detecting is a POST that records proposals and recuses nothing; a dismissed proposal is not proposed again", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "submitted");
    const detected = await post(s, { intent: "detect" });
    expect(detected.headers.get("Location")).toBe(`${register(s)}?detected=1`);
    expect(chidiKenya(s)).toMatchObject({ source: "same_country", status: "proposed", reason: "KE", confirmedAt: null });
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)).toMatchObject({ state: "submitted", version: 3 });
    expect(db().select().from(auditLog).where(and(eq(auditLog.action, "conflict.proposed"), eq(auditLog.objectId, chidiKenya(s).id))).all()).toHaveLength(1);
    expect(db().select().from(auditLog).where(and(eq(auditLog.action, "review.recused"), eq(auditLog.objectId, reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.id))).all()).toHaveLength(0);
    // The juror keeps working on a proposal: nothing is hidden from them yet.
    const reviewId = reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.id;
    expect((await run(async () => reviewPage.loader(args(request(`/jury/reviews/${reviewId}`, { cookie: await cookieFor(s.jurors[2].userId) }), { reviewId })))).status).toBe(200);
    const page = await run(() => conflictsPage.loader(args(request(register(s), { cookie: s.staffCookie }), { editionId: s.editionId })));
    expect(page.body).toMatchObject({ total: 1, proposed: 1, proposedWithSubmitted: 1, conflicts: [{ status: "proposed", reviewState: "submitted", jurorName: "Juror Chidi" }] });

    expect((await post(s, { intent: "detect" })).headers.get("Location")).toBe(`${register(s)}?detected=0`);
    const dismissed = await post(s, { intent: "dismiss", conflictId: chidiKenya(s).id });
    expect(dismissed.headers.get("Location")).toBe(`${register(s)}?dismissed=1`);
    expect(chidiKenya(s)).toMatchObject({ status: "dismissed", dismissedBy: s.secretariat.id });
    expect(JSON.parse(db().select().from(auditLog).where(and(eq(auditLog.action, "conflict.dismissed"), eq(auditLog.objectId, chidiKenya(s).id))).get()!.details)).toMatchObject({ jurorId: s.jurors[2].memberId, applicationId: s.applications[0].id, source: "same_country" });
    expect((await post(s, { intent: "detect" })).headers.get("Location")).toBe(`${register(s)}?detected=0`);
    expect(chidiKenya(s).status).toBe("dismissed");
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.state).toBe("submitted");
    // Decided once, it cannot be decided again.
    expect(await post(s, { intent: "confirm", conflictId: chidiKenya(s).id })).toMatchObject({ status: 400, body: { errors: { conflictId: { message: "errors.jury_conflict_decided" } } } });
  });

  it("confirming a proposal on a draft review recuses it, keeps the draft's scores in the audit log and tells the juror", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "draft");
    await post(s, { intent: "detect" });
    const res = await post(s, { intent: "confirm", conflictId: chidiKenya(s).id });
    expect(res.headers.get("Location")).toBe(`${register(s)}?confirmed=1`);
    expect(chidiKenya(s)).toMatchObject({ status: "confirmed", confirmedBy: s.secretariat.id });
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)).toMatchObject({ state: "recused", version: 4 });
    const audit = db().select().from(auditLog).where(and(eq(auditLog.action, "review.recused"), eq(auditLog.objectId, reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.id))).get()!;
    expect(JSON.parse(audit.details)).toMatchObject({ before: { state: "draft", version: 3, scores: { innovation: 7, impact: 8, inclusion: 6 } } });
    expect(db().select().from(auditLog).where(and(eq(auditLog.action, "conflict.confirmed"), eq(auditLog.objectId, chidiKenya(s).id))).all()).toHaveLength(1);
    expect(db().select().from(outbox).where(and(eq(outbox.template, "jury_conflict_confirmed"), eq(outbox.toAddress, s.jurors[2].email))).all()).toHaveLength(1);
  });

  it("confirming a proposal on a submitted review without the explicit confirmation is refused and changes nothing; with it the review is recused, its scores kept in the audit log and the juror e-mailed", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[2].memberId, s.applications[0].id, "submitted");
    await post(s, { intent: "detect" });
    const id = chidiKenya(s).id;
    const before = snapshot();
    const refused = await post(s, { intent: "confirm", conflictId: id });
    expect(refused).toMatchObject({ status: 400, body: { errors: { acknowledge: { message: "errors.jury_conflict_submitted_confirm" } }, decision: { id, jurorName: "Juror Chidi", title: "Solar tablets for rural schools", review: { state: "submitted", total: 21, maxTotal: 30 } } } });
    expect(snapshot()).toEqual(before);
    // The step that names the review is a page of its own.
    const step = await run(() => conflictsPage.loader(args(request(`${register(s)}?confirm=${id}`, { cookie: s.staffCookie }), { editionId: s.editionId })));
    expect(step.body).toMatchObject({ confirming: { id, reference: s.applications[0].reference, review: { state: "submitted", submittedAt: Date.parse("2026-03-02T10:00:00Z"), total: 21, maxTotal: 30 } } });
    expect(snapshot()).toEqual(before);

    const done = await post(s, { intent: "confirm", conflictId: id, acknowledge: "on" });
    expect(done.headers.get("Location")).toBe(`${register(s)}?confirmed=1`);
    expect(reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)).toMatchObject({ state: "recused", scores: { innovation: 7, impact: 8, inclusion: 6 } });
    const audit = db().select().from(auditLog).where(and(eq(auditLog.action, "review.recused"), eq(auditLog.objectId, reviewOf(db(), s.jurors[2].memberId, s.applications[0].id)!.id))).get()!;
    expect(audit.actorId).toBe(s.secretariat.id);
    expect(JSON.parse(audit.details)).toEqual({
      jurorId: s.jurors[2].memberId,
      applicationId: s.applications[0].id,
      reason: "KE",
      before: { state: "submitted", version: 3, scores: { innovation: 7, impact: 8, inclusion: 6 }, commentsWritten: ["innovation"], overallComment: true, confidence: 4, submittedAt: "2026-03-02T10:00:00.000Z" },
    });
    const mail = db().select().from(outbox).where(and(eq(outbox.template, "jury_conflict_confirmed"), eq(outbox.toAddress, s.jurors[2].email))).all();
    expect(mail).toHaveLength(1);
    expect(mail[0].textBody).toContain("Solar tablets for rural schools");
    expect(mail[0].textBody).toContain("http://localhost:3000/jury");
    // Once confirmed, the step is gone.
    expect((await run(() => conflictsPage.loader(args(request(`${register(s)}?confirm=${id}`, { cookie: s.staffCookie }), { editionId: s.editionId })))).status).toBe(404);
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
    const res = await post(s, { intent: "add", memberId: s.jurors[0].memberId, applicationId: s.applications[1].id, reason: "Former employer" });
    const manual = db().select().from(conflicts).where(and(eq(conflicts.jurorId, s.jurors[0].memberId), eq(conflicts.source, "manual"))).get()!;
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
      const forms: Record<string, string>[] = [{ intent: "detect" }, { intent: "confirm_safe" }, { intent: "confirm", conflictId: foreign, acknowledge: "on" }, { intent: "dismiss", conflictId: foreign }];
      for (const form of forms) expect((await post(s, form, cookie)).status).toBe(404);
      expect((await run(() => conflictsPage.loader(args(request(`${register(s)}?confirm=${foreign}`, { cookie }), { editionId: s.editionId })))).status).toBe(404);
    }
    expect((await post(s, { intent: "confirm", conflictId: foreign, acknowledge: "on" })).status).toBe(404);
    expect((await post(s, { intent: "dismiss", conflictId: foreign })).status).toBe(404);
    expect((await run(() => conflictsPage.loader(args(request(`${register(s)}?confirm=${foreign}`, { cookie: s.staffCookie }), { editionId: s.editionId })))).status).toBe(404);
    expect(chidiKenya(other).status).toBe("proposed");
    expect(db().select({ n: count() }).from(conflicts).where(eq(conflicts.editionId, s.editionId)).get()!.n).toBe(0);
  });

  it("the assignment refuses to run while a conflict is undetected or a proposal undecided, writes nothing, and points to the register", async () => {
    const s = await scenario();
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    const compute = () => run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "run", reviewers: "2", maxLoad: "2", minLoad: "0" } }), { editionId: s.editionId })));
    const before = snapshot();
    expect(await compute()).toMatchObject({ status: 400, body: { errors: { reviewers: { message: "errors.jury_assignment_conflicts_first" } }, conflictsFirst: { pending: 0, undetected: 1 } } });
    expect(snapshot()).toEqual(before);
    await post(s, { intent: "detect" });
    expect(await compute()).toMatchObject({ status: 400, body: { conflictsFirst: { pending: 1, undetected: 0 } } });
    expect(db().select({ n: count() }).from(assignments).where(eq(assignments.editionId, s.editionId)).get()!.n).toBe(0);
    const page = await run(() => assignmentPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })));
    expect(page.body).toMatchObject({ pendingConflicts: 1 });
    await post(s, { intent: "dismiss", conflictId: chidiKenya(s).id });
    expect((await compute()).status).toBe(302);
    expect(db().select({ n: count() }).from(assignments).where(eq(assignments.editionId, s.editionId)).get()!.n).toBe(6);
  });
});

describe("scoring", () => {
  it("a juror saves a draft, comes back, and submits; the dashboard shows the states", async () => {
    const s = await scenario();
    const [ana] = s.jurors;
    const reviewId = publishPair(db(), s.editionId, ana.memberId, s.applications[1].id);
    const cookie = await cookieFor(ana.userId);
    const url = `/jury/reviews/${reviewId}`;
    const draft = await run(() => reviewPage.action(args(request(url, { cookie, form: { intent: "save_draft", "score.innovation": "7", "comment.innovation": "New", version: "1" } }), { reviewId })));
    expect(draft).toMatchObject({ status: 302 });
    expect(draft.headers.get("Location")).toBe(`${url}?saved=draft`);
    const back = await run(() => reviewPage.loader(args(request(url, { cookie }), { reviewId })));
    expect(back.body).toMatchObject({ review: { state: "draft", scores: { innovation: 7 }, comments: { innovation: "New" }, version: 2 } });
    const submitted = await run(() => reviewPage.action(args(request(url, { cookie, form: { intent: "submit", ...fullScores(2) } }), { reviewId })));
    expect(submitted.status).toBe(302);
    expect(reviewOf(db(), ana.memberId, s.applications[1].id)).toMatchObject({ state: "submitted", scores: { innovation: 7, impact: 8, inclusion: 6 }, confidence: 4 });
    const dash = await run(() => dashboard.loader(args(request("/jury", { cookie }))));
    expect(dash.body).toMatchObject({ editions: [{ reviews: [{ id: reviewId, state: "submitted" }] }] });
  });

  it("submitting an incomplete review lists what is missing and writes nothing", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const res = await run(() => reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "submit", "score.innovation": "7", overallComment: "kept", version: "1" } }), { reviewId })));
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { "score.impact": { message: "errors.jury_score_missing" }, "score.inclusion": { message: "errors.jury_score_missing" }, confidence: { message: "errors.jury_confidence_missing" } }, values: { overallComment: "kept", "score.innovation": "7" } },
    });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toMatchObject({ state: "assigned", version: 1, scores: {} });
  });

  it("a score outside the scale, an unknown criterion and a stale version are refused, nothing written", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const url = `/jury/reviews/${reviewId}`;
    const outside = await run(() => reviewPage.action(args(request(url, { cookie, form: { intent: "save_draft", "score.innovation": "11", version: "1" } }), { reviewId })));
    expect(outside).toMatchObject({ status: 400, body: { errors: { "score.innovation": { message: "errors.jury_score_out_of_scale" } }, values: { "score.innovation": "11" } } });
    const unknown = await run(() => reviewPage.action(args(request(url, { cookie, form: { intent: "save_draft", "score.beauty": "5", version: "1" } }), { reviewId })));
    expect(unknown).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.jury_criterion_unknown" } } } });
    await run(() => reviewPage.action(args(request(url, { cookie, form: { intent: "save_draft", "score.impact": "5", version: "1" } }), { reviewId })));
    const stale = await run(() => reviewPage.action(args(request(url, { cookie, form: { intent: "save_draft", "score.impact": "9", version: "1" } }), { reviewId })));
    expect(stale).toMatchObject({ status: 409, body: { errors: { form: { message: "errors.jury_version_conflict" } }, values: { "score.impact": "9" } } });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toMatchObject({ scores: { impact: 5 }, version: 2 });
    const tampered = await run(() => reviewPage.action(args(request(url, { cookie, form: { intent: "save_draft", "score.impact": "9", version: "2", jurorId: s.jurors[1].memberId } }), { reviewId })));
    expect(tampered).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.jury_juror_mismatch" } } } });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)!.version).toBe(2);
  });

  it("autosave answers with the new version instead of redirecting", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const res = await run(() => reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "save_draft", autosave: "1", "score.impact": "4", version: "1" } }), { reviewId })));
    expect(res).toMatchObject({ status: 200, body: { ok: true, version: 2 } });
  });

  it("after scoring closes nothing can be written, until the secretariat extends it (audited)", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    db().update(editions).set({ scoringClosesAt: new Date(Date.now() - 1000) }).where(eq(editions.id, s.editionId)).run();
    const late = await run(() => reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "submit", ...fullScores(1) } }), { reviewId })));
    expect(late).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.jury_scoring_closed" } }, values: { overallComment: "Strong project" } } });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)!.state).toBe("assigned");
    const reopen = await run(() => progressPage.action(args(request(`/secretariat/editions/${s.editionId}/progress`, { cookie: s.staffCookie, form: { intent: "reopen_scoring", days: "3" } }), { editionId: s.editionId })));
    expect(reopen.status).toBe(302);
    expect(db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "edition.scoring_reopened")).get()!.n).toBe(1);
    const now = await run(() => reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "submit", ...fullScores(1) } }), { reviewId })));
    expect(now.status).toBe(302);
  });

  it("a submitted review can be reopened by its juror", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    await run(() => reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "submit", ...fullScores(1) } }), { reviewId })));
    const res = await run(() => reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "reopen", version: "2" } }), { reviewId })));
    expect(res.status).toBe(302);
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toMatchObject({ state: "draft", submittedAt: null });
  });
});

describe("independence and confidentiality", () => {
  it("a juror cannot see a colleague's scores before submitting, and can after; drafts are never shown", async () => {
    const s = await scenario();
    const app = s.applications[1];
    const [ana, bo, chidi] = s.jurors;
    const anaReview = publishPair(db(), s.editionId, ana.memberId, app.id);
    const boReview = publishPair(db(), s.editionId, bo.memberId, app.id);
    const chidiReview = publishPair(db(), s.editionId, chidi.memberId, app.id);
    const anaCookie = await cookieFor(ana.userId);
    const boCookie = await cookieFor(bo.userId);
    await run(() => reviewPage.action(args(request(`/jury/reviews/${boReview}`, { cookie: boCookie, form: { intent: "submit", ...fullScores(1) } }), { reviewId: boReview })));
    await run(async () => reviewPage.action(args(request(`/jury/reviews/${chidiReview}`, { cookie: await cookieFor(chidi.userId), form: { intent: "save_draft", "score.impact": "2", version: "1" } }), { reviewId: chidiReview })));
    const before = await run(() => reviewPage.loader(args(request(`/jury/reviews/${anaReview}`, { cookie: anaCookie }), { reviewId: anaReview })));
    expect((before.body as { colleagues: unknown }).colleagues).toEqual({ hidden: true });
    await run(() => reviewPage.action(args(request(`/jury/reviews/${anaReview}`, { cookie: anaCookie, form: { intent: "submit", ...fullScores(1) } }), { reviewId: anaReview })));
    const after = await run(() => reviewPage.loader(args(request(`/jury/reviews/${anaReview}`, { cookie: anaCookie }), { reviewId: anaReview })));
    const colleagues = (after.body as { colleagues: { hidden: boolean; reviews: { name: string }[] } }).colleagues;
    expect(colleagues.hidden).toBe(false);
    expect(colleagues.reviews.map((r) => r.name)).toEqual(["Juror Bo"]);
  });

  it("another juror's review and a conflicted application answer 404", async () => {
    const s = await scenario();
    const [ana, bo] = s.jurors;
    const boReview = publishPair(db(), s.editionId, bo.memberId, s.applications[1].id);
    const anaCookie = await cookieFor(ana.userId);
    const other = await run(() => reviewPage.loader(args(request(`/jury/reviews/${boReview}`, { cookie: anaCookie }), { reviewId: boReview })));
    expect(other.status).toBe(404);
    const post = await run(() => reviewPage.action(args(request(`/jury/reviews/${boReview}`, { cookie: anaCookie, form: { intent: "submit", ...fullScores(1) } }), { reviewId: boReview })));
    expect(post.status).toBe(404);
    // A conflict set by the secretariat after assignment closes the application to the juror.
    const anaReview = publishPair(db(), s.editionId, ana.memberId, s.applications[2].id);
    const added = await run(() => conflictsPage.action(args(request(`/secretariat/editions/${s.editionId}/conflicts`, { cookie: s.staffCookie, form: { intent: "add", memberId: ana.memberId, applicationId: s.applications[2].id, reason: "Former employer" } }), { editionId: s.editionId })));
    expect(added.status).toBe(302);
    const conflicted = await run(() => reviewPage.loader(args(request(`/jury/reviews/${anaReview}`, { cookie: anaCookie }), { reviewId: anaReview })));
    expect(conflicted.status).toBe(404);
    expect(reviewOf(db(), ana.memberId, s.applications[2].id)!.state).toBe("recused");
  });

  it("a juror who recuses loses access, and the secretariat is told by e-mail", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const missing = await run(() => reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "recuse", reason: "My cousin runs it" } }), { reviewId })));
    expect(missing).toMatchObject({ status: 400, body: { errors: { confirm: { message: "errors.jury_confirm_required" } }, values: { reason: "My cousin runs it" } } });
    const res = await run(() => reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "recuse", reason: "My cousin runs it", confirm: "on" } }), { reviewId })));
    expect(res.headers.get("Location")).toBe("/jury?recused=1");
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toMatchObject({ state: "recused", recuseReason: "My cousin runs it" });
    expect(db().select().from(outbox).where(and(eq(outbox.template, "jury_recusal"), eq(outbox.toAddress, s.secretariat.email))).all()).toHaveLength(1);
    const gone = await run(() => reviewPage.loader(args(request(`/jury/reviews/${reviewId}`, { cookie }), { reviewId })));
    expect(gone.status).toBe(404);
  });
});

describe("assignment screen", () => {
  it("an infeasible configuration explains itself in plain words and writes nothing", async () => {
    const s = await scenario();
    await decideConflicts(s);
    const res = await run(() => assignmentPage.action(args(request(`/secretariat/editions/${s.editionId}/assignment`, { cookie: s.staffCookie, form: { intent: "run", reviewers: "3", maxLoad: "3", minLoad: "0" } }), { editionId: s.editionId })));
    expect(res.status).toBe(400);
    const body = res.body as { errors: Record<string, { message: string }>; explanation: { key: string; vars: Record<string, string> }[]; technical: string };
    expect(body.errors.reviewers.message).toBe("errors.jury_assignment_infeasible");
    expect(body.explanation).toEqual([{ key: "jury.infeasible.short_application", vars: { title: "Solar tablets for rural schools", needs: "3", eligible: "2", conflicts: "1", language: "0" } }]);
    expect(body.technical).toMatch(/fewer eligible jurors/);
    expect(db().select({ n: count() }).from(assignments).where(eq(assignments.editionId, s.editionId)).get()!.n).toBe(0);
  });

  it("too little capacity is explained with the numbers", async () => {
    const s = await scenario();
    await decideConflicts(s);
    const res = await run(() => assignmentPage.action(args(request(`/secretariat/editions/${s.editionId}/assignment`, { cookie: s.staffCookie, form: { intent: "run", reviewers: "2", maxLoad: "1", minLoad: "0" } }), { editionId: s.editionId })));
    expect((res.body as { explanation: unknown }).explanation).toEqual([{ key: "jury.infeasible.capacity", vars: { demand: "6", capacity: "3" } }]);
  });

  it("the preview shows loads, coverage and shared pairs; publishing creates reviews and e-mails each juror", async () => {
    const s = await scenario();
    await decideConflicts(s);
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    await run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "run", reviewers: "2", maxLoad: "2", minLoad: "0" } }), { editionId: s.editionId })));
    const page = await run(() => assignmentPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })));
    const overview = (page.body as { overview: { loads: { load: number }[]; coverage: { jurors: string[] }[]; pairs: unknown[]; unpublished: number } }).overview;
    expect(overview.loads.map((l) => l.load)).toEqual([2, 2, 2]);
    expect(overview.coverage.every((c) => c.jurors.length === 2)).toBe(true);
    expect(overview.pairs.length).toBeGreaterThan(0);
    expect(overview.unpublished).toBe(6);
    // Jurors see nothing before publication.
    const before = await run(async () => dashboard.loader(args(request("/jury", { cookie: await cookieFor(s.jurors[0].userId) }))));
    expect(before.body).toMatchObject({ editions: [{ reviews: [] }] });
    const noConfirm = await run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "publish" } }), { editionId: s.editionId })));
    expect(noConfirm.status).toBe(400);
    const published = await run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "publish", confirm: "on" } }), { editionId: s.editionId })));
    expect(published.status).toBe(302);
    expect(db().select({ n: count() }).from(reviews).innerJoin(assignments, eq(assignments.id, reviews.assignmentId)).where(eq(assignments.editionId, s.editionId)).get()!.n).toBe(6);
    for (const j of s.jurors) expect(db().select().from(outbox).where(and(eq(outbox.template, "jury_assignment"), eq(outbox.toAddress, j.email))).all()).toHaveLength(1);
  });

  it("a manual addition that breaks a hard constraint is refused", async () => {
    const s = await scenario();
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    detectConflicts({ editionId: s.editionId, actorId: null });
    const res = await run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "add", memberId: s.jurors[2].memberId, applicationId: s.applications[0].id, maxLoad: "3" } }), { editionId: s.editionId })));
    expect(res).toMatchObject({ status: 400, body: { errors: { memberId: { message: "errors.jury_pair_conflict" } } } });
    const ok = await run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "add", memberId: s.jurors[0].memberId, applicationId: s.applications[0].id, maxLoad: "3" } }), { editionId: s.editionId })));
    expect(ok.status).toBe(302);
    const again = await run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "add", memberId: s.jurors[0].memberId, applicationId: s.applications[0].id, maxLoad: "3" } }), { editionId: s.editionId })));
    expect(again).toMatchObject({ status: 400, body: { errors: { memberId: { message: "errors.jury_pair_exists" } } } });
  });

  it("the coverage is shown 50 applications a page, those with too few jurors first, with the totals", async () => {
    const s = await scenario();
    addApplications(s, 60);
    for (const app of s.applications) for (const j of s.jurors.slice(0, 2)) publishPair(db(), s.editionId, j.memberId, app.id);
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    type Overview = { coverage: { id: string; jurors: string[] }[]; covered: number; underCovered: number; page: number; pages: number; loads: { load: number }[] };
    const first = (await run(() => assignmentPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })))).body as { overview: Overview };
    expect(first.overview).toMatchObject({ covered: 3, underCovered: 60, page: 1, pages: 2 });
    expect(first.overview.coverage).toHaveLength(50);
    expect(first.overview.coverage.every((c) => c.jurors.length === 0)).toBe(true);
    expect(first.overview.loads.map((l) => l.load)).toEqual([3, 3, 0]);
    const second = (await run(() => assignmentPage.loader(args(request(`${url}?page=2`, { cookie: s.staffCookie }), { editionId: s.editionId })))).body as { overview: Overview };
    expect(second.overview.coverage).toHaveLength(13);
    expect(second.overview.coverage.slice(-3).map((c) => c.id)).toEqual(s.applications.map((a) => a.id).sort((x, y) => s.applications.find((a) => a.id === x)!.title.localeCompare(s.applications.find((a) => a.id === y)!.title)));
    expect(second.overview.coverage.at(-1)!.jurors).toEqual(["Juror Ana", "Juror Bo"]);
  });

  it("an adjustment step page carries no preview, and lists the applications when there are few", async () => {
    const s = await scenario();
    const page = await run(() => assignmentPage.loader(args(request(`/secretariat/editions/${s.editionId}/assignment?adjust=add`, { cookie: s.staffCookie }), { editionId: s.editionId })));
    const body = page.body as { adjust: string; overview: unknown; applicationOptions: { value: string }[] | null };
    expect(body).toMatchObject({ adjust: "add", overview: null });
    expect(body.applicationOptions!.map((o) => o.value).sort()).toEqual(s.applications.map((a) => a.id).sort());
  });

  it("an assignment is swapped or removed by naming its application and current juror, audited", async () => {
    const s = await scenario();
    const [ana, bo, chidi] = s.jurors;
    const textbooks = s.applications[2];
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    const post = (form: Record<string, string>) => run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form }), { editionId: s.editionId })));
    expect((await post({ intent: "add", memberId: ana.memberId, applicationId: textbooks.id, maxLoad: "3" })).status).toBe(302);
    expect(await post({ intent: "swap", applicationId: textbooks.id, fromMemberId: bo.memberId, memberId: chidi.memberId, maxLoad: "3" })).toMatchObject({ status: 400, body: { errors: { fromMemberId: { message: "errors.jury_assignment_none" } } } });
    expect((await post({ intent: "swap", applicationId: textbooks.id, fromMemberId: ana.memberId, memberId: bo.memberId, maxLoad: "3" })).status).toBe(302);
    const holders = () => db().select({ j: assignments.jurorId }).from(assignments).where(eq(assignments.applicationId, textbooks.id)).all().map((a) => a.j);
    expect(holders()).toEqual([bo.memberId]);
    expect(await post({ intent: "remove", fromMemberId: bo.memberId })).toMatchObject({ status: 400, body: { errors: { applicationId: { message: "errors.required" } } } });
    expect((await post({ intent: "remove", applicationId: textbooks.id, fromMemberId: bo.memberId })).status).toBe(302);
    expect(holders()).toEqual([]);
    expect(db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "assignment.removed"), eq(auditLog.objectType, "assignment"))).all()[0].n).toBeGreaterThanOrEqual(2);
  });

  it("beyond 200 applications the forms ask for a reference number, and an unknown one is refused next to the field", async () => {
    const s = await scenario();
    const extra = addApplications(s, 200);
    const [ana] = s.jurors;
    const conflictsUrl = `/secretariat/editions/${s.editionId}/conflicts`;
    const step = await run(() => conflictsPage.loader(args(request(`${conflictsUrl}?add=1`, { cookie: s.staffCookie }), { editionId: s.editionId })));
    expect(step.body).toMatchObject({ adding: true, applicationOptions: null, conflicts: [] });
    const unknown = await run(() => conflictsPage.action(args(request(conflictsUrl, { cookie: s.staffCookie, form: { intent: "add", memberId: ana.memberId, reference: "KH-1999-0001", reason: "Former employer" } }), { editionId: s.editionId })));
    expect(unknown).toMatchObject({ status: 400, body: { errors: { reference: { message: "errors.jury_reference_unknown", vars: { reference: "KH-1999-0001" } } }, values: { reference: "KH-1999-0001" } } });
    const empty = await run(() => conflictsPage.action(args(request(conflictsUrl, { cookie: s.staffCookie, form: { intent: "add", memberId: ana.memberId, reference: " ", reason: "Former employer" } }), { editionId: s.editionId })));
    expect(empty).toMatchObject({ status: 400, body: { errors: { reference: { message: "errors.required" } } } });
    // Typed in small letters, the reference is still found.
    const found = await run(() => conflictsPage.action(args(request(conflictsUrl, { cookie: s.staffCookie, form: { intent: "add", memberId: ana.memberId, reference: extra[7].reference.toLowerCase(), reason: "Former employer" } }), { editionId: s.editionId })));
    expect(found.status).toBe(302);
    expect(db().select({ a: conflicts.applicationId }).from(conflicts).where(and(eq(conflicts.jurorId, ana.memberId), eq(conflicts.source, "manual"))).all()).toHaveLength(1);
    // The same on the assignment's add step: a conflicted pair is refused on the reference field's form.
    const url = `/secretariat/editions/${s.editionId}/assignment`;
    const add = (reference: string) => run(() => assignmentPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "add", memberId: ana.memberId, reference, maxLoad: "5" } }), { editionId: s.editionId })));
    expect(await add("nope")).toMatchObject({ status: 400, body: { errors: { reference: { message: "errors.jury_reference_unknown" } } } });
    expect(await add(extra[7].reference)).toMatchObject({ status: 400, body: { errors: { memberId: { message: "errors.jury_pair_conflict" } } } });
    expect((await add(extra[8].reference)).status).toBe(302);
  });

  it("the conflicts register is shown 50 rows a page with its total", async () => {
    const s = await scenario();
    const extra = addApplications(s, 60);
    const ids = db().select({ id: applications.id }).from(applications).where(eq(applications.editionId, s.editionId)).all();
    db().insert(conflicts).values(ids.slice(0, 55).map((a) => ({ editionId: s.editionId, jurorId: s.jurors[0].memberId, applicationId: a.id, source: "manual", reason: "Test" }))).run();
    expect(extra).toHaveLength(60);
    const url = `/secretariat/editions/${s.editionId}/conflicts`;
    const first = (await run(() => conflictsPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })))).body as { conflicts: unknown[]; total: number; pages: number };
    // The 55 set here: opening the register detects nothing.
    expect(first).toMatchObject({ total: 55, pages: 2 });
    expect(first.conflicts).toHaveLength(50);
    const second = (await run(() => conflictsPage.loader(args(request(`${url}?page=2`, { cookie: s.staffCookie }), { editionId: s.editionId })))).body as { conflicts: unknown[]; page: number };
    expect(second).toMatchObject({ page: 2 });
    expect(second.conflicts).toHaveLength(5);
  });

  it("secretariat jury pages answer 404 to a juror", async () => {
    const s = await scenario();
    const cookie = await cookieFor(s.jurors[0].userId);
    const loaders: ((a: ReturnType<typeof args>) => Promise<unknown>)[] = [assignmentPage.loader, progressPage.loader, conflictsPage.loader, juryPage.loader];
    for (const loader of loaders) {
      const res = await run(() => loader(args(request(`/secretariat/editions/${s.editionId}/x`, { cookie }), { editionId: s.editionId })));
      expect(res.status).toBe(404);
    }
  });
});

describe("progress and reminders", () => {
  it("the secretariat sees progress and sends a reminder that arrives in the outbox in the juror's language", async () => {
    const s = await scenario({ scoringClosesInDays: 2 });
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const url = `/secretariat/editions/${s.editionId}/progress`;
    const page = await run(() => progressPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })));
    expect((page.body as { jurors: { name: string; late: boolean; assigned: number }[] }).jurors.find((j) => j.name === "Juror Ana")).toMatchObject({ late: true, assigned: 1 });
    const res = await run(() => progressPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "remind", memberId: s.jurors[0].memberId } }), { editionId: s.editionId })));
    expect(res.headers.get("Location")).toBe(`${url}?reminded=1`);
    const mail = db().select().from(outbox).where(and(eq(outbox.template, "jury_reminder"), eq(outbox.toAddress, s.jurors[0].email))).get();
    expect(mail).toMatchObject({ locale: "en", subject: "Reminder: reviews to finish" });
    const nothing = await run(() => progressPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "remind", memberId: s.jurors[1].memberId } }), { editionId: s.editionId })));
    expect(nothing).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.jury_nothing_pending" } } } });
  });

  it("progress lists applications with reviews to finish first, 50 a page, with the totals", async () => {
    const s = await scenario();
    addApplications(s, 60);
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[2].id);
    const url = `/secretariat/editions/${s.editionId}/progress`;
    type Progress = { applications: { id: string; assigned: number }[]; applicationTotals: Record<string, number>; page: number; pages: number };
    const first = (await run(() => progressPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })))).body as Progress;
    expect(first).toMatchObject({ page: 1, pages: 2, applicationTotals: { total: 63, open: 1, done: 0, unreviewed: 62 } });
    expect(first.applications).toHaveLength(50);
    expect(first.applications[0]).toMatchObject({ id: s.applications[2].id, assigned: 1 });
    const second = (await run(() => progressPage.loader(args(request(`${url}?page=2`, { cookie: s.staffCookie }), { editionId: s.editionId })))).body as Progress;
    expect(second.applications).toHaveLength(13);
    expect(second.applications.map((a) => a.id)).not.toContain(s.applications[2].id);
  });

  it("automatic reminders are sent once each when the window opens", async () => {
    const s = await scenario({ scoringClosesInDays: 10 });
    publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const count = () => db().select().from(outbox).where(and(eq(outbox.template, "jury_reminder"), eq(outbox.toAddress, s.jurors[0].email))).all().length;
    sendDueReminders(new Date());
    expect(count()).toBe(0); // 10 days before, the window (3 days) is not open
    const inWindow = new Date(Date.now() + 8 * 864e5);
    sendDueReminders(inWindow);
    sendDueReminders(inWindow);
    expect(count()).toBe(1);
  });
});

describe("jury management", () => {
  it("the secretariat edits a juror and replaces another; unsubmitted work is removed and the replacement invited", async () => {
    const s = await scenario();
    const url = `/secretariat/editions/${s.editionId}/jury`;
    const bad = await run(() => juryPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "update", memberId: s.jurors[0].memberId, country: "FR", languages: "en, klingon" } }), { editionId: s.editionId })));
    expect(bad).toMatchObject({ status: 400, body: { errors: { languages: { message: "errors.jury_languages_invalid" } } } });
    const ok = await run(() => juryPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "update", memberId: s.jurors[0].memberId, country: "FR", languages: "en, fr, ar", expertise: "solar, inclusion" } }), { editionId: s.editionId })));
    expect(ok.status).toBe(302);
    publishPair(db(), s.editionId, s.jurors[1].memberId, s.applications[1].id);
    const res = await run(() => juryPage.action(args(request(url, { cookie: s.staffCookie, form: { intent: "replace", memberId: s.jurors[1].memberId, name: "New Juror", email: "new.juror@example.org", locale: "fr", confirm: "on" } }), { editionId: s.editionId })));
    expect(res.status).toBe(302);
    expect(db().select({ n: count() }).from(assignments).where(eq(assignments.jurorId, s.jurors[1].memberId)).get()!.n).toBe(0);
    expect(db().select().from(outbox).where(eq(outbox.toAddress, "new.juror@example.org")).get()).toMatchObject({ template: "invitation", locale: "fr" });
  });
});
