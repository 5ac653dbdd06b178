import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, editions, juryMembers, outbox } from "../../../db/schema";
import * as dashboard from "../../../app/routes/jury._index";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import * as progressPage from "../../../app/routes/secretariat.editions.$editionId.progress";
import * as conflictsPage from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import { cookieFor, request, run } from "../../fixtures/builders";
import { publishPair, reviewOf } from "../../fixtures/jury";
import { args, scenario } from "../../fixtures/jury-routes";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { translate } from "../../../app/kernel/i18n";
import { renderPage } from "../../support/render-page";
import { listJurors } from "../../../app/results/models/results.server";

const fullScores = (version: number, extra: Record<string, string> = {}) => ({
  "score.innovation": "7",
  "score.impact": "8",
  "score.inclusion": "6",
  confidence: "4",
  overallComment: "Strong project",
  version: String(version),
  ...extra,
});

describe("scoring", () => {
  it("a juror saves a draft, comes back, and submits; the dashboard shows the states", async () => {
    const s = await scenario();
    const [ana] = s.jurors;
    const reviewId = publishPair(db(), s.editionId, ana.memberId, s.applications[1].id);
    const cookie = await cookieFor(ana.userId);
    const url = `/jury/reviews/${reviewId}`;
    const draft = await run(() =>
      reviewPage.action(
        args(
          request(url, {
            cookie,
            form: { intent: "save_draft", "score.innovation": "7", "comment.innovation": "New", version: "1" },
          }),
          { reviewId },
        ),
      ),
    );
    expect(draft).toMatchObject({ status: 302 });
    expect(draft.headers.get("Location")).toBe(`${url}?saved=draft`);
    const back = await run(() => reviewPage.loader(args(request(url, { cookie }), { reviewId })));
    expect(back.body).toMatchObject({
      review: { state: "draft", scores: { innovation: 7 }, comments: { innovation: "New" }, version: 2 },
    });
    const submitted = await run(() =>
      reviewPage.action(args(request(url, { cookie, form: { intent: "submit", ...fullScores(2) } }), { reviewId })),
    );
    expect(submitted.status).toBe(302);
    expect(reviewOf(db(), ana.memberId, s.applications[1].id)).toMatchObject({
      state: "submitted",
      scores: { innovation: 7, impact: 8, inclusion: 6 },
      confidence: 4,
    });
    const dash = await run(() => dashboard.loader(args(request("/jury", { cookie }))));
    expect(dash.body).toMatchObject({ editions: [{ reviews: [{ id: reviewId, state: "submitted" }] }] });
  });

  it("submitting an incomplete review lists what is missing and writes nothing", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const res = await run(() =>
      reviewPage.action(
        args(
          request(`/jury/reviews/${reviewId}`, {
            cookie,
            form: { intent: "submit", "score.innovation": "7", overallComment: "kept", version: "1" },
          }),
          { reviewId },
        ),
      ),
    );
    expect(res).toMatchObject({
      status: 400,
      body: {
        errors: {
          "score.impact": { message: "errors.jury_score_missing" },
          "score.inclusion": { message: "errors.jury_score_missing" },
          confidence: { message: "errors.jury_confidence_missing" },
        },
        values: { overallComment: "kept", "score.innovation": "7" },
      },
    });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toMatchObject({
      state: "assigned",
      version: 1,
      scores: {},
    });
  });

  it("a score outside the scale, an unknown criterion and a stale version are refused, nothing written", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const url = `/jury/reviews/${reviewId}`;
    const outside = await run(() =>
      reviewPage.action(
        args(request(url, { cookie, form: { intent: "save_draft", "score.innovation": "11", version: "1" } }), {
          reviewId,
        }),
      ),
    );
    expect(outside).toMatchObject({
      status: 400,
      body: {
        errors: { "score.innovation": { message: "errors.jury_score_out_of_scale" } },
        values: { "score.innovation": "11" },
      },
    });
    const unknown = await run(() =>
      reviewPage.action(
        args(request(url, { cookie, form: { intent: "save_draft", "score.beauty": "5", version: "1" } }), { reviewId }),
      ),
    );
    expect(unknown).toMatchObject({
      status: 400,
      body: { errors: { form: { message: "errors.jury_criterion_unknown" } } },
    });
    await run(() =>
      reviewPage.action(
        args(request(url, { cookie, form: { intent: "save_draft", "score.impact": "5", version: "1" } }), { reviewId }),
      ),
    );
    const stale = await run(() =>
      reviewPage.action(
        args(request(url, { cookie, form: { intent: "save_draft", "score.impact": "9", version: "1" } }), { reviewId }),
      ),
    );
    expect(stale).toMatchObject({
      status: 409,
      body: { errors: { form: { message: "errors.jury_version_conflict" } }, values: { "score.impact": "9" } },
    });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toMatchObject({
      scores: { impact: 5 },
      version: 2,
    });
    const tampered = await run(() =>
      reviewPage.action(
        args(
          request(url, {
            cookie,
            form: { intent: "save_draft", "score.impact": "9", version: "2", jurorId: s.jurors[1].memberId },
          }),
          { reviewId },
        ),
      ),
    );
    expect(tampered).toMatchObject({
      status: 400,
      body: { errors: { form: { message: "errors.jury_juror_mismatch" } } },
    });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)!.version).toBe(2);
  });

  it("autosave answers with the new version instead of redirecting", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const res = await run(() =>
      reviewPage.action(
        args(
          request(`/jury/reviews/${reviewId}`, {
            cookie,
            form: { intent: "save_draft", autosave: "1", "score.impact": "4", version: "1" },
          }),
          { reviewId },
        ),
      ),
    );
    expect(res).toMatchObject({ status: 200, body: { ok: true, version: 2 } });
  });

  it("after scoring closes nothing can be written, until the secretariat extends it (audited)", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    db()
      .update(editions)
      .set({ scoringClosesAt: new Date(Date.now() - 1000) })
      .where(eq(editions.id, s.editionId))
      .run();
    const late = await run(() =>
      reviewPage.action(
        args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "submit", ...fullScores(1) } }), {
          reviewId,
        }),
      ),
    );
    expect(late).toMatchObject({
      status: 400,
      body: {
        errors: { form: { message: "errors.jury_scoring_closed" } },
        values: { overallComment: "Strong project" },
      },
    });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)!.state).toBe("assigned");
    const reopen = await run(() =>
      progressPage.action(
        args(
          request(`/secretariat/editions/${s.editionId}/progress`, {
            cookie: s.staffCookie,
            form: { intent: "reopen_scoring", days: "3" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(reopen.status).toBe(302);
    expect(
      db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "edition.scoring_reopened")).get()!.n,
    ).toBe(1);
    const now = await run(() =>
      reviewPage.action(
        args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "submit", ...fullScores(1) } }), {
          reviewId,
        }),
      ),
    );
    expect(now.status).toBe(302);
  });

  it("a submitted review can be reopened by its juror", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    await run(() =>
      reviewPage.action(
        args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "submit", ...fullScores(1) } }), {
          reviewId,
        }),
      ),
    );
    const res = await run(() =>
      reviewPage.action(
        args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "reopen", version: "2" } }), { reviewId }),
      ),
    );
    expect(res.status).toBe(302);
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toMatchObject({
      state: "draft",
      submittedAt: null,
    });
  });
});

describe("a post the submitted review cannot take", () => {
  it("a second submit from another tab is refused with the reason on the page, in the juror's language, and nothing changes", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const submit = (scores: Record<string, string>) =>
      run(() =>
        reviewPage.action(
          args(request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "submit", ...scores } }), { reviewId }),
        ),
      );
    expect((await submit(fullScores(1))).status).toBe(302);
    const stored = reviewOf(db(), s.jurors[0].memberId, s.applications[1].id);
    const again = await submit(fullScores(2, { "score.innovation": "2" }));
    expect(again.status).toBe(400);
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toEqual(stored);
    const loaded = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${reviewId}`, { cookie }), { reviewId })),
    );
    const html = renderPage(reviewPage.default, {
      locale: "fr",
      data: loaded.body,
      path: `/jury/reviews/${reviewId}`,
      actionData: again.body,
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain(translate(catalogues.fr, "errors.jury_review_already_submitted"));
  });

  it("a submitted review in Arabic shows each score, a dash, then the comment isolated on its own", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const form = { intent: "submit", ...fullScores(1), "comment.impact": "Commentaire é à … js" };
    const submitted = await run(() =>
      reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { cookie, form }), { reviewId })),
    );
    expect(submitted.status).toBe(302);
    const loaded = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${reviewId}`, { cookie }), { reviewId })),
    );
    const html = renderPage(reviewPage.default, { locale: "ar", data: loaded.body, path: `/jury/reviews/${reviewId}` });
    // The dash outside the isolate: inside it, a Latin comment took the dash to its far end on a
    // right-to-left page and left the score against its last word ("— Commentaire … js8").
    expect(html).toMatch(/<dd>8(<!-- -->)? — (<!-- -->)?<bdi>Commentaire é à … js<\/bdi><\/dd>/);
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
    await run(() =>
      reviewPage.action(
        args(request(`/jury/reviews/${boReview}`, { cookie: boCookie, form: { intent: "submit", ...fullScores(1) } }), {
          reviewId: boReview,
        }),
      ),
    );
    await run(async () =>
      reviewPage.action(
        args(
          request(`/jury/reviews/${chidiReview}`, {
            cookie: await cookieFor(chidi.userId),
            form: { intent: "save_draft", "score.impact": "2", version: "1" },
          }),
          { reviewId: chidiReview },
        ),
      ),
    );
    const before = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${anaReview}`, { cookie: anaCookie }), { reviewId: anaReview })),
    );
    expect((before.body as { colleagues: unknown }).colleagues).toEqual({ hidden: true });
    await run(() =>
      reviewPage.action(
        args(
          request(`/jury/reviews/${anaReview}`, { cookie: anaCookie, form: { intent: "submit", ...fullScores(1) } }),
          { reviewId: anaReview },
        ),
      ),
    );
    const after = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${anaReview}`, { cookie: anaCookie }), { reviewId: anaReview })),
    );
    const colleagues = (after.body as { colleagues: { hidden: boolean; reviews: { letter: string }[] } }).colleagues;
    expect(colleagues.hidden).toBe(false);
    // Named by the letter the results give the same juror, never by name: a page pairing the two
    // would undo the results' anonymity.
    const boLetter = listJurors({ editionId: s.editionId }).find((j) => j.id === bo.memberId)!.letter;
    expect(colleagues.reviews.map((r) => r.letter)).toEqual([boLetter]);
    expect(JSON.stringify(after.body)).not.toContain("Juror Bo");
    const html = renderPage(reviewPage.default, { locale: "en", data: after.body, path: `/jury/reviews/${anaReview}` });
    expect(html).toContain(`<td>Juror ${boLetter}</td>`);
    expect(html).toContain("Other jurors are named by the letter the results give them.");
    // A juror replaced since: their review no longer counts in the results, nor shows here.
    db().update(juryMembers).set({ replacedAt: new Date() }).where(eq(juryMembers.id, bo.memberId)).run();
    const later = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${anaReview}`, { cookie: anaCookie }), { reviewId: anaReview })),
    );
    expect((later.body as { colleagues: unknown }).colleagues).toEqual({ hidden: false, reviews: [] });
  });

  it("another juror's review and a conflicted application answer 404", async () => {
    const s = await scenario();
    const [ana, bo] = s.jurors;
    const boReview = publishPair(db(), s.editionId, bo.memberId, s.applications[1].id);
    const anaCookie = await cookieFor(ana.userId);
    const other = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${boReview}`, { cookie: anaCookie }), { reviewId: boReview })),
    );
    expect(other.status).toBe(404);
    const post = await run(() =>
      reviewPage.action(
        args(
          request(`/jury/reviews/${boReview}`, { cookie: anaCookie, form: { intent: "submit", ...fullScores(1) } }),
          { reviewId: boReview },
        ),
      ),
    );
    expect(post.status).toBe(404);
    // A conflict set by the secretariat after assignment closes the application to the juror.
    const anaReview = publishPair(db(), s.editionId, ana.memberId, s.applications[2].id);
    const added = await run(() =>
      conflictsPage.action(
        args(
          request(`/secretariat/editions/${s.editionId}/conflicts`, {
            cookie: s.staffCookie,
            form: {
              intent: "add",
              memberId: ana.memberId,
              applicationId: s.applications[2].id,
              reason: "Former employer",
            },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
    expect(added.status).toBe(302);
    const conflicted = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${anaReview}`, { cookie: anaCookie }), { reviewId: anaReview })),
    );
    expect(conflicted.status).toBe(404);
    expect(reviewOf(db(), ana.memberId, s.applications[2].id)!.state).toBe("recused");
  });

  it("a juror who recuses loses access, and the secretariat is told by e-mail", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const missing = await run(() =>
      reviewPage.action(
        args(
          request(`/jury/reviews/${reviewId}`, { cookie, form: { intent: "recuse", reason: "My cousin runs it" } }),
          { reviewId },
        ),
      ),
    );
    expect(missing).toMatchObject({
      status: 400,
      body: {
        errors: { confirm: { message: "errors.jury_confirm_required" } },
        values: { reason: "My cousin runs it" },
      },
    });
    const res = await run(() =>
      reviewPage.action(
        args(
          request(`/jury/reviews/${reviewId}`, {
            cookie,
            form: { intent: "recuse", reason: "My cousin runs it", confirm: "on" },
          }),
          { reviewId },
        ),
      ),
    );
    expect(res.headers.get("Location")).toBe("/jury?recused=1");
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toMatchObject({
      state: "recused",
      recuseReason: "My cousin runs it",
    });
    expect(
      db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.template, "jury_recusal"), eq(outbox.toAddress, s.secretariat.email)))
        .all(),
    ).toHaveLength(1);
    const gone = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${reviewId}`, { cookie }), { reviewId })),
    );
    expect(gone.status).toBe(404);
  });
});
