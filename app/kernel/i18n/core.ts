// Messages every page receives: layout and navigation, home, sign-in, accounts, invitations, the
// errors and e-mails they share. The areas' messages are in areas/, loaded by the pages that need them.
// The texts are in core.json: each key with its English, French and Arabic texts side by side,
// checked on load (see triples.ts).
import { byLanguage, triples } from "./triples";
import table from "./core.json";

export const coreTriples = triples(table);

export const coreMessages = byLanguage(coreTriples);
