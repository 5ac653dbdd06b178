// One-time links sent by e-mail (a registration to confirm, a password to reset, an invitation to
// accept): each is found by the hash of its token, and opens once, until it expires.
import { and, eq, isNull } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { DB } from "../../../db/client";
import { invitations, passwordResets, pendingRegistrations } from "../../../db/schema";
import type { Tx } from "../../kernel/models/transaction.server";
import { hashToken } from "../server/tokens.server";

type LinkTable = typeof pendingRegistrations | typeof passwordResets | typeof invitations;

/**
 * The row of the link a token names while the link still opens: `used` (when it was confirmed,
 * used or accepted) not set yet, and not expired; else null. Read again inside the transaction
 * that uses the link, so that a link followed twice at once works once.
 */
export function openLink<T extends LinkTable>(
  tx: Tx | DB,
  table: T,
  used: SQLiteColumn,
  token: string,
  now = new Date(),
): T["$inferSelect"] | null {
  const link: LinkTable = table;
  const row = tx
    .select()
    .from(link)
    .where(and(eq(link.tokenHash, hashToken(token)), isNull(used)))
    .get();
  return row && row.expiresAt.getTime() > now.getTime() ? (row as T["$inferSelect"]) : null;
}

/**
 * The token in the address of a link's page (the one capture of `page`, e.g.
 * `/^\/invitations\/([^/]+)\/?$/`), decoded; null for another address or one that cannot be
 * decoded. For the root loader, which chooses a page's language before its route is known.
 */
export function tokenOfPath(page: RegExp, pathname: string): string | null {
  const match = page.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
