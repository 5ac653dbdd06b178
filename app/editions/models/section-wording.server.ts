// An edition's own wording of the application sections (title and prompt, per language). The
// applicant answers these questions, so they change only while the call is being prepared or is
// open (docs/decisions/017-section-wording.md); each change is audited in its transaction.
import { eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { editions } from "../../../db/schema";
import { sectionWordingOf, type SectionKey, type WordingField } from "../../applications/domain/sections";
import { writeAudit } from "../../kernel/models/audit.server";
import { fail, type Failure } from "../../kernel/models/result.server";

/** The phases in which the secretariat may reword the sections: before the deadline's phase change. */
export const WORDING_EDITABLE: readonly string[] = ["draft", "call_open"];

/**
 * Words one section the edition's own way (an empty text keeps the default wording in that
 * language). Refused outside the editable phases; audited with the section and the texts set.
 */
export function saveSectionWording({
  actorId,
  editionId,
  section,
  texts,
}: {
  actorId: string;
  editionId: string;
  section: SectionKey;
  texts: Partial<Record<WordingField, string>>;
}): { ok: true } | Failure {
  // Read in the transaction: the other sections' wording is written back as read, and another
  // server process may be saving one of them (decision 023).
  const saved = db().transaction((tx) => {
    const current = tx
      .select({ phase: editions.phase, sectionWording: editions.sectionWording })
      .from(editions)
      .where(eq(editions.id, editionId))
      .get();
    if (!current) return "unknown";
    if (!WORDING_EDITABLE.includes(current.phase)) return "locked";
    const wording = sectionWordingOf({ ...sectionWordingOf(current.sectionWording), [section]: texts });
    tx.update(editions).set({ sectionWording: wording, updatedAt: new Date() }).where(eq(editions.id, editionId)).run();
    writeAudit(
      {
        actorId,
        action: "edition.section_wording_updated",
        objectType: "edition",
        objectId: editionId,
        details: { section, set: Object.keys(wording[section] ?? {}) },
      },
      tx,
    );
    return "saved";
  });
  if (saved === "unknown") return fail("form", "errors.edition_unknown");
  return saved === "saved" ? { ok: true } : fail("form", "errors.section_wording_locked");
}
