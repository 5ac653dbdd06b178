// Messages of the results area for the integrity audits page (jurors' independence, fairness of
// each stage) and its export: an area of its own, loaded by that page only (app/kernel/i18n/areas.ts).
// The texts are in results-integrity.json: each key with its English, French and Arabic texts side
// by side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./results-integrity.json";

export const integrityTriples = triples(table);

export const integrityMessages = byLanguage(integrityTriples);
