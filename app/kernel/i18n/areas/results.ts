// Messages of the results area (results, deliberation, decision, announcement, archive,
// diploma).
// The texts are in results.json and results-certificate.json: each key with its English, French and
// Arabic texts side by side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import ownTable from "./results.json";
import resultsCertificateTable from "./results-certificate.json";

export const resultsTriples = {
  ...triples(ownTable),
  ...triples(resultsCertificateTable),
};

export const resultsMessages = byLanguage(resultsTriples);
