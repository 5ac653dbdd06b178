// Verifiable diplomas. Each laureate gets a short unguessable code and a statement of the facts
// its diploma prints, signed with the server's Ed25519 key in the transaction that archives the
// laureates (with the decision, else at the announcement); a page only reads them. The statement
// names the laureate as the public laureates page does (organisation, else project), nothing
// more personal. The verification page shows it only from the announcement instant.
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { applications, decisions, diplomaCodes, editions } from "../../../db/schema";
import { toLocal } from "../../kernel/domain/paris-time";
import { ensureSigningKey, publicKeyById } from "../../kernel/models/signing-keys.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { jcs, signText, verifyText } from "../../kernel/server/signature.server";
import { getDecisionRow } from "./deliberation.server";
import { isAnnounced } from "./outcome.server";

// Crockford's base32 without I, L, O, U: read aloud or typed from paper without ambiguity.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 12; // 60 random bits
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{12}$/;

export function newDiplomaCode(): string {
  return [...randomBytes(CODE_LENGTH)].map((b) => ALPHABET[b & 31]).join("");
}

/** What a diploma states, as signed. */
export interface DiplomaStatement {
  code: string;
  edition: number;
  laureate: string;
  project: string;
  country: string;
  /** The announcement's date in Paris, YYYY-MM-DD. */
  announcementDate: string;
}

/** The canonical (RFC 8785) text of a statement: the exact bytes the signature is over. */
export const statementText = (statement: DiplomaStatement) => jcs(statement);

/** Codes and signed statements for the laureates that have none yet; in the caller's transaction. */
export function issueDiplomaCodes(
  tx: Tx,
  {
    editionId,
    year,
    laureates,
    announcementAt,
    now = new Date(),
  }: { editionId: string; year: number; laureates: string[]; announcementAt: Date; now?: Date },
): number {
  if (laureates.length === 0) return 0;
  const present = new Set(
    tx
      .select({ id: diplomaCodes.applicationId })
      .from(diplomaCodes)
      .where(inArray(diplomaCodes.applicationId, laureates))
      .all()
      .map((r) => r.id),
  );
  const apps = tx
    .select({
      id: applications.id,
      title: applications.title,
      organisation: applications.organisation,
      country: applications.country,
    })
    .from(applications)
    .where(and(eq(applications.editionId, editionId), inArray(applications.id, laureates)))
    .all()
    .filter((a) => !present.has(a.id));
  if (apps.length === 0) return 0;
  const key = ensureSigningKey(now);
  for (const app of apps) {
    const statement: DiplomaStatement = {
      code: newDiplomaCode(),
      edition: year,
      laureate: app.organisation || app.title,
      project: app.title,
      country: app.country ?? "",
      announcementDate: toLocal(announcementAt).slice(0, 10),
    };
    const text = statementText(statement);
    tx.insert(diplomaCodes)
      .values({
        code: statement.code,
        applicationId: app.id,
        editionId,
        statement: text,
        keyId: key.id,
        signature: signText(text, key.privateKey),
        createdAt: now,
      })
      .run();
  }
  return apps.length;
}

/** A laureate's diploma code, once the outcome is public; null before or for anyone else. */
export function diplomaCodeOf({ applicationId }: { applicationId: string }): string | null {
  return (
    db()
      .select({ code: diplomaCodes.code })
      .from(diplomaCodes)
      .where(eq(diplomaCodes.applicationId, applicationId))
      .get()?.code ?? null
  );
}

/** When and why the application's diploma was revoked, or null (none issued, or not revoked). */
export function diplomaRevocationOf({ applicationId }: { applicationId: string }): { at: Date; reason: string } | null {
  const row = db()
    .select({ at: diplomaCodes.revokedAt, reason: diplomaCodes.revokedReason })
    .from(diplomaCodes)
    .where(eq(diplomaCodes.applicationId, applicationId))
    .get();
  return row?.at ? { at: row.at, reason: row.reason ?? "" } : null;
}

/** Codes of these applications, by application id (for the pages that link to /verify). */
export function diplomaCodesOf(applicationIds: string[]): Map<string, string> {
  if (applicationIds.length === 0) return new Map();
  return new Map(
    db()
      .select({ id: diplomaCodes.applicationId, code: diplomaCodes.code })
      .from(diplomaCodes)
      .where(inArray(diplomaCodes.applicationId, applicationIds))
      .all()
      .map((r) => [r.id, r.code]),
  );
}

export interface Verification {
  code: string;
  applicationId: string;
  editionId: string;
  statement: DiplomaStatement;
  statementText: string;
  keyId: string;
  signature: string;
  /** The signature checks against the published key it names and the statement is the stored one. */
  genuine: boolean;
  revoked: { at: Date; reason: string } | null;
}

/**
 * What /verify shows for a code: null for an unknown code, or one whose edition is not announced
 * yet (nothing of a decision leaks before its instant).
 */
export function verificationOf({ code, now = new Date() }: { code: string; now?: Date }): Verification | null {
  if (!CODE_PATTERN.test(code)) return null;
  const row = db().select().from(diplomaCodes).where(eq(diplomaCodes.code, code)).get();
  // Nothing of a decision leaks before its instant: the edition's decision says when that is.
  const decision = row ? getDecisionRow({ editionId: row.editionId }) : null;
  if (!row || !decision || !isAnnounced(decision, now)) return null;
  const statement = JSON.parse(row.statement) as DiplomaStatement;
  const key = publicKeyById(row.keyId);
  const genuine =
    !!key &&
    statement.code === row.code &&
    statementText(statement) === row.statement &&
    verifyText(row.statement, row.signature, key);
  return {
    code: row.code,
    applicationId: row.applicationId,
    editionId: row.editionId,
    statement,
    statementText: row.statement,
    keyId: row.keyId,
    signature: row.signature,
    genuine,
    revoked: row.revokedAt ? { at: row.revokedAt, reason: row.revokedReason ?? "" } : null,
  };
}

/**
 * Codes for the laureates of decisions recorded before diplomas were signed (their archive rows
 * were written without codes). For the scheduled job; each edition in its own transaction.
 */
export function issueMissingDiplomaCodes(now = new Date()): number {
  const decided = db()
    .select({
      editionId: decisions.editionId,
      laureates: decisions.laureates,
      announcementAt: decisions.announcementAt,
      year: editions.year,
    })
    .from(decisions)
    .innerJoin(editions, eq(editions.id, decisions.editionId))
    .where(isNotNull(decisions.decidedAt))
    .all();
  let issued = 0;
  for (const d of decided) {
    const laureates = d.laureates ?? [];
    if (!d.announcementAt || laureates.length === 0) continue;
    const have = diplomaCodesOf(laureates);
    if (laureates.every((id) => have.has(id))) continue;
    issued += db().transaction((tx) =>
      issueDiplomaCodes(tx, {
        editionId: d.editionId,
        year: d.year,
        laureates,
        announcementAt: d.announcementAt!,
        now,
      }),
    );
  }
  return issued;
}
