// Messages of the applications area.
// The texts are in applications.json: each key with its English, French and Arabic texts side by
// side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./applications.json";

export const applicationsTriples = triples(table);

export const applicationsMessages = byLanguage(applicationsTriples);
