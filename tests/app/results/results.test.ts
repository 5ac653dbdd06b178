import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { editions, reviews } from "../../../db/schema";
import { editionResults, getEditionBrief, warmResults } from "../../../app/results/models/results.server";
import { buildScoredEdition } from "../../fixtures/results";

describe("edition results", () => {
  it("are computed once for the same reviews and again as soon as a score changes", async () => {
    const f = await buildScoredEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const viewer = { kind: "secretariat" as const, userId: f.secretariat.id };
    const first = await editionResults({ edition, viewer });
    const again = await editionResults({ edition, viewer });
    // The same object: served from the cache, not recomputed.
    expect(again.results).toBe(first.results);

    const target = f.apps[5].app.id;
    const before = first.results!.applications.find((a) => a.applicationId === target)!;
    db()
      .update(reviews)
      .set({ scores: { appropriateness: 10, innovation: 10, impact: 10 } })
      .where(and(eq(reviews.applicationId, target), eq(reviews.jurorId, f.jurors[0].member.id)))
      .run();
    const after = await editionResults({ edition, viewer });
    expect(after.results).not.toBe(first.results);
    expect(after.results!.applications.find((a) => a.applicationId === target)!.scores.mean).toBeGreaterThan(
      before.scores.mean,
    );
    // Another method is another computation.
    expect((await editionResults({ edition, viewer, method: "median" })).results).not.toBe(after.results);
  });

  it("closed editions' results are computed ahead of the first visit, and editions still scoring are left alone", async () => {
    const closed = await buildScoredEdition();
    const before = await warmResults();
    expect(before).toBeGreaterThanOrEqual(1);
    const scoring = await buildScoredEdition();
    db()
      .update(editions)
      .set({ scoringClosesAt: new Date(Date.now() + 864e5) })
      .where(eq(editions.id, scoring.edition.id))
      .run();
    expect(await warmResults()).toBe(before);
    const secretariat = { kind: "secretariat" as const, userId: closed.secretariat.id };
    const warmed = await editionResults({
      edition: getEditionBrief({ editionId: closed.edition.id })!,
      viewer: secretariat,
    });
    // Whoever of the secretariat opens the page gets the result computed by the job.
    await warmResults();
    expect(
      (
        await editionResults({
          edition: getEditionBrief({ editionId: closed.edition.id })!,
          viewer: { kind: "secretariat", userId: "someone else" },
        })
      ).results,
    ).toBe(warmed.results);
  });
});
