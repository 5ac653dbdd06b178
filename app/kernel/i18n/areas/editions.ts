// Messages of the editions area: the editions' pages here, the secretariat's home in editions-home.json,
// the wording of the application sections in editions-sections.json.
// The texts are in editions.json, editions-home.json and editions-sections.json: each key with its
// English, French and Arabic texts side by side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import ownTable from "./editions.json";
import editionsHomeTable from "./editions-home.json";
import editionsSectionsTable from "./editions-sections.json";

export const editionsTriples = {
  ...triples(ownTable),
  ...triples(editionsHomeTable),
  ...triples(editionsSectionsTable),
};

export const editionsMessages = byLanguage(editionsTriples);
