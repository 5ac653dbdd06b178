// Append-only audit log with a hash chain: each row stores the SHA-256 of the previous row's
// hash and its own canonical content, so any edit or deletion breaks the chain at that row.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { insertRows } from "../../../db/bulk";
import type { Tx } from "./transaction.server";
import {
  applications,
  assignments,
  auditLog,
  conflicts,
  deliberations,
  juryMembers,
  reviews,
} from "../../../db/schema";
import { claimFormToken } from "./form-tokens.server";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

export function auditRowHash(row: {
  prevHash: string;
  at: number;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  details: string;
}): string {
  const canonical = JSON.stringify([
    row.prevHash,
    row.at,
    row.actorId,
    row.action,
    row.objectType,
    row.objectId,
    row.details,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Tables whose rows belong to one edition through their own edition_id column. */
const EDITION_OWNED = {
  application: applications,
  assignment: assignments,
  conflict: conflicts,
  deliberation: deliberations,
  jury_member: juryMembers,
} as const;

/**
 * The edition an audit row is about: the one its details name, else its object's (an
 * application, a review, a jury seat, a deliberation…), else none (a user, the retention
 * settings). Read in the writing transaction, before a deletion it records could hide it: rows
 * recording a deletion name their edition in their details. Migration 0016 did the same for
 * the rows written before it.
 */
function editionOf(tx: Tx | DB, entry: AuditEntry): string | null {
  const named = entry.details?.editionId;
  if (typeof named === "string") return named;
  const id = entry.objectId;
  if (!id) return null;
  if (entry.objectType === "edition") return id;
  if (entry.objectType === "review") {
    const row = tx
      .select({ editionId: assignments.editionId })
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .where(eq(reviews.id, id))
      .get();
    return row?.editionId ?? null;
  }
  const table = EDITION_OWNED[entry.objectType as keyof typeof EDITION_OWNED];
  if (!table) return null;
  return tx.select({ editionId: table.editionId }).from(table).where(eq(table.id, id)).get()?.editionId ?? null;
}

/**
 * Writes one audit row. Call it inside the same synchronous transaction as the change it
 * records (pass the transaction as `tx`), so the change and its record land together.
 */
export function writeAudit(entry: AuditEntry, tx: Tx | DB = db()): void {
  writeAudits([entry], tx);
}

/**
 * Writes several audit rows, chained in the order given, in the caller's transaction: the
 * form token is claimed and the chain's last hash read once, and the rows are inserted in one
 * statement, in their order (their ids, hence the chain, follow it). A change of 30,000 rows
 * (publishing an assignment) wrote its audit one row at a time in seconds of the request thread.
 */
export function writeAudits(entries: AuditEntry[], tx: Tx | DB = db()): void {
  if (entries.length === 0) return;
  // The post's one-time token lands with the change, so a replay of the post cannot make it twice.
  claimFormToken(tx);
  const last = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const now = new Date();
  const rows: (typeof auditLog.$inferInsert)[] = [];
  for (const entry of entries) {
    const at = (entry.at ?? now).getTime();
    const details = JSON.stringify(entry.details ?? {});
    const objectId = entry.objectId ?? null;
    const { actorId, action, objectType } = entry;
    const hash = auditRowHash({ prevHash, at, actorId, action, objectType, objectId, details });
    const editionId = editionOf(tx, entry);
    rows.push({ at: new Date(at), actorId, action, objectType, objectId, details, prevHash, hash, editionId });
    prevHash = hash;
  }
  insertRows(tx, auditLog, rows);
}

/** One action on one object, with one value of its details: an event the log alone remembers. */
export interface AuditedEvent {
  objectType: string;
  objectId: string;
  action: string;
  /** A key of the details and the value it must have. */
  detail: [string, string];
}

/** When the event was last audited, or null when never. */
export function lastAudited(event: AuditedEvent, tx: Tx | DB = db()): Date | null {
  const [key, value] = event.detail;
  const row = tx
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.objectType, event.objectType),
        eq(auditLog.objectId, event.objectId),
        eq(auditLog.action, event.action),
        sql`json_extract(${auditLog.details}, ${`$.${key}`}) = ${value}`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  return row?.at ?? null;
}

export type AuditVerification =
  { ok: true; rows: number } | { ok: false; rows: number; brokenRowId: number; reason: string };

/** Walks the chain from the first row and names the first row whose hash does not match. */
export function verifyAuditChain(database: DB = db()): AuditVerification {
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let afterId = 0;
  for (;;) {
    const page = database
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(5000)
      .all();
    if (page.length === 0) break;
    afterId = page[page.length - 1].id;
    for (const row of page) {
      rows++;
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          rows,
          brokenRowId: row.id,
          reason: "previous hash does not match the row before it (a row was removed or reordered)",
        };
      }
      const expected = auditRowHash({
        prevHash: row.prevHash,
        at: row.at.getTime(),
        actorId: row.actorId,
        action: row.action,
        objectType: row.objectType,
        objectId: row.objectId,
        details: row.details,
      });
      if (expected !== row.hash) {
        return { ok: false, rows, brokenRowId: row.id, reason: "content does not match its hash (the row was edited)" };
      }
      prevHash = row.hash;
    }
  }
  return { ok: true, rows };
}
