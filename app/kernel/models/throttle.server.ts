// Throttling of the e-mails that a request can make the system send (password resets,
// registrations, invitations), so that nobody can use the site to flood a mailbox. Counted in
// the database, not in memory, so that several server processes on one file share the counts.
import { and, count, desc, eq, gt } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import type { Tx } from "./transaction.server";
import { mailRequests } from "../../../db/schema";

export type MailKind = (typeof mailRequests.$inferInsert)["kind"];

export const MAIL_WINDOW_MS = 60 * 60 * 1000;

/**
 * Per hour: per target address (the mailbox that receives the e-mails) and per client address
 * (who asks). A lone secretariat inviting a whole jury and every National Commission stays far
 * below the invitation limit per client address.
 */
export const MAIL_LIMITS: Record<MailKind, { perTarget: number; perClient: number }> = {
  password_reset: { perTarget: 3, perClient: 20 },
  registration: { perTarget: 3, perClient: 20 },
  invitation: { perTarget: 3, perClient: 100 },
};

/**
 * The per-client limit, which MAIL_LIMIT_PER_CLIENT may raise: behind a proxy without
 * TRUST_PROXY every client shares one address, and the browser tests register many accounts
 * from one machine. The per-target limit cannot be changed: it is what protects a mailbox.
 */
function perClientLimit(kind: MailKind): number {
  const override = Number(process.env.MAIL_LIMIT_PER_CLIENT);
  return Number.isInteger(override) && override > 0 ? override : MAIL_LIMITS[kind].perClient;
}

/** Minutes until one more e-mail of this kind may go to `target` at the request of `address`; 0 when it may now. */
export function mailWaitMinutes(
  { kind, target, address, now = new Date() }: { kind: MailKind; target: string; address: string; now?: Date },
  tx: Tx | DB = db(),
): number {
  const since = new Date(now.getTime() - MAIL_WINDOW_MS);
  let unlockAt = 0;
  const checks = [
    { column: mailRequests.target, value: target, limit: MAIL_LIMITS[kind].perTarget },
    { column: mailRequests.address, value: address, limit: perClientLimit(kind) },
  ];
  for (const { column, value, limit } of checks) {
    const n =
      tx
        .select({ n: count() })
        .from(mailRequests)
        .where(and(eq(mailRequests.kind, kind), eq(column, value), gt(mailRequests.at, since)))
        .get()?.n ?? 0;
    if (n < limit) continue;
    // Allowed again when the oldest of the last `limit` requests leaves the window.
    const oldest = tx
      .select({ at: mailRequests.at })
      .from(mailRequests)
      .where(and(eq(mailRequests.kind, kind), eq(column, value), gt(mailRequests.at, since)))
      .orderBy(desc(mailRequests.at))
      .limit(1)
      .offset(limit - 1)
      .get();
    if (oldest) unlockAt = Math.max(unlockAt, oldest.at.getTime() + MAIL_WINDOW_MS);
  }
  return unlockAt > now.getTime() ? Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60000)) : 0;
}

/**
 * Counts one e-mail request and says whether it may be sent; a refused request is not counted,
 * so the limit lifts an hour after the requests that reached it. Inside the caller's
 * transaction when given, so the count and the e-mail are written together.
 */
export function takeMailSlot(
  input: { kind: MailKind; target: string; address: string; now?: Date },
  tx?: Tx,
): { ok: true } | { ok: false; minutes: number } {
  const run = (t: Tx | DB) => {
    const minutes = mailWaitMinutes(input, t);
    if (minutes > 0) return { ok: false as const, minutes };
    t.insert(mailRequests)
      .values({ kind: input.kind, target: input.target, address: input.address, at: input.now ?? new Date() })
      .run();
    return { ok: true as const };
  };
  // IMMEDIATE: the count and the insert hold the write lock together, so two processes
  // cannot both take the last slot.
  return tx ? run(tx) : db().transaction((t) => run(t), { behavior: "immediate" });
}
