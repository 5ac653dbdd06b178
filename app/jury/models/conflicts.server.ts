// Conflicts of interest: a juror's declarations, automatic detection as proposals, the
// secretariat's confirmation or dismissal and its manual additions, and the register. A
// confirmed conflict recuses the pair's review. Every state change is audited in its own
// synchronous transaction, and e-mails are queued in that same transaction.
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { applications, assignments, conflicts, criteria, editions, juryMembers, nominatingEntities, reviews, users } from "../../../db/schema";
import type { CONFLICT_SOURCES } from "../../../db/enums";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { writeAudit } from "../../kernel/models/audit.server";
import { untilNextWrite } from "../../kernel/server/memo.server";
import { activeJurors, fail, JURY_PAGE_SIZE, offsetOf, pagesOf, type Failure, type Tx } from "./shared.server";
import { getMembership } from "./members.server";

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

/** Up to this many eligible applications, forms offer them in a list; beyond, by reference number. */
export const APPLICATION_SELECT_LIMIT = 200;

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
export function insertConflict(tx: Tx, c: { editionId: string; jurorId: string; applicationId: string; source: ConflictSource; reason: string; createdBy: string | null; status?: "proposed" | "confirmed"; origin?: string }): string | null {
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
/** The demo's placeholder domain (scripts/seed/demo.ts), shared by its accounts as webmail would be. */
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
export function conflictCandidates(tx: Tx | DB, editionId: string): Candidate[] {
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
