// The plan of the demo's applications: which states, for which entities, in which countries.
import type { APPLICATION_STATES } from "../../db/enums";
import type { Lang } from "./demo-countries";
import type { EntityKey } from "./demo-people";

export type AppState = (typeof APPLICATION_STATES)[number];

export interface Plan {
  state: AppState;
  entity: EntityKey | null;
  country?: string;
  language?: Lang;
  /** For ineligible applications: the rule that failed. */
  fails?: string;
  /** Sofía Ramírez Castillo declares a conflict with this one. */
  declaredConflict?: boolean;
  /** The applicant's e-mail is at this juror's organisation: detection proposes a conflict. */
  sharesOrganisationWith?: string;
  /**
   * A close race for the last laureate place: the leader is clearly first, the two contenders are
   * as good as each other, and all three are fully reviewed, so the laureates' certificate (margin
   * of victory, expected ranks) has something to say once scoring closes.
   */
  race?: "leader" | "contender";
}

const rep = (n: number, plan: Plan): Plan[] => Array.from({ length: n }, () => ({ ...plan }));

/**
 * Each entity nominates at most three (the edition's quota): 17 nominations in all, most of
 * them eligible. The Kenyan Commission has nominated two and still has one place left, with
 * three candidatures waiting for it, so its nominator has something to do in the demo.
 */
export const PLAN: readonly Plan[] = [
  ...rep(2, { state: "eligible", entity: "KE" }),
  ...rep(3, { state: "awaiting_nominator", entity: "KE" }),
  { state: "returned", entity: "KE" },
  { state: "declined", entity: "KE" },
  { state: "draft", entity: null, country: "KE" },

  { state: "eligible", entity: "FR", language: "fr", race: "leader" },
  { state: "eligible", entity: "FR", language: "en" },
  { state: "ineligible", entity: "FR", fails: "no_unesco_funding" },
  ...rep(2, { state: "awaiting_nominator", entity: "FR" }),
  { state: "returned", entity: "FR" },
  { state: "declined", entity: "FR" },
  { state: "withdrawn", entity: "FR" },
  { state: "draft", entity: null, country: "FR" },

  { state: "eligible", entity: "BR", declaredConflict: true },
  { state: "eligible", entity: "BR", sharesOrganisationWith: "Élise Marchand" },
  { state: "nominated", entity: "BR" },
  ...rep(2, { state: "awaiting_nominator", entity: "BR" }),
  { state: "returned", entity: "BR" },
  { state: "declined", entity: "BR" },
  { state: "withdrawn", entity: "BR" },
  { state: "draft", entity: null, country: "BR" },

  { state: "eligible", entity: "IN", sharesOrganisationWith: "Hiroshi Tanaka" },
  { state: "eligible", entity: "IN", race: "contender" },
  { state: "ineligible", entity: "IN", fails: "one_year" },
  ...rep(2, { state: "awaiting_nominator", entity: "IN" }),
  { state: "returned", entity: "IN" },
  ...rep(2, { state: "declined", entity: "IN" }),
  { state: "withdrawn", entity: "IN" },
  { state: "draft", entity: null, country: "IN" },

  { state: "eligible", entity: "EI", country: "JP", language: "en" },
  { state: "eligible", entity: "EI", country: "GH", language: "en", race: "contender" },
  { state: "nominated", entity: "EI", country: "PH" },
  ...rep(4, { state: "awaiting_nominator", entity: "EI" }),
  ...rep(2, { state: "returned", entity: "EI" }),
  ...rep(2, { state: "declined", entity: "EI" }),
  ...rep(2, { state: "withdrawn", entity: "EI" }),

  { state: "eligible", entity: "ICDE", country: "MA", language: "fr" },
  { state: "ineligible", entity: "ICDE", country: "ID", language: "en", fails: "free_of_charge" },
  { state: "nominated", entity: "ICDE", country: "CL" },
  ...rep(3, { state: "awaiting_nominator", entity: "ICDE" }),
  ...rep(2, { state: "returned", entity: "ICDE" }),
  ...rep(2, { state: "declined", entity: "ICDE" }),
  ...rep(2, { state: "withdrawn", entity: "ICDE" }),

  ...rep(19, { state: "draft", entity: null }),
];

export const NOMINATED_OR_LATER: readonly AppState[] = [
  "nominated",
  "eligible",
  "ineligible",
  "laureate",
  "not_selected",
];
