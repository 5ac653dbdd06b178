// Messages of the deliberation area: the tie-break rule fixed before the vote, the chair's casting
// vote, the jury's run-off and the tally anyone can follow (pairwise counts, strongest chains,
// conflicts, the tie-break applied). Only the deliberation, ballot and decision pages load them.
// The texts are in deliberation.json: each key with its English, French and Arabic texts side by
// side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./deliberation.json";

export const deliberationTriples = triples(table);

export const deliberationMessages = byLanguage(deliberationTriples);
