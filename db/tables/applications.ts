// Applications, their attachments and nomination letters, and the screening decisions on them.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { APPLICATION_STATES } from "../enums";
import { users } from "./accounts";
import { editions } from "./editions";
import { nominatingEntities } from "./entities";
import { createdAt, id, inList, ts } from "./columns";

export const applications = sqliteTable(
  "applications",
  {
    id: id(),
    reference: text("reference").notNull(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    applicantId: text("applicant_id")
      .notNull()
      .references(() => users.id),
    entityId: text("entity_id").references(() => nominatingEntities.id),
    state: text("state").notNull().default("draft"),
    language: text("language").notNull().default("en"),
    title: text("title").notNull().default(""),
    organisation: text("organisation").notNull().default(""),
    country: text("country"),
    contactEmail: text("contact_email"),
    content: text("content", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    declarations: text("declarations", { mode: "json" }).$type<Record<string, boolean>>().notNull().default({}),
    /** The frozen copy the jury reads, written in the nomination's transaction. */
    nominatedContent: text("nominated_content", { mode: "json" }).$type<Record<string, unknown>>(),
    /** The nominator's comments when returning, or reason when declining (shown to the applicant). */
    nominatorComment: text("nominator_comment"),
    returnedAt: ts("returned_at"),
    declinedAt: ts("declined_at"),
    withdrawnAt: ts("withdrawn_at"),
    screenedAt: ts("screened_at"),
    duplicateOf: text("duplicate_of"),
    version: integer("version").notNull().default(1),
    sentAt: ts("sent_at"),
    nominatedAt: ts("nominated_at"),
    nominatedBy: text("nominated_by").references(() => users.id),
    /** When its personal data was erased or anonymised by the retention schedule (decision 020). */
    anonymisedAt: ts("anonymised_at"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at"),
  },
  (t) => [
    uniqueIndex("applications_reference_unique").on(t.reference),
    index("applications_edition_state").on(t.editionId, t.state),
    // Covers the screening list, its filters and duplicate detection: without it each request
    // read every application row (its content included) of the edition — 100 ms at 10,000.
    index("applications_edition_listing").on(
      t.editionId,
      t.state,
      t.entityId,
      t.country,
      t.language,
      t.reference,
      t.sentAt,
      t.title,
      t.organisation,
      t.id,
    ),
    index("applications_entity_state").on(t.entityId, t.state),
    // The results' read looks each review's application up by id for its edition and state:
    // answered from this index, not from the application's row (decision 046).
    index("applications_results").on(t.id, t.editionId, t.state),
    index("applications_applicant").on(t.applicantId),
    check("applications_state", inList("state", APPLICATION_STATES)),
    check("applications_language", sql`language in ('en', 'fr')`),
  ],
);

export const attachments = sqliteTable(
  "attachments",
  {
    id: id(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    originalName: text("original_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    pages: integer("pages"),
    sha256: text("sha256").notNull(),
    storedName: text("stored_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("attachments_application").on(t.applicationId),
    check("attachments_type", sql`mime_type in ('application/pdf', 'image/png', 'image/jpeg')`),
  ],
);

export const nominationLetters = sqliteTable(
  "nomination_letters",
  {
    id: id(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    entityId: text("entity_id")
      .notNull()
      .references(() => nominatingEntities.id),
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => users.id),
    originalName: text("original_name").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storedName: text("stored_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("nomination_letters_application").on(t.applicationId)],
);

export const screeningDecisions = sqliteTable(
  "screening_decisions",
  {
    id: id(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    ruleKey: text("rule_key").notNull(),
    outcome: text("outcome").notNull(),
    evidence: text("evidence").notNull().default(""),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: ts("decided_at").notNull(),
  },
  (t) => [
    uniqueIndex("screening_application_rule").on(t.applicationId, t.ruleKey),
    check("screening_outcome", sql`outcome in ('pass', 'fail')`),
  ],
);
