// The jury: its members, the conflicts register, assignments and reviews, and the deliberation
// with its ballots.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CONFLICT_SOURCES, CONFLICT_STATUSES, REVIEW_STATES } from "../enums";
import { users } from "./accounts";
import { applications } from "./applications";
import { editions } from "./editions";
import { createdAt, id, inList, ts } from "./columns";

export const juryMembers = sqliteTable(
  "jury_members",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    isChair: integer("is_chair", { mode: "boolean" }).notNull().default(false),
    country: text("country"),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(["en", "fr"]),
    expertise: text("expertise", { mode: "json" }).$type<string[]>().notNull().default([]),
    gender: text("gender"),
    conflictsDeclaredAt: ts("conflicts_declared_at"),
    replacedAt: ts("replaced_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("jury_members_edition_user").on(t.editionId, t.userId), index("jury_members_user").on(t.userId)],
);

export const conflicts = sqliteTable(
  "conflicts",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    jurorId: text("juror_id")
      .notNull()
      .references(() => juryMembers.id, { onDelete: "cascade" }),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    reason: text("reason").notNull().default(""),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    // Declared and manual conflicts are confirmed from the start; rows from before proposals existed too.
    status: text("status").notNull().default("confirmed"),
    confirmedBy: text("confirmed_by").references(() => users.id),
    confirmedAt: ts("confirmed_at"),
    dismissedBy: text("dismissed_by").references(() => users.id),
    dismissedAt: ts("dismissed_at"),
  },
  (t) => [
    uniqueIndex("conflicts_juror_application_source").on(t.jurorId, t.applicationId, t.source),
    index("conflicts_application").on(t.applicationId),
    index("conflicts_edition_status").on(t.editionId, t.status),
    check("conflicts_source", inList("source", CONFLICT_SOURCES)),
    check("conflicts_status", inList("status", CONFLICT_STATUSES)),
    check(
      "conflicts_status_dates",
      sql`(status = 'confirmed' or confirmed_at is null) and ((status = 'dismissed') = (dismissed_at is not null))`,
    ),
  ],
);

export const assignments = sqliteTable(
  "assignments",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    jurorId: text("juror_id")
      .notNull()
      .references(() => juryMembers.id, { onDelete: "cascade" }),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    publishedAt: ts("published_at"),
  },
  (t) => [
    uniqueIndex("assignments_juror_application").on(t.jurorId, t.applicationId),
    index("assignments_application").on(t.applicationId),
    index("assignments_edition").on(t.editionId),
  ],
);

export const reviews = sqliteTable(
  "reviews",
  {
    id: id(),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    jurorId: text("juror_id")
      .notNull()
      .references(() => juryMembers.id, { onDelete: "cascade" }),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    state: text("state").notNull().default("assigned"),
    scores: text("scores", { mode: "json" }).$type<Record<string, number>>().notNull().default({}),
    comments: text("comments", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    overallComment: text("overall_comment").notNull().default(""),
    confidence: integer("confidence"),
    version: integer("version").notNull().default(1),
    submittedAt: ts("submitted_at"),
    recusedAt: ts("recused_at"),
    recuseReason: text("recuse_reason"),
    updatedAt: ts("updated_at"),
  },
  (t) => [
    uniqueIndex("reviews_assignment").on(t.assignmentId),
    uniqueIndex("reviews_juror_application").on(t.jurorId, t.applicationId),
    index("reviews_application").on(t.applicationId),
    // The results' read (decision 046): every submitted review's scores in the order the results
    // read them, from this index alone; from the rows (their comments alongside), 30,000 reviews
    // took ~0.1 s more. Drafts are not in it, so a draft saved does not write it.
    index("reviews_submitted_scores")
      .on(t.applicationId, t.jurorId, t.state, t.scores, t.confidence)
      .where(sql`state = 'submitted'`),
    check("reviews_state", inList("state", REVIEW_STATES)),
    check("reviews_confidence", sql`confidence is null or confidence between 1 and 5`),
  ],
);

export const deliberations = sqliteTable(
  "deliberations",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    shortlist: text("shortlist", { mode: "json" }).$type<string[]>().notNull(),
    openedBy: text("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: ts("opened_at").notNull(),
    closedAt: ts("closed_at"),
  },
  (t) => [uniqueIndex("deliberations_edition").on(t.editionId)],
);

export const ballots = sqliteTable(
  "ballots",
  {
    id: id(),
    deliberationId: text("deliberation_id")
      .notNull()
      .references(() => deliberations.id, { onDelete: "cascade" }),
    jurorId: text("juror_id")
      .notNull()
      .references(() => juryMembers.id, { onDelete: "cascade" }),
    /** Ordered groups of application ids; a group of several is a tie. */
    ranking: text("ranking", { mode: "json" }).$type<string[][]>().notNull(),
    submittedAt: ts("submitted_at").notNull(),
  },
  (t) => [uniqueIndex("ballots_deliberation_juror").on(t.deliberationId, t.jurorId)],
);
