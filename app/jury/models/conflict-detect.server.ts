// Automatic detection of conflicts of interest, on the secretariat's explicit request (a POST,
// never on opening a page). Finding the candidates reads every eligible application and juror
// (~0.2 s at 10,000 applications): done in the reading worker on a snapshot it takes itself, and
// recorded here only if nothing it read has changed since (decision 032).
import { db } from "../../../db/client";
import { versionsNow } from "../../kernel/server/memo.server";
import { readOffThread } from "../../results/models/results-worker.server";
import { DETECTION_TOPICS, detectionOn, recordProposals } from "./conflict-detection.server";

/** How many times a detection is read again when the data changed before it was recorded. */
const ATTEMPTS = 3;

/**
 * What it finds is recorded as proposals, which change no assignment and no review until the
 * secretariat confirms them one by one. Idempotent. Returns how many proposals were added, or
 * null when the data kept changing while the candidates were read (nothing recorded).
 */
export async function detectConflicts({
  editionId,
  actorId,
}: {
  editionId: string;
  actorId: string | null;
}): Promise<number | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const found = await readOffThread({ kind: "conflicts", editionId }, (database) => detectionOn(database, editionId));
    const added = db().transaction((tx) =>
      versionsNow(editionId, DETECTION_TOPICS) === found.version
        ? recordProposals(tx, editionId, found.candidates, actorId)
        : null,
    );
    if (added !== null) return added;
  }
  return null;
}
