// The applicant's application: start, fill section by section (optimistic versions), declare
// eligibility, send to a nominating entity, withdraw. Every function is scoped by the applicant
// inside its query; a row that is not theirs is simply not found.
import { and, asc, desc, eq, inArray, like, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { applications, editions, entityMembers, nominatingEntities, users } from "../../../db/schema";
import { SECTION_KEYS, emptyContent, type ApplicationContent, type SectionKey } from "../domain/sections";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { siteOrigin } from "../../kernel/server/site.server";
import { writeAudit } from "../../kernel/models/audit.server";
import type { Failure } from "../../kernel/models/result.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { applicantView } from "../../results/models/outcome.server";
import { formatDateTime, isLocale, localized, translate } from "../../kernel/i18n";
import { catalogues } from "../../kernel/i18n/locale.server";
import { editionNaming, editionRules } from "../../editions/models/columns.server";
import { applicationContent } from "./columns.server";
import { entityNaming } from "../../nominations/models/columns.server";

/** States in which the applicant may still change the application. */
export const EDITABLE_STATES = ["draft", "returned"] as const;
export const SENDABLE_STATES = ["draft", "returned"] as const;
export const WITHDRAWABLE_STATES = ["draft", "awaiting_nominator", "returned"] as const;

const editionColumns = {
  ...editionNaming,
  phase: editions.phase,
  deadlineAt: editions.deadlineAt,
  wordLimits: editions.wordLimits,
  sectionWording: editions.sectionWording,
  maxFileBytes: editions.maxFileBytes,
  maxTotalBytes: editions.maxTotalBytes,
  maxPdfPages: editions.maxPdfPages,
};

/** The applicant's own application: every read and change here names its owner inside the query. */
function own(applicationId: string, applicantId: string) {
  return and(eq(applications.id, applicationId), eq(applications.applicantId, applicantId))!;
}

type OwnChange = { applicationId: string; applicantId: string; from: readonly string[]; version?: number };

/**
 * Changes the applicant's own application, only if it is still in one of the `from` states (and
 * at `version`, when given), audited in the same transaction. False when it changed meanwhile.
 */
function changeOwn(
  tx: Tx,
  { applicationId, applicantId, from, version }: OwnChange,
  set: Partial<typeof applications.$inferInsert>,
  audit: { action: string; details: Record<string, unknown> },
): boolean {
  const still = version === undefined ? undefined : eq(applications.version, version);
  const result = tx
    .update(applications)
    .set(set)
    .where(and(own(applicationId, applicantId), still, inArray(applications.state, [...from])))
    .run();
  if (result.changes !== 1) return false;
  writeAudit({ actorId: applicantId, objectType: "application", objectId: applicationId, ...audit }, tx);
  return true;
}

export type EditionForApplicant = {
  id: string;
  year: number;
  themeEn: string;
  themeFr: string;
  themeAr: string | null;
  phase: string;
  deadlineAt: Date;
  wordLimits: Record<string, number>;
  sectionWording: Record<string, Record<string, string>>;
  maxFileBytes: number;
  maxTotalBytes: number;
  maxPdfPages: number;
};

/** The edition whose call is open (the latest one if, by mistake, several are). */
export function getOpenEdition(): EditionForApplicant | undefined {
  return db()
    .select(editionColumns)
    .from(editions)
    .where(eq(editions.phase, "call_open"))
    .orderBy(desc(editions.year))
    .limit(1)
    .get();
}

/** Whether applications of this edition can still be changed or sent: the deadline wins over the phase. */
export function beforeDeadline(edition: { deadlineAt: Date }, now = new Date()): boolean {
  return now.getTime() < edition.deadlineAt.getTime();
}

export function callIsOpen(edition: { phase: string; deadlineAt: Date }, now = new Date()): boolean {
  return edition.phase === "call_open" && beforeDeadline(edition, now);
}

/** The applicant's applications, with the outcome from the announcement instant on. */
export function listApplicationsForApplicant({ applicantId, now = new Date() }: { applicantId: string; now?: Date }) {
  const rows = db()
    .select({
      id: applications.id,
      reference: applications.reference,
      state: applications.state,
      title: applications.title,
      editionId: applications.editionId,
      year: editions.year,
      deadlineAt: editions.deadlineAt,
      updatedAt: applications.updatedAt,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .where(eq(applications.applicantId, applicantId))
    .orderBy(desc(applications.createdAt))
    .limit(50)
    .all();
  return applicantView(rows, now);
}

function nextReference(tx: Pick<ReturnType<typeof db>, "select">, editionId: string, year: number): string {
  const prefix = `KH-${year}-`;
  const rows = tx
    .select({ reference: applications.reference })
    .from(applications)
    .where(and(eq(applications.editionId, editionId), like(applications.reference, `${prefix}%`)))
    .all();
  const max = rows.reduce((m, r) => Math.max(m, Number.parseInt(r.reference.slice(prefix.length), 10) || 0), 0);
  return `${prefix}${String(max + 1).padStart(4, "0")}`;
}

/** Starts the applicant's application in the open edition (one per applicant and edition). */
export function startApplication({
  applicantId,
  editionId,
  language = "en",
}: {
  applicantId: string;
  editionId: string;
  language?: string;
}): { ok: true; applicationId: string; existing: boolean } | Failure {
  const edition = db().select(editionColumns).from(editions).where(eq(editions.id, editionId)).get();
  if (!edition || edition.phase !== "call_open") return { ok: false, error: "errors.edition_not_open" };
  if (!beforeDeadline(edition)) return { ok: false, error: "errors.deadline_passed" };
  const existing = db()
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.applicantId, applicantId), eq(applications.editionId, editionId)))
    .get();
  if (existing) return { ok: true, applicationId: existing.id, existing: true };
  const applicationId = db().transaction((tx) => {
    const reference = nextReference(tx, edition.id, edition.year);
    const row = tx
      .insert(applications)
      .values({
        reference,
        editionId: edition.id,
        applicantId,
        language: localized(language, { en: "en", fr: "fr" }),
        content: emptyContent() as unknown as Record<string, unknown>,
      })
      .returning({ id: applications.id })
      .get();
    writeAudit(
      {
        actorId: applicantId,
        action: "application.created",
        objectType: "application",
        objectId: row.id,
        details: { reference, editionId: edition.id },
      },
      tx,
    );
    return row.id;
  });
  return { ok: true, applicationId, existing: false };
}

export function readContent(raw: unknown): ApplicationContent {
  const value = (raw ?? {}) as Partial<ApplicationContent>;
  return {
    sections: value.sections && typeof value.sections === "object" ? value.sections : {},
    completed: Array.isArray(value.completed)
      ? value.completed.filter((k): k is SectionKey => (SECTION_KEYS as readonly string[]).includes(k))
      : [],
  };
}

/** The applicant's own application with its edition's settings, or null if it is not theirs. */
export function getApplicationForApplicant({
  applicationId,
  applicantId,
}: {
  applicationId: string;
  applicantId: string;
}) {
  const row = db()
    .select({
      ...applicationContent,
      applicantId: applications.applicantId,
      entityId: applications.entityId,
      declarations: applications.declarations,
      nominatorComment: applications.nominatorComment,
      version: applications.version,
      sentAt: applications.sentAt,
      withdrawnAt: applications.withdrawnAt,
      returnedAt: applications.returnedAt,
      declinedAt: applications.declinedAt,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      edition: editionColumns,
      entityName: nominatingEntities.name,
      entityKind: nominatingEntities.kind,
      entityCountry: nominatingEntities.country,
    })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(own(applicationId, applicantId))
    .get();
  if (!row) return null;
  return {
    ...row,
    content: readContent(row.content),
    declarations: (row.declarations ?? {}) as Record<string, boolean>,
  };
}
export type ApplicantApplication = NonNullable<ReturnType<typeof getApplicationForApplicant>>;

export function isEditable(application: { state: string; edition: { deadlineAt: Date } }, now = new Date()): boolean {
  return (EDITABLE_STATES as readonly string[]).includes(application.state) && beforeDeadline(application.edition, now);
}

/** Whether the applicant may still withdraw the application (withdrawApplication says why not). */
export function isWithdrawable(application: { state: string; edition: { deadlineAt: Date } }, now = new Date()) {
  return (
    (WITHDRAWABLE_STATES as readonly string[]).includes(application.state) && beforeDeadline(application.edition, now)
  );
}

/** Why an application cannot be changed now, as a catalogue key, or null when it can. */
export function editBlocker(
  application: { state: string; edition: { deadlineAt: Date } },
  now = new Date(),
): string | null {
  if (!(EDITABLE_STATES as readonly string[]).includes(application.state)) return "errors.application_not_editable";
  if (!beforeDeadline(application.edition, now)) return "errors.deadline_passed";
  return null;
}

export function listEligibilityRules({ editionId }: { editionId: string }) {
  return editionRules(editionId);
}

/**
 * Saves one section's fields (already validated) with an optimistic version: the row changes
 * only if nobody saved since `version` was read, else 'errors.version_conflict' and nothing is
 * written. `complete` marks the section completed; a plain save marks it in progress again.
 */
export function saveSection({
  applicationId,
  applicantId,
  section,
  values,
  version,
  complete = false,
  language,
}: {
  applicationId: string;
  applicantId: string;
  section: SectionKey;
  values: Record<string, string>;
  version: number;
  complete?: boolean;
  /** The language of the application, asked on the background section. */
  language?: "en" | "fr";
}): { ok: true; version: number } | Failure {
  const application = getApplicationForApplicant({ applicationId, applicantId });
  if (!application) return { ok: false, error: "errors.not_found" };
  const blocker = editBlocker(application);
  if (blocker) return { ok: false, error: blocker };
  if (application.version !== version) return { ok: false, error: "errors.version_conflict" };
  const content = application.content;
  content.sections[section] = values;
  content.completed = complete
    ? [...new Set([...content.completed, section])]
    : content.completed.filter((k) => k !== section);
  const mirror: Partial<typeof applications.$inferInsert> = {};
  if (section === "background") {
    mirror.title = (values.title ?? "").slice(0, 500);
    mirror.organisation = (values.organisation ?? "").slice(0, 500);
    mirror.country = values.country || null;
  }
  if (section === "contact") mirror.contactEmail = values.contactEmail || null;
  if (language) mirror.language = language;
  const result = db()
    .update(applications)
    .set({
      ...mirror,
      content: content as unknown as Record<string, unknown>,
      version: version + 1,
      updatedAt: new Date(),
    })
    .where(
      and(
        own(applicationId, applicantId),
        eq(applications.version, version),
        inArray(applications.state, [...EDITABLE_STATES]),
      ),
    )
    .run();
  if (result.changes !== 1) return { ok: false, error: "errors.version_conflict" };
  return { ok: true, version: version + 1 };
}

/** Records the applicant's self-declarations: { ruleKey: true } for each rule of the edition they tick. */
export function saveDeclarations({
  applicationId,
  applicantId,
  declared,
  version,
}: {
  applicationId: string;
  applicantId: string;
  declared: string[];
  version: number;
}): { ok: true; version: number } | Failure {
  const application = getApplicationForApplicant({ applicationId, applicantId });
  if (!application) return { ok: false, error: "errors.not_found" };
  const blocker = editBlocker(application);
  if (blocker) return { ok: false, error: blocker };
  const rules = listEligibilityRules({ editionId: application.editionId }).map((r) => r.key);
  if (declared.some((key) => !rules.includes(key))) return { ok: false, error: "errors.declaration_unknown" };
  const declarations = Object.fromEntries(rules.filter((key) => declared.includes(key)).map((key) => [key, true]));
  const result = db()
    .update(applications)
    .set({ declarations, version: version + 1, updatedAt: new Date() })
    .where(and(own(applicationId, applicantId), eq(applications.version, version)))
    .run();
  if (result.changes !== 1) return { ok: false, error: "errors.version_conflict" };
  return { ok: true, version: version + 1 };
}

/** What still prevents sending: sections not completed and rules not declared. */
export function missingForSend(application: ApplicantApplication, ruleKeys: string[]) {
  return {
    sections: SECTION_KEYS.filter((key) => !application.content.completed.includes(key)),
    declarations: ruleKeys.filter((key) => application.declarations[key] !== true),
  };
}

/** Nominating entities the applicant can choose: National Commissions (by country) and NGOs. */
export function listNominatingEntities() {
  return db().select(entityNaming).from(nominatingEntities).orderBy(asc(nominatingEntities.name)).all();
}

export type SendFailure = Failure & { missing?: { sections: SectionKey[]; declarations: string[] } };

/**
 * Sends the application to a nominating entity (draft or returned → awaiting_nominator) in one
 * transaction: state, audit, receipt to the applicant, message to each member of the entity.
 */
export function sendToEntity({
  applicationId,
  applicantId,
  editionId,
  entityId,
  kind,
  version,
  now = new Date(),
  origin = siteOrigin(),
}: {
  applicationId: string;
  applicantId: string;
  editionId: string;
  entityId: string;
  /** The site's origin, for the link in the entity's e-mail. */
  origin?: string;
  /** The kind of entity the applicant chose (the form's list it picked from): the entity must be one. */
  kind?: (typeof nominatingEntities.$inferSelect)["kind"];
  version: number;
  now?: Date;
}): { ok: true; reference: string } | SendFailure {
  const application = getApplicationForApplicant({ applicationId, applicantId });
  if (!application) return { ok: false, error: "errors.not_found" };
  if (application.editionId !== editionId)
    return { ok: false, error: "errors.application_edition_mismatch", field: "form" };
  if (!(SENDABLE_STATES as readonly string[]).includes(application.state))
    return { ok: false, error: "errors.application_not_editable", field: "form" };
  if (!callIsOpen(application.edition, now)) return { ok: false, error: "errors.deadline_passed", field: "form" };
  const entity = db()
    .select({ id: nominatingEntities.id, name: nominatingEntities.name, kind: nominatingEntities.kind })
    .from(nominatingEntities)
    .where(eq(nominatingEntities.id, entityId))
    .get();
  if (!entity || (kind !== undefined && entity.kind !== kind))
    return { ok: false, error: "errors.entity_unknown", field: "entity" };
  const missing = missingForSend(
    application,
    listEligibilityRules({ editionId }).map((r) => r.key),
  );
  if (missing.sections.length > 0 || missing.declarations.length > 0)
    return { ok: false, error: "errors.application_incomplete", field: "form", missing };
  if (application.version !== version) return { ok: false, error: "errors.version_conflict", field: "form" };

  const applicant = db()
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, applicantId))
    .get()!;
  const members = entityMembersToTell(entity.id);
  // The UNESCO deadline binds the entity; its internal deadline is the one it gives candidates.
  const decideBy = application.edition.deadlineAt;
  const resent = application.state === "returned";
  const ok = db().transaction((tx) => {
    const sent = changeOwn(
      tx,
      { applicationId, applicantId, from: SENDABLE_STATES, version },
      { state: "awaiting_nominator", entityId: entity.id, sentAt: now, version: version + 1, updatedAt: now },
      {
        action: resent ? "application.resent" : "application.sent",
        details: {
          from: application.state,
          to: "awaiting_nominator",
          entityId: entity.id,
          reference: application.reference,
        },
      },
    );
    if (!sent) return false;
    const vars = { reference: application.reference, title: application.title, entity: entity.name };
    enqueueMail(
      {
        to: applicant.email,
        locale: applicant.locale,
        template: "application_receipt",
        vars: { ...vars, name: applicant.name },
      },
      tx,
    );
    for (const member of members) {
      enqueueMail(
        {
          to: member.email,
          locale: member.locale,
          template: "application_received",
          vars: {
            ...vars,
            name: member.name,
            applicant: applicant.name,
            decide: decideSentence(member.locale, decideBy),
            link: `${origin}/nominations/${applicationId}`,
          },
        },
        tx,
      );
    }
    return true;
  });
  if (!ok) return { ok: false, error: "errors.version_conflict", field: "form" };
  return { ok: true, reference: application.reference };
}

/** "Sign in to read it and decide before …", naming the UNESCO deadline in the member's language, Paris time. */
function decideSentence(locale: string, deadline: Date): string {
  const lang = isLocale(locale) ? locale : "en";
  return translate(
    catalogues[lang],
    "applications.mail_decide_unesco",
    { deadline: formatDateTime(deadline, lang) },
    lang,
  );
}

/** The active members of a nominating entity, with the entity's name, to e-mail. */
export function entityMembersToTell(entityId: string, tx: Tx | ReturnType<typeof db> = db()) {
  return tx
    .select({ email: users.email, name: users.name, locale: users.locale, entity: nominatingEntities.name })
    .from(entityMembers)
    .innerJoin(users, eq(users.id, entityMembers.userId))
    .innerJoin(nominatingEntities, eq(nominatingEntities.id, entityMembers.entityId))
    .where(and(eq(entityMembers.entityId, entityId), sql`${users.disabledAt} is null`))
    .all();
}

/**
 * The applicant withdraws (draft, awaiting nominator or returned), before the deadline; the entity's members are told.
 */
export function withdrawApplication({
  applicationId,
  applicantId,
  now = new Date(),
}: {
  applicationId: string;
  applicantId: string;
  now?: Date;
}): { ok: true } | Failure {
  const application = getApplicationForApplicant({ applicationId, applicantId });
  if (!application) return { ok: false, error: "errors.not_found" };
  if (!(WITHDRAWABLE_STATES as readonly string[]).includes(application.state))
    return { ok: false, error: "errors.application_not_withdrawable", field: "confirm" };
  if (!beforeDeadline(application.edition, now))
    return { ok: false, error: "errors.deadline_passed", field: "confirm" };
  // The entity it was sent to stops waiting on it: its members are told, as they were told it came.
  const members =
    application.entityId && application.state !== "draft" ? entityMembersToTell(application.entityId) : [];
  const applicant = db()
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, applicantId))
    .get()!;
  const ok = db().transaction((tx) => {
    const withdrawn = changeOwn(
      tx,
      { applicationId, applicantId, from: WITHDRAWABLE_STATES },
      { state: "withdrawn", withdrawnAt: now, version: application.version + 1, updatedAt: now },
      {
        action: "application.withdrawn",
        details: { from: application.state, to: "withdrawn", reference: application.reference },
      },
    );
    if (!withdrawn) return false;
    // The applicant's own record of it, as a sending gets its receipt (a draft was never sent).
    if (application.state !== "draft")
      enqueueMail(
        {
          to: applicant.email,
          locale: applicant.locale,
          template: "application_withdrawn_receipt",
          vars: { name: applicant.name, title: application.title, reference: application.reference },
        },
        tx,
      );
    for (const member of members) {
      enqueueMail(
        {
          to: member.email,
          locale: member.locale,
          template: "application_withdrawn",
          vars: {
            name: member.name,
            applicant: applicant.name,
            reference: application.reference,
            title: application.title,
            entity: member.entity,
          },
        },
        tx,
      );
    }
    return true;
  });
  if (!ok) return { ok: false, error: "errors.application_not_withdrawable", field: "confirm" };
  return { ok: true };
}
