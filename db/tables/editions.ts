// Editions of the prize, with their criteria and eligibility rules.
import { sql } from "drizzle-orm";
import { check, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { METHODS } from "../../scoring/types";
import { PHASES } from "../enums";
import { createdAt, id, inList, ts } from "./columns";

export const editions = sqliteTable(
  "editions",
  {
    id: id(),
    year: integer("year").notNull(),
    themeEn: text("theme_en").notNull(),
    themeFr: text("theme_fr").notNull(),
    themeAr: text("theme_ar"),
    callTextEn: text("call_text_en").notNull().default(""),
    callTextFr: text("call_text_fr").notNull().default(""),
    callTextAr: text("call_text_ar"),
    phase: text("phase").notNull().default("draft"),
    callOpensAt: ts("call_opens_at").notNull(),
    deadlineAt: ts("deadline_at").notNull(),
    scoringOpensAt: ts("scoring_opens_at").notNull(),
    scoringClosesAt: ts("scoring_closes_at").notNull(),
    announcementAt: ts("announcement_at").notNull(),
    laureateCount: integer("laureate_count").notNull().default(2),
    quotaPerEntity: integer("quota_per_entity").notNull().default(3),
    reviewersPerApplication: integer("reviewers_per_application").notNull().default(5),
    scaleMin: integer("scale_min").notNull().default(1),
    scaleMax: integer("scale_max").notNull().default(10),
    method: text("method").notNull().default("jurorBias"),
    hideScoresUntilSubmitted: integer("hide_scores_until_submitted", { mode: "boolean" }).notNull().default(true),
    reminderDaysBefore: integer("reminder_days_before").notNull().default(3),
    wordLimits: text("word_limits", { mode: "json" }).$type<Record<string, number>>().notNull().default({}),
    /**
     * The edition's own title and prompt of application sections, by section then `titleEn`,
     * `promptFr`…; what is missing reads in the default wording (application.section.*, application.prompt.*).
     */
    sectionWording: text("section_wording", { mode: "json" })
      .$type<Record<string, Record<string, string>>>()
      .notNull()
      .default({}),
    maxFileBytes: integer("max_file_bytes")
      .notNull()
      .default(10 * 1024 * 1024),
    maxTotalBytes: integer("max_total_bytes")
      .notNull()
      .default(30 * 1024 * 1024),
    maxPdfPages: integer("max_pdf_pages").notNull().default(100),
    lockedAt: ts("locked_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: ts("updated_at"),
  },
  (t) => [
    uniqueIndex("editions_year_unique").on(t.year),
    check("editions_phase", inList("phase", PHASES)),
    check("editions_method", inList("method", METHODS)),
    check("editions_scale", sql`scale_min < scale_max`),
    check("editions_counts", sql`laureate_count > 0 and quota_per_entity > 0 and reviewers_per_application > 0`),
    check(
      "editions_dates",
      sql`call_opens_at < deadline_at and deadline_at <= scoring_opens_at and scoring_opens_at < scoring_closes_at and scoring_closes_at <= announcement_at`,
    ),
  ],
);

export const criteria = sqliteTable(
  "criteria",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    titleEn: text("title_en").notNull(),
    titleFr: text("title_fr").notNull(),
    titleAr: text("title_ar"),
    guidanceEn: text("guidance_en").notNull().default(""),
    guidanceFr: text("guidance_fr").notNull().default(""),
    guidanceAr: text("guidance_ar"),
    weight: real("weight").notNull().default(1),
    position: integer("position").notNull(),
    levelDescriptors: text("level_descriptors", { mode: "json" })
      .$type<{ score: number; en: string; fr: string; ar?: string }[]>()
      .notNull()
      .default([]),
  },
  (t) => [uniqueIndex("criteria_edition_key").on(t.editionId, t.key), check("criteria_weight", sql`weight > 0`)],
);

export const eligibilityRules = sqliteTable(
  "eligibility_rules",
  {
    id: id(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    textEn: text("text_en").notNull(),
    textFr: text("text_fr").notNull(),
    textAr: text("text_ar"),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("eligibility_rules_edition_key").on(t.editionId, t.key)],
);
