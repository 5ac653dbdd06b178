// How an erased person and their unsuccessful applications are named afterwards: a pseudonym
// made from the row's id (stable, so two erasures of one row read alike) and an address in the
// reserved .invalid domain, which no mail server delivers to (decision 020).
import { SECTIONS } from "../../applications/domain/sections";

export const ERASED_DOMAIN = "erased.invalid";

export { erasedName, erasedTitle, shownPseudonym } from "./pseudonym";

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
