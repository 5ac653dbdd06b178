// An erased person's and application's pseudonym (decision 020), apart from the rest of erasure so
// that a page showing names carries only this into the browser.

/** Four hexadecimal digits of the id: enough to tell pseudonyms apart on one page. */
function tag(id: string): string {
  let h = 0x811c9dc5;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return (h & 0xffff).toString(16).toUpperCase().padStart(4, "0");
}

// Stored in English, as they always were: rows already erased keep their pseudonym, and nothing
// that reads or verifies stored rows sees a change. Pages and exports show them in the reader's
// language through shownPseudonym.
export const erasedName = (userId: string) => `Erased applicant ${tag(userId)}`;
export const erasedTitle = (applicationId: string) => `Erased application ${tag(applicationId)}`;

// Pages and exports read them back through shownPseudonym, which lives with the pages' i18n.
export { shownPseudonym } from "../../kernel/components/i18n";
