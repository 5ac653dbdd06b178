// Field-name prefixes of the results area's forms with one field per application or criterion.
// They live apart from the zod schemas so pages can name fields without shipping zod: those
// forms are validated on the server (plain posts), which keeps the pages within their budget.
/** What-if weights: w_<criterion key>. */
export const WEIGHT_PREFIX = "w_";
export const SHORTLIST_PREFIX = "s_";
export const RANK_PREFIX = "rank_";
export const LAUREATE_PREFIX = "laureate_";
/** Run-off ballot among the applications tied at the laureate cut-off: runoff_<application id>. */
export const RUNOFF_PREFIX = "runoff_";
/** The chair's casting vote: cast_<application id>, ticked for each application given a place. */
export const CAST_PREFIX = "cast_";
