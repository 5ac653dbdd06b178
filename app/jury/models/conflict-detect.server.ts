// Automatic detection of conflicts of interest, on the secretariat's explicit request (a POST,
// never on opening a page). At 10,000 applications it reads every eligible application and juror
// (~0.2 s) and records thousands of proposals (~0.5–1 s): both in one transaction in the reading
// worker (decision 040), while the request thread goes on answering.
import { juryWriteOffThread } from "./jury-writes.server";

/**
 * What it finds is recorded as proposals, which change no assignment and no review until the
 * secretariat confirms them. Idempotent. Returns how many proposals were added; a lost worker is
 * thrown (`WorkerLost`), with nothing recorded unless its transaction had committed.
 */
export function detectConflicts(args: { editionId: string; actorId: string | null }): Promise<number> {
  return juryWriteOffThread("detect", args);
}
