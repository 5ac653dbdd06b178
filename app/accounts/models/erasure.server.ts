// Erasure on request: a person asks, the secretariat confirms or declines with a reason. The
// confirmation, in one transaction, replaces the person's name and address by a pseudonym,
// closes the account, anonymises their applications (app/applications/models/anonymise.server.ts),
// forgets their sign-in traces and writes one audit row that holds ids only; their files leave
// the disk after the commit. The audit log and the decisions' snapshots are never rewritten:
// neither holds an applicant's name or address (decision 020).
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  applications,
  attachments,
  editions,
  erasureRequests,
  invitations,
  loginAttempts,
  mailRequests,
  nominationLetters,
  outbox,
  passwordResets,
  pendingRegistrations,
  sessions,
  users,
} from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import { enqueueMail, mailCopyColumns, removeMailCopies } from "../../kernel/models/outbox.server";
import type { Failure } from "../../kernel/models/result.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { anonymiseApplications, laureateIds, removeFiles } from "../../applications/models/anonymise.server";
import { entityMembersToTell } from "../../applications/models/application.server";
import { erasedAddress, erasedName } from "../domain/erasure";

/** The person's open request, if any. */
export function pendingRequestOf({ userId }: { userId: string }) {
  return (
    db()
      .select({ id: erasureRequests.id, requestedAt: erasureRequests.requestedAt })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.userId, userId), eq(erasureRequests.state, "pending")))
      .get() ?? null
  );
}

/** The person's last answered request, to tell them the reason of a decline. */
export function lastDeclinedOf({ userId }: { userId: string }) {
  return (
    db()
      .select({ decidedAt: erasureRequests.decidedAt, reason: erasureRequests.declineReason })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.userId, userId), eq(erasureRequests.state, "declined")))
      .orderBy(desc(erasureRequests.decidedAt))
      .limit(1)
      .get() ?? null
  );
}

/** Records the request and tells the person it was received; a second request while one waits is the same. */
export function requestErasure({ userId, now = new Date() }: { userId: string; now?: Date }): { ok: true } {
  db().transaction((tx) => {
    const open = tx
      .select({ id: erasureRequests.id })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.userId, userId), eq(erasureRequests.state, "pending")))
      .get();
    if (open) return;
    const row = tx
      .insert(erasureRequests)
      .values({ userId, requestedAt: now })
      .returning({ id: erasureRequests.id })
      .get();
    const user = tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).get()!;
    enqueueMail({ to: user.email, locale: user.locale, template: "erasure_received", vars: {} }, tx);
    writeAudit(
      {
        actorId: userId,
        action: "erasure.requested",
        objectType: "user",
        objectId: userId,
        details: { requestId: row.id },
      },
      tx,
    );
  });
  return { ok: true };
}

/**
 * The person takes back a request the secretariat has not answered: it leaves the list of those
 * waiting, and the audit log keeps that it was made and withdrawn. Answers false when none waits
 * (already answered, or a second click).
 */
export function withdrawErasure({ userId }: { userId: string }): boolean {
  return db().transaction((tx) => {
    const withdrawn = tx
      .delete(erasureRequests)
      .where(and(eq(erasureRequests.userId, userId), eq(erasureRequests.state, "pending")))
      .returning({ id: erasureRequests.id, requestedAt: erasureRequests.requestedAt })
      .get();
    if (!withdrawn) return false;
    writeAudit(
      {
        actorId: userId,
        action: "erasure.withdrawn",
        objectType: "user",
        objectId: userId,
        details: { requestId: withdrawn.id, requestedAt: withdrawn.requestedAt.toISOString() },
      },
      tx,
    );
    return true;
  });
}

/** The requests waiting for the secretariat, oldest first. */
export function listPendingRequests() {
  return db()
    .select({ id: erasureRequests.id, requestedAt: erasureRequests.requestedAt, name: users.name })
    .from(erasureRequests)
    .innerJoin(users, eq(users.id, erasureRequests.userId))
    .where(eq(erasureRequests.state, "pending"))
    .orderBy(asc(erasureRequests.requestedAt))
    .all();
}

export function pendingRequestCount(): number {
  return db().select({ n: count() }).from(erasureRequests).where(eq(erasureRequests.state, "pending")).get()!.n;
}

/** One pending request with what its confirmation would erase and keep; null when none waits. */
export function erasureRequestBrief({ requestId }: { requestId: string }) {
  const req = db()
    .select({
      id: erasureRequests.id,
      userId: erasureRequests.userId,
      requestedAt: erasureRequests.requestedAt,
      name: users.name,
      email: users.email,
    })
    .from(erasureRequests)
    .innerJoin(users, eq(users.id, erasureRequests.userId))
    .where(and(eq(erasureRequests.id, requestId), eq(erasureRequests.state, "pending")))
    .get();
  if (!req) return null;
  const apps = db()
    .select({
      id: applications.id,
      reference: applications.reference,
      title: applications.title,
      state: applications.state,
      year: editions.year,
      phase: editions.phase,
    })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .where(eq(applications.applicantId, req.userId))
    .orderBy(asc(applications.reference))
    .all();
  const won = db().transaction((tx) =>
    laureateIds(
      tx,
      apps.map((a) => a.id),
    ),
  );
  const ids = apps.map((a) => a.id);
  const files = ids.length
    ? db().select({ n: count() }).from(attachments).where(inArray(attachments.applicationId, ids)).get()!.n +
      db().select({ n: count() }).from(nominationLetters).where(inArray(nominationLetters.applicationId, ids)).get()!.n
    : 0;
  return {
    ...req,
    files,
    applications: apps.map((a) => ({
      ...a,
      laureate: won.has(a.id),
      // An edition not yet decided still reads this application: erasing it now removes it from the work.
      inProgress: !["decided", "announced", "archived"].includes(a.phase),
    })),
  };
}

function pendingRow(tx: Tx, requestId: string) {
  return tx
    .select({ id: erasureRequests.id, userId: erasureRequests.userId, requestedAt: erasureRequests.requestedAt })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.id, requestId), eq(erasureRequests.state, "pending")))
    .get();
}

/**
 * Replaces the person by a pseudonym and forgets their sign-in traces; answers the address they
 * had and the .eml copies of the messages to it, to remove once committed.
 */
function pseudonymiseUser(tx: Tx, userId: string, now: Date) {
  const before = tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).get()!;
  const address = erasedAddress(userId);
  tx.update(users)
    // "erased" is no argon2 hash: no password verifies against it, and the account is disabled too.
    .set({ name: erasedName(userId), email: address, passwordHash: "erased", disabledAt: now })
    .where(eq(users.id, userId))
    .run();
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  tx.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
  tx.delete(loginAttempts).where(eq(loginAttempts.email, before.email)).run();
  tx.delete(mailRequests).where(eq(mailRequests.target, before.email)).run();
  tx.delete(pendingRegistrations).where(eq(pendingRegistrations.email, before.email)).run();
  const copies = tx.delete(outbox).where(eq(outbox.toAddress, before.email)).returning(mailCopyColumns).all();
  tx.update(invitations)
    .set({ email: address, name: erasedName(userId) })
    .where(eq(invitations.email, before.email))
    .run();
  return { ...before, copies };
}

/** An application in these states still takes part in its edition (or waits on its entity). */
const IN_COMPETITION = ["awaiting_nominator", "returned", "nominated", "eligible", "ineligible"] as const;

/**
 * The person's applications still in an edition not yet decided are withdrawn: erased, they would
 * stay in the competition as empty shells, and a nominated one would keep its entity's nomination.
 * The entity each was sent to is told, by its reference alone (its title is being erased).
 */
function withdrawErasedApplications(tx: Tx, userId: string, actorId: string, now: Date): string[] {
  const running = tx
    .select({
      id: applications.id,
      reference: applications.reference,
      state: applications.state,
      entityId: applications.entityId,
      phase: editions.phase,
    })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .where(and(eq(applications.applicantId, userId), inArray(applications.state, [...IN_COMPETITION])))
    .all()
    .filter((a) => !["decided", "announced", "archived"].includes(a.phase));
  for (const a of running) {
    tx.update(applications)
      .set({ state: "withdrawn", withdrawnAt: now, updatedAt: now, version: sql`${applications.version} + 1` })
      .where(eq(applications.id, a.id))
      .run();
    writeAudit(
      {
        actorId,
        action: "application.withdrawn",
        objectType: "application",
        objectId: a.id,
        details: { from: a.state, to: "withdrawn", reference: a.reference, reason: "erasure" },
        at: now,
      },
      tx,
    );
    if (!a.entityId) continue;
    for (const m of entityMembersToTell(a.entityId, tx))
      enqueueMail(
        {
          to: m.email,
          locale: m.locale,
          template: "application_erased",
          vars: { name: m.name, reference: a.reference, entity: m.entity },
        },
        tx,
      );
  }
  return running.map((a) => a.id);
}

/** The secretariat confirms: everything in one transaction, then the files leave the disk. */
export function confirmErasure({
  requestId,
  actorId,
  now = new Date(),
}: {
  requestId: string;
  actorId: string;
  now?: Date;
}): { ok: true } | Failure {
  const files = db().transaction((tx) => {
    const req = pendingRow(tx, requestId);
    if (!req) return null;
    const appIds = tx
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.applicantId, req.userId))
      .all()
      .map((a) => a.id);
    const withdrawn = withdrawErasedApplications(tx, req.userId, actorId, now);
    const removed = anonymiseApplications(tx, appIds, now);
    const before = pseudonymiseUser(tx, req.userId, now);
    tx.update(erasureRequests)
      .set({ state: "erased", decidedBy: actorId, decidedAt: now })
      .where(eq(erasureRequests.id, req.id))
      .run();
    // Queued after the address is forgotten everywhere else: this message is the one trace left
    // of it, until the e-mail retention removes the sent message.
    enqueueMail({ to: before.email, locale: before.locale, template: "erasure_done", vars: {} }, tx);
    writeAudit(
      {
        actorId,
        action: "user.erased",
        objectType: "user",
        objectId: req.userId,
        details: {
          requestId: req.id,
          requestedBy: req.userId,
          requestedAt: req.requestedAt.toISOString(),
          applications: appIds,
          withdrawn,
          files: removed.length,
        },
        at: now,
      },
      tx,
    );
    return { removed, copies: before.copies };
  });
  if (!files) return { ok: false, error: "errors.not_found" };
  removeFiles(files.removed);
  removeMailCopies(files.copies);
  return { ok: true };
}

/** The secretariat declines with a reason, which the person is told; nothing of theirs changes. */
export function declineErasure({
  requestId,
  actorId,
  reason,
  now = new Date(),
}: {
  requestId: string;
  actorId: string;
  reason: string;
  now?: Date;
}): { ok: true } | Failure {
  const done = db().transaction((tx) => {
    const req = pendingRow(tx, requestId);
    if (!req) return false;
    tx.update(erasureRequests)
      .set({ state: "declined", decidedBy: actorId, decidedAt: now, declineReason: reason })
      .where(eq(erasureRequests.id, req.id))
      .run();
    const user = tx
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, req.userId))
      .get()!;
    enqueueMail({ to: user.email, locale: user.locale, template: "erasure_declined", vars: { reason } }, tx);
    writeAudit(
      { actorId, action: "erasure.declined", objectType: "user", objectId: req.userId, details: { requestId: req.id } },
      tx,
    );
    return true;
  });
  return done ? { ok: true } : { ok: false, error: "errors.not_found" };
}
