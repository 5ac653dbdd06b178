// Accounts: registration, sign-in with rate limits, password resets, the one-time setup link
// and invitations. Each write that changes who can do what is audited in its transaction.
import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import { db } from "../../../db/client";
import { editions, entityMembers, invitations, juryMembers, loginAttempts, nominatingEntities, passwordResets, pendingRegistrations, setupTokens, userRoles, users } from "../../../db/schema";
import { hashPassword, verifyPassword } from "../server/password.server";
import { revokeAllSessions } from "../server/session.server";
import { hashToken, newToken } from "../server/tokens.server";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { isLocale, translate } from "../../kernel/i18n";
import { catalogues } from "../../kernel/i18n/locale.server";
import { writeAudit } from "../../kernel/models/audit.server";
import type { Failure } from "../../kernel/models/result.server";
import { takeMailSlot, mailWaitMinutes, type MailKind } from "../../kernel/models/throttle.server";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;
export const RESET_TTL_MS = 60 * 60 * 1000;
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const REGISTRATION_TTL_MS = 24 * 60 * 60 * 1000;

function roleLabel(locale: string, role: string): string {
  return translate(catalogues[isLocale(locale) ? locale : "en"], `role.${role}`);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function getUserByEmail({ email }: { email: string }) {
  return db().select({ id: users.id, email: users.email, name: users.name, locale: users.locale, passwordHash: users.passwordHash, disabledAt: users.disabledAt }).from(users).where(eq(users.email, normaliseEmail(email))).get();
}

function tooMany(minutes: number): Failure {
  return { ok: false, field: "email", error: "errors.too_many_requests", vars: { minutes } };
}

/** Refuses (with the minutes to wait) when one more e-mail of this kind may not go to this address now. */
export function mailThrottle({ kind, email, address, now }: { kind: MailKind; email: string; address: string; now?: Date }): Failure | null {
  const minutes = mailWaitMinutes({ kind, target: normaliseEmail(email), address, now });
  return minutes > 0 ? tooMany(minutes) : null;
}

/**
 * Registration answers the same whether or not the address has an account (decision 007): a
 * new address gets a confirmation link and the account exists only once it is followed; an
 * address with an account gets a message telling its owner how to sign in. Both paths hash
 * the password, so neither is measurably faster.
 */
export async function registerApplicant(input: { email: string; name: string; password: string; locale: string; address: string; origin: string; now?: Date }): Promise<{ ok: true } | Failure> {
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
      enqueueMail({ to: existing.email, locale: existing.locale, template: "registration_exists", vars: { name: existing.name, login: `${input.origin}/login`, reset: `${input.origin}/forgot-password` } }, tx);
      writeAudit({ actorId: null, action: "user.registration_repeated", objectType: "user", objectId: existing.id, details: { address: input.address } }, tx);
      return;
    }
    tx.insert(pendingRegistrations).values({ email, name: input.name.trim(), passwordHash, locale: input.locale, tokenHash: hash, expiresAt: new Date(now.getTime() + REGISTRATION_TTL_MS) }).run();
    enqueueMail({ to: email, locale: input.locale, template: "registration_confirm", vars: { name: input.name.trim(), link: `${input.origin}/register/confirm/${token}`, hours: REGISTRATION_TTL_MS / 3600e3 } }, tx);
  });
  return { ok: true };
}

export function findPendingRegistration({ token, now = new Date() }: { token: string; now?: Date }) {
  const row = db().select({ id: pendingRegistrations.id, email: pendingRegistrations.email, name: pendingRegistrations.name, expiresAt: pendingRegistrations.expiresAt, confirmedAt: pendingRegistrations.confirmedAt }).from(pendingRegistrations).where(eq(pendingRegistrations.tokenHash, hashToken(token))).get();
  if (!row || row.confirmedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  return row;
}

/** Creates the account of a confirmed registration; the link works once, and not for an address that has an account meanwhile. */
export function confirmRegistration({ token, now = new Date() }: { token: string; now?: Date }): { ok: true; userId: string } | Failure {
  const invalid = { ok: false as const, field: "form", error: "errors.link_invalid" };
  try {
    return db().transaction((tx) => {
      const pending = tx.select().from(pendingRegistrations).where(and(eq(pendingRegistrations.tokenHash, hashToken(token)), isNull(pendingRegistrations.confirmedAt))).get();
      if (!pending || pending.expiresAt.getTime() <= now.getTime()) return invalid;
      // Every pending registration of the address ends here, whichever link was followed.
      tx.update(pendingRegistrations).set({ confirmedAt: now }).where(and(eq(pendingRegistrations.email, pending.email), isNull(pendingRegistrations.confirmedAt))).run();
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, pending.email)).get()) return invalid;
      const user = tx.insert(users).values({ email: pending.email, name: pending.name, passwordHash: pending.passwordHash, locale: pending.locale }).returning({ id: users.id }).get();
      tx.insert(userRoles).values({ userId: user.id, role: "applicant" }).run();
      writeAudit({ actorId: user.id, action: "user.registered", objectType: "user", objectId: user.id, details: { role: "applicant" } }, tx);
      return { ok: true as const, userId: user.id };
    });
  } catch (error) {
    // An invitation accepted for the same address at the same instant: the unique index decides.
    if (String(error).includes("UNIQUE")) return invalid;
    throw error;
  }
}

/** Minutes until sign-in is allowed again for this account or address, or 0. */
export function loginLockMinutes({ email, address, now = new Date() }: { email: string; address: string; now?: Date }): number {
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

export async function attemptLogin({ email, password, address }: { email: string; password: string; address: string }): Promise<{ ok: true; userId: string } | Failure> {
  const normalised = normaliseEmail(email);
  const minutes = loginLockMinutes({ email: normalised, address });
  if (minutes > 0) return { ok: false, field: "email", error: "errors.login_locked", vars: { minutes } };
  const user = getUserByEmail({ email: normalised });
  const valid = !!user && !user.disabledAt && (await verifyPassword(user.passwordHash, password));
  db().transaction((tx) => {
    tx.insert(loginAttempts).values({ email: normalised, address, succeeded: valid, at: new Date() }).run();
    writeAudit({ actorId: valid ? user!.id : null, action: valid ? "user.login" : "user.login_failed", objectType: "user", objectId: user?.id ?? null, details: { email: normalised, address } }, tx);
  });
  if (!valid) return { ok: false, field: "email", error: "errors.login_failed" };
  return { ok: true, userId: user!.id };
}

export function requestPasswordReset({ email, origin, address, now }: { email: string; origin: string; address: string; now?: Date }): { ok: true } | Failure {
  // Counted whether or not the address has an account, so the limit tells nothing either.
  const slot = takeMailSlot({ kind: "password_reset", target: normaliseEmail(email), address, now });
  if (!slot.ok) return tooMany(slot.minutes);
  const user = getUserByEmail({ email });
  // Same answer whether or not the address has an account, so accounts cannot be enumerated.
  if (!user || user.disabledAt) return { ok: true };
  const { token, hash } = newToken();
  db().transaction((tx) => {
    tx.insert(passwordResets).values({ userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) }).run();
    enqueueMail({ to: user.email, locale: user.locale, template: "password_reset", vars: { name: user.name, link: `${origin}/reset-password/${token}`, minutes: RESET_TTL_MS / 60000 } }, tx);
  });
  return { ok: true };
}

export function findPasswordReset({ token }: { token: string }) {
  const row = db().select({ id: passwordResets.id, userId: passwordResets.userId, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt }).from(passwordResets).where(eq(passwordResets.tokenHash, hashToken(token))).get();
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return row;
}

export async function resetPassword({ token, password }: { token: string; password: string }): Promise<{ ok: true; userId: string } | Failure> {
  if (!findPasswordReset({ token })) return { ok: false, field: "password", error: "errors.link_invalid" };
  const passwordHash = await hashPassword(password);
  return db().transaction((tx) => {
    // Re-checked inside the transaction: a link used in another tab meanwhile is refused.
    const reset = tx.select().from(passwordResets).where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt))).get();
    if (!reset || reset.expiresAt.getTime() <= Date.now()) return { ok: false as const, field: "password", error: "errors.link_invalid" };
    tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, reset.id)).run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
    revokeAllSessions({ userId: reset.userId }, tx);
    writeAudit({ actorId: reset.userId, action: "user.password_reset", objectType: "user", objectId: reset.userId }, tx);
    return { ok: true as const, userId: reset.userId };
  });
}

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
  const row = db().select({ usedAt: setupTokens.usedAt }).from(setupTokens).where(eq(setupTokens.tokenHash, hashToken(token))).get();
  return !!row && !row.usedAt && !secretariatExists();
}

export async function completeSetup(input: { token: string; email: string; name: string; password: string; locale: string }): Promise<{ ok: true; userId: string } | Failure> {
  if (!isSetupTokenValid({ token: input.token })) return { ok: false, field: "email", error: "errors.link_invalid" };
  const passwordHash = await hashPassword(input.password);
  const email = normaliseEmail(input.email);
  return db().transaction((tx) => {
    const row = tx.select().from(setupTokens).where(and(eq(setupTokens.tokenHash, hashToken(input.token)), isNull(setupTokens.usedAt))).get();
    const taken = tx.select({ n: count() }).from(userRoles).where(eq(userRoles.role, "secretariat")).get()?.n ?? 0;
    if (!row || taken > 0) return { ok: false as const, field: "email", error: "errors.link_invalid" };
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) return { ok: false as const, field: "email", error: "errors.email_taken" };
    tx.update(setupTokens).set({ usedAt: new Date() }).where(eq(setupTokens.id, row.id)).run();
    const user = tx.insert(users).values({ email, name: input.name.trim(), passwordHash, locale: input.locale }).returning({ id: users.id }).get();
    tx.insert(userRoles).values({ userId: user.id, role: "secretariat" }).run();
    writeAudit({ actorId: user.id, action: "user.setup", objectType: "user", objectId: user.id, details: { role: "secretariat" } }, tx);
    writeAudit({ actorId: user.id, action: "role.granted", objectType: "user", objectId: user.id, details: { role: "secretariat" } }, tx);
    return { ok: true as const, userId: user.id };
  });
}

export interface InvitationInput {
  invitedBy: string;
  email: string;
  name: string;
  locale: string;
  role: "nominator" | "juror" | "secretariat";
  entityId?: string | null;
  editionId?: string | null;
  isChair?: boolean;
  /** For a juror: their country and the languages they read (copied to jury_members on acceptance). */
  jurorCountry?: string | null;
  jurorLanguages?: string[] | null;
  origin: string;
  /** The client address of the request, for the throttle on invitation e-mails. */
  address: string;
  now?: Date;
}

export function createInvitation(input: InvitationInput): { ok: true; invitationId: string } | Failure {
  const email = normaliseEmail(input.email);
  if (input.role === "nominator") {
    if (!input.entityId || !db().select({ id: nominatingEntities.id }).from(nominatingEntities).where(eq(nominatingEntities.id, input.entityId)).get()) {
      return { ok: false, field: "entityId", error: "errors.entity_unknown" };
    }
  }
  if (input.role === "juror") {
    if (!input.editionId || !db().select({ id: editions.id }).from(editions).where(eq(editions.id, input.editionId)).get()) {
      return { ok: false, field: "editionId", error: "errors.edition_unknown" };
    }
  }
  const { token, hash } = newToken();
  const invitationId = db().transaction((tx) => {
    const slot = takeMailSlot({ kind: "invitation", target: email, address: input.address, now: input.now }, tx);
    if (!slot.ok) return slot;
    const row = tx
      .insert(invitations)
      .values({
        tokenHash: hash,
        email,
        name: input.name.trim(),
        locale: input.locale,
        role: input.role,
        entityId: input.role === "nominator" ? input.entityId : null,
        editionId: input.role === "juror" ? input.editionId : null,
        isChair: input.role === "juror" && !!input.isChair,
        jurorCountry: input.role === "juror" ? (input.jurorCountry ?? null) : null,
        jurorLanguages: input.role === "juror" ? (input.jurorLanguages ?? null) : null,
        invitedBy: input.invitedBy,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning({ id: invitations.id })
      .get();
    enqueueMail({ to: email, locale: input.locale, template: "invitation", vars: { name: input.name.trim(), role: roleLabel(input.locale, input.role), link: `${input.origin}/invitations/${token}`, days: INVITATION_TTL_MS / 864e5 } }, tx);
    writeAudit({ actorId: input.invitedBy, action: "invitation.created", objectType: "invitation", objectId: row.id, details: { email, role: input.role, entityId: input.entityId ?? null, editionId: input.editionId ?? null } }, tx);
    return row.id;
  }, { behavior: "immediate" });
  if (typeof invitationId !== "string") return tooMany(invitationId.minutes);
  return { ok: true, invitationId };
}

export const INVITATIONS_PER_PAGE = 25;

export function listInvitations({ page = 1 }: { page?: number } = {}) {
  const total = db().select({ n: count() }).from(invitations).get()?.n ?? 0;
  const rows = db()
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, entityName: nominatingEntities.name, editionYear: editions.year, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt })
    .from(invitations)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, invitations.entityId))
    .leftJoin(editions, eq(editions.id, invitations.editionId))
    .orderBy(desc(invitations.createdAt))
    .limit(INVITATIONS_PER_PAGE)
    .offset((Math.max(1, page) - 1) * INVITATIONS_PER_PAGE)
    .all();
  return { rows, total, pages: Math.max(1, Math.ceil(total / INVITATIONS_PER_PAGE)) };
}

export function findOpenInvitation({ token }: { token: string }) {
  const row = db()
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, locale: invitations.locale, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, entityName: nominatingEntities.name, editionYear: editions.year })
    .from(invitations)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, invitations.entityId))
    .leftJoin(editions, eq(editions.id, invitations.editionId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!row || row.acceptedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return { ...row, existingAccount: !!getUserByEmail({ email: row.email }) };
}

/**
 * Accepts an invitation: a new invitee chooses a password; someone who already has an
 * account confirms with their current one, and the role is added to that account.
 */
export async function acceptInvitation({ token, name, password }: { token: string; name: string; password: string }): Promise<{ ok: true; userId: string } | Failure> {
  const open = findOpenInvitation({ token });
  if (!open) return { ok: false, field: "password", error: "errors.link_invalid" };
  const existing = getUserByEmail({ email: open.email });
  let passwordHash: string | null = null;
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, password))) return { ok: false, field: "password", error: "errors.password_wrong" };
  } else {
    passwordHash = await hashPassword(password);
  }
  return db().transaction((tx) => {
    const invitation = tx.select().from(invitations).where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt))).get();
    if (!invitation || invitation.expiresAt.getTime() <= Date.now()) return { ok: false as const, field: "password", error: "errors.link_invalid" };
    let userId = tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).get()?.id;
    if (!userId) {
      userId = tx.insert(users).values({ email: invitation.email, name: name.trim() || invitation.name, passwordHash: passwordHash!, locale: invitation.locale }).returning({ id: users.id }).get().id;
      writeAudit({ actorId: userId, action: "user.registered", objectType: "user", objectId: userId, details: { via: "invitation" } }, tx);
    }
    if (invitation.role === "nominator" && invitation.entityId) {
      tx.insert(entityMembers).values({ entityId: invitation.entityId, userId }).onConflictDoNothing().run();
    } else if (invitation.role === "juror" && invitation.editionId) {
      tx.insert(juryMembers).values({ editionId: invitation.editionId, userId, isChair: invitation.isChair, country: invitation.jurorCountry, languages: invitation.jurorLanguages ?? ["en", "fr"] }).onConflictDoNothing().run();
    } else if (invitation.role === "secretariat") {
      tx.insert(userRoles).values({ userId, role: "secretariat" }).onConflictDoNothing().run();
    }
    tx.update(invitations).set({ acceptedAt: new Date(), acceptedUserId: userId }).where(eq(invitations.id, invitation.id)).run();
    writeAudit({ actorId: userId, action: "invitation.accepted", objectType: "invitation", objectId: invitation.id }, tx);
    writeAudit({ actorId: invitation.invitedBy, action: "role.granted", objectType: "user", objectId: userId, details: { role: invitation.role, entityId: invitation.entityId, editionId: invitation.editionId } }, tx);
    return { ok: true as const, userId: userId };
  });
}

export function updateProfile({ userId, name, locale }: { userId: string; name: string; locale: string }): void {
  db().transaction((tx) => {
    tx.update(users).set({ name: name.trim(), locale }).where(eq(users.id, userId)).run();
    writeAudit({ actorId: userId, action: "user.profile_updated", objectType: "user", objectId: userId, details: { locale } }, tx);
  });
}

export function setUserLocale({ userId, locale }: { userId: string; locale: string }): void {
  db().update(users).set({ locale }).where(eq(users.id, userId)).run();
}
