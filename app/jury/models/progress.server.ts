// Scoring progress and reminders: counters per juror and per application, manual and automatic
// reminders, and the extension of scoring. Every state change is audited in its own synchronous
// transaction, and e-mails are queued in that same transaction.
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { assignments, auditLog, editions, reviews } from "../../../db/schema";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { formatDateTime, isLocale, type Locale } from "../../kernel/i18n";
import { siteOrigin } from "../../kernel/server/site.server";
import { lastAudited, writeAudit } from "../../kernel/models/audit.server";
import { untilChangedAsync } from "../../kernel/server/memo.server";
import { whenDone } from "../../kernel/server/computing.server";
import { readOffThread } from "../../results/models/results-worker.server";
import { readProgressCounts, type ReviewCounts } from "./progress-read.server";
import {
  activeJurors,
  clampPage,
  editionColumns,
  fail,
  getJuryEdition,
  JURY_PAGE_SIZE,
  offsetOf,
  pagesOf,
  scoringOpen,
  type EditionActor,
  type Failure,
  type JuryEdition,
  type Tx,
} from "./shared.server";

const DAY = 864e5;

/**
 * A juror reminded (by the secretariat or the schedule) less than this long ago is not e-mailed
 * again: a second press of "Remind every late juror", from another tab or a minute later, would
 * otherwise send every late juror the same e-mail twice.
 */
export const REMINDER_GAP_MS = DAY;

export interface LastReminder {
  at: Date;
  kind: "manual" | "automatic";
}

/** Each juror's last reminder in the edition, from the audit log (its edition and action index). */
export function lastReminders({ editionId }: { editionId: string }, tx: Tx | DB = db()): Map<string, LastReminder> {
  // SQLite takes a bare column from the row holding the max(): the kind is the last reminder's.
  const rows = tx
    .select({
      jurorId: auditLog.objectId,
      at: sql<number>`max(${auditLog.at})`,
      kind: sql<string>`json_extract(${auditLog.details}, '$.kind')`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.editionId, editionId),
        eq(auditLog.action, "jury.reminder_sent"),
        eq(auditLog.objectType, "jury_member"),
      ),
    )
    .groupBy(auditLog.objectId)
    .all();
  return new Map(
    rows.map((r) => [
      r.jurorId ?? "",
      { at: new Date(r.at), kind: r.kind === "automatic" ? ("automatic" as const) : ("manual" as const) },
    ]),
  );
}

/** When the juror may be reminded again, if that is still ahead; else null. */
const nextReminderAt = (last: LastReminder | undefined, now: Date): Date | null =>
  last && last.at.getTime() + REMINDER_GAP_MS > now.getTime() ? new Date(last.at.getTime() + REMINDER_GAP_MS) : null;

const remindedLately = (last: LastReminder | undefined, now: Date) => nextReminderAt(last, now) !== null;

/** A juror is late when reviews are still open and the reminder window before the deadline has begun. */
export function reminderWindowOpen(
  edition: Pick<JuryEdition, "scoringClosesAt" | "reminderDaysBefore">,
  now: Date,
): boolean {
  return now.getTime() >= edition.scoringClosesAt.getTime() - edition.reminderDaysBefore * DAY;
}

/**
 * Scoring progress: each active juror's reviews by state (all of them, the jury is small), and
 * one page of applications, those with reviews still to finish first, with the totals. One pass
 * over the edition's reviews (which exist only once an assignment is published), with maps.
 */
export async function editionProgress({
  editionId,
  page = 1,
  now = new Date(),
}: {
  editionId: string;
  page?: number;
  now?: Date;
}) {
  const edition = getJuryEdition({ editionId });
  if (!edition) return null;
  type Counts = ReviewCounts;
  // The counts are read from every published review (~0.2 s at 10,000 applications), in the
  // reading worker (decision 032), and kept until a review or an assignment changes; what depends
  // on the clock (late jurors, open scoring) is not.
  const { byJuror, all } = await whenDone(
    untilChangedAsync({ editionId, topics: ["jury"], key: JSON.stringify(["progressCounts", editionId]) }, () =>
      readOffThread({ kind: "progress", editionId }, (database) => readProgressCounts(database, editionId)),
    ).promise,
  );
  const none: Counts = { assigned: 0, draft: 0, submitted: 0, recused: 0 };
  const windowOpen = reminderWindowOpen(edition, now);
  const reminded = lastReminders({ editionId });
  const jurors = activeJurors(editionId).map((j) => {
    const c = byJuror.get(j.id) ?? none;
    const last = reminded.get(j.id);
    return {
      id: j.id,
      name: j.name,
      ...c,
      late: windowOpen && c.assigned + c.draft > 0,
      remindedAt: last?.at ?? null,
      remindedKind: last?.kind ?? null,
      nextReminderAt: nextReminderAt(last, now),
    };
  });
  const open = (a: Counts) => a.assigned + a.draft > 0;
  // Applications with reviews to finish first, in title order within each group.
  const ordered = [...all.filter(open), ...all.filter((a) => !open(a))];
  const waiting = all.length - ordered.filter((a) => !open(a)).length;
  const unreviewed = all.filter((a) => a.assigned + a.draft + a.submitted === 0).length;
  const current = clampPage(page, all.length);
  return {
    edition,
    jurors,
    applications: ordered.slice(offsetOf(current), offsetOf(current) + JURY_PAGE_SIZE),
    applicationTotals: {
      total: all.length,
      open: waiting,
      unreviewed,
      done: all.length - waiting - unreviewed,
    },
    page: current,
    pages: pagesOf(all.length),
    open: scoringOpen(edition, now),
  };
}

/** How many active jurors the progress page shows as late (0 when the edition is unknown). */
export async function lateJurorCount({
  editionId,
  now = new Date(),
}: {
  editionId: string;
  now?: Date;
}): Promise<number> {
  return (await editionProgress({ editionId, now }))?.jurors.filter((j) => j.late).length ?? 0;
}

function pendingCount(tx: Tx | DB, memberId: string): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .where(
      and(
        eq(reviews.jurorId, memberId),
        isNotNull(assignments.publishedAt),
        inArray(reviews.state, ["assigned", "draft"]),
      ),
    )
    .get()!.n;
}

function remind(
  tx: Tx,
  edition: JuryEdition,
  member: { id: string; name: string; email: string; locale: string },
  pending: number,
  actorId: string | null,
  kind: "manual" | "automatic",
  origin: string,
) {
  const locale: Locale = isLocale(member.locale) ? member.locale : "en";
  enqueueMail(
    {
      to: member.email,
      locale,
      template: "jury_reminder",
      vars: {
        name: member.name,
        count: pending,
        deadline: formatDateTime(edition.scoringClosesAt, locale),
        link: `${origin}/jury`,
      },
    },
    tx,
  );
  writeAudit(
    {
      actorId,
      action: "jury.reminder_sent",
      objectType: "jury_member",
      objectId: member.id,
      details: { kind, editionId: edition.id, pending },
    },
    tx,
  );
}

/**
 * Reminds one juror (memberId) or every juror with open reviews, but none reminded less than a
 * day ago (REMINDER_GAP_MS): returns how many were reminded and how many were left out for that.
 */
export function sendReminders({
  editionId,
  actorId,
  memberId,
  origin,
  now = new Date(),
}: EditionActor & { memberId?: string; origin: string; now?: Date }):
  { ok: true; sent: number; recent: number } | Failure {
  const edition = getJuryEdition({ editionId });
  if (!edition) return fail("memberId", "errors.jury_edition_unknown");
  // A reminder asks to finish scoring: once it has closed no one can.
  if (!scoringOpen(edition)) return fail("memberId", "errors.jury_reminders_closed");
  return db().transaction((tx) => {
    const jurors = activeJurors(editionId, tx).filter((j) => !memberId || j.id === memberId);
    if (memberId && jurors.length === 0) return fail("memberId", "errors.jury_juror_unknown");
    const reminded = lastReminders({ editionId }, tx);
    let sent = 0;
    let recent = 0;
    for (const j of jurors) {
      const pending = pendingCount(tx, j.id);
      if (pending === 0) continue;
      if (remindedLately(reminded.get(j.id), now)) {
        recent++;
        continue;
      }
      remind(tx, edition, j, pending, actorId, "manual", origin);
      sent++;
    }
    if (memberId && recent > 0) return fail("memberId", "errors.jury_reminded_lately");
    if (memberId && sent === 0) return fail("memberId", "errors.jury_nothing_pending");
    return { ok: true as const, sent, recent };
  });
}

/**
 * Automatic reminders, to be called periodically (e.g. hourly): once the reminder window of an
 * edition in scoring has begun and before scoring closes, each juror with open reviews gets one
 * e-mail, once. The audit log remembers it (action jury.reminder_sent, kind automatic).
 */
export function sendDueReminders(now = new Date(), origin = siteOrigin()): number {
  const base = new URL(origin).origin;
  const candidates = db().select(editionColumns).from(editions).where(eq(editions.phase, "scoring")).all();
  let sent = 0;
  for (const edition of candidates) {
    if (!reminderWindowOpen(edition, now) || now.getTime() > edition.scoringClosesAt.getTime()) continue;
    db().transaction((tx) => {
      const reminded = lastReminders({ editionId: edition.id }, tx);
      for (const j of activeJurors(edition.id, tx)) {
        const reminder = { objectType: "jury_member", objectId: j.id, action: "jury.reminder_sent" };
        if (lastAudited({ ...reminder, detail: ["kind", "automatic"] }, tx)) continue;
        // A juror the secretariat reminded today gets the automatic one on a later run, not now.
        if (remindedLately(reminded.get(j.id), now)) continue;
        const pending = pendingCount(tx, j.id);
        if (pending === 0) continue;
        remind(tx, edition, j, pending, null, "automatic", base);
        sent++;
      }
    });
  }
  return sent;
}

/** Scoring closed (or about to): the secretariat extends it by some days, audited. */
export function reopenScoring({
  editionId,
  actorId,
  days,
  now = new Date(),
}: EditionActor & { days: number; now?: Date }): { ok: true; closesAt: Date } | Failure {
  return db().transaction((tx) => {
    const edition = tx
      .select({
        phase: editions.phase,
        scoringClosesAt: editions.scoringClosesAt,
        announcementAt: editions.announcementAt,
      })
      .from(editions)
      .where(eq(editions.id, editionId))
      .get();
    if (!edition) return fail("days", "errors.jury_edition_unknown");
    if (edition.phase !== "scoring") return fail("days", "errors.jury_reopen_phase");
    const closesAt = new Date(Math.max(now.getTime(), edition.scoringClosesAt.getTime()) + days * DAY);
    if (closesAt.getTime() > edition.announcementAt.getTime()) return fail("days", "errors.jury_reopen_too_late");
    tx.update(editions)
      .set({ scoringClosesAt: closesAt, updatedAt: now, version: sql`${editions.version} + 1` })
      .where(eq(editions.id, editionId))
      .run();
    writeAudit(
      {
        actorId,
        action: "edition.scoring_reopened",
        objectType: "edition",
        objectId: editionId,
        details: { from: edition.scoringClosesAt.getTime(), to: closesAt.getTime(), days },
      },
      tx,
    );
    return { ok: true as const, closesAt };
  });
}
