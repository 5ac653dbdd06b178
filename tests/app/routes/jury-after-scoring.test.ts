// Once scoring has closed (at its date, or by a later phase), the assignment is what the jury
// scored and no one can score any more: the assignment is not run, changed or published, and no
// reminder to finish scoring is sent.
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { assignments, auditLog, editions, outbox, reviews } from "../../../db/schema";
import * as assignmentPage from "../../../app/routes/secretariat.editions.$editionId.assignment";
import * as progressPage from "../../../app/routes/secretariat.editions.$editionId.progress";
import { publishAssignments } from "../../../app/jury/models/assignment-publish.server";
import { request, run } from "../../fixtures/builders";
import { args, decideConflicts, scenario, type Scenario } from "../../fixtures/jury-routes";

const counts = () => ({
  assignments: db().select({ n: count() }).from(assignments).get()!.n,
  published: db().select({ n: count() }).from(reviews).get()!.n,
  audit: db().select({ n: count() }).from(auditLog).get()!.n,
  outbox: db().select({ n: count() }).from(outbox).get()!.n,
});

function post(s: Scenario, page: "assignment" | "progress", form: Record<string, string>) {
  const url = `/secretariat/editions/${s.editionId}/${page}`;
  const action = page === "assignment" ? assignmentPage.action : progressPage.action;
  return run(() => action(args(request(url, { cookie: s.staffCookie, form }), { editionId: s.editionId })));
}

const run3 = { intent: "run", reviewers: "2", maxLoad: "2", minLoad: "0" };

describe("after scoring has closed", () => {
  for (const [when, closed] of [
    ["in deliberation", { phase: "deliberation" as const }],
    ["past its closing date", { scoringClosesAt: new Date(Date.now() - 60_000) }],
  ] as const) {
    it(`the assignment is neither run nor published ${when}`, async () => {
      const s = await scenario();
      await decideConflicts(s);
      expect((await post(s, "assignment", run3)).status).toBe(302);
      db().update(editions).set(closed).where(eq(editions.id, s.editionId)).run();
      const before = counts();
      for (const form of [run3, { intent: "publish", confirm: "on" }])
        expect(await post(s, "assignment", form)).toMatchObject({
          status: 400,
          body: { errors: { form: { message: "errors.jury_assignment_closed" } } },
        });
      // The model refuses too (the publication runs in a worker, from wherever it is called).
      expect(publishAssignments({ editionId: s.editionId, actorId: s.secretariat.id, origin: "http://x" })).toEqual({
        ok: false,
        field: "confirm",
        error: "errors.jury_assignment_closed",
      });
      expect(counts()).toEqual(before);
      // The page says so above its forms.
      const page = await run(() =>
        assignmentPage.loader(
          args(request(`/secretariat/editions/${s.editionId}/assignment`, { cookie: s.staffCookie }), {
            editionId: s.editionId,
          }),
        ),
      );
      expect(page.body).toMatchObject({ closed: true });
    });

    it(`no reminder to finish scoring is sent ${when}`, async () => {
      const s = await scenario();
      await decideConflicts(s);
      await post(s, "assignment", run3);
      expect((await post(s, "assignment", { intent: "publish", confirm: "on" })).status).toBe(302);
      db().update(editions).set(closed).where(eq(editions.id, s.editionId)).run();
      const before = counts();
      expect(await post(s, "progress", { intent: "remind" })).toMatchObject({
        status: 400,
        body: { errors: { form: { message: "errors.jury_reminders_closed" } } },
      });
      expect(counts()).toEqual(before);
    });
  }
});
