// The phase page makes only the moves that are the secretariat's to make by hand: the decision
// is recorded on its page, the announcement is the scheduled job's, and there is no way back out
// of a recorded decision or an announcement; screening is not reopened under submitted reviews.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { ballots, conflicts, deliberations, editions } from "../../../db/schema";
import { changePhase, isAdjacentPhase } from "../../../app/editions/models/edition.server";
import * as overview from "../../../app/routes/secretariat.editions.$editionId._index";
import * as phasePage from "../../../app/routes/secretariat.editions.$editionId.phase";
import { request, run } from "../../fixtures/builders";
import { args, scenario, scoredReview } from "../../fixtures/jury-routes";
import { renderPage } from "../../support/render-page";

const phaseOf = (editionId: string) =>
  db().select({ phase: editions.phase }).from(editions).where(eq(editions.id, editionId)).get()!.phase;

describe("moves between phases", () => {
  it("the decision, the announcement and the way back out of them are not the phase page's", () => {
    for (const [from, to] of [
      ["deliberation", "decided"],
      ["decided", "announced"],
      ["decided", "deliberation"],
      ["announced", "decided"],
    ])
      expect(isAdjacentPhase(from, to), `${from} → ${to}`).toBe(false);
    for (const [from, to] of [
      ["draft", "call_open"],
      ["screening", "call_open"],
      ["scoring", "deliberation"],
      ["deliberation", "scoring"],
      ["announced", "archived"],
    ])
      expect(isAdjacentPhase(from, to), `${from} → ${to}`).toBe(true);
  });

  for (const [from, to] of [
    ["decided", "deliberation"],
    ["decided", "announced"],
    ["announced", "decided"],
  ] as const)
    it(`an edition ${from} is not moved to ${to} by hand: refused, no page, no link`, async () => {
      const s = await scenario();
      db().update(editions).set({ phase: from }).where(eq(editions.id, s.editionId)).run();
      expect(changePhase({ editionId: s.editionId, to, actorId: s.secretariat.id })).toMatchObject({
        ok: false,
        error: "errors.phase_not_adjacent",
      });
      expect(phaseOf(s.editionId)).toBe(from);
      const page = await run(() =>
        phasePage.loader(
          args(request(`/secretariat/editions/${s.editionId}/phase?to=${to}`, { cookie: s.staffCookie }), {
            editionId: s.editionId,
          }) as never,
        ),
      );
      expect(page.status).toBe(404);
      const shown = await run(() =>
        overview.loader(
          args(request(`/secretariat/editions/${s.editionId}`, { cookie: s.staffCookie }), {
            editionId: s.editionId,
          }) as never,
        ),
      );
      const moves = (shown.body as { moves: { next: string | null; previous: string | null } }).moves;
      expect([moves.next, moves.previous]).not.toContain(to);
    });

  it("screening is not reopened once the jury has submitted a review, and is before that", async () => {
    const submitted = await scenario();
    scoredReview(submitted, submitted.jurors[0].memberId, submitted.applications[0].id, "submitted");
    expect(changePhase({ editionId: submitted.editionId, to: "screening", actorId: submitted.secretariat.id })).toEqual(
      {
        ok: false,
        field: "form",
        error: "errors.phase_reviews_submitted",
      },
    );
    expect(phaseOf(submitted.editionId)).toBe("scoring");

    const drafts = await scenario();
    scoredReview(drafts, drafts.jurors[0].memberId, drafts.applications[0].id, "draft");
    expect(changePhase({ editionId: drafts.editionId, to: "screening", actorId: drafts.secretariat.id })).toEqual({
      ok: true,
    });
    expect(phaseOf(drafts.editionId)).toBe("screening");
  });
  it("a move back the jury's work forbids is not offered: the overview and the phase page say why instead", async () => {
    const shownFor = async (s: Awaited<ReturnType<typeof scenario>>) => {
      const params = { editionId: s.editionId };
      const shown = await run(() =>
        overview.loader(
          args(request(`/secretariat/editions/${s.editionId}`, { cookie: s.staffCookie }), params) as never,
        ),
      );
      const page = await run(() =>
        phasePage.loader(
          args(
            request(`/secretariat/editions/${s.editionId}/phase?to=screening`, { cookie: s.staffCookie }),
            params,
          ) as never,
        ),
      );
      const { moves } = shown.body as { moves: { previous: string | null; previousBlocker: string | null } };
      return {
        previous: moves.previous,
        why: moves.previousBlocker,
        page: (page.body as { blocker: string | null }).blocker,
      };
    };
    const submitted = await scenario();
    scoredReview(submitted, submitted.jurors[0].memberId, submitted.applications[0].id, "submitted");
    expect(await shownFor(submitted)).toEqual({
      previous: null,
      why: "errors.phase_reviews_submitted",
      page: "errors.phase_reviews_submitted",
    });
    const drafts = await scenario();
    scoredReview(drafts, drafts.jurors[0].memberId, drafts.applications[0].id, "draft");
    expect(await shownFor(drafts)).toEqual({ previous: "screening", why: null, page: null });
  });

  it("moving on to deliberation says how many proposed conflicts are undecided, with the way to decide them", async () => {
    const s = await scenario();
    scoredReview(s, s.jurors[0].memberId, s.applications[0].id, "submitted");
    const page = async () => {
      const res = await run(() =>
        phasePage.loader(
          args(request(`/secretariat/editions/${s.editionId}/phase?to=deliberation`, { cookie: s.staffCookie }), {
            editionId: s.editionId,
          }) as never,
        ),
      );
      return res.body as Awaited<ReturnType<typeof phasePage.loader>>;
    };
    expect((await page()).proposals).toBe(0);
    db()
      .insert(conflicts)
      .values({
        editionId: s.editionId,
        jurorId: s.jurors[0].memberId,
        applicationId: s.applications[0].id,
        source: "same_organisation",
        status: "proposed",
      })
      .run();
    const data = await page();
    expect(data.proposals).toBe(1);
    const html = renderPage(phasePage.default, {
      locale: "fr",
      data,
      path: `/secretariat/editions/${s.editionId}/phase?to=deliberation`,
    });
    expect(html).toContain("1 conflit d’intérêts proposé n’est pas encore tranché");
    expect(html).toContain(`href="/secretariat/editions/${s.editionId}/conflicts"`);
  });

  it("scoring is not reopened from deliberation once a juror has cast a ballot, and is before that", async () => {
    for (const withBallot of [true, false]) {
      const s = await scenario();
      scoredReview(s, s.jurors[0].memberId, s.applications[0].id, "submitted");
      db().update(editions).set({ phase: "deliberation" }).where(eq(editions.id, s.editionId)).run();
      const deliberation = db()
        .insert(deliberations)
        .values({
          editionId: s.editionId,
          shortlist: [s.applications[0].id, s.applications[1].id],
          openedBy: s.secretariat.id,
          openedAt: new Date(),
        })
        .returning()
        .get();
      if (withBallot)
        db()
          .insert(ballots)
          .values({
            deliberationId: deliberation.id,
            jurorId: s.jurors[0].memberId,
            ranking: [[s.applications[0].id], [s.applications[1].id]],
            submittedAt: new Date(),
          })
          .run();
      const moved = changePhase({ editionId: s.editionId, to: "scoring", actorId: s.secretariat.id });
      if (withBallot) {
        expect(moved).toEqual({ ok: false, field: "form", error: "errors.phase_ballots_cast" });
        expect(phaseOf(s.editionId)).toBe("deliberation");
      } else {
        expect(moved).toEqual({ ok: true });
        expect(phaseOf(s.editionId)).toBe("scoring");
      }
    }
  });
});
