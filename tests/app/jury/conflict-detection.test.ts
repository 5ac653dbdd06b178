// Automatic detection proposes only what the register does not settle already: a pair the juror
// declared or the secretariat set by hand is a confirmed conflict, and proposing it again would
// hold the assignment back ("decide the proposed conflicts first") for nothing.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { conflicts } from "../../../db/schema";
import { insertConflict } from "../../../app/jury/models/conflicts.server";
import { detectConflicts } from "../../../app/jury/models/conflict-detect.server";
import { scenario } from "../../fixtures/jury-routes";

describe("conflict detection", () => {
  for (const source of ["declared", "manual"] as const)
    it(`does not propose a pair already ${source === "declared" ? "declared by the juror" : "set by hand"}`, async () => {
      const s = await scenario();
      // Chidi is from Kenya, as the Kenyan project is: detection would propose the pair.
      const chidi = s.jurors.find((j) => j.name === "Juror Chidi")!;
      const kenyan = s.applications.find((a) => a.country === "KE")!;
      db().transaction((tx) =>
        insertConflict(tx, {
          editionId: s.editionId,
          jurorId: chidi.memberId,
          applicationId: kenyan.id,
          source,
          reason: "Advised the project",
          createdBy: source === "declared" ? chidi.userId : s.secretariat.id,
        }),
      );
      await detectConflicts({ editionId: s.editionId, actorId: s.secretariat.id });
      const pair = db()
        .select({ source: conflicts.source, status: conflicts.status })
        .from(conflicts)
        .where(and(eq(conflicts.jurorId, chidi.memberId), eq(conflicts.applicationId, kenyan.id)))
        .all();
      expect(pair).toEqual([{ source, status: "confirmed" }]);
    });
});
