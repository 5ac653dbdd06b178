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

const PSEUDONYM = /^Erased (applicant|application) ([0-9A-F]{4})$/;

/**
 * A stored name or title as the reader sees it: a pseudonym in their language, by its message
 * ("Candidature effacée 1A2B", "طلب ممحوّ 1A2B"); any other text as it is.
 *
 * @example
 * shownPseudonym("Erased application 1A2B", t); // t("erasure.erased_application", { tag: "1A2B" })
 */
export function shownPseudonym(text: string, t: (key: string, vars: { tag: string }) => string): string {
  const match = PSEUDONYM.exec(text);
  if (!match) return text;
  return t(match[1] === "applicant" ? "erasure.erased_applicant" : "erasure.erased_application", { tag: match[2] });
}
