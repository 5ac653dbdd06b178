// Seeds, straight into the e2e database, a deliberation on an edition of results-seed.ts: its
// tie-break rule (with a drawn seed and its SHA-256), the ballot on all four applications, the
// jurors' ballots and, when asked, the closed ballot and the run-off among the tied.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { e2eDb } from "./support/db";
import { SECRETARIAT } from "./support/session";
import type { SeededEdition } from "./results-seed";

/**
 * Jurors 1 and 3 (indexes 0 and 2) rank application 0 first and 3 last and split on 1 and 2: with
 * two laureates, a tie for the last place. Juror 2 (index 1) is in conflict with application 0.
 */
export const TIE_VOTES: [juror: number, apps: number[]][] = [
  [0, [0, 1, 2, 3]],
  [2, [0, 2, 1, 3]],
];

export function seedDeliberation(
  s: SeededEdition,
  {
    rule,
    votes = TIE_VOTES,
    closed = true,
    runoff = false,
  }: { rule: "jury" | "chair" | "lottery"; votes?: [number, number[]][]; closed?: boolean; runoff?: boolean },
): void {
  const db = e2eDb();
  const now = Date.now();
  const secretariatId = (db.prepare("select id from users where email = ?").get(SECRETARIAT.email) as { id: string })
    .id;
  const seed = randomBytes(32).toString("hex");
  const commitment = createHash("sha256").update(seed).digest("hex");
  db.transaction(() => {
    db.prepare("update editions set phase = 'deliberation' where id = ?").run(s.editionId);
    db.prepare(
      `insert into tie_breaks (id, edition_id, rule, seed, commitment, chosen_by, chosen_at, runoff, runoff_places, runoff_opened_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      randomUUID(),
      s.editionId,
      rule,
      seed,
      commitment,
      secretariatId,
      now - 3600e3,
      runoff ? JSON.stringify([s.apps[1].id, s.apps[2].id].sort()) : null,
      runoff ? 1 : null,
      runoff ? now : null,
    );
    const deliberationId = randomUUID();
    db.prepare(
      "insert into deliberations (id, edition_id, shortlist, opened_by, opened_at, closed_at) values (?, ?, ?, ?, ?, ?)",
    ).run(
      deliberationId,
      s.editionId,
      JSON.stringify(s.apps.map((a) => a.id)),
      secretariatId,
      now - 3600e3,
      closed ? now : null,
    );
    for (const [j, order] of votes)
      db.prepare(
        "insert into ballots (id, deliberation_id, juror_id, ranking, submitted_at) values (?, ?, ?, ?, ?)",
      ).run(randomUUID(), deliberationId, s.jurors[j].memberId, JSON.stringify(order.map((a) => [s.apps[a].id])), now);
  })();
}
