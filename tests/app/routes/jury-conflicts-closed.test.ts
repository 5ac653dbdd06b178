// A juror's declaration of a conflict recuses their review of the application, submitted or not:
// once scoring has closed it would change the scores the jury deliberates on, so it is refused.
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, conflicts, editions, reviews } from "../../../db/schema";
import * as declare from "../../../app/routes/jury.$editionId.conflicts";
import * as conflictsPage from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import { cookieFor, request, run } from "../../fixtures/builders";
import { args, scenario, scoredReview, type Scenario } from "../../fixtures/jury-routes";
import { renderPage } from "../../support/render-page";

function snapshot() {
  return {
    conflicts: db().select({ id: conflicts.id, status: conflicts.status }).from(conflicts).orderBy(conflicts.id).all(),
    reviews: db().select({ id: reviews.id, state: reviews.state }).from(reviews).orderBy(reviews.id).all(),
    audit: db().select({ n: count() }).from(auditLog).get()!.n,
  };
}

describe("once scoring has closed, a juror's declaration is refused and their submitted review stays", () => {
  const declareAs = (s: Scenario, cookie: string, applicationId: string) =>
    run(() =>
      declare.action(
        args(
          request(`/jury/${s.editionId}/conflicts`, {
            cookie,
            form: { intent: "declare", applicationId, reason: "A late link" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
  const openPage = async (s: Scenario, cookie: string) =>
    (
      (
        await run(() =>
          declare.loader(args(request(`/jury/${s.editionId}/conflicts`, { cookie }), { editionId: s.editionId })),
        )
      ).body as { canDeclare: boolean }
    ).canDeclare;

  for (const [when, closed] of [
    ["in deliberation", { phase: "deliberation" as const }],
    ["after the decision", { phase: "decided" as const }],
    ["past its closing date", { scoringClosesAt: new Date(Date.now() - 60_000) }],
  ] as const)
    it(when, async () => {
      const s = await scenario();
      const [ana] = s.jurors;
      const cookie = await cookieFor(ana.userId);
      const reviewId = scoredReview(s, ana.memberId, s.applications[1].id, "submitted");
      expect(await openPage(s, cookie)).toBe(true);
      db().update(editions).set(closed).where(eq(editions.id, s.editionId)).run();
      const before = snapshot();
      expect(await declareAs(s, cookie, s.applications[1].id)).toMatchObject({
        status: 400,
        body: { errors: { applicationId: { message: "errors.jury_declarations_closed" } } },
      });
      expect(snapshot()).toEqual(before);
      expect(db().select({ state: reviews.state }).from(reviews).where(eq(reviews.id, reviewId)).get()).toEqual({
        state: "submitted",
      });
      expect(await openPage(s, cookie)).toBe(false);
    });
});

describe("while scoring is open, declaring a conflict on a submitted review", () => {
  it("is confirmed first: without the box ticked nothing changes and the box is offered; with it the review is withdrawn", async () => {
    const s = await scenario();
    const [ana] = s.jurors;
    const cookie = await cookieFor(ana.userId);
    const app = s.applications[1];
    const reviewId = scoredReview(s, ana.memberId, app.id, "submitted");
    const post = (form: Record<string, string>) =>
      run(() =>
        declare.action(args(request(`/jury/${s.editionId}/conflicts`, { cookie, form }), { editionId: s.editionId })),
      );
    // The list says which applications have a submitted review before anything is chosen.
    const page = await run(() =>
      declare.loader(args(request(`/jury/${s.editionId}/conflicts`, { cookie }), { editionId: s.editionId })),
    );
    const listed = (page.body as { applications: { id: string; reviewSubmitted: boolean }[] }).applications;
    expect(listed.find((a) => a.id === app.id)!.reviewSubmitted).toBe(true);
    expect(renderPage(declare.default, { locale: "en", data: page.body })).toContain("(your review is submitted)");
    const before = snapshot();
    const refused = await post({ intent: "declare", applicationId: app.id, reason: "A late link" });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        errors: { withdrawSubmitted: { message: "errors.jury_declare_submitted" } },
        values: { reason: "A late link" },
      },
    });
    expect(snapshot()).toEqual(before);
    const html = renderPage(declare.default, { locale: "fr", data: page.body, actionData: refused.body });
    expect(html).toContain('name="withdrawSubmitted"');
    expect(html).toContain("Vous avez soumis votre évaluation de cette candidature");
    const done = await post({
      intent: "declare",
      applicationId: app.id,
      reason: "A late link",
      withdrawSubmitted: "on",
    });
    expect(done.status).toBe(302);
    expect(db().select({ state: reviews.state }).from(reviews).where(eq(reviews.id, reviewId)).get()).toEqual({
      state: "recused",
    });
  });

  it("the juror's list shows the register's confirmed conflicts of theirs too, and offers no declaration on them", async () => {
    const s = await scenario();
    const [ana] = s.jurors;
    const cookie = await cookieFor(ana.userId);
    const app = s.applications[2];
    db()
      .insert(conflicts)
      .values({ editionId: s.editionId, jurorId: ana.memberId, applicationId: app.id, source: "same_country" })
      .run();
    const page = await run(() =>
      declare.loader(args(request(`/jury/${s.editionId}/conflicts`, { cookie }), { editionId: s.editionId })),
    );
    const html = renderPage(declare.default, { locale: "en", data: page.body });
    expect(html).toContain("Conflict in the register (Same country): you do not score it");
    expect(html).not.toContain(`<option value="${app.id}"`);
  });
});

describe("once the decision is recorded, the secretariat's register no longer changes", () => {
  for (const phase of ["decided", "announced"] as const)
    it(`${phase}: detect, add and confirm are refused, nothing changes, and the page says why`, async () => {
      const s = await scenario();
      const reviewId = scoredReview(s, s.jurors[0].memberId, s.applications[1].id, "submitted");
      db().update(editions).set({ phase }).where(eq(editions.id, s.editionId)).run();
      const url = `/secretariat/editions/${s.editionId}/conflicts`;
      const before = snapshot();
      const forms: Record<string, string>[] = [
        { intent: "detect" },
        { intent: "confirm_safe" },
        { intent: "add", memberId: s.jurors[0].memberId, applicationId: s.applications[1].id, reason: "Late" },
      ];
      for (const form of forms) {
        const res = await run(() =>
          conflictsPage.action(args(request(url, { cookie: s.staffCookie, form }), { editionId: s.editionId })),
        );
        expect(res, form.intent).toMatchObject({
          status: 400,
          body: { errors: { intent: { message: "errors.jury_register_closed" } } },
        });
      }
      expect(snapshot()).toEqual(before);
      expect(db().select({ state: reviews.state }).from(reviews).where(eq(reviews.id, reviewId)).get()).toEqual({
        state: "submitted",
      });
      const page = await run(() =>
        conflictsPage.loader(args(request(url, { cookie: s.staffCookie }), { editionId: s.editionId })),
      );
      expect(page.body).toMatchObject({ closed: true });
    });
});
