// Accounts: registration, sign-in with rate limits, and the profile. Password resets, the
// one-time setup link and invitations have their own modules. Each write that changes who can
// do what is audited in its transaction.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { loginAttempts, pendingRegistrations, userRoles, users } from "../../../db/schema";
import { hashPassword, verifyPassword } from "../server/password.server";
import { newToken } from "../server/tokens.server";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { writeAudit } from "../../kernel/models/audit.server";
import type { Failure } from "../../kernel/models/result.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { openLink, tokenOfPath } from "./links.server";
import { takeMailSlot, mailWaitMinutes, type MailKind } from "../../kernel/models/throttle.server";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;
export const REGISTRATION_TTL_MS = 24 * 60 * 60 * 1000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function getUserByEmail({ email }: { email: string }) {
  return db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
}

/** The refusal of an e-mail the throttle holds back, with the minutes to wait. */
export function tooMany(minutes: number): Failure {
  return { ok: false, field: "email", error: "errors.too_many_requests", vars: { minutes } };
}

/** Refuses (with the minutes to wait) when one more e-mail of this kind may not go to this address now. */
export function mailThrottle({
  kind,
  email,
  address,
  now,
}: {
  kind: MailKind;
  email: string;
  address: string;
  now?: Date;
}): Failure | null {
  const minutes = mailWaitMinutes({ kind, target: normaliseEmail(email), address, now });
  return minutes > 0 ? tooMany(minutes) : null;
}

/**
 * Registration answers the same whether or not the address has an account (decision 007): a
 * new address gets a confirmation link and the account exists only once it is followed; an
 * address with an account gets a message telling its owner how to sign in. Both paths hash
 * the password, so neither is measurably faster.
 */
export async function registerApplicant(input: {
  email: string;
  name: string;
  password: string;
  locale: string;
  address: string;
  origin: string;
  now?: Date;
}): Promise<{ ok: true } | Failure> {
  const email = normaliseEmail(input.email);
  const now = input.now ?? new Date();
  const slot = takeMailSlot({ kind: "registration", target: email, address: input.address, now });
  if (!slot.ok) return tooMany(slot.minutes);
  const passwordHash = await hashPassword(input.password);
  const existing = getUserByEmail({ email });
  const { token, hash } = newToken();
  db().transaction((tx) => {
    if (existing) {
      if (existing.disabledAt) return;
      enqueueMail(
        {
          to: existing.email,
          locale: existing.locale,
          template: "registration_exists",
          vars: { name: existing.name, login: `${input.origin}/login`, reset: `${input.origin}/forgot-password` },
        },
        tx,
      );
      auditUser(tx, null, "user.registration_repeated", existing.id, { address: input.address });
      return;
    }
    tx.insert(pendingRegistrations)
      .values({
        email,
        name: input.name.trim(),
        passwordHash,
        locale: input.locale,
        tokenHash: hash,
        expiresAt: new Date(now.getTime() + REGISTRATION_TTL_MS),
      })
      .run();
    enqueueMail(
      {
        to: email,
        locale: input.locale,
        template: "registration_confirm",
        vars: {
          name: input.name.trim(),
          link: `${input.origin}/register/confirm/${token}`,
          hours: REGISTRATION_TTL_MS / 3600e3,
        },
      },
      tx,
    );
  });
  return { ok: true };
}

export function findPendingRegistration({ token, now = new Date() }: { token: string; now?: Date }) {
  const pending = openLink(db(), pendingRegistrations, pendingRegistrations.confirmedAt, token, now);
  if (!pending) return null;
  const { id, email, name, expiresAt, confirmedAt } = pending;
  return { id, email, name, expiresAt, confirmedAt };
}

/**
 * The language chosen at registration, for the page its e-mailed link opens
 * (`/register/confirm/<token>`): opened on another device, or with a browser in another language,
 * it reads as the e-mail did. Null for any other address or an unknown or used link.
 */
export function registrationLocaleForPath(pathname: string): string | null {
  const token = tokenOfPath(/^\/register\/confirm\/([^/]+)\/?$/, pathname);
  if (token === null) return null;
  return openLink(db(), pendingRegistrations, pendingRegistrations.confirmedAt, token)?.locale ?? null;
}

/** One change to a user's account, audited in the transaction that makes it. */
export function auditUser(
  tx: Tx,
  actorId: string | null,
  action: string,
  userId: string | null,
  details?: Record<string, unknown>,
) {
  writeAudit({ actorId, action, objectType: "user", objectId: userId, details }, tx);
}

/**
 * Creates the account of a confirmed registration; the link works once, and not for an address that has an account
 * meanwhile.
 */
export function confirmRegistration({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): { ok: true; userId: string } | Failure {
  const invalid = { ok: false as const, field: "form", error: "errors.link_invalid" };
  try {
    return db().transaction((tx) => {
      const pending = openLink(tx, pendingRegistrations, pendingRegistrations.confirmedAt, token, now);
      if (!pending) return invalid;
      // Every pending registration of the address ends here, whichever link was followed.
      tx.update(pendingRegistrations)
        .set({ confirmedAt: now })
        .where(and(eq(pendingRegistrations.email, pending.email), isNull(pendingRegistrations.confirmedAt)))
        .run();
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, pending.email)).get()) return invalid;
      const user = tx
        .insert(users)
        .values({
          email: pending.email,
          name: pending.name,
          passwordHash: pending.passwordHash,
          locale: pending.locale,
        })
        .returning({ id: users.id })
        .get();
      tx.insert(userRoles).values({ userId: user.id, role: "applicant" }).run();
      auditUser(tx, user.id, "user.registered", user.id, { role: "applicant" });
      return { ok: true as const, userId: user.id };
    });
  } catch (error) {
    // An invitation accepted for the same address at the same instant: the unique index decides.
    if (String(error).includes("UNIQUE")) return invalid;
    throw error;
  }
}

/** Minutes until sign-in is allowed again for this account or address, or 0. */
export function loginLockMinutes({
  email,
  address,
  now = new Date(),
}: {
  email: string;
  address: string;
  now?: Date;
}): number {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const failures = (column: typeof loginAttempts.email | typeof loginAttempts.address, value: string) =>
    db()
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)))
      .orderBy(desc(loginAttempts.at))
      .all();
  let unlockAt = 0;
  for (const rows of [failures(loginAttempts.email, normaliseEmail(email)), failures(loginAttempts.address, address)]) {
    if (rows.length >= LOGIN_MAX_FAILURES) {
      // Locked until the oldest of the last five failures leaves the window.
      unlockAt = Math.max(unlockAt, rows[LOGIN_MAX_FAILURES - 1].at.getTime() + LOGIN_WINDOW_MS);
    }
  }
  return unlockAt > now.getTime() ? Math.ceil((unlockAt - now.getTime()) / 60000) : 0;
}

export async function attemptLogin({
  email,
  password,
  address,
}: {
  email: string;
  password: string;
  address: string;
}): Promise<{ ok: true; userId: string } | Failure> {
  const normalised = normaliseEmail(email);
  const minutes = loginLockMinutes({ email: normalised, address });
  if (minutes > 0) return { ok: false, field: "email", error: "errors.login_locked", vars: { minutes } };
  const user = getUserByEmail({ email: normalised });
  const valid = !!user && !user.disabledAt && (await verifyPassword(user.passwordHash, password));
  db().transaction((tx) => {
    tx.insert(loginAttempts).values({ email: normalised, address, succeeded: valid, at: new Date() }).run();
    const action = valid ? "user.login" : "user.login_failed";
    // The user's id says who; the address typed stays in login_attempts, which the retention
    // schedule empties, never in the audit log, which is kept (decision 020).
    auditUser(tx, valid ? user!.id : null, action, user?.id ?? null, { address });
  });
  if (!valid) return { ok: false, field: "email", error: "errors.login_failed" };
  return { ok: true, userId: user!.id };
}

export function updateProfile({ userId, name, locale }: { userId: string; name: string; locale: string }): void {
  db().transaction((tx) => {
    tx.update(users).set({ name: name.trim(), locale }).where(eq(users.id, userId)).run();
    auditUser(tx, userId, "user.profile_updated", userId, { locale });
  });
}

export function setUserLocale({ userId, locale }: { userId: string; locale: string }): void {
  db().update(users).set({ locale }).where(eq(users.id, userId)).run();
}
