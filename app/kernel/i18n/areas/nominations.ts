// Messages of the nominations area.
// The texts are in nominations.json: each key with its English, French and Arabic texts side by
// side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./nominations.json";

export const nominationsTriples = triples(table);

export const nominationsMessages = byLanguage(nominationsTriples);
