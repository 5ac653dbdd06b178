// Password resets: a link by e-mail, the same answer whether or not the address has an account,
// and a new password that ends every session. Each write is audited in its transaction.
import { and, eq, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { passwordResets, users } from "../../../db/schema";
import { hashPassword } from "../server/password.server";
import { revokeAllSessions } from "../server/session.server";
import { newToken } from "../server/tokens.server";
import { enqueueMail } from "../../kernel/models/outbox.server";
import type { Failure } from "../../kernel/models/result.server";
import { takeMailSlot } from "../../kernel/models/throttle.server";
import { auditUser, getUserByEmail, normaliseEmail, tooMany } from "./account.server";
import { openLink } from "./links.server";

export const RESET_TTL_MS = 60 * 60 * 1000;

export function requestPasswordReset({
  email,
  origin,
  address,
  now,
}: {
  email: string;
  origin: string;
  address: string;
  now?: Date;
}): { ok: true } | Failure {
  // Counted whether or not the address has an account, so the limit tells nothing either.
  const slot = takeMailSlot({ kind: "password_reset", target: normaliseEmail(email), address, now });
  if (!slot.ok) return tooMany(slot.minutes);
  const user = getUserByEmail({ email });
  // Same answer whether or not the address has an account, so accounts cannot be enumerated.
  if (!user || user.disabledAt) return { ok: true };
  const { token, hash } = newToken();
  db().transaction((tx) => {
    tx.insert(passwordResets)
      .values({ userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) })
      .run();
    enqueueMail(
      {
        to: user.email,
        locale: user.locale,
        template: "password_reset",
        vars: { name: user.name, link: `${origin}/reset-password/${token}`, minutes: RESET_TTL_MS / 60000 },
      },
      tx,
    );
  });
  return { ok: true };
}

export function findPasswordReset({ token }: { token: string }) {
  const reset = openLink(db(), passwordResets, passwordResets.usedAt, token);
  if (!reset) return null;
  const { id, userId, expiresAt, usedAt } = reset;
  return { id, userId, expiresAt, usedAt };
}

export async function resetPassword({
  token,
  password,
}: {
  token: string;
  password: string;
}): Promise<{ ok: true; userId: string } | Failure> {
  if (!findPasswordReset({ token })) return { ok: false, field: "password", error: "errors.link_invalid" };
  const passwordHash = await hashPassword(password);
  return db().transaction((tx) => {
    // Re-checked inside the transaction: a link used in another tab meanwhile is refused.
    const reset = openLink(tx, passwordResets, passwordResets.usedAt, token);
    if (!reset) return { ok: false as const, field: "password", error: "errors.link_invalid" };
    // Every link of the account ends with this one: an older e-mail seen by someone else must
    // not set the password again after its owner chose one.
    tx.update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)))
      .run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
    revokeAllSessions({ userId: reset.userId }, tx);
    auditUser(tx, reset.userId, "user.password_reset", reset.userId);
    return { ok: true as const, userId: reset.userId };
  });
}
