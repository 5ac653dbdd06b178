// The nominating entity's side of an application: everything here is scoped by entity inside
// the query, so a member of entity B never reaches entity A's applications, whatever id they send.
import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, ne } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  applications,
  attachments,
  editions,
  entityEditionSettings,
  nominatingEntities,
  nominationLetters,
  users,
} from "../../../db/schema";
import type { SessionUser } from "../../accounts/server/session.server";
import { enqueueMail, type MailTemplate } from "../../kernel/models/outbox.server";
import type { Vars } from "../../kernel/i18n";
import { writeAudit } from "../../kernel/models/audit.server";
import type { Failure, Result } from "../../kernel/models/result.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { removeStoredFile, stageFile, uploadDir, withStagedFile } from "../../kernel/models/file-store.server";
import { applicationFileForDownload } from "../../applications/models/attachment.server";
import { withOutcome } from "../../results/models/outcome.server";

import { MAX_LETTER_BYTES } from "../domain/nomination";
import { editionNaming } from "../../editions/models/columns.server";
import { applicantAddress, applicationContent, attachmentListing } from "../../applications/models/columns.server";

/** States that use one of the entity's nominations for the edition. */
export const QUOTA_STATES = ["nominated", "eligible", "ineligible", "laureate", "not_selected"] as const;
export const ENTITY_VISIBLE_STATES = [
  "awaiting_nominator",
  "returned",
  "declined",
  "withdrawn",
  ...QUOTA_STATES,
] as const;

export { uploadDir };

/** An application sent to this entity: every query here names the entity, whatever id is sent. */
function sentTo(applicationId: string, entityId: string) {
  return and(eq(applications.id, applicationId), eq(applications.entityId, entityId))!;
}

/** What an edition asks of nominators: the deadline to nominate by and how many each entity may. */
const nominationTerms = { deadlineAt: editions.deadlineAt, quotaPerEntity: editions.quotaPerEntity };

/** Editions nominators work on: those whose call is open or in screening, latest first. */
export function openNominationEditions() {
  return db()
    .select({
      ...editionNaming,
      phase: editions.phase,
      ...nominationTerms,
    })
    .from(editions)
    .where(inArray(editions.phase, ["call_open", "screening"]))
    .orderBy(desc(editions.year))
    .all();
}

/**
 * The latest edition the entity was sent applications in (other than `except`, the open call's):
 * its members still follow them (outcome, citation) once the call and screening are over, and
 * while the next call is open. Null when there is none.
 */
export function latestEntityEdition(entityId: string, except?: string) {
  return (
    db()
      .select(editionNaming)
      .from(editions)
      .innerJoin(applications, eq(applications.editionId, editions.id))
      .where(
        and(
          eq(applications.entityId, entityId),
          inArray(applications.state, [...ENTITY_VISIBLE_STATES]),
          except === undefined ? undefined : ne(editions.id, except),
        ),
      )
      .orderBy(desc(editions.year))
      .limit(1)
      .get() ?? null
  );
}

/** The edition asked for when it is open, else the latest open one (null when none is). */
export function currentNominationEdition(wanted?: string | null) {
  const open = openNominationEditions();
  return open.find((e) => e.id === wanted) ?? open[0] ?? null;
}

/** The entity's applications of one edition, with the outcome from the announcement instant on. */
export function listApplicationsForEntity({
  entityId,
  editionId,
  filters = {},
  now = new Date(),
}: {
  entityId: string;
  editionId: string;
  filters?: { state?: string };
  now?: Date;
}) {
  const wanted =
    filters.state && (ENTITY_VISIBLE_STATES as readonly string[]).includes(filters.state) ? filters.state : null;
  const rows = db()
    .select({
      id: applications.id,
      editionId: applications.editionId,
      reference: applications.reference,
      title: applications.title,
      country: applications.country,
      state: applications.state,
      sentAt: applications.sentAt,
      language: applications.language,
    })
    .from(applications)
    .where(
      and(
        eq(applications.entityId, entityId),
        eq(applications.editionId, editionId),
        inArray(applications.state, [...ENTITY_VISIBLE_STATES]),
      ),
    )
    .orderBy(asc(applications.sentAt), asc(applications.reference))
    .all();
  const shown = withOutcome(rows, now);
  return wanted ? shown.filter((r) => r.state === wanted) : shown;
}

export function quotaUsage(
  { entityId, editionId }: { entityId: string; editionId: string },
  tx: Pick<ReturnType<typeof db>, "select"> = db(),
) {
  const used = tx
    .select({ n: count() })
    .from(applications)
    .where(
      and(
        eq(applications.entityId, entityId),
        eq(applications.editionId, editionId),
        inArray(applications.state, [...QUOTA_STATES]),
      ),
    )
    .get()!.n;
  const quota =
    tx.select({ quota: editions.quotaPerEntity }).from(editions).where(eq(editions.id, editionId)).get()?.quota ?? 3;
  return { used, quota };
}

export function attachmentsOf({ applicationId }: { applicationId: string }) {
  return db()
    .select(attachmentListing)
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.createdAt))
    .all();
}

export function letterOf({ applicationId }: { applicationId: string }) {
  return (
    db()
      .select({
        id: nominationLetters.id,
        originalName: nominationLetters.originalName,
        sizeBytes: nominationLetters.sizeBytes,
      })
      .from(nominationLetters)
      .where(eq(nominationLetters.applicationId, applicationId))
      .get() ?? null
  );
}

/** One application sent to this entity (never a draft), or null. */
export function getApplicationForEntity({ applicationId, entityId }: { applicationId: string; entityId: string }) {
  const row = db()
    .select({
      ...applicationContent,
      entityId: applications.entityId,
      nominatedContent: applications.nominatedContent,
      nominatorComment: applications.nominatorComment,
      sentAt: applications.sentAt,
      nominatedAt: applications.nominatedAt,
      applicantName: users.name,
      year: editions.year,
      ...nominationTerms,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .where(and(sentTo(applicationId, entityId), ne(applications.state, "draft")))
    .get();
  if (!row) return null;
  return { ...row, attachments: attachmentsOf({ applicationId }), letter: letterOf({ applicationId }) };
}

/** Re-reads, inside the transaction, the facts a decision depends on. */
function lockedFacts(tx: Tx, applicationId: string, entityId: string) {
  return tx
    .select({
      ...applicationContent,
      entityName: nominatingEntities.name,
      ...nominationTerms,
      ...applicantAddress,
    })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .innerJoin(users, eq(users.id, applications.applicantId))
    .innerJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(sentTo(applicationId, entityId))
    .get();
}

class Refused extends Error {
  constructor(public failure: Failure) {
    super(failure.error);
  }
}

function decide<T extends object>(fn: (tx: Tx) => T): Result<T> {
  try {
    return { ok: true, ...db().transaction(fn) };
  } catch (error) {
    if (error instanceof Refused) return error.failure;
    throw error;
  }
}

function checkWaiting(facts: ReturnType<typeof lockedFacts>, now: Date) {
  if (!facts) throw new Refused({ ok: false, error: "errors.not_found" });
  if (facts.state !== "awaiting_nominator") throw new Refused({ ok: false, error: "errors.state_changed" });
  if (facts.deadlineAt.getTime() <= now.getTime())
    throw new Refused({ ok: false, error: "errors.nomination_deadline_passed" });
  return facts;
}

/** Moves an application on from "awaiting_nominator", only if it is still there. */
function leaveWaiting(tx: Tx, applicationId: string, entityId: string, set: Partial<typeof applications.$inferInsert>) {
  tx.update(applications)
    .set(set)
    .where(and(sentTo(applicationId, entityId), eq(applications.state, "awaiting_nominator")))
    .run();
}

/** The nominator's decision on an application, audited in its transaction. */
function auditApplication(
  tx: Tx,
  actorId: string,
  applicationId: string,
  action: string,
  details: Record<string, unknown>,
) {
  writeAudit({ actorId, action, objectType: "application", objectId: applicationId, details }, tx);
}

/** Queues the e-mail that tells the applicant what their nominator decided. */
function tellApplicant(tx: Tx, facts: NonNullable<ReturnType<typeof lockedFacts>>, template: MailTemplate, vars: Vars) {
  const { applicantName: name, entityName: entity, title, reference } = facts;
  enqueueMail(
    {
      to: facts.applicantEmail,
      locale: facts.applicantLocale,
      template,
      vars: { name, entity, title, reference, ...vars },
    },
    tx,
  );
}

export function returnApplication({
  applicationId,
  entityId,
  actorId,
  comment,
  origin = "",
  now = new Date(),
}: {
  applicationId: string;
  entityId: string;
  actorId: string;
  comment: string;
  origin?: string;
  now?: Date;
}): Result {
  return decide((tx) => {
    const facts = checkWaiting(lockedFacts(tx, applicationId, entityId), now);
    leaveWaiting(tx, applicationId, entityId, {
      state: "returned",
      nominatorComment: comment,
      returnedAt: now,
      updatedAt: now,
    });
    // The comment is the application's (an erasure clears it there); the log keeps ids (decision 020).
    auditApplication(tx, actorId, applicationId, "application.returned", { entityId });
    tellApplicant(tx, facts, "application_returned", { comment, link: `${origin}/applications/${applicationId}` });
    return {};
  });
}

export function declineApplication({
  applicationId,
  entityId,
  actorId,
  reason,
  now = new Date(),
}: {
  applicationId: string;
  entityId: string;
  actorId: string;
  reason: string;
  now?: Date;
}): Result {
  return decide((tx) => {
    const facts = lockedFacts(tx, applicationId, entityId);
    if (!facts) throw new Refused({ ok: false, error: "errors.not_found" });
    if (facts.state !== "awaiting_nominator") throw new Refused({ ok: false, error: "errors.state_changed" });
    leaveWaiting(tx, applicationId, entityId, {
      state: "declined",
      nominatorComment: reason,
      declinedAt: now,
      updatedAt: now,
    });
    auditApplication(tx, actorId, applicationId, "application.declined", { entityId });
    tellApplicant(tx, facts, "application_declined", { reason });
    return {};
  });
}

/** Checks a nomination letter's name, size and content (a PDF starts with "%PDF-"). */
export function checkLetter({ name, bytes }: { name: string; bytes: Uint8Array }): Failure | null {
  if (!name) return { ok: false, field: "letter", error: "errors.letter_required" };
  if (bytes.length === 0) return { ok: false, field: "letter", error: "errors.letter_empty" };
  if (/[/\\]|^\.\.?$|\0/.test(name))
    return { ok: false, field: "letter", error: "errors.nomination_file_name_invalid" };
  if (bytes.length > MAX_LETTER_BYTES) return { ok: false, field: "letter", error: "errors.letter_too_big" };
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  if (head !== "%PDF-") return { ok: false, field: "letter", error: "errors.letter_not_pdf" };
  return null;
}

/** Test seams: between the checks made before the transaction and the transaction; inside it. */
export const nominationHooks: { beforeTransaction?: () => void; insideTransaction?: () => void } = {};

/**
 * Nominates: stores the letter, then in ONE synchronous transaction re-reads the state and the
 * quota, freezes the content, records the letter, audits and queues the applicant's e-mail.
 * better-sqlite3 serialises transactions, so a concurrent nomination is always counted.
 */
export function nominateApplication({
  applicationId,
  entityId,
  actorId,
  letter,
  now = new Date(),
}: {
  applicationId: string;
  entityId: string;
  actorId: string;
  letter: { name: string; bytes: Uint8Array };
  now?: Date;
}): Result<{ letterId: string }> {
  const bad = checkLetter(letter);
  if (bad) return bad;
  const pre = db()
    .select({ editionId: applications.editionId })
    .from(applications)
    .where(sentTo(applicationId, entityId))
    .get();
  if (!pre) return { ok: false, error: "errors.not_found" };
  const early = quotaUsage({ entityId, editionId: pre.editionId });
  if (early.used >= early.quota) return { ok: false, error: "errors.quota_reached", vars: { quota: early.quota } };

  const sha256 = createHash("sha256").update(letter.bytes).digest("hex");
  // Written under a temporary name; renamed once the transaction below commits, deleted if it
  // refuses or throws. A crash in between leaves only a temporary file, swept at the next start.
  const staged = stageFile({ folder: "letters", bytes: letter.bytes });
  nominationHooks.beforeTransaction?.();
  let replaced: string | undefined;
  const result = withStagedFile(
    staged,
    () =>
      decide((tx) => {
        nominationHooks.insideTransaction?.();
        const facts = checkWaiting(lockedFacts(tx, applicationId, entityId), now);
        const { used, quota } = quotaUsage({ entityId, editionId: facts.editionId }, tx);
        if (used >= quota) throw new Refused({ ok: false, error: "errors.quota_reached", vars: { quota } });
        leaveWaiting(tx, applicationId, entityId, {
          state: "nominated",
          nominatedContent: facts.content,
          nominatedAt: now,
          nominatedBy: actorId,
          updatedAt: now,
        });
        replaced = tx
          .select({ storedName: nominationLetters.storedName })
          .from(nominationLetters)
          .where(eq(nominationLetters.applicationId, applicationId))
          .get()?.storedName;
        tx.delete(nominationLetters).where(eq(nominationLetters.applicationId, applicationId)).run();
        const row = tx
          .insert(nominationLetters)
          .values({
            applicationId,
            entityId,
            uploadedBy: actorId,
            originalName: letter.name.slice(0, 200),
            sizeBytes: letter.bytes.length,
            sha256,
            storedName: staged.storedName,
          })
          .returning({ id: nominationLetters.id })
          .get();
        auditApplication(tx, actorId, applicationId, "application.nominated", {
          entityId,
          letterId: row.id,
          sha256,
          quotaUsed: used + 1,
          quota,
        });
        tellApplicant(tx, facts, "application_nominated", {});
        return { letterId: row.id };
      }),
    (outcome) => !outcome.ok,
  );
  if (result.ok && replaced) removeStoredFile("letters", replaced);
  return result;
}

export function getInternalDeadline({ entityId, editionId }: { entityId: string; editionId: string }): Date | null {
  return (
    db()
      .select({ at: entityEditionSettings.internalDeadlineAt })
      .from(entityEditionSettings)
      .where(and(eq(entityEditionSettings.entityId, entityId), eq(entityEditionSettings.editionId, editionId)))
      .get()?.at ?? null
  );
}

/**
 * The internal deadlines the entities set for an edition and still ahead, by entity: candidates
 * choosing where to send read each beside its entity's name (it is for information; the UNESCO
 * deadline is the one enforced).
 */
export function internalDeadlines({ editionId, now = new Date() }: { editionId: string; now?: Date }) {
  const rows = db()
    .select({ entityId: entityEditionSettings.entityId, at: entityEditionSettings.internalDeadlineAt })
    .from(entityEditionSettings)
    .where(and(eq(entityEditionSettings.editionId, editionId), gt(entityEditionSettings.internalDeadlineAt, now)))
    .all();
  return new Map(rows.map((r) => [r.entityId, r.at!.getTime()]));
}

export function setInternalDeadline({
  entityId,
  editionId,
  actorId,
  deadline,
}: {
  entityId: string;
  editionId: string;
  actorId: string;
  deadline: Date | null;
}): void {
  const now = new Date();
  db().transaction((tx) => {
    tx.insert(entityEditionSettings)
      .values({ entityId, editionId, internalDeadlineAt: deadline, updatedAt: now })
      .onConflictDoUpdate({
        target: [entityEditionSettings.entityId, entityEditionSettings.editionId],
        set: { internalDeadlineAt: deadline, updatedAt: now },
      })
      .run();
    writeAudit(
      {
        actorId,
        action: "entity.internal_deadline_set",
        objectType: "nominating_entity",
        objectId: entityId,
        details: { editionId, deadline: deadline?.toISOString() ?? null },
      },
      tx,
    );
  });
}

/** The letter's file if this user may download it, else null: whoever may read the application's files. */
export function nominationLetterForDownload({ letterId, user }: { letterId: string; user: SessionUser }) {
  return applicationFileForDownload({ folder: "letters", id: letterId, user });
}
