// The jury at work: conflicts of interest, the assignment of applications to jurors, reviews
// (scores), progress and reminders. Every query is scoped inside itself: a juror's functions
// take the signed-in user's id and only ever reach that user's own, published, unconflicted
// reviews; the secretariat's take the edition id. Every state change is audited in its own
// synchronous transaction, and e-mails are queued in that same transaction.
import { and, asc, eq, inArray, isNotNull, isNull, ne, notInArray, sql } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import {
  applications,
  assignments,
  attachments,
  auditLog,
  conflicts,
  criteria,
  editions,
  juryMembers,
  nominatingEntities,
  nominationLetters,
  reviews,
  userRoles,
  users,
} from "../../../db/schema";
import type { CONFLICT_SOURCES } from "../../../db/enums";
import { assignJurors } from "../../../scoring";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { formatDateTime, isLocale, type Locale, localized, textsOf } from "../../kernel/i18n";
import { siteOrigin } from "../../kernel/server/site.server";
import { writeAudit } from "../../kernel/models/audit.server";
import { fail, type Failure } from "../../kernel/models/result.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { untilNextWrite } from "../../kernel/server/memo.server";

const DAY = 864e5;

// ---------------------------------------------------------------------------------- editions

const editionColumns = {
  id: editions.id,
  year: editions.year,
  themeEn: editions.themeEn,
  themeFr: editions.themeFr,
  themeAr: editions.themeAr,
  phase: editions.phase,
  scoringOpensAt: editions.scoringOpensAt,
  scoringClosesAt: editions.scoringClosesAt,
  announcementAt: editions.announcementAt,
  scaleMin: editions.scaleMin,
  scaleMax: editions.scaleMax,
  reviewersPerApplication: editions.reviewersPerApplication,
  hideScoresUntilSubmitted: editions.hideScoresUntilSubmitted,
  reminderDaysBefore: editions.reminderDaysBefore,
};

export function getJuryEdition({ editionId }: { editionId: string }) {
  return db().select(editionColumns).from(editions).where(eq(editions.id, editionId)).get() ?? null;
}

export type JuryEdition = NonNullable<ReturnType<typeof getJuryEdition>>;

/** Reviews can be written while the edition is in its scoring phase and scoring has not closed. */
export function scoringOpen(edition: Pick<JuryEdition, "phase" | "scoringClosesAt">, now = new Date()): boolean {
  return edition.phase === "scoring" && now.getTime() <= edition.scoringClosesAt.getTime();
}

export function editionTheme(edition: Pick<JuryEdition, "themeEn" | "themeFr" | "themeAr">, locale: string): string {
  return localized(locale, textsOf(edition, "theme"));
}

// ---------------------------------------------------------------------------------- jury

export function listJury({ editionId }: { editionId: string }) {
  return db()
    .select({
      id: juryMembers.id,
      userId: juryMembers.userId,
      name: users.name,
      email: users.email,
      locale: users.locale,
      isChair: juryMembers.isChair,
      country: juryMembers.country,
      languages: juryMembers.languages,
      expertise: juryMembers.expertise,
      conflictsDeclaredAt: juryMembers.conflictsDeclaredAt,
      replacedAt: juryMembers.replacedAt,
    })
    .from(juryMembers)
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .where(eq(juryMembers.editionId, editionId))
    .orderBy(asc(users.name))
    .all();
}

function activeJurors(editionId: string, tx: Tx | DB = db()) {
  return tx
    .select({ id: juryMembers.id, name: users.name, email: users.email, locale: users.locale, country: juryMembers.country, languages: juryMembers.languages, expertise: juryMembers.expertise })
    .from(juryMembers)
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .where(and(eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt)))
    .orderBy(asc(users.name))
    .all();
}

/** The signed-in user's active membership of an edition's jury, or null. */
export function getMembership({ userId, editionId }: { userId: string; editionId: string }) {
  return (
    db()
      .select({ id: juryMembers.id, isChair: juryMembers.isChair, conflictsDeclaredAt: juryMembers.conflictsDeclaredAt })
      .from(juryMembers)
      .where(and(eq(juryMembers.userId, userId), eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt)))
      .get() ?? null
  );
}

export function updateJuror(input: { editionId: string; actorId: string; memberId: string; country: string | null; languages: string[]; expertise: string[]; isChair: boolean }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const member = tx.select({ id: juryMembers.id }).from(juryMembers).where(and(eq(juryMembers.id, input.memberId), eq(juryMembers.editionId, input.editionId), isNull(juryMembers.replacedAt))).get();
    if (!member) return fail("memberId", "errors.jury_juror_unknown");
    tx.update(juryMembers).set({ country: input.country, languages: input.languages, expertise: input.expertise, isChair: input.isChair }).where(eq(juryMembers.id, member.id)).run();
    writeAudit({ actorId: input.actorId, action: "jury.member_updated", objectType: "jury_member", objectId: member.id, details: { editionId: input.editionId, country: input.country, languages: input.languages, expertise: input.expertise, isChair: input.isChair } }, tx);
    return { ok: true as const };
  });
}

/**
 * Marks a juror replaced: they leave the jury, and their assignments whose review is not
 * submitted are removed (a submitted review stays, it was made in good faith). The caller then
 * invites the replacement through the invitation flow.
 */
export function replaceJuror({ editionId, actorId, memberId }: { editionId: string; actorId: string; memberId: string }): { ok: true; removed: number } | Failure {
  return db().transaction((tx) => {
    const member = tx.select({ id: juryMembers.id }).from(juryMembers).where(and(eq(juryMembers.id, memberId), eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt))).get();
    if (!member) return fail("memberId", "errors.jury_juror_unknown");
    const submitted = tx.select({ assignmentId: reviews.assignmentId }).from(reviews).where(and(eq(reviews.jurorId, member.id), eq(reviews.state, "submitted"))).all().map((r) => r.assignmentId);
    const doomed = tx
      .select({ id: assignments.id, applicationId: assignments.applicationId })
      .from(assignments)
      .where(and(eq(assignments.jurorId, member.id), submitted.length ? notInArray(assignments.id, submitted) : undefined))
      .all();
    for (const a of doomed) {
      tx.delete(assignments).where(eq(assignments.id, a.id)).run();
      writeAudit({ actorId, action: "assignment.removed", objectType: "assignment", objectId: a.id, details: { editionId, jurorId: member.id, applicationId: a.applicationId, reason: "juror_replaced" } }, tx);
    }
    tx.update(juryMembers).set({ replacedAt: new Date() }).where(eq(juryMembers.id, member.id)).run();
    writeAudit({ actorId, action: "jury.member_replaced", objectType: "jury_member", objectId: member.id, details: { editionId, assignmentsRemoved: doomed.length } }, tx);
    return { ok: true as const, removed: doomed.length };
  });
}

// ---------------------------------------------------------------------------------- conflicts

/** Applications in the jury's scope: those found eligible at screening (without their content, which is heavy). */
function eligibleApplications(editionId: string, tx: Tx | DB = db()) {
  return tx
    .select({
      id: applications.id,
      reference: applications.reference,
      title: applications.title,
      organisation: applications.organisation,
      country: applications.country,
      language: applications.language,
      contactEmail: applications.contactEmail,
      entityCountry: nominatingEntities.country,
    })
    .from(applications)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(and(eq(applications.editionId, editionId), eq(applications.state, "eligible")))
    .orderBy(asc(applications.title), asc(applications.reference))
    .all();
}

/** The eligible applications with their nominated content, for the expertise affinity of a run. */
function eligibleApplicationsWithContent(editionId: string, tx: Tx | DB = db()) {
  return tx
    .select({
      id: applications.id,
      title: applications.title,
      organisation: applications.organisation,
      language: applications.language,
      nominatedContent: applications.nominatedContent,
    })
    .from(applications)
    .where(and(eq(applications.editionId, editionId), eq(applications.state, "eligible")))
    .orderBy(asc(applications.title), asc(applications.reference))
    .all();
}

/** Rows per page in the secretariat's long jury tables. */
export const JURY_PAGE_SIZE = 50;
/** Up to this many eligible applications, forms offer them in a list; beyond, by reference number. */
export const APPLICATION_SELECT_LIMIT = 200;

const pagesOf = (total: number) => Math.max(1, Math.ceil(total / JURY_PAGE_SIZE));
const offsetOf = (page: number) => (Math.max(1, page) - 1) * JURY_PAGE_SIZE;

export function countEligible({ editionId }: { editionId: string }): number {
  return db()
    .select({ n: sql<number>`count(*)` })
    .from(applications)
    .where(and(eq(applications.editionId, editionId), eq(applications.state, "eligible")))
    .get()!.n;
}

/**
 * How a form lets the secretariat name an application: the list of eligible applications when
 * there are few, or null when there are too many for a list (the form then asks for a reference).
 */
export function applicationOptions({ editionId }: { editionId: string }): { value: string; label: string }[] | null {
  const where = and(eq(applications.editionId, editionId), eq(applications.state, "eligible"));
  if (countEligible({ editionId }) > APPLICATION_SELECT_LIMIT) return null;
  return db().select({ value: applications.id, label: applications.title }).from(applications).where(where).orderBy(asc(applications.title), asc(applications.reference)).all();
}

/**
 * The application a form names, by id (from a list) or by reference number (typed): its id, or
 * a failure on the field used. A reference is matched as typed or in capitals.
 */
export function resolveApplication({ editionId, applicationId, reference }: { editionId: string; applicationId?: string; reference?: string }): { ok: true; id: string } | Failure {
  if (reference === undefined) return applicationId ? { ok: true, id: applicationId } : fail("applicationId", "errors.required");
  const typed = reference.trim();
  if (!typed) return fail("reference", "errors.required");
  const app = db()
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.editionId, editionId), eq(applications.state, "eligible"), inArray(applications.reference, [...new Set([typed, typed.toUpperCase()])])))
    .get();
  return app ? { ok: true, id: app.id } : fail("reference", "errors.jury_reference_unknown", { reference: typed });
}

/** What a juror sees before declaring conflicts: title, organisation and country only. */
export function listApplicationsForDeclaration({ editionId, userId }: { editionId: string; userId: string }) {
  const member = getMembership({ userId, editionId });
  if (!member) return null;
  const declared = db()
    .select({ applicationId: conflicts.applicationId, reason: conflicts.reason })
    .from(conflicts)
    .where(and(eq(conflicts.jurorId, member.id), eq(conflicts.source, "declared")))
    .all();
  const reasons = new Map(declared.map((d) => [d.applicationId, d.reason]));
  return {
    member,
    applications: eligibleApplications(editionId).map((a) => ({ id: a.id, title: a.title, organisation: a.organisation, country: a.country, conflict: reasons.get(a.id) ?? null })),
  };
}

/** A conflict counts once confirmed; a dismissed proposal never does. */
const confirmed = eq(conflicts.status, "confirmed");
/** Proposed or confirmed: what the assignment must avoid and what a juror's views leave out. */
const standing = ne(conflicts.status, "dismissed");

type ConflictSource = (typeof CONFLICT_SOURCES)[number];

/**
 * A confirmed conflict on an assigned pair: the review (whatever its state) no longer counts.
 * The audit row keeps what the review was (state, version, scores, which comments were written)
 * so that recusing a submitted review loses nothing; with an `origin` the juror is told by e-mail.
 */
function recuseReviewsFor(tx: Tx, { jurorId, applicationId, reason, actorId, origin }: { jurorId: string; applicationId: string; reason: string; actorId: string | null; origin?: string }) {
  const open = tx
    .select({ id: reviews.id, state: reviews.state, version: reviews.version, scores: reviews.scores, comments: reviews.comments, overallComment: reviews.overallComment, confidence: reviews.confidence, submittedAt: reviews.submittedAt })
    .from(reviews)
    .where(and(eq(reviews.jurorId, jurorId), eq(reviews.applicationId, applicationId), ne(reviews.state, "recused")))
    .all();
  const now = new Date();
  for (const r of open) {
    tx.update(reviews).set({ state: "recused", recusedAt: now, recuseReason: reason, updatedAt: now, version: sql`${reviews.version} + 1` }).where(eq(reviews.id, r.id)).run();
    writeAudit(
      {
        actorId,
        action: "review.recused",
        objectType: "review",
        objectId: r.id,
        details: {
          jurorId,
          applicationId,
          reason,
          before: {
            state: r.state,
            version: r.version,
            scores: r.scores,
            commentsWritten: Object.keys(r.comments).filter((k) => r.comments[k]?.trim()),
            overallComment: r.overallComment.trim() !== "",
            confidence: r.confidence,
            submittedAt: r.submittedAt?.toISOString() ?? null,
          },
        },
      },
      tx
    );
  }
  if (open.length > 0 && origin) {
    const juror = tx.select({ name: users.name, email: users.email, locale: users.locale }).from(juryMembers).innerJoin(users, eq(users.id, juryMembers.userId)).where(eq(juryMembers.id, jurorId)).get();
    const app = tx.select({ title: applications.title, reference: applications.reference }).from(applications).where(eq(applications.id, applicationId)).get();
    if (juror && app) enqueueMail({ to: juror.email, locale: juror.locale, template: "jury_conflict_confirmed", vars: { name: juror.name, title: app.title, reference: app.reference, link: `${origin}/jury` } }, tx);
  }
  return open.length;
}

/**
 * Records a conflict. Declared and manual ones are confirmed at once and recuse the pair's
 * review; a detected one is only a proposal (nothing else changes until it is confirmed).
 */
function insertConflict(tx: Tx, c: { editionId: string; jurorId: string; applicationId: string; source: ConflictSource; reason: string; createdBy: string | null; status?: "proposed" | "confirmed"; origin?: string }): string | null {
  const status = c.status ?? "confirmed";
  const now = new Date();
  const row = tx
    .insert(conflicts)
    .values({ editionId: c.editionId, jurorId: c.jurorId, applicationId: c.applicationId, source: c.source, reason: c.reason, createdBy: c.createdBy, createdAt: now, status, confirmedBy: status === "confirmed" ? c.createdBy : null, confirmedAt: status === "confirmed" ? now : null })
    .onConflictDoNothing()
    .returning({ id: conflicts.id })
    .get();
  if (!row) return null;
  writeAudit({ actorId: c.createdBy, action: status === "proposed" ? "conflict.proposed" : "conflict.created", objectType: "conflict", objectId: row.id, details: { editionId: c.editionId, jurorId: c.jurorId, applicationId: c.applicationId, source: c.source, reason: c.reason, status } }, tx);
  if (status === "confirmed") recuseReviewsFor(tx, { jurorId: c.jurorId, applicationId: c.applicationId, reason: c.reason || c.source, actorId: c.createdBy, origin: c.origin });
  return row.id;
}

export function declareConflict({ editionId, userId, applicationId, reason }: { editionId: string; userId: string; applicationId: string; reason: string }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const member = tx.select({ id: juryMembers.id }).from(juryMembers).where(and(eq(juryMembers.userId, userId), eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt))).get();
    if (!member) return fail("applicationId", "errors.jury_application_unknown");
    const app = tx.select({ id: applications.id }).from(applications).where(and(eq(applications.id, applicationId), eq(applications.editionId, editionId), eq(applications.state, "eligible"))).get();
    if (!app) return fail("applicationId", "errors.jury_application_unknown");
    insertConflict(tx, { editionId, jurorId: member.id, applicationId: app.id, source: "declared", reason: reason.trim(), createdBy: userId });
    return { ok: true as const };
  });
}

/**
 * The juror takes back a conflict they declared (a mistake, a link that has ended), only while
 * no assignment of the edition is published: after that, assignments and recusals rest on it.
 * The register row goes; the audit log keeps both the declaration and its withdrawal.
 */
export function withdrawDeclaredConflict({ editionId, userId, applicationId }: { editionId: string; userId: string; applicationId: string }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const member = tx.select({ id: juryMembers.id }).from(juryMembers).where(and(eq(juryMembers.userId, userId), eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt))).get();
    if (!member) return fail("applicationId", "errors.jury_application_unknown");
    const conflict = tx
      .select({ id: conflicts.id, reason: conflicts.reason })
      .from(conflicts)
      .where(and(eq(conflicts.jurorId, member.id), eq(conflicts.applicationId, applicationId), eq(conflicts.source, "declared")))
      .get();
    if (!conflict) return fail("applicationId", "errors.jury_conflict_unknown");
    if (assignmentsPublished(tx, editionId)) return fail("confirm", "errors.jury_conflict_locked");
    tx.delete(conflicts).where(eq(conflicts.id, conflict.id)).run();
    writeAudit({ actorId: userId, action: "conflict.withdrawn", objectType: "conflict", objectId: conflict.id, details: { editionId, jurorId: member.id, applicationId, source: "declared", reason: conflict.reason } }, tx);
    return { ok: true as const };
  });
}

function assignmentsPublished(tx: Tx | DB, editionId: string): boolean {
  return Boolean(tx.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.editionId, editionId), isNotNull(assignments.publishedAt))).limit(1).get());
}

/** Whether jurors may still take back a declared conflict (no assignment published yet). */
export function declaredConflictsOpen({ editionId }: { editionId: string }): boolean {
  return !assignmentsPublished(db(), editionId);
}

/** The juror states that, apart from those declared, they have no conflict. */
export function confirmDeclarations({ editionId, userId }: { editionId: string; userId: string }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const member = tx.select({ id: juryMembers.id }).from(juryMembers).where(and(eq(juryMembers.userId, userId), eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt))).get();
    if (!member) return fail("confirm", "errors.jury_juror_unknown");
    tx.update(juryMembers).set({ conflictsDeclaredAt: new Date() }).where(eq(juryMembers.id, member.id)).run();
    writeAudit({ actorId: userId, action: "jury.conflicts_declared", objectType: "jury_member", objectId: member.id, details: { editionId } }, tx);
    return { ok: true as const };
  });
}

/** Public webmail domains say nothing about an organisation. */
export const PUBLIC_MAIL_DOMAINS = new Set(["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "yahoo.fr", "hotmail.fr", "icloud.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "mail.ru", "yandex.ru", "qq.com", "163.com"]);
/** The demo's placeholder domain (db/seed/demo.ts), shared by its accounts as webmail would be. */
export const DEMO_MAIL_DOMAIN = "demo.prize.test";
// Names reserved for documentation (RFC 2606) stand for no organisation in particular.
const RESERVED_DOMAIN = /(^|\.)(example|invalid|localhost)$|^example\.(com|net|org)$/;

export function organisationDomain(email: string | null | undefined): string | null {
  const domain = email?.split("@")[1]?.trim().toLowerCase();
  if (!domain || domain === DEMO_MAIL_DOMAIN || PUBLIC_MAIL_DOMAINS.has(domain) || RESERVED_DOMAIN.test(domain)) return null;
  return domain;
}

type Candidate = { jurorId: string; applicationId: string; source: "same_country" | "same_organisation"; reason: string };

/**
 * What automatic detection finds and the register does not hold yet, in any status (a dismissed
 * proposal is never proposed again): the juror's country is the project's or the nominating
 * entity's, or the juror's e-mail domain is the applicant contact's (the model has no
 * organisation for jurors; public webmail and reserved domains are ignored). Reads only.
 */
function conflictCandidates(tx: Tx | DB, editionId: string): Candidate[] {
  const jurors = activeJurors(editionId, tx);
  const apps = eligibleApplications(editionId, tx);
  // Indexed once by country and by domain: a pass over every juror and application was
  // seconds at 10,000 applications.
  const byCountry = new Map<string, string[]>();
  const byDomain = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const a of apps) {
    for (const country of new Set([a.country, a.entityCountry])) if (country) push(byCountry, country, a.id);
    const domain = organisationDomain(a.contactEmail);
    if (domain) push(byDomain, domain, a.id);
  }
  const known = new Set(
    tx
      .select({ j: conflicts.jurorId, a: conflicts.applicationId, s: conflicts.source })
      .from(conflicts)
      .where(and(eq(conflicts.editionId, editionId), inArray(conflicts.source, ["same_country", "same_organisation"])))
      .all()
      .map((c) => `${c.j}:${c.a}:${c.s}`)
  );
  const found: Candidate[] = [];
  for (const j of jurors) {
    if (j.country) for (const id of byCountry.get(j.country) ?? []) if (!known.has(`${j.id}:${id}:same_country`)) found.push({ jurorId: j.id, applicationId: id, source: "same_country", reason: j.country });
    const domain = organisationDomain(j.email);
    if (domain) for (const id of byDomain.get(domain) ?? []) if (!known.has(`${j.id}:${id}:same_organisation`)) found.push({ jurorId: j.id, applicationId: id, source: "same_organisation", reason: domain });
  }
  return found;
}

/**
 * Automatic detection, on the secretariat's explicit request (a POST, never on opening a page):
 * what it finds is recorded as proposals, which change no assignment and no review until the
 * secretariat confirms them one by one. Idempotent. Returns how many proposals were added.
 */
export function detectConflicts({ editionId, actorId }: { editionId: string; actorId: string | null }): number {
  return db().transaction((tx) => {
    let added = 0;
    for (const c of conflictCandidates(tx, editionId)) if (insertConflict(tx, { editionId, ...c, createdBy: actorId, status: "proposed" })) added++;
    return added;
  });
}

/** How many proposals of the edition wait for the secretariat's decision. */
export function pendingProposals({ editionId }: { editionId: string }): number {
  return db()
    .select({ n: sql<number>`count(*)` })
    .from(conflicts)
    .where(and(eq(conflicts.editionId, editionId), eq(conflicts.status, "proposed")))
    .get()!.n;
}

/** The pair's review that a confirmation would recuse (not recused yet), if any. */
function openReviewOf(tx: Tx | DB, jurorId: string, applicationId: string) {
  return tx.select({ id: reviews.id, state: reviews.state, scores: reviews.scores, submittedAt: reviews.submittedAt }).from(reviews).where(and(eq(reviews.jurorId, jurorId), eq(reviews.applicationId, applicationId), ne(reviews.state, "recused"))).get() ?? null;
}

/**
 * One conflict of the edition as the confirmation step shows it: the juror, the application
 * and, when confirming would recuse a review, that review (state, submitted on, total score).
 */
export function conflictForDecision({ editionId, conflictId }: { editionId: string; conflictId: string }) {
  const c = db()
    .select({ id: conflicts.id, status: conflicts.status, source: conflicts.source, reason: conflicts.reason, jurorId: conflicts.jurorId, applicationId: conflicts.applicationId, jurorName: users.name, title: applications.title, reference: applications.reference })
    .from(conflicts)
    .innerJoin(juryMembers, eq(juryMembers.id, conflicts.jurorId))
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .innerJoin(applications, eq(applications.id, conflicts.applicationId))
    .where(and(eq(conflicts.id, conflictId), eq(conflicts.editionId, editionId)))
    .get();
  if (!c) return null;
  const review = openReviewOf(db(), c.jurorId, c.applicationId);
  const edition = db().select({ scaleMax: editions.scaleMax }).from(editions).where(eq(editions.id, editionId)).get()!;
  const criteriaCount = db().select({ n: sql<number>`count(*)` }).from(criteria).where(eq(criteria.editionId, editionId)).get()!.n;
  return {
    id: c.id,
    status: c.status,
    source: c.source,
    reason: c.reason,
    jurorName: c.jurorName,
    title: c.title,
    reference: c.reference,
    review: review ? { state: review.state, submittedAt: review.submittedAt, total: Object.values(review.scores).reduce((sum, v) => sum + v, 0), maxTotal: criteriaCount * edition.scaleMax } : null,
  };
}

/**
 * The secretariat confirms a proposal: the pair's review is recused (its juror told by e-mail,
 * its scores kept in the audit log). A submitted review is recused only when the secretariat
 * has acknowledged it on the confirmation step (`submittedReviewAcknowledged`).
 */
export function confirmConflict({ editionId, conflictId, actorId, origin, submittedReviewAcknowledged }: { editionId: string; conflictId: string; actorId: string; origin: string; submittedReviewAcknowledged: boolean }): { ok: true; recused: number } | Failure {
  return db().transaction((tx) => {
    const c = tx.select({ id: conflicts.id, status: conflicts.status, jurorId: conflicts.jurorId, applicationId: conflicts.applicationId, source: conflicts.source, reason: conflicts.reason }).from(conflicts).where(and(eq(conflicts.id, conflictId), eq(conflicts.editionId, editionId))).get();
    if (!c) return fail("conflictId", "errors.jury_conflict_unknown");
    if (c.status !== "proposed") return fail("conflictId", "errors.jury_conflict_decided");
    const review = openReviewOf(tx, c.jurorId, c.applicationId);
    if (review?.state === "submitted" && !submittedReviewAcknowledged) return fail("acknowledge", "errors.jury_conflict_submitted_confirm");
    return { ok: true as const, recused: confirmInTx(tx, { ...c, editionId, actorId, origin }) };
  });
}

function confirmInTx(tx: Tx, c: { id: string; jurorId: string; applicationId: string; source: string; reason: string; editionId: string; actorId: string; origin: string }): number {
  tx.update(conflicts).set({ status: "confirmed", confirmedBy: c.actorId, confirmedAt: new Date() }).where(and(eq(conflicts.id, c.id), eq(conflicts.status, "proposed"))).run();
  writeAudit({ actorId: c.actorId, action: "conflict.confirmed", objectType: "conflict", objectId: c.id, details: { editionId: c.editionId, jurorId: c.jurorId, applicationId: c.applicationId, source: c.source, reason: c.reason } }, tx);
  return recuseReviewsFor(tx, { jurorId: c.jurorId, applicationId: c.applicationId, reason: c.reason || c.source, actorId: c.actorId, origin: c.origin });
}

/**
 * Confirms, in one transaction, every proposal that touches no submitted review (those need
 * their own confirmation step). Returns how many were confirmed and how many were left.
 */
export function confirmProposalsWithoutSubmittedReview({ editionId, actorId, origin }: { editionId: string; actorId: string; origin: string }): { ok: true; confirmed: number; left: number } {
  return db().transaction((tx) => {
    const proposed = tx.select({ id: conflicts.id, jurorId: conflicts.jurorId, applicationId: conflicts.applicationId, source: conflicts.source, reason: conflicts.reason }).from(conflicts).where(and(eq(conflicts.editionId, editionId), eq(conflicts.status, "proposed"))).all();
    let confirmedCount = 0;
    for (const c of proposed) {
      if (openReviewOf(tx, c.jurorId, c.applicationId)?.state === "submitted") continue;
      confirmInTx(tx, { ...c, editionId, actorId, origin });
      confirmedCount++;
    }
    return { ok: true as const, confirmed: confirmedCount, left: proposed.length - confirmedCount };
  });
}

/** The secretariat dismisses a proposal: it stays in the register and is not proposed again. */
export function dismissConflict({ editionId, conflictId, actorId }: { editionId: string; conflictId: string; actorId: string }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const c = tx.select({ id: conflicts.id, status: conflicts.status, jurorId: conflicts.jurorId, applicationId: conflicts.applicationId, source: conflicts.source, reason: conflicts.reason }).from(conflicts).where(and(eq(conflicts.id, conflictId), eq(conflicts.editionId, editionId))).get();
    if (!c) return fail("conflictId", "errors.jury_conflict_unknown");
    if (c.status !== "proposed") return fail("conflictId", "errors.jury_conflict_decided");
    tx.update(conflicts).set({ status: "dismissed", dismissedBy: actorId, dismissedAt: new Date() }).where(eq(conflicts.id, c.id)).run();
    writeAudit({ actorId, action: "conflict.dismissed", objectType: "conflict", objectId: c.id, details: { editionId, jurorId: c.jurorId, applicationId: c.applicationId, source: c.source, reason: c.reason } }, tx);
    return { ok: true as const };
  });
}

/**
 * A conflict set by the secretariat is confirmed at once, unless the pair has a submitted
 * review: then it is recorded as a proposal and `confirmStep` names it, so that the
 * secretariat confirms on the step that shows what recusing that review means.
 */
export function addManualConflict({ editionId, actorId, memberId, applicationId, reason, origin }: { editionId: string; actorId: string; memberId: string; applicationId: string; reason: string; origin: string }): { ok: true; confirmStep: string | null } | Failure {
  return db().transaction((tx) => {
    const member = tx.select({ id: juryMembers.id }).from(juryMembers).where(and(eq(juryMembers.id, memberId), eq(juryMembers.editionId, editionId))).get();
    if (!member) return fail("memberId", "errors.jury_juror_unknown");
    const app = tx.select({ id: applications.id }).from(applications).where(and(eq(applications.id, applicationId), eq(applications.editionId, editionId), eq(applications.state, "eligible"))).get();
    if (!app) return fail("applicationId", "errors.jury_application_unknown");
    const submitted = openReviewOf(tx, member.id, app.id)?.state === "submitted";
    const id = insertConflict(tx, { editionId, jurorId: member.id, applicationId: app.id, source: "manual", reason: reason.trim(), createdBy: actorId, status: submitted ? "proposed" : "confirmed", origin });
    if (!id) return fail("applicationId", "errors.jury_conflict_exists");
    return { ok: true as const, confirmStep: submitted ? id : null };
  });
}

/** One page of the conflicts register (proposals first, then by juror and application), with the totals. */
export function listConflicts(args: { editionId: string; page?: number }) {
  return untilNextWrite(JSON.stringify(["listConflicts", args]), () => readConflicts(args));
}

function readConflicts({ editionId, page = 1 }: { editionId: string; page?: number }) {
  const counts = db()
    .select({ status: conflicts.status, n: sql<number>`count(*)` })
    .from(conflicts)
    .where(eq(conflicts.editionId, editionId))
    .groupBy(conflicts.status)
    .all();
  const countOf = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  // The state of the pair's review a confirmation would recuse: a submitted one needs its own step.
  const reviewState = sql<string | null>`(select ${reviews.state} from ${reviews} where ${reviews.jurorId} = ${conflicts.jurorId} and ${reviews.applicationId} = ${conflicts.applicationId} and ${reviews.state} <> 'recused')`;
  const proposedWithSubmitted = db()
    .select({ n: sql<number>`count(*)` })
    .from(conflicts)
    .where(and(eq(conflicts.editionId, editionId), eq(conflicts.status, "proposed"), sql`${reviewState} = 'submitted'`))
    .get()!.n;
  const rows = db()
    .select({
      id: conflicts.id,
      jurorId: conflicts.jurorId,
      jurorName: users.name,
      applicationId: conflicts.applicationId,
      title: applications.title,
      reference: applications.reference,
      source: conflicts.source,
      reason: conflicts.reason,
      status: conflicts.status,
      createdAt: conflicts.createdAt,
      reviewState,
    })
    .from(conflicts)
    .innerJoin(juryMembers, eq(juryMembers.id, conflicts.jurorId))
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .innerJoin(applications, eq(applications.id, conflicts.applicationId))
    .where(eq(conflicts.editionId, editionId))
    .orderBy(sql`${conflicts.status} <> 'proposed'`, asc(users.name), asc(applications.title), asc(conflicts.source))
    .limit(JURY_PAGE_SIZE)
    .offset(offsetOf(page))
    .all();
  return { rows, total, proposed: countOf("proposed"), proposedWithSubmitted, pages: pagesOf(total) };
}

function conflictPairs(editionId: string, tx: Tx | DB = db()): Set<string> {
  return new Set(tx.select({ j: conflicts.jurorId, a: conflicts.applicationId }).from(conflicts).where(and(eq(conflicts.editionId, editionId), standing)).all().map((c) => `${c.j}:${c.a}`));
}

// ---------------------------------------------------------------------------------- assignment

/** Everything a nominated application says, as one lower-case text (for affinity). */
function nominatedText(app: { title: string; organisation: string; nominatedContent: Record<string, unknown> | null }): string {
  const parts = [app.title, app.organisation];
  const sections = (app.nominatedContent as { sections?: Record<string, Record<string, string>> } | null)?.sections ?? {};
  for (const fields of Object.values(sections)) for (const v of Object.values(fields ?? {})) if (typeof v === "string") parts.push(v);
  return parts.join(" \n ").toLowerCase();
}

/**
 * Affinity of a juror for an application: the number of the juror's areas of expertise (tags
 * such as "teacher training" or "mobile learning") that appear, case-insensitively, in the
 * application's nominated text. Simple, explainable to the jury, and zero when nothing matches,
 * so the solver then only balances loads.
 */
export function expertiseAffinity(expertise: string[], text: string): number {
  return expertise.map((e) => e.trim().toLowerCase()).filter((e) => e.length > 1 && text.includes(e)).length;
}

export function defaultMaxLoad(applicationsCount: number, reviewers: number, jurorsCount: number): number {
  if (jurorsCount === 0) return 1;
  return Math.max(1, Math.ceil((applicationsCount * reviewers) / jurorsCount));
}

export type Explanation = { key: string; vars?: Record<string, string | number> }[];

/** Turns the solver's message into plain sentences (catalogue keys), naming applications by title. */
export function explainInfeasibility(message: string, names: { applications: Map<string, string>; jurors: Map<string, string> }): Explanation {
  const out: Explanation = [];
  const name = (id: string) => names.applications.get(id) ?? names.jurors.get(id) ?? id;
  let m: RegExpMatchArray | null;
  if (/at least one application is needed/.test(message)) return [{ key: "jury.infeasible.no_applications" }];
  if (/at least one juror is needed/.test(message)) return [{ key: "jury.infeasible.no_jurors" }];
  if ((m = message.match(/total demand of (\d+) reviews exceeds total juror capacity of (\d+)/))) {
    return [{ key: "jury.infeasible.capacity", vars: { demand: m[1], capacity: m[2] } }];
  }
  if (/fewer eligible jurors than they need/.test(message)) {
    for (const e of message.matchAll(/([\w-]+) \(needs (\d+), (\d+) eligible; (\d+) excluded by conflicts, (\d+) by language\)/g)) {
      out.push({ key: "jury.infeasible.short_application", vars: { title: name(e[1]), needs: e[2], eligible: e[3], conflicts: e[4], language: e[5] } });
    }
    if (out.length) return out;
  }
  if ((m = message.match(/minimum loads add up to (\d+), above the total demand of (\d+)/))) {
    return [{ key: "jury.infeasible.min_total", vars: { min: m[1], demand: m[2] } }];
  }
  if (/cannot reach their minimum load|below their minimum load/.test(message)) {
    for (const e of message.matchAll(/([\w-]+) \(minLoad (\d+)/g)) out.push({ key: "jury.infeasible.min_juror", vars: { name: name(e[1]), min: e[2] } });
    if (out.length) return out;
  }
  if ((m = message.match(/only (\d+) of (\d+) reviews can be placed/))) {
    out.push({ key: "jury.infeasible.placed", vars: { placed: m[1], demand: m[2] } });
    for (const e of message.matchAll(/([\w-]+) \(needs (\d+), got (\d+)\)/g)) out.push({ key: "jury.infeasible.left_short", vars: { title: name(e[1]), needs: e[2], got: e[3] } });
    return out;
  }
  return [{ key: "jury.infeasible.other" }];
}

/** How many pairs of jurors sharing applications the preview names; the rest are counted. */
export const TOP_PAIRS = 10;

/** The edition's jury, replaced members included (their submitted reviews still count). */
function juryNames(editionId: string) {
  return db()
    .select({
      id: juryMembers.id,
      name: users.name,
      active: sql<number>`${juryMembers.replacedAt} is null`,
    })
    .from(juryMembers)
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .where(eq(juryMembers.editionId, editionId))
    .orderBy(asc(users.name))
    .all();
}

/** The edition's eligible applications in title order, only what a table row shows. */
function applicationRows(editionId: string) {
  return db()
    .select({
      id: applications.id,
      title: applications.title,
      reference: applications.reference,
      language: applications.language,
    })
    .from(applications)
    .where(and(eq(applications.editionId, editionId), eq(applications.state, "eligible")))
    .orderBy(asc(applications.title), asc(applications.reference))
    .all();
}

/** The page asked for, within [1, pages]. */
const clampPage = (page: number, total: number) => Math.min(Math.max(1, page), pagesOf(total));

/**
 * The current assignment of an edition (published or not), as the preview shows it: each
 * juror's load, one page of the coverage (applications with fewer than `reviewers` jurors
 * first) with the totals, the pairs of jurors sharing most applications, and the withdrawals
 * to reassign. One pass over the assignments with maps: nothing grows with jurors ×
 * assignments, and only one page of rows leaves the server.
 */
export function assignmentOverview(args: { editionId: string; reviewers: number; page?: number }) {
  // Reading every assignment and review state costs ~100 ms at 10,000 applications: kept until the next write.
  return untilNextWrite(JSON.stringify(["assignmentOverview", args]), () => readAssignmentOverview(args));
}

function readAssignmentOverview({ editionId, reviewers, page = 1 }: { editionId: string; reviewers: number; page?: number }) {
  const jury = juryNames(editionId);
  const jurorName = new Map(jury.map((j) => [j.id, j.name]));
  const active = new Set(jury.filter((j) => j.active).map((j) => j.id));
  const rows = db()
    .select({
      jurorId: assignments.jurorId,
      applicationId: assignments.applicationId,
      unpublished: sql<number>`${assignments.publishedAt} is null`,
    })
    .from(assignments)
    .where(eq(assignments.editionId, editionId))
    .all();
  // Reviews exist only for published assignments; a recused one no longer counts.
  const recusedRows = db()
    .select({
      id: assignments.id,
      jurorId: assignments.jurorId,
      applicationId: assignments.applicationId,
    })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .where(and(eq(reviews.state, "recused"), eq(assignments.editionId, editionId)))
    .all();
  const recusedKeys = new Set(recusedRows.map((r) => `${r.jurorId}:${r.applicationId}`));
  const loadOf = new Map<string, number>();
  const jurorsOf = new Map<string, string[]>();
  let unpublished = 0;
  let assigned = 0;
  for (const r of rows) {
    if (r.unpublished) unpublished++;
    if (recusedKeys.has(`${r.jurorId}:${r.applicationId}`)) continue;
    assigned++;
    loadOf.set(r.jurorId, (loadOf.get(r.jurorId) ?? 0) + 1);
    const list = jurorsOf.get(r.applicationId);
    if (list) list.push(r.jurorId);
    else jurorsOf.set(r.applicationId, [r.jurorId]);
  }
  const loads = jury.filter((j) => j.active).map((j) => ({ id: j.id, name: j.name, load: loadOf.get(j.id) ?? 0 }));

  const apps = applicationRows(editionId);
  const count = (id: string) => jurorsOf.get(id)?.length ?? 0;
  // Stable: within the same number of jurors, title order stays.
  const ordered = apps.map((a, i) => ({ a, i, n: count(a.id) })).sort((x, y) => x.n - y.n || x.i - y.i);
  const covered = ordered.filter((o) => o.n >= reviewers).length;
  const current = clampPage(page, apps.length);
  const coverage = ordered.slice(offsetOf(current), offsetOf(current) + JURY_PAGE_SIZE).map(({ a }) => ({
    id: a.id,
    title: a.title,
    reference: a.reference,
    language: a.language,
    jurors: (jurorsOf.get(a.id) ?? []).map((id) => jurorName.get(id) ?? "—").sort((x, y) => x.localeCompare(y)),
  }));

  const shared = new Map<string, number>();
  for (const ids of jurorsOf.values()) {
    const present = ids.filter((id) => active.has(id)).sort();
    for (let i = 0; i < present.length; i++) for (let k = i + 1; k < present.length; k++) shared.set(`${present[i]}|${present[k]}`, (shared.get(`${present[i]}|${present[k]}`) ?? 0) + 1);
  }
  const pairs = [...shared.entries()]
    .map(([key, n]) => {
      const [x, y] = key.split("|");
      return { a: jurorName.get(x)!, b: jurorName.get(y)!, count: n };
    })
    .sort((p, q) => q.count - p.count || p.a.localeCompare(q.a) || p.b.localeCompare(q.b))
    .slice(0, TOP_PAIRS);

  const titleOf = new Map(apps.map((a) => [a.id, a.title]));
  const recused = recusedRows
    .map((r) => ({
      id: r.id,
      juror: jurorName.get(r.jurorId) ?? "—",
      title: titleOf.get(r.applicationId) ?? "—",
    }))
    .sort((x, y) => x.title.localeCompare(y.title) || x.juror.localeCompare(y.juror));
  return {
    jurors: loads.map((l) => ({ id: l.id, name: l.name })),
    applicationsCount: apps.length,
    assigned,
    loads,
    coverage,
    covered,
    underCovered: apps.length - covered,
    page: current,
    pages: pagesOf(apps.length),
    pairs,
    otherPairs: Math.max(0, shared.size - pairs.length),
    recused,
    unpublished,
  };
}

/** The assignment of an application to a juror, if there is one in this edition. */
export function findAssignment({ editionId, memberId, applicationId }: { editionId: string; memberId: string; applicationId: string }): { ok: true; id: string } | Failure {
  const row = db()
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.editionId, editionId), eq(assignments.jurorId, memberId), eq(assignments.applicationId, applicationId)))
    .get();
  return row ? { ok: true, id: row.id } : fail("fromMemberId", "errors.jury_assignment_none");
}

/**
 * Runs the optimal assignment and stores it as a draft (unpublished assignments), replacing any
 * earlier draft. Published assignments that still count are kept as fixed pairs, so a run
 * after a recusal only fills the gap.
 */
// A proposal not decided yet, or a conflict detection would find that is not in the register,
// refuses the run rather than being ignored or avoided silently: avoiding an unconfirmed
// proposal would keep a juror from an application on a guess, ignoring it would assign a
// likely conflict. The secretariat decides them on the conflicts page, then runs again.
// Checking costs one read-only detection pass; nothing is written when the run is refused.
export function runAssignment(input: { editionId: string; actorId: string; reviewers: number; maxLoad: number; minLoad: number }): { ok: true; pairs: number } | { ok: false; explanation: Explanation; technical: string } | { ok: false; pendingConflicts: number; undetectedConflicts: number } {
  const pendingConflicts = pendingProposals({ editionId: input.editionId });
  const undetectedConflicts = conflictCandidates(db(), input.editionId).length;
  if (pendingConflicts > 0 || undetectedConflicts > 0) return { ok: false, pendingConflicts, undetectedConflicts };
  const jurors = activeJurors(input.editionId);
  const apps = eligibleApplicationsWithContent(input.editionId);
  const conflicted = conflictPairs(input.editionId);
  const published = db()
    .select({ jurorId: assignments.jurorId, applicationId: assignments.applicationId, state: reviews.state })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.editionId, input.editionId), isNotNull(assignments.publishedAt)))
    .all();
  const jurorIds = new Set(jurors.map((j) => j.id));
  const appIds = new Set(apps.map((a) => a.id));
  const fixed = published
    .filter((p) => p.state !== "recused" && jurorIds.has(p.jurorId) && appIds.has(p.applicationId) && !conflicted.has(`${p.jurorId}:${p.applicationId}`))
    .map((p) => ({ jurorId: p.jurorId, applicationId: p.applicationId }));
  const affinity: { jurorId: string; applicationId: string; value: number }[] = [];
  for (const a of apps) {
    const text = nominatedText(a);
    for (const j of jurors) {
      const value = expertiseAffinity(j.expertise, text);
      if (value > 0) affinity.push({ jurorId: j.id, applicationId: a.id, value });
    }
  }
  let result;
  try {
    result = assignJurors({
      applications: apps.map((a) => ({ id: a.id, reviewers: input.reviewers, language: a.language })),
      jurors: jurors.map((j) => ({ id: j.id, maxLoad: input.maxLoad, minLoad: input.minLoad, languages: j.languages })),
      conflicts: [...conflicted].map((k) => k.split(":") as [string, string]).filter(([j, a]) => jurorIds.has(j) && appIds.has(a)),
      affinity,
      fixed,
    });
  } catch (error) {
    const technical = error instanceof Error ? error.message : String(error);
    return { ok: false, technical, explanation: explainInfeasibility(technical, { applications: new Map(apps.map((a) => [a.id, a.title])), jurors: new Map(jurors.map((j) => [j.id, j.name])) }) };
  }
  const already = new Set(published.map((p) => `${p.jurorId}:${p.applicationId}`));
  const fresh = result.pairs.filter((p) => !already.has(`${p.jurorId}:${p.applicationId}`));
  db().transaction((tx) => {
    tx.delete(assignments).where(and(eq(assignments.editionId, input.editionId), isNull(assignments.publishedAt))).run();
    for (const p of fresh) tx.insert(assignments).values({ editionId: input.editionId, jurorId: p.jurorId, applicationId: p.applicationId, createdBy: input.actorId }).run();
    writeAudit({ actorId: input.actorId, action: "assignment.generated", objectType: "edition", objectId: input.editionId, details: { reviewers: input.reviewers, maxLoad: input.maxLoad, minLoad: input.minLoad, pairs: fresh.length, fixed: fixed.length, totalAffinity: result.totalAffinity } }, tx);
  });
  return { ok: true, pairs: fresh.length };
}

/** The hard constraints of one pair, for manual adjustments. */
function checkPair(tx: Tx, editionId: string, memberId: string, applicationId: string, maxLoad: number): Failure | null {
  const member = tx.select({ id: juryMembers.id, languages: juryMembers.languages }).from(juryMembers).where(and(eq(juryMembers.id, memberId), eq(juryMembers.editionId, editionId), isNull(juryMembers.replacedAt))).get();
  if (!member) return fail("memberId", "errors.jury_juror_unknown");
  const app = tx.select({ id: applications.id, language: applications.language }).from(applications).where(and(eq(applications.id, applicationId), eq(applications.editionId, editionId), eq(applications.state, "eligible"))).get();
  if (!app) return fail("applicationId", "errors.jury_application_unknown");
  if (tx.select({ id: conflicts.id }).from(conflicts).where(and(eq(conflicts.jurorId, member.id), eq(conflicts.applicationId, app.id), standing)).get()) return fail("memberId", "errors.jury_pair_conflict");
  if (!member.languages.some((l) => l.toLowerCase() === app.language)) return fail("memberId", "errors.jury_pair_language");
  if (tx.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.jurorId, member.id), eq(assignments.applicationId, app.id))).get()) return fail("memberId", "errors.jury_pair_exists");
  const load = tx
    .select({ n: sql<number>`count(*)` })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.jurorId, member.id), sql`coalesce(${reviews.state}, '') <> 'recused'`))
    .get()!.n;
  if (load >= maxLoad) return fail("memberId", "errors.jury_pair_load", { max: maxLoad });
  return null;
}

export function addAssignment({ editionId, actorId, memberId, applicationId, maxLoad }: { editionId: string; actorId: string; memberId: string; applicationId: string; maxLoad: number }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const problem = checkPair(tx, editionId, memberId, applicationId, maxLoad);
    if (problem) return problem;
    const row = tx.insert(assignments).values({ editionId, jurorId: memberId, applicationId, createdBy: actorId }).returning({ id: assignments.id }).get();
    writeAudit({ actorId, action: "assignment.added", objectType: "assignment", objectId: row.id, details: { editionId, jurorId: memberId, applicationId } }, tx);
    return { ok: true as const };
  });
}

function removeInTx(tx: Tx, { editionId, actorId, assignmentId }: { editionId: string; actorId: string; assignmentId: string }): Failure | { jurorId: string; applicationId: string } {
  const row = tx
    .select({ id: assignments.id, jurorId: assignments.jurorId, applicationId: assignments.applicationId, state: reviews.state })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.editionId, editionId)))
    .get();
  if (!row) return fail("assignmentId", "errors.jury_assignment_unknown");
  if (row.state === "submitted") return fail("assignmentId", "errors.jury_assignment_submitted");
  tx.delete(assignments).where(eq(assignments.id, row.id)).run();
  writeAudit({ actorId, action: "assignment.removed", objectType: "assignment", objectId: row.id, details: { editionId, jurorId: row.jurorId, applicationId: row.applicationId } }, tx);
  return { jurorId: row.jurorId, applicationId: row.applicationId };
}

export function removeAssignment(input: { editionId: string; actorId: string; assignmentId: string }): { ok: true } | Failure {
  return db().transaction((tx) => {
    const out = removeInTx(tx, input);
    return "ok" in out ? out : { ok: true as const };
  });
}

/** Gives one assignment's application to another juror, under the same hard constraints. */
export function swapAssignment({ editionId, actorId, assignmentId, memberId, maxLoad }: { editionId: string; actorId: string; assignmentId: string; memberId: string; maxLoad: number }): { ok: true } | Failure {
  try {
    return db().transaction((tx) => {
      const removed = removeInTx(tx, { editionId, actorId, assignmentId });
      if ("ok" in removed) return removed;
      const problem = checkPair(tx, editionId, memberId, removed.applicationId, maxLoad);
      if (problem) throw problem; // roll the removal back
      const row = tx.insert(assignments).values({ editionId, jurorId: memberId, applicationId: removed.applicationId, createdBy: actorId }).returning({ id: assignments.id }).get();
      writeAudit({ actorId, action: "assignment.added", objectType: "assignment", objectId: row.id, details: { editionId, jurorId: memberId, applicationId: removed.applicationId, swappedFrom: removed.jurorId } }, tx);
      return { ok: true as const };
    });
  } catch (error) {
    if (error && typeof error === "object" && "ok" in error) return error as Failure;
    throw error;
  }
}

/** Publishes the draft assignments: each gets its (empty) review and each juror one e-mail. */
export function publishAssignments({ editionId, actorId, origin }: { editionId: string; actorId: string; origin: string }): { ok: true; published: number } | Failure {
  const edition = getJuryEdition({ editionId });
  if (!edition) return fail("confirm", "errors.jury_edition_unknown");
  return db().transaction((tx) => {
    const drafts = tx.select({ id: assignments.id, jurorId: assignments.jurorId, applicationId: assignments.applicationId }).from(assignments).where(and(eq(assignments.editionId, editionId), isNull(assignments.publishedAt))).all();
    if (drafts.length === 0) return fail("confirm", "errors.jury_nothing_to_publish");
    const now = new Date();
    const perJuror = new Map<string, number>();
    for (const a of drafts) {
      tx.update(assignments).set({ publishedAt: now }).where(eq(assignments.id, a.id)).run();
      const review = tx.insert(reviews).values({ assignmentId: a.id, jurorId: a.jurorId, applicationId: a.applicationId }).returning({ id: reviews.id }).get();
      writeAudit({ actorId, action: "assignment.published", objectType: "assignment", objectId: a.id, details: { editionId, jurorId: a.jurorId, applicationId: a.applicationId, reviewId: review.id } }, tx);
      perJuror.set(a.jurorId, (perJuror.get(a.jurorId) ?? 0) + 1);
    }
    const recipients = tx.select({ id: juryMembers.id, name: users.name, email: users.email, locale: users.locale }).from(juryMembers).innerJoin(users, eq(users.id, juryMembers.userId)).where(inArray(juryMembers.id, [...perJuror.keys()])).all();
    for (const r of recipients) {
      const locale: Locale = isLocale(r.locale) ? r.locale : "en";
      enqueueMail({ to: r.email, locale, template: "jury_assignment", vars: { name: r.name, count: perJuror.get(r.id)!, deadline: formatDateTime(edition.scoringClosesAt, locale), link: `${origin}/jury` } }, tx);
    }
    return { ok: true as const, published: drafts.length };
  });
}

// ---------------------------------------------------------------------------------- the juror

/** Each edition the user serves on, with their published assignments and review states. */
export function jurorWorkspace({ userId }: { userId: string }) {
  const memberships = db()
    .select({ memberId: juryMembers.id, isChair: juryMembers.isChair, conflictsDeclaredAt: juryMembers.conflictsDeclaredAt, ...editionColumns })
    .from(juryMembers)
    .innerJoin(editions, eq(editions.id, juryMembers.editionId))
    .where(and(eq(juryMembers.userId, userId), isNull(juryMembers.replacedAt)))
    .orderBy(sql`${editions.year} desc`)
    .all();
  return memberships.map((m) => {
    const items = db()
      .select({ reviewId: reviews.id, state: reviews.state, title: applications.title, reference: applications.reference, updatedAt: reviews.updatedAt })
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .innerJoin(applications, eq(applications.id, reviews.applicationId))
      .where(and(eq(reviews.jurorId, m.memberId), isNotNull(assignments.publishedAt), ne(reviews.state, "recused")))
      .orderBy(asc(applications.title))
      .all();
    return { ...m, reviews: items };
  });
}

const reviewColumns = {
  id: reviews.id,
  jurorId: reviews.jurorId,
  applicationId: reviews.applicationId,
  state: reviews.state,
  scores: reviews.scores,
  comments: reviews.comments,
  overallComment: reviews.overallComment,
  confidence: reviews.confidence,
  version: reviews.version,
  submittedAt: reviews.submittedAt,
  updatedAt: reviews.updatedAt,
  editionId: assignments.editionId,
};

/** No confirmed conflict of any source between this juror and this application (a proposal leaves the review in place until decided). */
const noConflict = sql`not exists (select 1 from ${conflicts} where ${conflicts.jurorId} = ${reviews.jurorId} and ${conflicts.applicationId} = ${reviews.applicationId} and ${confirmed})`;

function scopedReview(tx: Tx | DB, reviewId: string, userId: string) {
  return (
    tx
      .select(reviewColumns)
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .innerJoin(juryMembers, eq(juryMembers.id, reviews.jurorId))
      .where(and(eq(reviews.id, reviewId), eq(juryMembers.userId, userId), isNull(juryMembers.replacedAt), isNotNull(assignments.publishedAt), ne(reviews.state, "recused"), noConflict))
      .get() ?? null
  );
}

/**
 * A juror's own review with the application as nominated, or null: another juror's review, an
 * unpublished assignment, a recused review or any conflict all look like nothing at all.
 */
export function getReviewForJuror({ reviewId, userId }: { reviewId: string; userId: string }) {
  const review = scopedReview(db(), reviewId, userId);
  if (!review) return null;
  const application = db()
    .select({ id: applications.id, reference: applications.reference, title: applications.title, organisation: applications.organisation, country: applications.country, language: applications.language, nominatedContent: applications.nominatedContent, nominatedAt: applications.nominatedAt })
    .from(applications)
    .where(eq(applications.id, review.applicationId))
    .get()!;
  const files = db().select({ id: attachments.id, name: attachments.originalName, sizeBytes: attachments.sizeBytes, mimeType: attachments.mimeType }).from(attachments).where(eq(attachments.applicationId, application.id)).orderBy(asc(attachments.createdAt)).all();
  const letter = db().select({ id: nominationLetters.id, name: nominationLetters.originalName }).from(nominationLetters).where(eq(nominationLetters.applicationId, application.id)).get() ?? null;
  const edition = getJuryEdition({ editionId: review.editionId })!;
  return { review, application, files, letter, edition, criteria: listCriteria({ editionId: review.editionId }) };
}

/**
 * This user's jury memberships that may read the application (and so download its files): the
 * same scope as the review page — assignment published, review not recused, no conflict of any
 * source, membership not replaced. Empty for anyone else.
 */
export function readerMemberIds({ applicationId, userId }: { applicationId: string; userId: string }): string[] {
  return db()
    .select({ memberId: reviews.jurorId })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(juryMembers, eq(juryMembers.id, reviews.jurorId))
    .where(and(eq(reviews.applicationId, applicationId), eq(juryMembers.userId, userId), isNull(juryMembers.replacedAt), isNotNull(assignments.publishedAt), ne(reviews.state, "recused"), noConflict))
    .all()
    .map((r) => r.memberId);
}

export function listCriteria({ editionId }: { editionId: string }) {
  return db()
    .select({ key: criteria.key, titleEn: criteria.titleEn, titleFr: criteria.titleFr, titleAr: criteria.titleAr, guidanceEn: criteria.guidanceEn, guidanceFr: criteria.guidanceFr, guidanceAr: criteria.guidanceAr, weight: criteria.weight, levelDescriptors: criteria.levelDescriptors })
    .from(criteria)
    .where(eq(criteria.editionId, editionId))
    .orderBy(asc(criteria.position))
    .all();
}

export interface ReviewInput {
  reviewId: string;
  userId: string;
  intent: "save_draft" | "submit";
  version: number;
  scores: Record<string, number>;
  comments: Record<string, string>;
  overallComment: string;
  confidence: number | null;
  now?: Date;
}
export type ReviewFailure = { ok: false; errors: Record<string, { message: string; vars?: Record<string, string | number> }> };
const reviewFail = (field: string, message: string, vars?: Record<string, string | number>): ReviewFailure => ({ ok: false, errors: { [field]: { message, vars } } });

function writableFailure(tx: Tx, editionId: string, now: Date): ReviewFailure | null {
  const edition = tx.select({ phase: editions.phase, scoringClosesAt: editions.scoringClosesAt }).from(editions).where(eq(editions.id, editionId)).get()!;
  return scoringOpen(edition, now) ? null : reviewFail("form", "errors.jury_scoring_closed");
}

/**
 * Saves a draft or submits. Scores must lie on the edition's scale and name existing criteria;
 * a submission needs every criterion scored and a confidence level. The version must be the
 * one the juror loaded (optimistic locking): a save from an older tab writes nothing.
 */
export function saveReview(input: ReviewInput): { ok: true; version: number; state: string } | ReviewFailure {
  const now = input.now ?? new Date();
  return db().transaction((tx) => {
    const review = scopedReview(tx, input.reviewId, input.userId);
    if (!review) return reviewFail("form", "errors.not_found");
    const closed = writableFailure(tx, review.editionId, now);
    if (closed) return closed;
    if (review.state === "submitted") return reviewFail("form", "errors.jury_review_already_submitted");
    if (review.version !== input.version) return reviewFail("form", "errors.jury_version_conflict");
    const edition = tx.select({ scaleMin: editions.scaleMin, scaleMax: editions.scaleMax }).from(editions).where(eq(editions.id, review.editionId)).get()!;
    const keys = tx.select({ key: criteria.key }).from(criteria).where(eq(criteria.editionId, review.editionId)).orderBy(asc(criteria.position)).all().map((c) => c.key);
    const errors: ReviewFailure["errors"] = {};
    for (const key of [...Object.keys(input.scores), ...Object.keys(input.comments)]) {
      if (!keys.includes(key)) errors.form = { message: "errors.jury_criterion_unknown", vars: { key } };
    }
    for (const [key, value] of Object.entries(input.scores)) {
      if (!Number.isInteger(value) || value < edition.scaleMin || value > edition.scaleMax) errors[`score.${key}`] = { message: "errors.jury_score_out_of_scale", vars: { min: edition.scaleMin, max: edition.scaleMax } };
    }
    if (input.confidence !== null && (!Number.isInteger(input.confidence) || input.confidence < 1 || input.confidence > 5)) errors.confidence = { message: "errors.jury_confidence_invalid" };
    if (input.intent === "submit") {
      for (const key of keys) if (input.scores[key] === undefined && !errors[`score.${key}`]) errors[`score.${key}`] = { message: "errors.jury_score_missing" };
      if (input.confidence === null && !errors.confidence) errors.confidence = { message: "errors.jury_confidence_missing" };
    }
    if (Object.keys(errors).length > 0) return { ok: false as const, errors };
    const state = input.intent === "submit" ? "submitted" : "draft";
    const version = review.version + 1;
    tx.update(reviews)
      .set({ state, scores: input.scores, comments: input.comments, overallComment: input.overallComment, confidence: input.confidence, version, updatedAt: now, submittedAt: state === "submitted" ? now : null })
      .where(and(eq(reviews.id, review.id), eq(reviews.version, review.version)))
      .run();
    writeAudit({ actorId: input.userId, action: state === "submitted" ? "review.submitted" : "review.draft_saved", objectType: "review", objectId: review.id, details: { version, scored: Object.keys(input.scores).length } }, tx);
    return { ok: true as const, version, state };
  });
}

/** A submitted review goes back to draft, by its juror, while scoring is open. */
export function reopenReview({ reviewId, userId, version, now = new Date() }: { reviewId: string; userId: string; version: number; now?: Date }): { ok: true } | ReviewFailure {
  return db().transaction((tx) => {
    const review = scopedReview(tx, reviewId, userId);
    if (!review) return reviewFail("form", "errors.not_found");
    const closed = writableFailure(tx, review.editionId, now);
    if (closed) return closed;
    if (review.state !== "submitted") return reviewFail("form", "errors.jury_review_not_submitted");
    if (review.version !== version) return reviewFail("form", "errors.jury_version_conflict");
    tx.update(reviews).set({ state: "draft", submittedAt: null, version: review.version + 1, updatedAt: now }).where(eq(reviews.id, review.id)).run();
    writeAudit({ actorId: userId, action: "review.reopened", objectType: "review", objectId: review.id, details: { version: review.version + 1 } }, tx);
    return { ok: true as const };
  });
}

/**
 * A juror who discovers a conflict late: the conflict is declared, the review is recused and
 * the secretariat is told by e-mail that the application needs another juror.
 */
export function recuseReview({ reviewId, userId, reason, origin, now = new Date() }: { reviewId: string; userId: string; reason: string; origin: string; now?: Date }): { ok: true; editionId: string } | ReviewFailure {
  return db().transaction((tx) => {
    const review = scopedReview(tx, reviewId, userId);
    if (!review) return reviewFail("form", "errors.not_found");
    const closed = writableFailure(tx, review.editionId, now);
    if (closed) return closed;
    insertConflict(tx, { editionId: review.editionId, jurorId: review.jurorId, applicationId: review.applicationId, source: "declared", reason: reason.trim(), createdBy: userId });
    const app = tx.select({ title: applications.title, reference: applications.reference }).from(applications).where(eq(applications.id, review.applicationId)).get()!;
    const juror = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()!;
    const staff = tx.select({ email: users.email, name: users.name, locale: users.locale }).from(userRoles).innerJoin(users, eq(users.id, userRoles.userId)).where(and(eq(userRoles.role, "secretariat"), isNull(users.disabledAt))).all();
    for (const s of staff) {
      enqueueMail({ to: s.email, locale: s.locale, template: "jury_recusal", vars: { name: s.name, juror: juror.name, title: app.title, reference: app.reference, link: `${origin}/secretariat/editions/${review.editionId}/assignment` } }, tx);
    }
    return { ok: true as const, editionId: review.editionId };
  });
}

/**
 * Colleagues' submitted reviews of the same application. Hidden until the juror has submitted
 * their own when the edition says so; drafts are never shown; jurors in conflict with the
 * application have no review here (their reviews are recused).
 */
export function colleagueReviews({ reviewId, userId }: { reviewId: string; userId: string }): { hidden: true } | { hidden: false; reviews: { name: string; scores: Record<string, number>; comments: Record<string, string>; overallComment: string; confidence: number | null }[] } {
  const own = scopedReview(db(), reviewId, userId);
  if (!own) return { hidden: true };
  const edition = getJuryEdition({ editionId: own.editionId })!;
  if (edition.hideScoresUntilSubmitted && own.state !== "submitted") return { hidden: true };
  const others = db()
    .select({ name: users.name, scores: reviews.scores, comments: reviews.comments, overallComment: reviews.overallComment, confidence: reviews.confidence })
    .from(reviews)
    .innerJoin(juryMembers, eq(juryMembers.id, reviews.jurorId))
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .where(and(eq(reviews.applicationId, own.applicationId), ne(reviews.id, own.id), eq(reviews.state, "submitted"), noConflict))
    .orderBy(asc(users.name))
    .all();
  return { hidden: false, reviews: others };
}

// ---------------------------------------------------------------------------------- progress

/** A juror is late when reviews are still open and the reminder window before the deadline has begun. */
export function reminderWindowOpen(edition: Pick<JuryEdition, "scoringClosesAt" | "reminderDaysBefore">, now: Date): boolean {
  return now.getTime() >= edition.scoringClosesAt.getTime() - edition.reminderDaysBefore * DAY;
}

/**
 * Scoring progress: each active juror's reviews by state (all of them, the jury is small), and
 * one page of applications, those with reviews still to finish first, with the totals. One pass
 * over the edition's reviews (which exist only once an assignment is published), with maps.
 */
export function editionProgress({ editionId, page = 1, now = new Date() }: { editionId: string; page?: number; now?: Date }) {
  const edition = getJuryEdition({ editionId });
  if (!edition) return null;
  type Counts = ReviewCounts;
  // The counts are read from every published review (~100 ms at 10,000 applications) and kept
  // until the next write; what depends on the clock (late jurors, open scoring) is not.
  const { byJuror, all } = untilNextWrite(JSON.stringify(["progressCounts", editionId]), () => progressCounts(editionId));
  const none: Counts = { assigned: 0, draft: 0, submitted: 0, recused: 0 };
  const windowOpen = reminderWindowOpen(edition, now);
  const jurors = activeJurors(editionId).map((j) => {
    const c = byJuror.get(j.id) ?? none;
    return {
      id: j.id,
      name: j.name,
      ...c,
      late: windowOpen && c.assigned + c.draft > 0,
    };
  });
  const open = (a: Counts) => a.assigned + a.draft > 0;
  // Applications with reviews to finish first, in title order within each group.
  const ordered = [...all.filter(open), ...all.filter((a) => !open(a))];
  const waiting = all.length - ordered.filter((a) => !open(a)).length;
  const unreviewed = all.filter((a) => a.assigned + a.draft + a.submitted === 0).length;
  const current = clampPage(page, all.length);
  return {
    edition,
    jurors,
    applications: ordered.slice(offsetOf(current), offsetOf(current) + JURY_PAGE_SIZE),
    applicationTotals: {
      total: all.length,
      open: waiting,
      unreviewed,
      done: all.length - waiting - unreviewed,
    },
    page: current,
    pages: pagesOf(all.length),
    open: scoringOpen(edition, now),
  };
}

type ReviewCounts = { assigned: number; draft: number; submitted: number; recused: number };

/** Review states counted per juror and per application (published assignments only). */
function progressCounts(editionId: string) {
  type Counts = ReviewCounts;
  const rows = db()
    .select({
      jurorId: reviews.jurorId,
      applicationId: reviews.applicationId,
      state: reviews.state,
    })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .where(and(eq(assignments.editionId, editionId), isNotNull(assignments.publishedAt)))
    .all();
  const byJuror = new Map<string, Counts>();
  const byApplication = new Map<string, Counts>();
  const bump = (map: Map<string, Counts>, key: string, state: string) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = { assigned: 0, draft: 0, submitted: 0, recused: 0 }));
    if (state in c) c[state as keyof Counts]++;
  };
  for (const r of rows) {
    bump(byJuror, r.jurorId, r.state);
    bump(byApplication, r.applicationId, r.state);
  }
  const none: Counts = { assigned: 0, draft: 0, submitted: 0, recused: 0 };
  const all = applicationRows(editionId).map((a) => ({
    id: a.id,
    title: a.title,
    reference: a.reference,
    ...(byApplication.get(a.id) ?? none),
  }));
  return { byJuror, all };
}

function pendingCount(tx: Tx | DB, memberId: string): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .where(and(eq(reviews.jurorId, memberId), isNotNull(assignments.publishedAt), inArray(reviews.state, ["assigned", "draft"])))
    .get()!.n;
}

function remind(tx: Tx, edition: JuryEdition, member: { id: string; name: string; email: string; locale: string }, pending: number, actorId: string | null, kind: "manual" | "automatic", origin: string) {
  const locale: Locale = isLocale(member.locale) ? member.locale : "en";
  enqueueMail({ to: member.email, locale, template: "jury_reminder", vars: { name: member.name, count: pending, deadline: formatDateTime(edition.scoringClosesAt, locale), link: `${origin}/jury` } }, tx);
  writeAudit({ actorId, action: "jury.reminder_sent", objectType: "jury_member", objectId: member.id, details: { kind, editionId: edition.id, pending } }, tx);
}

/** Reminds one juror (memberId) or every juror with open reviews; returns how many were reminded. */
export function sendReminders({ editionId, actorId, memberId, origin }: { editionId: string; actorId: string; memberId?: string; origin: string }): { ok: true; sent: number } | Failure {
  const edition = getJuryEdition({ editionId });
  if (!edition) return fail("memberId", "errors.jury_edition_unknown");
  return db().transaction((tx) => {
    const jurors = activeJurors(editionId, tx).filter((j) => !memberId || j.id === memberId);
    if (memberId && jurors.length === 0) return fail("memberId", "errors.jury_juror_unknown");
    let sent = 0;
    for (const j of jurors) {
      const pending = pendingCount(tx, j.id);
      if (pending === 0) continue;
      remind(tx, edition, j, pending, actorId, "manual", origin);
      sent++;
    }
    if (memberId && sent === 0) return fail("memberId", "errors.jury_nothing_pending");
    return { ok: true as const, sent };
  });
}

/**
 * Automatic reminders, to be called periodically (e.g. hourly): once the reminder window of an
 * edition in scoring has begun and before scoring closes, each juror with open reviews gets one
 * e-mail, once. The audit log remembers it (action jury.reminder_sent, kind automatic).
 */
export function sendDueReminders(now = new Date(), origin = siteOrigin()): number {
  const base = new URL(origin).origin;
  const candidates = db().select(editionColumns).from(editions).where(eq(editions.phase, "scoring")).all();
  let sent = 0;
  for (const edition of candidates) {
    if (!reminderWindowOpen(edition, now) || now.getTime() > edition.scoringClosesAt.getTime()) continue;
    db().transaction((tx) => {
      for (const j of activeJurors(edition.id, tx)) {
        const already = tx
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(eq(auditLog.objectType, "jury_member"), eq(auditLog.objectId, j.id), eq(auditLog.action, "jury.reminder_sent"), sql`json_extract(${auditLog.details}, '$.kind') = 'automatic'`))
          .get();
        if (already) continue;
        const pending = pendingCount(tx, j.id);
        if (pending === 0) continue;
        remind(tx, edition, j, pending, null, "automatic", base);
        sent++;
      }
    });
  }
  return sent;
}

/** Scoring closed (or about to): the secretariat extends it by some days, audited. */
export function reopenScoring({ editionId, actorId, days, now = new Date() }: { editionId: string; actorId: string; days: number; now?: Date }): { ok: true; closesAt: Date } | Failure {
  return db().transaction((tx) => {
    const edition = tx.select({ phase: editions.phase, scoringClosesAt: editions.scoringClosesAt, announcementAt: editions.announcementAt }).from(editions).where(eq(editions.id, editionId)).get();
    if (!edition) return fail("days", "errors.jury_edition_unknown");
    if (edition.phase !== "scoring") return fail("days", "errors.jury_reopen_phase");
    const closesAt = new Date(Math.max(now.getTime(), edition.scoringClosesAt.getTime()) + days * DAY);
    if (closesAt.getTime() > edition.announcementAt.getTime()) return fail("days", "errors.jury_reopen_too_late");
    tx.update(editions).set({ scoringClosesAt: closesAt, updatedAt: now, version: sql`${editions.version} + 1` }).where(eq(editions.id, editionId)).run();
    writeAudit({ actorId, action: "edition.scoring_reopened", objectType: "edition", objectId: editionId, details: { from: edition.scoringClosesAt.getTime(), to: closesAt.getTime(), days } }, tx);
    return { ok: true as const, closesAt };
  });
}
