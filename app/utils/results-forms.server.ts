// The deliberation and decision schemas as the actions use them. Routes import them from here,
// a server-only module, so the browser bundle of those pages does not carry zod: those forms
// are validated on the server (plain posts), which keeps the pages within their weight budget.
export { ballotSchema, closeBallotSchema, decisionSchema, idsFrom, openDeliberationSchema, recommendationSchema } from "../forms/deliberation";
