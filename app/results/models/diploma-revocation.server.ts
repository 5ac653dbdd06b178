// The secretariat's revocation of a diploma: the code's row keeps the facts and says when, by
// whom and why; the audit row is written in the same transaction.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { diplomaCodes } from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import { fail, type Result } from "../../kernel/models/result.server";
import { REVOCATION_REASON_MAX } from "../forms/revocation";
import { getDecisionRow } from "./deliberation.server";
import { isAnnounced } from "./outcome.server";

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

/**
 * The revoked diplomas of announced editions, oldest revocation first: what the public
 * revocation list names (a code of an edition not announced yet says nothing before its instant).
 */
export function revokedDiplomas({ now = new Date() }: { now?: Date } = {}) {
  const rows = db()
    .select({
      code: diplomaCodes.code,
      editionId: diplomaCodes.editionId,
      revokedAt: diplomaCodes.revokedAt,
      reason: diplomaCodes.revokedReason,
    })
    .from(diplomaCodes)
    .where(isNotNull(diplomaCodes.revokedAt))
    .all();
  const announced = new Map<string, boolean>();
  const shown = rows.filter((row) => {
    if (!announced.has(row.editionId)) {
      const decision = getDecisionRow({ editionId: row.editionId });
      announced.set(row.editionId, !!decision && isAnnounced(decision, now));
    }
    return announced.get(row.editionId);
  });
  return shown
    .map((row) => ({ code: row.code, revokedAt: row.revokedAt!, reason: row.reason ?? "" }))
    .sort((a, b) => a.revokedAt.getTime() - b.revokedAt.getTime() || a.code.localeCompare(b.code));
}
