// Messages of the jury area: jurors' pages, errors and e-mails here, the secretariat's pages in
// jury-secretariat.json (one file would be too long to review).
// The texts are in jury.json and jury-secretariat.json: each key with its English, French and
// Arabic texts side by side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import ownTable from "./jury.json";
import jurySecretariatTable from "./jury-secretariat.json";

export const juryTriples = {
  ...triples(ownTable),
  ...triples(jurySecretariatTable),
};

export const juryMessages = byLanguage(juryTriples);
