// One-time form tokens. A rendered form carries a random token; the first post carrying it that
// changes something records the token in the same transaction as the change (writeAudit calls
// claimFormToken: every change writes an audit row), then the answer it got. A second post with
// the same token, from the same user, gets that answer again instead of running the action.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { formTokens } from "../../../db/schema";
import type { Tx } from "./transaction.server";

/** How long a token is remembered: a retry comes within minutes, a resubmitted page within a day. */
export const FORM_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** What a post answered, as a second post will be answered. */
export type StoredAnswer =
  | { kind: "redirect"; location: string; status: number }
  | { kind: "data"; data: unknown; status: number }
  /** Something changed but its answer is unknown (the action failed after a write): show the page again. */
  | { kind: "done" };

interface PostInFlight {
  scope: string;
  token: string;
  claim: string;
  claimed: boolean;
}

const current = new AsyncLocalStorage<PostInFlight>();

/** Thrown inside a transaction that meets a token another request has claimed: the change is undone. */
export class FormTokenTaken extends Error {
  constructor() {
    super("form token already used");
  }
}

/** Runs a post's action with its token in reach of claimFormToken. */
export function withFormToken<T>(scope: string, token: string, run: () => Promise<T>) {
  // The claim names the process that holds it: a retry can tell that one killed is not coming back.
  const post: PostInFlight = { scope, token, claim: `${process.pid}:${randomUUID()}`, claimed: false };
  return { post, result: current.run(post, run) };
}

/** What another thread needs of a post to claim its token. */
export type PostClaim = Omit<PostInFlight, "claimed">;

/** The post being handled, if it carries a token: a write made in another thread claims it there. */
export function postInFlight(): PostInFlight | null {
  return current.getStore() ?? null;
}

/**
 * Runs a write for a post handled by another thread (its `postInFlight`), so that the write's
 * transaction claims the post's token; says whether it did, or that another request had.
 */
export function runForPost<T>(post: PostClaim | null, run: () => T): { value: T; claimed: boolean } | { taken: true } {
  if (!post) return { value: run(), claimed: false };
  const inFlight: PostInFlight = { ...post, claimed: false };
  try {
    const value = current.run(inFlight, run);
    return { value, claimed: inFlight.claimed };
  } catch (error) {
    if (error instanceof FormTokenTaken) return { taken: true };
    throw error;
  }
}

/**
 * Records the token of the post being handled, inside the transaction of its change. When another
 * request with the same token got there first (two posts of one double click), the transaction
 * fails with FormTokenTaken, so the change is not made twice.
 */
export function claimFormToken(tx: Tx | DB): void {
  const post = current.getStore();
  if (!post) return;
  tx.insert(formTokens)
    .values({ scope: post.scope, token: post.token, claim: post.claim, createdAt: new Date() })
    .onConflictDoNothing()
    .run();
  const row = tx
    .select({ claim: formTokens.claim })
    .from(formTokens)
    .where(and(eq(formTokens.scope, post.scope), eq(formTokens.token, post.token)))
    .get();
  if (row?.claim !== post.claim) throw new FormTokenTaken();
  post.claimed = true;
}

/** Forgets the tokens older than a day. Posts call it, never a GET. */
export function forgetOldFormTokens(now = new Date()): void {
  db()
    .delete(formTokens)
    .where(lt(formTokens.createdAt, new Date(now.getTime() - FORM_TOKEN_TTL_MS)))
    .run();
}

/**
 * Whether the claim's process is gone (killed after its change committed, before its answer was
 * recorded): its answer will never come. Server processes share one machine with their file.
 */
export function claimHolderGone(claim: string): boolean {
  const pid = Number(/^(\d+):/.exec(claim)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: a process by that number runs, as another user: not known to be gone.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** The token's row if it is still remembered: `answer` is null while the first post is running. */
export function findFormToken(
  scope: string,
  token: string,
  now = new Date(),
): { answer: StoredAnswer | null; claim: string } | null {
  const row = db()
    .select({ response: formTokens.response, claim: formTokens.claim })
    .from(formTokens)
    .where(
      and(
        eq(formTokens.scope, scope),
        eq(formTokens.token, token),
        gt(formTokens.createdAt, new Date(now.getTime() - FORM_TOKEN_TTL_MS)),
      ),
    )
    .get();
  if (!row) return null;
  return { answer: row.response === null ? null : (JSON.parse(row.response) as StoredAnswer), claim: row.claim };
}

/** Keeps the answer of a post that changed something, beside the token its change recorded. */
export function recordFormAnswer(post: { scope: string; token: string; claim: string }, answer: StoredAnswer): void {
  const response = JSON.stringify(answer);
  db()
    .insert(formTokens)
    .values({ ...post, response, createdAt: new Date() })
    // Only its own claim's answer: a twin post that changed nothing never overwrites the answer
    // of the post that made the change.
    .onConflictDoUpdate({
      target: [formTokens.scope, formTokens.token],
      set: { response },
      setWhere: eq(formTokens.claim, post.claim),
    })
    .run();
}
