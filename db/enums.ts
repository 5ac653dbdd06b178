// The closed lists of values the schema's check constraints allow. No imports, so that forms and
// components in the browser can use them without bringing in the database layer.
export const LOCALES = ["en", "fr", "ar"] as const;
export const APPLICATION_STATES = [
  "draft",
  "awaiting_nominator",
  "returned",
  "declined",
  "withdrawn",
  "nominated",
  "eligible",
  "ineligible",
  "laureate",
  "not_selected",
] as const;
/** The phases of an edition, in the order it goes through them. */
export const PHASES = [
  "draft",
  "call_open",
  "screening",
  "scoring",
  "deliberation",
  "decided",
  "announced",
  "archived",
] as const;
export type Phase = (typeof PHASES)[number];
export const REVIEW_STATES = ["assigned", "draft", "submitted", "recused"] as const;
export const CONFLICT_SOURCES = ["declared", "same_country", "same_organisation", "manual"] as const;
/** Detected conflicts are proposals until the secretariat confirms or dismisses them. */
export const CONFLICT_STATUSES = ["proposed", "confirmed", "dismissed"] as const;
export const ENTITY_KINDS = ["national_commission", "ngo"] as const;
export const INVITATION_ROLES = ["nominator", "juror", "secretariat", "observer"] as const;
export const USER_ROLES = ["applicant", "secretariat"] as const;
/**
 * How a tie across the laureate cut-off is settled, fixed before the ballot opens: a run-off
 * ballot of the jury among the tied, the chair's casting vote, or the committed seeded lottery.
 */
export const TIE_BREAK_RULES = ["jury", "chair", "lottery"] as const;
export type TieBreakRule = (typeof TIE_BREAK_RULES)[number];
