// The checks an edition's settings pass before they are written (edition.server.ts).
import { and, count, eq, isNull, ne, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { archiveLaureates, auditLog, editions } from "../../../db/schema";
import { toLocal } from "../../kernel/domain/paris-time";

export function yearTaken(year: number, exceptId?: string): boolean {
  const where = exceptId ? and(eq(editions.year, year), ne(editions.id, exceptId)) : eq(editions.year, year);
  return db().select({ n: count() }).from(editions).where(where).get()!.n > 0;
}

/**
 * Whether the public archive holds laureates of `year` from before this system (UNESCO's list):
 * an edition of that year would put its own laureates beside them on /laureates/<year>.
 */
export function yearArchived(year: number): boolean {
  return !!db()
    .select({ id: archiveLaureates.id })
    .from(archiveLaureates)
    .where(and(eq(archiveLaureates.year, year), isNull(archiveLaureates.editionId)))
    .limit(1)
    .get();
}

/**
 * A deadline moved into the past while the call is open or still to come: it would close the
 * call at once, locking drafts and applications waiting on their entity without a word. Closing
 * the call is the phase page's.
 */
export function deadlineMovedIntoPast(current: { phase: string; deadlineAt: Date }, deadlineAt: Date): boolean {
  return (
    (current.phase === "draft" || current.phase === "call_open") &&
    deadlineAt.getTime() !== current.deadlineAt.getTime() &&
    deadlineAt.getTime() <= Date.now()
  );
}

const MB = 1024 * 1024;

/** The settings' keys whose value differs between what is stored and what is to be written. */
export function changedSettings<V extends Record<string, unknown>>(values: V, current: Record<string, unknown>) {
  return (Object.keys(values) as (keyof V & string)[]).filter((key) => {
    const a = values[key];
    const b = current[key];
    if (a instanceof Date && b instanceof Date) return a.getTime() !== b.getTime();
    if (typeof a === "object" || typeof b === "object") return JSON.stringify(a) !== JSON.stringify(b);
    return a !== b;
  });
}

/**
 * The settings saved since `version` (the one a refused form was loaded at), from the audit rows of
 * those saves: each names its fields and the version it made. Saves from before versions were
 * audited name none, and a refused form then only says that something changed.
 */
export function settingsSavedSince({ editionId, version }: { editionId: string; version: number }): Set<string> {
  const rows = db()
    .select({ fields: sql<string>`json_extract(${auditLog.details}, '$.fields')` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.editionId, editionId),
        eq(auditLog.action, "edition.updated"),
        sql`json_extract(${auditLog.details}, '$.version') > ${version}`,
      ),
    )
    .all();
  return new Set(rows.flatMap((r) => JSON.parse(r.fields ?? "[]") as string[]));
}

/**
 * A refused save's view of what a colleague saved meanwhile: each form field a save since the
 * form's version changed (`since`) whose stored value differs from the one sent, with the stored
 * value where it is short enough to read beside the field (a number, a date as the form writes
 * it, a short text), else null (a long text). The form keeps what was sent; saving again, on the
 * new version, replaces the colleague's values knowingly.
 */
export function savedMeanwhile(
  values: Record<string, unknown> & { wordLimits: Record<string, number> },
  current: Record<string, unknown> & { wordLimits: Record<string, number> },
  since: Set<string>,
): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  for (const key of changedSettings(values, current).filter((k) => since.has(k))) {
    const stored = current[key];
    if (key === "wordLimits") {
      for (const section of Object.keys(values.wordLimits))
        if (values.wordLimits[section] !== current.wordLimits?.[section])
          fields[`words_${section}`] = String(current.wordLimits?.[section] ?? "");
    } else if (key === "maxFileBytes" || key === "maxTotalBytes")
      fields[key === "maxFileBytes" ? "maxFileMb" : "maxTotalMb"] = String(Math.round(Number(stored) / MB));
    else if (stored instanceof Date) fields[key] = toLocal(stored).replace("T", " ");
    else if (typeof stored === "number") fields[key] = String(stored);
    else fields[key] = typeof stored === "string" && stored.length <= 40 && !stored.includes("\n") ? stored : null;
  }
  return fields;
}
