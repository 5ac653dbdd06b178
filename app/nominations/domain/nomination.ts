// Facts of a nomination that its form, its page and its model share.

/** The largest nomination letter accepted (a signed PDF of a few pages). */
export const MAX_LETTER_BYTES = 10 * 1024 * 1024;

/** The kinds of entity that nominate: a National Commission for UNESCO or an NGO in official partnership. */
export { ENTITY_KINDS } from "../../../db/enums";
