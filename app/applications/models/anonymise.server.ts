// The one anonymisation of applications, used by an erasure on request and by the retention
// schedule alike (decision 020). A laureate's application keeps what the public record shows
// (title, organisation, country, project content) and loses its contact section; any other
// application keeps its reference, state, country and the jury's work on it, and loses the rest.
// Files are removed from disk by the caller once the transaction has committed.
import { eq, inArray } from "drizzle-orm";
import { applications, archiveLaureates, attachments, nominationLetters } from "../../../db/schema";
import type { Tx } from "../../kernel/models/transaction.server";
import { removeStoredFile, type FileFolder } from "../../kernel/models/file-store.server";
import { PERSONAL_FIELDS, erasedTitle } from "../../accounts/domain/erasure";
import { emptyContent } from "../domain/sections";

export interface StoredFile {
  folder: FileFolder;
  storedName: string;
}

/** The content without the contact section's personal fields (content.sections.contact). */
function withoutPersonal(content: Record<string, unknown> | null): Record<string, unknown> | null {
  const sections = content?.sections as Record<string, Record<string, unknown>> | undefined;
  if (!content || !sections?.contact) return content;
  const contact = Object.fromEntries(Object.entries(sections.contact).filter(([k]) => !PERSONAL_FIELDS.includes(k)));
  return { ...content, sections: { ...sections, contact } };
}

/** Ids of the applications that won: the public archive names them from the decision on. */
export function laureateIds(tx: Tx, applicationIds: string[]): Set<string> {
  if (applicationIds.length === 0) return new Set();
  const rows = tx
    .select({ id: archiveLaureates.applicationId })
    .from(archiveLaureates)
    .where(inArray(archiveLaureates.applicationId, applicationIds))
    .all();
  return new Set(rows.map((r) => r.id!));
}

/**
 * Anonymises these applications inside the caller's transaction and deletes their file rows;
 * answers the files to remove after the commit (a crash before leaves orphans the start sweeps).
 */
export function anonymiseApplications(tx: Tx, applicationIds: string[], now: Date): StoredFile[] {
  if (applicationIds.length === 0) return [];
  const won = laureateIds(tx, applicationIds);
  const apps = tx
    .select({
      id: applications.id,
      content: applications.content,
      nominatedContent: applications.nominatedContent,
    })
    .from(applications)
    .where(inArray(applications.id, applicationIds))
    .all();
  for (const app of apps) {
    const common = { contactEmail: null, nominatorComment: null, anonymisedAt: now, updatedAt: now };
    const changes = won.has(app.id)
      ? {
          ...common,
          content: withoutPersonal(app.content) ?? {},
          nominatedContent: withoutPersonal(app.nominatedContent),
        }
      : {
          ...common,
          title: erasedTitle(app.id),
          organisation: "",
          content: { ...emptyContent() },
          nominatedContent: app.nominatedContent ? { ...emptyContent() } : null,
        };
    tx.update(applications).set(changes).where(eq(applications.id, app.id)).run();
  }
  const files: StoredFile[] = [
    ...tx
      .delete(attachments)
      .where(inArray(attachments.applicationId, applicationIds))
      .returning({ storedName: attachments.storedName })
      .all()
      .map((r) => ({ folder: "attachments" as const, storedName: r.storedName })),
    ...tx
      .delete(nominationLetters)
      .where(inArray(nominationLetters.applicationId, applicationIds))
      .returning({ storedName: nominationLetters.storedName })
      .all()
      .map((r) => ({ folder: "letters" as const, storedName: r.storedName })),
  ];
  return files;
}

/** After the commit: the files the anonymisation let go of. */
export function removeFiles(files: StoredFile[]): void {
  for (const f of files) removeStoredFile(f.folder, f.storedName);
}
