// The deliberation and decision schemas as the actions use them. Routes import them from here,
// a server-only module, so zod is not in those pages' first-visit bundle; the browser loads the
// same schemas lazily on the first interaction with a form (see ValidatedForm).
export {
  ballotSchema,
  castSchema,
  closeBallotSchema,
  closeRunoffSchema,
  decisionSchema,
  idsFrom,
  openDeliberationSchema,
  recommendationSchema,
  runoffBallotSchema,
  tieBreakSchema,
} from "../forms/deliberation";
