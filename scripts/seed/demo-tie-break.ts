// The demo's tie-break rule: a week into scoring the secretariat fixed how a tie for the last
// laureate place would be settled — the seeded lottery — long before the deliberation opens. As
// the server does, the seed is drawn at random and only its SHA-256 goes to the audit log; it
// stays hidden until the vote's outcome is final. Unlike the server's (decision 044), the demo's
// seed is stored in the clear, as rules chosen before sealing are: the demo database is built
// for any file, apart from the keys of the server that will serve it.
import { randomBytes } from "node:crypto";
import type { tieBreaks } from "../../db/schema";
import { seedCommitment } from "../../scoring";
import type { Seeding } from "./demo-build";
import { DAY, plus, SCORING_OPENS } from "./demo-edition";

export const TIE_BREAK_CHOSEN = plus(SCORING_OPENS, 7 * DAY);

export function tieBreakRow(s: Seeding): typeof tieBreaks.$inferInsert {
  const seed = randomBytes(32).toString("hex");
  const commitment = seedCommitment(seed);
  s.audits.push({
    actorId: s.secretariatId,
    action: "tie_break.chosen",
    objectType: "edition",
    objectId: s.editionId,
    details: { rule: "lottery", commitment },
    at: TIE_BREAK_CHOSEN,
  });
  return {
    editionId: s.editionId,
    rule: "lottery",
    seed,
    commitment,
    chosenBy: s.secretariatId,
    chosenAt: TIE_BREAK_CHOSEN,
  };
}
