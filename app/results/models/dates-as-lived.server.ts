// The edition's planned dates against what really happened, for the decision (decision.server.ts).
import { eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { editions } from "../../../db/schema";
import { toLocal } from "../../kernel/domain/paris-time";
import { lastAudited } from "../../kernel/models/audit.server";
import type { Failure } from "../../kernel/models/result.server";
import { AFTER_SCORING, type EditionBrief } from "./results.server";

/**
 * The edition's dates must stay in order up to the announcement (a CHECK of editions: call opens <
 * deadline ≤ scoring opens < scoring closes ≤ announcement). A decision is possible only once
 * scoring is over: either its planned close has passed (then any announcement, which must be in
 * the future, comes after it), or the secretariat moved the phases on early, and the plan may
 * still be ahead of the announcement chosen. Then the plan no longer says what happened: each
 * step really happened when the phase changed (the audited phase change; for scoring's close,
 * now when no such row exists), so the planned dates that came later than that are moved back to
 * it in the decision's transaction, audited, rather than refusing a legitimate announcement. A
 * date is only ever moved earlier. Only when the dates are still out of order (a phase left before
 * the step was even due and no phase change says otherwise) is the announcement refused, with a
 * field error naming the planned close.
 */
type PlannedDate = "callOpensAt" | "deadlineAt" | "scoringOpensAt" | "scoringClosesAt";
const AS_LIVED: [date: PlannedDate, detail: ["from" | "to", string]][] = [
  ["callOpensAt", ["to", "call_open"]],
  ["deadlineAt", ["from", "call_open"]],
  ["scoringOpensAt", ["to", "scoring"]],
  ["scoringClosesAt", ["from", "scoring"]],
];

export function datesAsLived({
  edition,
  announcementAt,
  now,
}: {
  edition: EditionBrief;
  announcementAt: Date;
  now: Date;
}): { ok: true; moved: Partial<Record<PlannedDate, { from: Date; to: Date }>> } | Failure {
  if (edition.scoringClosesAt.getTime() <= announcementAt.getTime()) return { ok: true, moved: {} };
  const refused: Failure = {
    ok: false,
    field: "announcementAt",
    error: "errors.announcement_before_scoring_close",
    vars: { close: toLocal(edition.scoringClosesAt).replace("T", " ") },
  };
  if (!AFTER_SCORING.includes(edition.phase)) return refused;
  const planned = db()
    .select({
      callOpensAt: editions.callOpensAt,
      deadlineAt: editions.deadlineAt,
      scoringOpensAt: editions.scoringOpensAt,
      scoringClosesAt: editions.scoringClosesAt,
    })
    .from(editions)
    .where(eq(editions.id, edition.id))
    .get();
  if (!planned) return refused;
  const dates = { ...planned };
  const moved: Partial<Record<PlannedDate, { from: Date; to: Date }>> = {};
  for (const [date, detail] of AS_LIVED) {
    const changed = lastAudited({
      objectType: "edition",
      objectId: edition.id,
      action: "edition.phase_changed",
      detail,
    });
    const lived = changed && changed.getTime() <= now.getTime() ? changed : date === "scoringClosesAt" ? now : null;
    if (lived && lived.getTime() < planned[date].getTime()) {
      dates[date] = lived;
      moved[date] = { from: planned[date], to: lived };
    }
  }
  const order = [dates.callOpensAt, dates.deadlineAt, dates.scoringOpensAt, dates.scoringClosesAt, announcementAt];
  const strict = [true, false, true, false];
  const inOrder = strict.every((lt, i) =>
    lt ? order[i].getTime() < order[i + 1].getTime() : order[i].getTime() <= order[i + 1].getTime(),
  );
  return inOrder ? { ok: true, moved } : refused;
}
