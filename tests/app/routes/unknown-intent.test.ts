// A post naming an intent that no form of its page posts (a forged post, or a page older than
// the code) is the 400 page: each form of a page shows only the answer to its own intent, so an
// answer as data came back as the same page, silent.
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, conflicts, outbox, reviews } from "../../../db/schema";
import * as declare from "../../../app/routes/jury.$editionId.conflicts";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import { cookieFor, request } from "../../fixtures/builders";
import { args, scenario, scoredReview } from "../../fixtures/jury-routes";

function snapshot() {
  return {
    conflicts: db().select({ id: conflicts.id, status: conflicts.status }).from(conflicts).orderBy(conflicts.id).all(),
    reviews: db().select().from(reviews).orderBy(reviews.id).all(),
    audit: db().select({ n: count() }).from(auditLog).get()!.n,
    outbox: db().select({ n: count() }).from(outbox).get()!.n,
  };
}

describe("unknown intents", () => {
  it("an intent no form of the page posts is the 400 page and changes nothing, on the juror's conflicts and review pages", async () => {
    const s = await scenario({ reviewers: 1 });
    const juror = s.jurors[2];
    const reviewId = scoredReview(s, juror.memberId, s.applications[0].id, "draft");
    const cookie = await cookieFor(juror.userId);
    const before = snapshot();
    for (const intent of ["bogus", ""]) {
      // Thrown, so the route's error boundary says nothing was changed; returned, no form on the
      // page showed it (each shows only the answer to its own intent) and the page came back silent.
      const conflictsPost = declare.action(
        args(
          request(`/jury/${s.editionId}/conflicts`, {
            cookie,
            form: { intent, applicationId: s.applications[1].id, reason: "I advised them" },
          }),
          { editionId: s.editionId },
        ),
      );
      await expect(conflictsPost).rejects.toMatchObject({ status: 400 });
      const reviewPost = reviewPage.action(
        args(
          request(`/jury/reviews/${reviewId}`, {
            cookie,
            form: { intent, version: "3", "score.innovation": "9", overallComment: "Changed" },
          }),
          { reviewId },
        ),
      );
      await expect(reviewPost).rejects.toMatchObject({ status: 400 });
    }
    expect(snapshot()).toEqual(before);
  });
});
