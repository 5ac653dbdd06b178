// The retention schedule: read (the privacy notice shows it live), changed by the secretariat
// (audited) and applied by the scheduled job with the erasure's own anonymisation. A run that
// removes something writes one audit row with its counts and the applications' ids; a run with
// nothing to do writes nothing, since the job runs every few seconds (decision 020).
import { and, count, eq, inArray, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  applications,
  editions,
  loginAttempts,
  mailRequests,
  outbox,
  passwordResets,
  pendingRegistrations,
  retentionSettings,
} from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import {
  DEFAULT_SCHEDULE,
  RETENTION_CLASSES,
  RETENTION_KEYS,
  retentionCutoff,
  type RetentionClassKey,
  type RetentionSchedule,
} from "../../kernel/domain/retention";
import { anonymiseApplications, removeFiles, type StoredFile } from "../../applications/models/anonymise.server";
import { mailCopyColumns, removeMailCopies, type MailCopyOf } from "../../kernel/models/outbox.server";

/** The schedule as set, each class without a row at its default. */
export function retentionSchedule(): RetentionSchedule {
  const rows = db().select().from(retentionSettings).all();
  const schedule = { ...DEFAULT_SCHEDULE };
  for (const r of rows) if (r.dataClass in schedule) schedule[r.dataClass as RetentionClassKey] = r.amount;
  return schedule;
}

/** Sets the schedule (the form checked the bounds); one audit row with what changed, from and to. */
export function setRetentionSchedule({
  schedule,
  actorId,
  now = new Date(),
}: {
  schedule: RetentionSchedule;
  actorId: string;
  now?: Date;
}): void {
  db().transaction((tx) => {
    const before = { ...DEFAULT_SCHEDULE };
    for (const r of tx.select().from(retentionSettings).all())
      if (r.dataClass in before) before[r.dataClass as RetentionClassKey] = r.amount;
    const changed: Record<string, { from: number; to: number }> = {};
    for (const key of RETENTION_KEYS) {
      const amount = schedule[key];
      if (amount === before[key]) continue;
      changed[key] = { from: before[key], to: amount };
      tx.insert(retentionSettings)
        .values({ dataClass: key, amount, updatedBy: actorId, updatedAt: now })
        .onConflictDoUpdate({
          target: retentionSettings.dataClass,
          set: { amount, updatedBy: actorId, updatedAt: now },
        })
        .run();
    }
    writeAudit(
      { actorId, action: "retention.changed", objectType: "retention", objectId: null, details: { changed }, at: now },
      tx,
    );
  });
}

const cutoff = (key: RetentionClassKey, amount: number, now: Date) =>
  retentionCutoff(now, RETENTION_CLASSES[key].unit, amount);

/** At most this many applications a run: a first run on years of data does not hold the database long. */
const BATCH = 200;

/**
 * Unsuccessful applications of editions announced before `announcedBefore`, not yet anonymised.
 * Not a laureate's: anonymiseApplications keeps a laureate's public record in any case, and a
 * laureate's application is only ever anonymised by an erasure its applicant asked for.
 */
const dueApplications = (announcedBefore: Date) =>
  and(
    isNull(applications.anonymisedAt),
    ne(applications.state, "laureate"),
    inArray(editions.phase, ["announced", "archived"]),
    lt(editions.announcementAt, announcedBefore),
  );

/** Sent e-mails sent before `sentBefore` (one still waiting is never removed). */
const dueEmails = (sentBefore: Date) =>
  and(eq(outbox.state, "sent"), isNotNull(outbox.sentAt), lt(outbox.sentAt, sentBefore));

/**
 * What `schedule` would remove at its first run, for the secretariat to confirm before a shorter
 * period makes it so: the applications anonymised and the sent e-mails deleted (the short-lived
 * sign-in traces are not counted). Reads only.
 */
export function retentionPreview({ schedule, now = new Date() }: { schedule: RetentionSchedule; now?: Date }) {
  const announcedBefore = cutoff("unsuccessful_applications", schedule.unsuccessful_applications, now);
  const sentBefore = cutoff("emails", schedule.emails, now);
  const applicationsDue = db()
    .select({ n: count() })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .where(dueApplications(announcedBefore))
    .get()!.n;
  const emailsDue = db().select({ n: count() }).from(outbox).where(dueEmails(sentBefore)).get()!.n;
  return { applications: applicationsDue, emails: emailsDue };
}

export interface RetentionRun {
  applications: string[];
  emails: number;
  registrations: number;
}

/** Applies the schedule as of `now`; answers what it removed. */
export function applyRetention(now: Date = new Date()): RetentionRun {
  const schedule = retentionSchedule();
  const announcedBefore = cutoff("unsuccessful_applications", schedule.unsuccessful_applications, now);
  const sentBefore = cutoff("emails", schedule.emails, now);
  const tracesBefore = cutoff("registrations", schedule.registrations, now);
  let files: StoredFile[] = [];
  let copies: MailCopyOf[] = [];
  const run = db().transaction((tx) => {
    const due = tx
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(editions, eq(editions.id, applications.editionId))
      .where(dueApplications(announcedBefore))
      .limit(BATCH)
      .all()
      .map((r) => r.id);
    files = anonymiseApplications(tx, due, now);
    copies = tx.delete(outbox).where(dueEmails(sentBefore)).returning(mailCopyColumns).all();
    const emails = copies.length;
    const registrations =
      tx
        .delete(pendingRegistrations)
        .where(or(lt(pendingRegistrations.expiresAt, tracesBefore), lt(pendingRegistrations.createdAt, tracesBefore)))
        .run().changes +
      tx.delete(passwordResets).where(lt(passwordResets.expiresAt, tracesBefore)).run().changes +
      tx.delete(loginAttempts).where(lt(loginAttempts.at, tracesBefore)).run().changes +
      tx.delete(mailRequests).where(lt(mailRequests.at, tracesBefore)).run().changes;
    const result = { applications: due, emails, registrations };
    if (due.length + emails + registrations > 0)
      writeAudit(
        {
          actorId: null,
          action: "retention.applied",
          objectType: "retention",
          objectId: null,
          details: { ...result, files: files.length, schedule },
          at: now,
        },
        tx,
      );
    return result;
  });
  removeFiles(files);
  removeMailCopies(copies);
  return run;
}
