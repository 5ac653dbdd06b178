// The outbox of e-mails, the append-only audit log and the one-time tokens of posted forms.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, ts } from "./columns";

export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    locale: text("locale").notNull(),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: ts("sent_at"),
    emlPath: text("eml_path"),
  },
  (t) => [index("outbox_due").on(t.state, t.nextAttemptAt), check("outbox_state", sql`state in ('pending', 'sent')`)],
);

/** Append-only; each row carries the hash of the previous row (see app/kernel/models/audit.server.ts). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: ts("at").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    details: text("details").notNull().default("{}"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    // The edition the row is about, found when it is written (not part of its hash: it is read
    // from the row's object), so an edition's log is read through an index (migration 0016).
    editionId: text("edition_id"),
  },
  (t) => [
    index("audit_object").on(t.objectType, t.objectId),
    // An edition's log a page at a time, newest first; and its length, counted in the index.
    index("audit_edition").on(t.editionId, t.id),
    index("audit_edition_action").on(t.editionId, t.action),
  ],
);

/**
 * A form's one-time token once a post carrying it changed something, with the answer that post
 * got, so a second post of the same form answers the same instead of changing it again
 * (app/kernel/models/form-tokens.server.ts). `scope` is the signed-in user; rows live a day.
 */
export const formTokens = sqliteTable(
  "form_tokens",
  {
    scope: text("scope").notNull(),
    token: text("token").notNull(),
    /** Which request wrote the row: a second request meeting it inside its own transaction stops. */
    claim: text("claim").notNull(),
    /** The first answer as JSON (a redirect's location, or an action's data); null until it is known. */
    response: text("response"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.token] }), index("form_tokens_created").on(t.createdAt)],
);

/**
 * How long each class of personal data is kept (app/kernel/domain/retention.ts lists the
 * classes, their units, defaults and bounds); a class without a row keeps its default.
 */
export const retentionSettings = sqliteTable("retention_settings", {
  dataClass: text("data_class").primaryKey(),
  amount: integer("amount").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: ts("updated_at").notNull(),
});
