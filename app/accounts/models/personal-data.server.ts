// Everything the system holds about one person, for their "download my data" archive. Every
// query is scoped to the person's user id (or their e-mail address, for the outbox) in SQL, so
// no row of another user is ever read here; the columns are named one by one so that secrets
// (password hash, token hashes) and other people's fields never enter the export.
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  applications,
  attachments,
  auditLog,
  conflicts,
  editionObservers,
  editions,
  entityMembers,
  juryMembers,
  nominatingEntities,
  nominationLetters,
  outbox,
  reviews,
  sessions,
  userRoles,
  users,
} from "../../../db/schema";

function parseDetails(details: string): unknown {
  try {
    return JSON.parse(details);
  } catch {
    return details;
  }
}

function profileOf(userId: string) {
  const account = db()
    .select({ id: users.id, name: users.name, email: users.email, language: users.locale, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!account) return null;
  const roles = db()
    .select({ role: userRoles.role, since: userRoles.createdAt })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.createdAt))
    .all();
  const signIns = db()
    .select({
      startedAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      browser: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(asc(sessions.createdAt))
    .all();
  return { account, roles, signIns };
}

function applicationsOf(userId: string) {
  return db()
    .select({
      id: applications.id,
      reference: applications.reference,
      editionYear: editions.year,
      state: applications.state,
      language: applications.language,
      title: applications.title,
      organisation: applications.organisation,
      country: applications.country,
      contactEmail: applications.contactEmail,
      content: applications.content,
      declarations: applications.declarations,
      nominatedContent: applications.nominatedContent,
      nominatorComment: applications.nominatorComment,
      version: applications.version,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      sentAt: applications.sentAt,
      returnedAt: applications.returnedAt,
      declinedAt: applications.declinedAt,
      nominatedAt: applications.nominatedAt,
      withdrawnAt: applications.withdrawnAt,
    })
    .from(applications)
    .innerJoin(editions, eq(editions.id, applications.editionId))
    .where(eq(applications.applicantId, userId))
    .orderBy(asc(applications.createdAt))
    .all();
}

/** The files the person owns: attachments of their applications and nomination letters they uploaded. */
function filesOf(userId: string) {
  const attached = db()
    .select({
      id: attachments.id,
      applicationReference: applications.reference,
      name: attachments.originalName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      createdAt: attachments.createdAt,
      storedName: attachments.storedName,
    })
    .from(attachments)
    .innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(eq(applications.applicantId, userId))
    .orderBy(asc(attachments.createdAt))
    .all();
  const letters = db()
    .select({
      id: nominationLetters.id,
      applicationReference: applications.reference,
      name: nominationLetters.originalName,
      sizeBytes: nominationLetters.sizeBytes,
      sha256: nominationLetters.sha256,
      createdAt: nominationLetters.createdAt,
      storedName: nominationLetters.storedName,
    })
    .from(nominationLetters)
    .innerJoin(applications, eq(applications.id, nominationLetters.applicationId))
    .where(eq(nominationLetters.uploadedBy, userId))
    .orderBy(asc(nominationLetters.createdAt))
    .all();
  return { attachments: attached, letters };
}

function emailsTo(email: string) {
  return db()
    .select({
      id: outbox.id,
      to: outbox.toAddress,
      language: outbox.locale,
      template: outbox.template,
      subject: outbox.subject,
      body: outbox.textBody,
      state: outbox.state,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .orderBy(asc(outbox.createdAt))
    .all();
}

/** Audit entries the person made, or about their account, their applications or their jury seats. */
function auditAbout(userId: string) {
  const ownApplications = db()
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.applicantId, userId));
  const ownSeats = db().select({ id: juryMembers.id }).from(juryMembers).where(eq(juryMembers.userId, userId));
  return db()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(
      or(
        eq(auditLog.actorId, userId),
        and(eq(auditLog.objectType, "user"), eq(auditLog.objectId, userId)),
        and(eq(auditLog.objectType, "application"), inArray(auditLog.objectId, ownApplications)),
        and(eq(auditLog.objectType, "jury_member"), inArray(auditLog.objectId, ownSeats)),
      ),
    )
    .orderBy(asc(auditLog.id))
    .all()
    .map((row) => ({ ...row, details: parseDetails(row.details) }));
}

function juryOf(userId: string) {
  const seats = db()
    .select({
      id: juryMembers.id,
      editionYear: editions.year,
      isChair: juryMembers.isChair,
      country: juryMembers.country,
      languages: juryMembers.languages,
      expertise: juryMembers.expertise,
      gender: juryMembers.gender,
      conflictsDeclaredAt: juryMembers.conflictsDeclaredAt,
      replacedAt: juryMembers.replacedAt,
      createdAt: juryMembers.createdAt,
    })
    .from(juryMembers)
    .innerJoin(editions, eq(editions.id, juryMembers.editionId))
    .where(eq(juryMembers.userId, userId))
    .orderBy(asc(juryMembers.createdAt))
    .all();
  const declaredConflicts = db()
    .select({
      id: conflicts.id,
      editionYear: editions.year,
      applicationReference: applications.reference,
      source: conflicts.source,
      status: conflicts.status,
      reason: conflicts.reason,
      createdAt: conflicts.createdAt,
      confirmedAt: conflicts.confirmedAt,
      dismissedAt: conflicts.dismissedAt,
    })
    .from(conflicts)
    .innerJoin(juryMembers, eq(juryMembers.id, conflicts.jurorId))
    .innerJoin(editions, eq(editions.id, conflicts.editionId))
    .innerJoin(applications, eq(applications.id, conflicts.applicationId))
    .where(eq(juryMembers.userId, userId))
    .orderBy(asc(conflicts.createdAt))
    .all();
  const ownReviews = db()
    .select({
      id: reviews.id,
      applicationReference: applications.reference,
      state: reviews.state,
      scores: reviews.scores,
      comments: reviews.comments,
      overallComment: reviews.overallComment,
      confidence: reviews.confidence,
      submittedAt: reviews.submittedAt,
      recusedAt: reviews.recusedAt,
      recuseReason: reviews.recuseReason,
      updatedAt: reviews.updatedAt,
    })
    .from(reviews)
    .innerJoin(juryMembers, eq(juryMembers.id, reviews.jurorId))
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .where(eq(juryMembers.userId, userId))
    .orderBy(asc(applications.reference))
    .all();
  return { seats, conflicts: declaredConflicts, reviews: ownReviews };
}

function membershipsOf(userId: string) {
  const entities = db()
    .select({
      name: nominatingEntities.name,
      kind: nominatingEntities.kind,
      country: nominatingEntities.country,
      since: entityMembers.createdAt,
    })
    .from(entityMembers)
    .innerJoin(nominatingEntities, eq(nominatingEntities.id, entityMembers.entityId))
    .where(eq(entityMembers.userId, userId))
    .orderBy(asc(entityMembers.createdAt))
    .all();
  const observing = db()
    .select({
      editionYear: editions.year,
      note: editionObservers.note,
      noteUpdatedAt: editionObservers.noteUpdatedAt,
      since: editionObservers.createdAt,
    })
    .from(editionObservers)
    .innerJoin(editions, eq(editions.id, editionObservers.editionId))
    .where(eq(editionObservers.userId, userId))
    .orderBy(asc(editionObservers.createdAt))
    .all();
  return { entities, observing };
}

export type PersonalData = NonNullable<ReturnType<typeof personalData>>;

/** All the person's data, read in one transaction so the parts agree; null for an unknown user. */
export function personalData({ userId }: { userId: string }) {
  return db().transaction(() => {
    const profile = profileOf(userId);
    if (!profile) return null;
    const jury = juryOf(userId);
    const memberships = membershipsOf(userId);
    // The roles the person holds: granted ones, and those that come from a membership.
    const roles = new Set(profile.roles.map((r) => r.role));
    if (memberships.entities.length > 0) roles.add("nominator");
    if (jury.seats.some((s) => !s.replacedAt)) roles.add("juror");
    if (memberships.observing.length > 0) roles.add("observer");
    return {
      profile: { ...profile.account, roles: [...roles], grantedRoles: profile.roles, signIns: profile.signIns },
      applications: applicationsOf(userId),
      files: filesOf(userId),
      emails: emailsTo(profile.account.email),
      audit: auditAbout(userId),
      jury,
      memberships,
    };
  });
}
