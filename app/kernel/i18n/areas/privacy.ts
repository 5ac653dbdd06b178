// Messages of the privacy notice: what personal data this system holds, why, who sees it and how
// texts side by side (see ../triples.ts). The notice describes what the application does today:
// a promise here must match a feature, or say that a person handles it.
// The texts are in privacy.json: each key with its English, French and Arabic texts side by side,
// checked on load (see ../triples.ts).
import { byLanguage, triples } from "../triples";
import table from "./privacy.json";

export const privacyTriples = triples(table);

export const privacyMessages = byLanguage(privacyTriples);
