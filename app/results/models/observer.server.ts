// What an edition's observer sees and files: the process in figures (assignment, progress,
// deliberation outcome, decision), the edition's audit log, and their own note. Nothing here
// reads an applicant's contact details: applications appear by reference and title only.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  applications,
  assignments,
  auditLog,
  decisions,
  editionObservers,
  editions,
  invitations,
  users,
} from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import { withdrawInvitation } from "../../accounts/models/invitations.server";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { isLocale, translate } from "../../kernel/i18n";
import { catalogues } from "../../kernel/i18n/locale.server";
import { editionProgress } from "../../jury/models/progress.server";
import { beforeScoringCloses } from "../../jury/models/shared.server";
import { getDecisionRow, getDeliberation } from "./deliberation.server";

export async function observerOverview({ editionId }: { editionId: string }) {
  const progress = await editionProgress({ editionId });
  if (!progress) return null;
  const published =
    db()
      .select({ n: count() })
      .from(assignments)
      .where(and(eq(assignments.editionId, editionId), isNotNull(assignments.publishedAt)))
      .get()?.n ?? 0;
  const deliberation = getDeliberation({ editionId });
  const decision = getDecisionRow({ editionId });
  // In the order recorded (the jury's recommendation is ranked): an IN query gives the table's.
  const named = (ids: string[] | null | undefined) => {
    if (!ids?.length) return [];
    const rows = db()
      .select({ id: applications.id, reference: applications.reference, title: applications.title })
      .from(applications)
      .where(and(eq(applications.editionId, editionId), inArray(applications.id, ids)))
      .all();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  return {
    edition: progress.edition,
    // Not open is either not yet (before the scoring phase) or no more: the observer is told which.
    scoringState: progress.open ? "open" : beforeScoringCloses(progress.edition) ? "not_open" : "closed",
    jurors: progress.jurors.map(({ id, name, assigned, draft, submitted, recused, late }) => ({
      id,
      name,
      assigned,
      draft,
      submitted,
      recused,
      late,
    })),
    applicationTotals: progress.applicationTotals,
    publishedAssignments: published,
    deliberation: deliberation
      ? { openedAt: deliberation.openedAt, closedAt: deliberation.closedAt, shortlist: named(deliberation.shortlist) }
      : null,
    recommendation: decision?.recommendedAt
      ? { at: decision.recommendedAt, applications: named(decision.recommendation) }
      : null,
    decision: decision?.decidedAt
      ? { at: decision.decidedAt, laureates: named(decision.laureates), sha256: decision.snapshotSha256 }
      : null,
  };
}

/** The editions the user observes, most recent first, for their dashboard. */
export function observedEditions({ userId }: { userId: string }) {
  return db()
    .select({ id: editions.id, year: editions.year })
    .from(editionObservers)
    .innerJoin(editions, eq(editions.id, editionObservers.editionId))
    .where(eq(editionObservers.userId, userId))
    .orderBy(desc(editions.year))
    .all();
}

export function getObserverNote({ editionId, userId }: { editionId: string; userId: string }) {
  return (
    db()
      .select({ note: editionObservers.note, updatedAt: editionObservers.noteUpdatedAt })
      .from(editionObservers)
      .where(and(eq(editionObservers.editionId, editionId), eq(editionObservers.userId, userId)))
      .get() ?? null
  );
}

/** Files or replaces the observer's note on the edition; audited with it. */
export function saveObserverNote({
  editionId,
  userId,
  note,
  now = new Date(),
}: {
  editionId: string;
  userId: string;
  note: string;
  now?: Date;
}): boolean {
  return db().transaction((tx) => {
    const row = tx
      .update(editionObservers)
      .set({ note, noteUpdatedAt: now })
      .where(and(eq(editionObservers.editionId, editionId), eq(editionObservers.userId, userId)))
      .returning({ id: editionObservers.id })
      .get();
    if (!row) return false;
    writeAudit(
      {
        actorId: userId,
        action: "observer.note_filed",
        objectType: "edition",
        objectId: editionId,
        details: { editionId, length: note.length },
        at: now,
      },
      tx,
    );
    return true;
  });
}

/** The observers' notes as they stand, for the decision snapshot (empty notes left out). */
export function observerNotesForSnapshot({ editionId }: { editionId: string }) {
  return db()
    .select({
      observerId: editionObservers.userId,
      name: users.name,
      note: editionObservers.note,
      filedAt: editionObservers.noteUpdatedAt,
    })
    .from(editionObservers)
    .innerJoin(users, eq(users.id, editionObservers.userId))
    .where(and(eq(editionObservers.editionId, editionId), isNotNull(editionObservers.noteUpdatedAt)))
    .orderBy(editionObservers.userId)
    .all()
    .filter((n) => n.note.trim() !== "");
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * A juror's draft or an applicant's file before sending is their own working copy: the log
 * shows what reached the edition (a review submitted, an application sent), not every save.
 */
const WORKING_COPY_ACTIONS = ["review.draft_saved", "attachment.added", "attachment.deleted"];

/**
 * The edition's audit log: rows about the edition itself, naming it in their details, or about
 * one of its applications, reviews, conflicts, jury seats or its deliberation (whose rows name
 * only the object: a ballot, a screening decision, a review's submission), as writeAudits found
 * it (`edition_id`, read through its index). Details are not shown
 * (they may hold an invitee's address); the action, object kind, actor and time are.
 */
export function editionAuditLog({
  editionId,
  page = 1,
  action: asked = null,
}: {
  editionId: string;
  page?: number;
  /** One action's rows alone (its code); a code the log does not hold, or none, shows every action's. */
  action?: string | null;
}) {
  const shown = and(eq(auditLog.editionId, editionId), notInArray(auditLog.action, WORKING_COPY_ACTIONS));
  // The actions the log holds, each with its number of rows, in code order: the filter's choices,
  // and the total (a count of every row costs as much as this one pass on the (edition, action) index).
  const actions = db()
    .select({ action: auditLog.action, rows: count() })
    .from(auditLog)
    .where(shown)
    .groupBy(auditLog.action)
    .orderBy(asc(auditLog.action))
    .all();
  const chosen = actions.find((a) => a.action === asked) ?? null;
  const total = chosen ? chosen.rows : actions.reduce((n, a) => n + a.rows, 0);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = db()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      objectType: auditLog.objectType,
      actor: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(chosen ? and(shown, eq(auditLog.action, chosen.action)) : shown)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total, page: current, pages, actions, action: chosen?.action ?? null };
}

/**
 * The edition's observers and the observer invitations still open, for the secretariat's
 * overview of the edition. Whether an observer filed a note is shown, not the note itself.
 */
export function editionObserverList({ editionId, now = new Date() }: { editionId: string; now?: Date }) {
  const observers = db()
    .select({
      id: editionObservers.id,
      name: users.name,
      email: users.email,
      since: editionObservers.createdAt,
      noteFiledAt: editionObservers.noteUpdatedAt,
    })
    .from(editionObservers)
    .innerJoin(users, eq(users.id, editionObservers.userId))
    .where(eq(editionObservers.editionId, editionId))
    .orderBy(asc(editionObservers.createdAt), asc(editionObservers.id))
    .all();
  const pending = db()
    .select({
      id: invitations.id,
      name: invitations.name,
      email: invitations.email,
      sentAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.role, "observer"),
        eq(invitations.editionId, editionId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .all();
  return { observers, pending };
}

/**
 * Ends an observer's access to the edition (their next request no longer finds it), or withdraws
 * an observer invitation not yet accepted, by the id the secretariat's list shows. A note already
 * frozen in a decision snapshot stays there: the snapshot is a copy. Audited, and the removed
 * observer is told by e-mail in their language. Null when the edition holds no such id.
 */
export function removeEditionObserver({
  editionId,
  id,
  actorId,
  now = new Date(),
}: {
  editionId: string;
  id: string;
  actorId: string;
  now?: Date;
}): "observer" | "invitation" | null {
  return db().transaction((tx) => {
    const observer = tx
      .select({
        userId: editionObservers.userId,
        name: users.name,
        email: users.email,
        locale: users.locale,
        year: editions.year,
        filedNote: editionObservers.noteUpdatedAt,
      })
      .from(editionObservers)
      .innerJoin(users, eq(users.id, editionObservers.userId))
      .innerJoin(editions, eq(editions.id, editionObservers.editionId))
      .where(and(eq(editionObservers.id, id), eq(editionObservers.editionId, editionId)))
      .get();
    if (observer) {
      tx.delete(editionObservers).where(eq(editionObservers.id, id)).run();
      writeAudit(
        {
          actorId,
          action: "observer.removed",
          objectType: "edition",
          objectId: editionId,
          // The seat's id too: a removal step opened before it (another tab) can say it is done.
          details: { editionId, observerId: observer.userId, seatId: id, hadNote: !!observer.filedNote },
          at: now,
        },
        tx,
      );
      // Only a note the recorded decision's snapshot holds outlives the access: telling an observer
      // who filed none, or filed it after the decision, that theirs stays would be untrue.
      const noteKept = !!tx
        .select({ id: decisions.id })
        .from(decisions)
        .where(
          and(
            eq(decisions.editionId, editionId),
            isNotNull(decisions.decidedAt),
            sql`exists (select 1 from json_each(${decisions.snapshot}, '$.observerNotes')
              where json_extract(value, '$.observerId') = ${observer.userId})`,
          ),
        )
        .get();
      const lang = isLocale(observer.locale) ? observer.locale : "en";
      enqueueMail(
        {
          to: observer.email,
          locale: observer.locale,
          template: "observer_removed",
          vars: {
            name: observer.name,
            year: observer.year,
            noteKept: noteKept ? ` ${translate(catalogues[lang], "observer.mail_note_kept", undefined, lang)}` : "",
          },
        },
        tx,
      );
      return "observer";
    }
    const withdrawn = withdrawInvitation(tx, { id, actorId, scope: { role: "observer", editionId }, now });
    if (!withdrawn) return null;
    return "invitation";
  });
}

/**
 * Whether `id` was on the edition's list of observers and observer invitations and has left it:
 * a seat removed (its removal's audit row names it) or an invitation withdrawn, accepted or
 * expired. A removal step or post naming it is stale, not a made-up or another edition's id.
 */
export function leftObserverList({ editionId, id }: { editionId: string; id: string }): boolean {
  const invitation = db()
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.editionId, editionId), eq(invitations.role, "observer")))
    .get();
  if (invitation) return true;
  return !!db()
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.editionId, editionId),
        eq(auditLog.action, "observer.removed"),
        sql`json_extract(${auditLog.details}, '$.seatId') = ${id}`,
      ),
    )
    .get();
}
