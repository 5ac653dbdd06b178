// Messages of the audit area: each audit row's action and object type in words (the observer's
// audit log). The texts are in audit.json: each key with its English, French and Arabic texts
// side by side, checked on load (see ../triples.ts). An area of their own: a hundred entries
// that only the audit log's page needs.
import { byLanguage, triples } from "../triples";
import table from "./audit.json";

export const auditTriples = triples(table);

export const auditMessages = byLanguage(auditTriples);
