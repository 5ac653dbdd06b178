// Messages of personal data requests and the retention schedule: the applicant's erasure page,
// the secretariat's data requests and retention pages, the schedule in the privacy notice, and
// the e-mails of an erasure.
// The texts are in data.json: each key with its English, French and Arabic texts side by side,
// checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./data.json";

export const dataTriples = triples(table);

export const dataMessages = byLanguage(dataTriples);
