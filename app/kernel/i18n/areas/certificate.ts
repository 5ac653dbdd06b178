// Messages of the laureates' certificate ("How close was it": margin of victory, the runner-up
// against the last laureate's interval, the applications that cannot be separated from the
// cut-off), an area of its own so that only the decision page carries them.
// The texts are in certificate.json: each key with its English, French and Arabic texts side by
// side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./certificate.json";

export const certificateTriples = triples(table);

export const certificateMessages = byLanguage(certificateTriples);
