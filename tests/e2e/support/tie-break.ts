/** The e2e server's tie-break seeds, read from its database and opened with its key. */
import { dirname, join } from "node:path";
import { openSeed } from "../../../app/results/models/seed-seal.server";
import { e2eDb } from "./db";

/**
 * An edition's tie-break seed as stored (sealed, decision 044) and in the clear, opened with the
 * e2e server's key (in `keys/` beside its database).
 */
export function e2eTieBreakSeed(editionId: string): { stored: string; seed: string; commitment: string } {
  const row = e2eDb().prepare("select seed, commitment from tie_breaks where edition_id = ?").get(editionId) as {
    seed: string;
    commitment: string;
  };
  process.env.SIGNING_KEYS_DIR ??= join(dirname(process.env.E2E_DATABASE_PATH!), "keys");
  return { stored: row.seed, seed: openSeed({ editionId, stored: row.seed }), commitment: row.commitment };
}
