// The one-time setup link: while nobody runs the system, it creates the first secretariat
// account. Each write that changes who can do what is audited in its transaction.
import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { setupTokens, userRoles, users } from "../../../db/schema";
import { hashPassword } from "../server/password.server";
import { hashToken, newToken } from "../server/tokens.server";
import type { Failure } from "../../kernel/models/result.server";
import { auditUser, normaliseEmail } from "./account.server";

export function secretariatExists(): boolean {
  return (db().select({ n: count() }).from(userRoles).where(eq(userRoles.role, "secretariat")).get()?.n ?? 0) > 0;
}

/** While nobody runs the system, a fresh one-time setup token replaces any earlier one. */
export function issueSetupToken(): string | null {
  if (secretariatExists()) return null;
  const { token, hash } = newToken();
  db().transaction((tx) => {
    tx.update(setupTokens).set({ usedAt: new Date() }).where(isNull(setupTokens.usedAt)).run();
    tx.insert(setupTokens).values({ tokenHash: hash }).run();
  });
  return token;
}

export function isSetupTokenValid({ token }: { token: string }): boolean {
  const row = db()
    .select({ usedAt: setupTokens.usedAt })
    .from(setupTokens)
    .where(eq(setupTokens.tokenHash, hashToken(token)))
    .get();
  return !!row && !row.usedAt && !secretariatExists();
}

export async function completeSetup(input: {
  token: string;
  email: string;
  name: string;
  password: string;
  locale: string;
}): Promise<{ ok: true; userId: string } | Failure> {
  if (!isSetupTokenValid({ token: input.token })) return { ok: false, field: "email", error: "errors.link_invalid" };
  const passwordHash = await hashPassword(input.password);
  const email = normaliseEmail(input.email);
  return db().transaction((tx) => {
    const row = tx
      .select()
      .from(setupTokens)
      .where(and(eq(setupTokens.tokenHash, hashToken(input.token)), isNull(setupTokens.usedAt)))
      .get();
    const taken = tx.select({ n: count() }).from(userRoles).where(eq(userRoles.role, "secretariat")).get()?.n ?? 0;
    if (!row || taken > 0) return { ok: false as const, field: "email", error: "errors.link_invalid" };
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
      return { ok: false as const, field: "email", error: "errors.email_taken" };
    tx.update(setupTokens).set({ usedAt: new Date() }).where(eq(setupTokens.id, row.id)).run();
    const user = tx
      .insert(users)
      .values({ email, name: input.name.trim(), passwordHash, locale: input.locale })
      .returning({ id: users.id })
      .get();
    tx.insert(userRoles).values({ userId: user.id, role: "secretariat" }).run();
    auditUser(tx, user.id, "user.setup", user.id, { role: "secretariat" });
    auditUser(tx, user.id, "role.granted", user.id, { role: "secretariat" });
    return { ok: true as const, userId: user.id };
  });
}
