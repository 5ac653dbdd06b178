// Who can sign in: users and their global roles, sessions, sign-in attempts, throttled e-mails,
// the one-time setup link, password resets and registrations waiting for confirmation.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LOCALES, USER_ROLES } from "../enums";
import { createdAt, id, inList, ts } from "./columns";

export const users = sqliteTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
    disabledAt: ts("disabled_at"),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), check("users_locale", inList("locale", LOCALES))],
);

/** Global roles; nominator and juror come from entity and jury membership. */
export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), check("user_roles_role", inList("role", USER_ROLES))],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_unique").on(t.tokenHash), index("sessions_user").on(t.userId)],
);

export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    address: text("address").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index("login_attempts_email").on(t.email, t.at), index("login_attempts_address").on(t.address, t.at)],
);

/**
 * E-mails that strangers (or a signed-in user) can make the system send: password resets,
 * registrations, invitations. Counted per target address and per client address to throttle
 * them; kept in the database so that every server process on the file shares the counts.
 */
export const mailRequests = sqliteTable(
  "mail_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["password_reset", "registration", "invitation"] }).notNull(),
    target: text("target").notNull(),
    address: text("address").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [
    index("mail_requests_target").on(t.kind, t.target, t.at),
    index("mail_requests_address").on(t.kind, t.address, t.at),
  ],
);

export const setupTokens = sqliteTable(
  "setup_tokens",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    usedAt: ts("used_at"),
  },
  (t) => [uniqueIndex("setup_tokens_token_unique").on(t.tokenHash)],
);

export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
  },
  (t) => [uniqueIndex("password_resets_token_unique").on(t.tokenHash)],
);

/**
 * A registration waiting for its e-mailed confirmation link: the account exists only once the
 * owner of the address confirms, so registering tells a stranger nothing about which
 * addresses have accounts (decision 007).
 */
export const pendingRegistrations = sqliteTable(
  "pending_registrations",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
    confirmedAt: ts("confirmed_at"),
  },
  (t) => [
    uniqueIndex("pending_registrations_token_unique").on(t.tokenHash),
    index("pending_registrations_email").on(t.email),
  ],
);

/**
 * A person's request that their personal data be erased, answered by the secretariat: erased
 * (the user row then holds a pseudonym only) or declined with a reason told to them.
 */
export const erasureRequests = sqliteTable(
  "erasure_requests",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    requestedAt: ts("requested_at").notNull(),
    state: text("state").notNull().default("pending"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: ts("decided_at"),
    declineReason: text("decline_reason"),
  },
  (t) => [
    index("erasure_requests_state").on(t.state, t.requestedAt),
    index("erasure_requests_user").on(t.userId),
    check("erasure_requests_state", sql`state in ('pending', 'erased', 'declined')`),
  ],
);
