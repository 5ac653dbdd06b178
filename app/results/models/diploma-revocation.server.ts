// The secretariat's revocation of a diploma: the code's row keeps the facts and says when, by
// whom and why; the audit row is written in the same transaction.
import { and, eq, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { diplomaCodes } from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import { fail, type Result } from "../../kernel/models/result.server";
import { REVOCATION_REASON_MAX } from "../forms/revocation";

/** Revokes a diploma with the reason, audited in the same transaction; once only. */
export function revokeDiploma({
  code,
  actorId,
  reason,
  now = new Date(),
}: {
  code: string;
  actorId: string;
  reason: string;
  now?: Date;
}): Result {
  const text = reason.trim();
  if (!text) return fail("reason", "errors.revocation_reason_required");
  if (text.length > REVOCATION_REASON_MAX)
    return fail("reason", "errors.revocation_reason_long", { max: REVOCATION_REASON_MAX });
  return db().transaction((tx) => {
    const row = tx
      .select({ applicationId: diplomaCodes.applicationId, editionId: diplomaCodes.editionId })
      .from(diplomaCodes)
      .where(eq(diplomaCodes.code, code))
      .get();
    if (!row) return fail("reason", "errors.diploma_unknown");
    const changes = tx
      .update(diplomaCodes)
      .set({ revokedAt: now, revokedBy: actorId, revokedReason: text })
      .where(and(eq(diplomaCodes.code, code), isNull(diplomaCodes.revokedAt)))
      .run().changes;
    if (changes !== 1) return fail("reason", "errors.diploma_already_revoked");
    writeAudit(
      {
        actorId,
        action: "diploma.revoked",
        objectType: "application",
        objectId: row.applicationId,
        details: { code, editionId: row.editionId, reason: text },
        at: now,
      },
      tx,
    );
    return { ok: true as const };
  });
}
