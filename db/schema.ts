// The whole data model. Ids of objects users can reach are random UUIDs so that
// nothing can be found by guessing; instants are integer milliseconds since the epoch (UTC).
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { METHODS } from "../scoring/types";
import { APPLICATION_STATES, CONFLICT_SOURCES, CONFLICT_STATUSES, ENTITY_KINDS, INVITATION_ROLES, LOCALES, PHASES, REVIEW_STATES, USER_ROLES } from "./enums";

const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().$defaultFn(() => new Date());
const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

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
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
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
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
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
  (t) => [index("mail_requests_target").on(t.kind, t.target, t.at), index("mail_requests_address").on(t.kind, t.address, t.at)],
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

export const nominatingEntities = sqliteTable(
  "nominating_entities",
  {
    id: id(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    country: text("country"),
    createdAt: createdAt(),
  },
  (t) => [
    check("entities_kind", inList("kind", ENTITY_KINDS)),
    // A National Commission belongs to exactly one Member State.
    check("entities_country", sql`kind <> 'national_commission' or country is not null`),
    uniqueIndex("entities_one_commission_per_country").on(t.country).where(sql`kind = 'national_commission'`),
    uniqueIndex("entities_name_unique").on(t.name),
  ],
);

export const entityMembers = sqliteTable(
  "entity_members",
  {
    entityId: text("entity_id").notNull().references(() => nominatingEntities.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.userId] }), index("entity_members_user").on(t.userId)],
);

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
    maxFileBytes: integer("max_file_bytes").notNull().default(10 * 1024 * 1024),
    maxTotalBytes: integer("max_total_bytes").notNull().default(30 * 1024 * 1024),
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
    check("editions_dates", sql`call_opens_at < deadline_at and deadline_at <= scoring_opens_at and scoring_opens_at < scoring_closes_at and scoring_closes_at <= announcement_at`),
  ],
);

export const criteria = sqliteTable(
  "criteria",
  {
    id: id(),
    editionId: text("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
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

/** A nominating entity's own settings for one edition (e.g. its earlier, national deadline). */
export const entityEditionSettings = sqliteTable(
  "entity_edition_settings",
  {
    entityId: text("entity_id").notNull().references(() => nominatingEntities.id, { onDelete: "cascade" }),
    editionId: text("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
    internalDeadlineAt: ts("internal_deadline_at"),
    extraRequirements: text("extra_requirements"),
    updatedAt: ts("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.editionId] })],
);

export const eligibilityRules = sqliteTable(
  "eligibility_rules",
  {
    id: id(),
    editionId: text("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    textEn: text("text_en").notNull(),
    textFr: text("text_fr").notNull(),
    textAr: text("text_ar"),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("eligibility_rules_edition_key").on(t.editionId, t.key)],
);

export const juryMembers = sqliteTable(
  "jury_members",
  {
    id: id(),
    editionId: text("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    isChair: integer("is_chair", { mode: "boolean" }).notNull().default(false),
    country: text("country"),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(["en", "fr"]),
    expertise: text("expertise", { mode: "json" }).$type<string[]>().notNull().default([]),
    gender: text("gender"),
    conflictsDeclaredAt: ts("conflicts_declared_at"),
    replacedAt: ts("replaced_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("jury_members_edition_user").on(t.editionId, t.userId),
    index("jury_members_user").on(t.userId),
  ],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    locale: text("locale").notNull().default("en"),
    role: text("role").notNull(),
    entityId: text("entity_id").references(() => nominatingEntities.id, { onDelete: "cascade" }),
    editionId: text("edition_id").references(() => editions.id, { onDelete: "cascade" }),
    isChair: integer("is_chair", { mode: "boolean" }).notNull().default(false),
    jurorCountry: text("juror_country"),
    jurorLanguages: text("juror_languages", { mode: "json" }).$type<string[]>(),
    invitedBy: text("invited_by").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    acceptedUserId: text("accepted_user_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("invitations_token_unique").on(t.tokenHash),
    check("invitations_role", inList("role", INVITATION_ROLES)),
    check("invitations_nominator_entity", sql`role <> 'nominator' or entity_id is not null`),
    check("invitations_juror_edition", sql`role <> 'juror' or edition_id is not null`),
    check("invitations_locale", inList("locale", LOCALES)),
  ],
);

export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: id(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
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
  (t) => [uniqueIndex("pending_registrations_token_unique").on(t.tokenHash), index("pending_registrations_email").on(t.email)],
);

export const applications = sqliteTable(
  "applications",
  {
    id: id(),
    reference: text("reference").notNull(),
    editionId: text("edition_id").notNull().references(() => editions.id),
    applicantId: text("applicant_id").notNull().references(() => users.id),
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
    feedbackShared: integer("feedback_shared", { mode: "boolean" }).notNull().default(false),
    duplicateOf: text("duplicate_of"),
    version: integer("version").notNull().default(1),
    sentAt: ts("sent_at"),
    nominatedAt: ts("nominated_at"),
    nominatedBy: text("nominated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at"),
  },
  (t) => [
    uniqueIndex("applications_reference_unique").on(t.reference),
    index("applications_edition_state").on(t.editionId, t.state),
    // Covers the screening list, its filters and duplicate detection: without it each request
    // read every application row (its content included) of the edition — 100 ms at 10,000.
    index("applications_edition_listing").on(t.editionId, t.state, t.entityId, t.country, t.language, t.reference, t.sentAt, t.title, t.organisation, t.id),
    index("applications_entity_state").on(t.entityId, t.state),
    index("applications_applicant").on(t.applicantId),
    check("applications_state", inList("state", APPLICATION_STATES)),
    check("applications_language", sql`language in ('en', 'fr')`),
  ],
);

export const attachments = sqliteTable(
  "attachments",
  {
    id: id(),
    applicationId: text("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
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
    applicationId: text("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
    entityId: text("entity_id").notNull().references(() => nominatingEntities.id),
    uploadedBy: text("uploaded_by").notNull().references(() => users.id),
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
    applicationId: text("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
    ruleKey: text("rule_key").notNull(),
    outcome: text("outcome").notNull(),
    evidence: text("evidence").notNull().default(""),
    decidedBy: text("decided_by").notNull().references(() => users.id),
    decidedAt: ts("decided_at").notNull(),
  },
  (t) => [
    uniqueIndex("screening_application_rule").on(t.applicationId, t.ruleKey),
    check("screening_outcome", sql`outcome in ('pass', 'fail')`),
  ],
);

export const conflicts = sqliteTable(
  "conflicts",
  {
    id: id(),
    editionId: text("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
    jurorId: text("juror_id").notNull().references(() => juryMembers.id, { onDelete: "cascade" }),
    applicationId: text("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
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
    check("conflicts_status_dates", sql`(status = 'confirmed' or confirmed_at is null) and ((status = 'dismissed') = (dismissed_at is not null))`),
  ],
);

export const assignments = sqliteTable(
  "assignments",
  {
    id: id(),
    editionId: text("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
    jurorId: text("juror_id").notNull().references(() => juryMembers.id, { onDelete: "cascade" }),
    applicationId: text("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
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
    assignmentId: text("assignment_id").notNull().references(() => assignments.id, { onDelete: "cascade" }),
    jurorId: text("juror_id").notNull().references(() => juryMembers.id, { onDelete: "cascade" }),
    applicationId: text("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
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
    check("reviews_state", inList("state", REVIEW_STATES)),
    check("reviews_confidence", sql`confidence is null or confidence between 1 and 5`),
  ],
);

export const deliberations = sqliteTable(
  "deliberations",
  {
    id: id(),
    editionId: text("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
    shortlist: text("shortlist", { mode: "json" }).$type<string[]>().notNull(),
    openedBy: text("opened_by").notNull().references(() => users.id),
    openedAt: ts("opened_at").notNull(),
    closedAt: ts("closed_at"),
  },
  (t) => [uniqueIndex("deliberations_edition").on(t.editionId)],
);

export const ballots = sqliteTable(
  "ballots",
  {
    id: id(),
    deliberationId: text("deliberation_id").notNull().references(() => deliberations.id, { onDelete: "cascade" }),
    jurorId: text("juror_id").notNull().references(() => juryMembers.id, { onDelete: "cascade" }),
    /** Ordered groups of application ids; a group of several is a tie. */
    ranking: text("ranking", { mode: "json" }).$type<string[][]>().notNull(),
    submittedAt: ts("submitted_at").notNull(),
  },
  (t) => [uniqueIndex("ballots_deliberation_juror").on(t.deliberationId, t.jurorId)],
);

export const decisions = sqliteTable(
  "decisions",
  {
    id: id(),
    editionId: text("edition_id").notNull().references(() => editions.id),
    recommendation: text("recommendation", { mode: "json" }).$type<string[]>(),
    citations: text("citations", { mode: "json" }).$type<Record<string, { en: string; fr: string }>>(),
    minutes: text("minutes"),
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
  (t) => [
    index("outbox_due").on(t.state, t.nextAttemptAt),
    check("outbox_state", sql`state in ('pending', 'sent')`),
  ],
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
  },
  (t) => [index("audit_object").on(t.objectType, t.objectId)],
);
