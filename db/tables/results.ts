// The decision of an edition and the published laureates of every edition.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { applications } from "./applications";
import { editions } from "./editions";
import { id, ts } from "./columns";

export const decisions = sqliteTable(
  "decisions",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    recommendation: text("recommendation", { mode: "json" }).$type<string[]>(),
    citations: text("citations", { mode: "json" }).$type<Record<string, { en: string; fr: string }>>(),
    minutes: text("minutes"),
    /** The tally of the vote and the tie-break in words, written with the recommendation. */
    minutesTally: text("minutes_tally"),
    /** The fairness audit in words, written with the recommendation in the chair's language. */
    minutesFairness: text("minutes_fairness"),
    recommendedBy: text("recommended_by").references(() => users.id),
    recommendedAt: ts("recommended_at"),
    laureates: text("laureates", { mode: "json" }).$type<string[]>(),
    decisionDate: ts("decision_date"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: ts("decided_at"),
    snapshot: text("snapshot"),
    snapshotSha256: text("snapshot_sha256"),
    announcementAt: ts("announcement_at"),
    announcedAt: ts("announced_at"),
  },
  (t) => [uniqueIndex("decisions_edition").on(t.editionId)],
);

/** Published laureates of every edition, including those before this system existed. */
export const archiveLaureates = sqliteTable(
  "archive_laureates",
  {
    id: id(),
    year: integer("year").notNull(),
    editionId: text("edition_id").references(() => editions.id),
    applicationId: text("application_id").references(() => applications.id),
    project: text("project").notNull(),
    organisation: text("organisation"),
    country: text("country").notNull(),
    publishedAt: ts("published_at").notNull(),
  },
  (t) => [index("archive_laureates_year").on(t.year), index("archive_laureates_country").on(t.country)],
);

/**
 * The verification code of a laureate's diploma, with the statement signed when the laureates
 * were archived (frozen: a later edit of the application changes no diploma), the key's id and
 * the Ed25519 signature; a revocation keeps the row and says when, by whom and why.
 */
export const diplomaCodes = sqliteTable(
  "diploma_codes",
  {
    code: text("code").primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    statement: text("statement").notNull(),
    keyId: text("key_id").notNull(),
    signature: text("signature").notNull(),
    createdAt: ts("created_at").notNull(),
    revokedAt: ts("revoked_at"),
    revokedBy: text("revoked_by").references(() => users.id),
    revokedReason: text("revoked_reason"),
  },
  (t) => [uniqueIndex("diploma_codes_application").on(t.applicationId), index("diploma_codes_edition").on(t.editionId)],
);
