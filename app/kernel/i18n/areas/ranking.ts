// Messages of the results view alone (app/results/components/view.tsx and charts.tsx): the
// summary and reliability, the ranking table and one application's breakdown, the charts, the
// jurors' table and its pages, and the "what if" panel. An area of its own so that only the
// results pages of the secretariat, the jury and the observer carry them, not the ballot, the
// deliberation, the decision, the laureates or the applicants' dashboard, which load the rest
// of the results area.
// The texts are in ranking.json: each key with its English, French and Arabic texts side by
// side, checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./ranking.json";

export const rankingTriples = triples(table);

export const rankingMessages = byLanguage(rankingTriples);
