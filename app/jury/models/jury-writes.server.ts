// The jury's large writes (the assignment's draft and its publication, the conflict proposals
// detected or confirmed at once), run in the reading worker thread on its writable connection (decision
// 039): each is one transaction of thousands of rows at 10,000 applications, during which the
// request thread would answer nobody. The post's form token is claimed inside that
// transaction, there; a database with no file to share (":memory:") writes on this thread.
import { db } from "../../../db/client";
import { FormTokenTaken, postInFlight } from "../../kernel/models/form-tokens.server";
import { writeInWorker } from "../../results/models/results-worker.server";
import { publishAssignments } from "./assignment-publish.server";
import { writeDraft, type DraftToWrite } from "./assignment.server";
import { confirmProposalsWithoutSubmittedReview } from "./conflict-decisions.server";
import { detectAndRecord } from "./conflict-detection.server";
import type { EditionActor } from "./shared.server";

// Wrappers, not the functions themselves: assignment.server.ts imports this module too, and an
// import cycle may not have its bindings ready while this object is built.
export const juryWrites = {
  draft: (draft: DraftToWrite) => writeDraft(draft),
  publish: (args: Parameters<typeof publishAssignments>[0]) => publishAssignments(args),
  confirmSafe: (args: EditionActor & { origin: string }) => confirmProposalsWithoutSubmittedReview(args),
  detect: (args: { editionId: string; actorId: string | null }) => detectAndRecord(args),
};

export type JuryWriteName = keyof typeof juryWrites;

/**
 * Runs one of the jury's large writes in the reading worker, claiming the post's form token in
 * its transaction there: a twin post another process committed first makes it write nothing
 * (`FormTokenTaken`, answered as that post was). A lost worker is thrown (`WorkerLost`): a
 * transaction cut short is rolled back by SQLite; one that had committed shows on reload.
 */
export async function juryWriteOffThread<N extends JuryWriteName>(
  name: N,
  args: Parameters<(typeof juryWrites)[N]>[0],
): Promise<ReturnType<(typeof juryWrites)[N]>> {
  type Value = ReturnType<(typeof juryWrites)[N]>;
  const file = db().$client.name;
  if (!file || file === ":memory:") return (juryWrites[name] as (args: unknown) => Value)(args);
  const post = postInFlight();
  const done = await writeInWorker({
    name,
    database: file,
    args,
    post: post && { scope: post.scope, token: post.token, claim: post.claim },
  });
  if ("taken" in done) throw new FormTokenTaken();
  if (post && done.claimed) post.claimed = true;
  return done.value as Value;
}
