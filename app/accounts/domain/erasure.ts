// How an erased person and their unsuccessful applications are named afterwards: a pseudonym
// made from the row's id (stable, so two erasures of one row read alike) and an address in the
// reserved .invalid domain, which no mail server delivers to (decision 020).
import { SECTIONS } from "../../applications/domain/sections";

export const ERASED_DOMAIN = "erased.invalid";

/** Four hexadecimal digits of the id: enough to tell pseudonyms apart on one page. */
function tag(id: string): string {
  let h = 0x811c9dc5;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return (h & 0xffff).toString(16).toUpperCase().padStart(4, "0");
}

export const erasedName = (userId: string) => `Erased applicant ${tag(userId)}`;
export const erasedTitle = (applicationId: string) => `Erased application ${tag(applicationId)}`;
export const erasedAddress = (userId: string) => `erased-${userId}@${ERASED_DOMAIN}`;
export const isErasedAddress = (email: string) => email.endsWith(`@${ERASED_DOMAIN}`);

/**
 * The application's fields about a person rather than the project: the contact section (name,
 * job, address, phone, e-mail, the lead's declared gender). A laureate keeps everything else.
 */
export const PERSONAL_FIELDS: readonly string[] = [
  ...SECTIONS.find((s) => s.key === "contact")!
    .fields.map((f) => f.key)
    .filter((k) => k !== "website"),
];
