// Messages of the observer area: an edition's process read-only, its audit log, the observer's note.
// The texts are in observer.json: each key with its English, French and Arabic texts side by side,
// checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./observer.json";

export const observerTriples = triples(table);

export const observerMessages = byLanguage(observerTriples);
