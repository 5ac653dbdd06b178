// Messages of the public diploma verification page and of the secretariat's revocation form.
// The texts are in diplomas.json: each key with its English, French and Arabic texts side by side,
// checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./diplomas.json";

export const diplomasTriples = triples(table);

export const diplomasMessages = byLanguage(diplomasTriples);
