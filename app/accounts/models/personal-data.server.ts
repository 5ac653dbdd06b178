// Everything the system holds about one person, for their "download my data" archive. Every
// query is scoped to the person's user id (or their e-mail address, for the outbox) in SQL, so
// no row of another user is ever read here; the columns are named one by one so that secrets
// (password hash, token hashes) and other people's fields never enter the export.
import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { SelectedFields, SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { db } from "../../../db/client";
import { selectWith } from "../../kernel/models/select.server";
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

/**
 * The rows of `table`, joined to `joins`, that `owner` keeps, oldest (or first) by `order`, with
 * the columns the export names: the one shape of every part of the archive.
 */
function ownRows<T extends SelectedFields>(
  columns: T,
  table: SQLiteTable,
  joins: [SQLiteTable, SQL][],
  owner: SQL | undefined,
  order: SQLiteColumn,
) {
  return selectWith(columns, (fields) => {
    let query = db().select(fields).from(table).$dynamic();
    for (const [joined, on] of joins) query = query.innerJoin(joined, on);
    return query.where(owner).orderBy(asc(order)).all();
  });
}

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
  const roles = ownRows(
    { role: userRoles.role, since: userRoles.createdAt },
    userRoles,
    [],
    eq(userRoles.userId, userId),
    userRoles.createdAt,
  );
  const signIns = ownRows(
    {
      startedAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      browser: sessions.userAgent,
    },
    sessions,
    [],
    eq(sessions.userId, userId),
    sessions.createdAt,
  );
  return { account, roles, signIns };
}

function applicationsOf(userId: string) {
  return ownRows(
    {
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
    },
    applications,
    [[editions, eq(editions.id, applications.editionId)]],
    eq(applications.applicantId, userId),
    applications.createdAt,
  );
}

/** The files the person owns: attachments of their applications and nomination letters they uploaded. */
function filesOf(userId: string) {
  const attached = ownRows(
    {
      id: attachments.id,
      applicationReference: applications.reference,
      name: attachments.originalName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      createdAt: attachments.createdAt,
      storedName: attachments.storedName,
    },
    attachments,
    [[applications, eq(applications.id, attachments.applicationId)]],
    eq(applications.applicantId, userId),
    attachments.createdAt,
  );
  const letters = ownRows(
    {
      id: nominationLetters.id,
      applicationReference: applications.reference,
      name: nominationLetters.originalName,
      sizeBytes: nominationLetters.sizeBytes,
      sha256: nominationLetters.sha256,
      createdAt: nominationLetters.createdAt,
      storedName: nominationLetters.storedName,
    },
    nominationLetters,
    [[applications, eq(applications.id, nominationLetters.applicationId)]],
    eq(nominationLetters.uploadedBy, userId),
    nominationLetters.createdAt,
  );
  return { attachments: attached, letters };
}

function emailsTo(email: string) {
  return ownRows(
    {
      id: outbox.id,
      to: outbox.toAddress,
      language: outbox.locale,
      template: outbox.template,
      subject: outbox.subject,
      body: outbox.textBody,
      state: outbox.state,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    },
    outbox,
    [],
    eq(outbox.toAddress, email),
    outbox.createdAt,
  );
}

/**
 * Audit entries the person made, or about their account, their applications, their jury seats
 * and, by whoever made them, the reviews and conflicts of those seats.
 */
function auditAbout(userId: string) {
  const ownApplications = db()
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.applicantId, userId));
  const ownSeats = db().select({ id: juryMembers.id }).from(juryMembers).where(eq(juryMembers.userId, userId));
  const ownReviews = db().select({ id: reviews.id }).from(reviews).where(inArray(reviews.jurorId, ownSeats));
  const ownConflicts = db().select({ id: conflicts.id }).from(conflicts).where(inArray(conflicts.jurorId, ownSeats));
  const about = or(
    eq(auditLog.actorId, userId),
    and(eq(auditLog.objectType, "user"), eq(auditLog.objectId, userId)),
    and(eq(auditLog.objectType, "application"), inArray(auditLog.objectId, ownApplications)),
    and(eq(auditLog.objectType, "jury_member"), inArray(auditLog.objectId, ownSeats)),
    and(eq(auditLog.objectType, "review"), inArray(auditLog.objectId, ownReviews)),
    and(eq(auditLog.objectType, "conflict"), inArray(auditLog.objectId, ownConflicts)),
  );
  const columns = {
    id: auditLog.id,
    at: auditLog.at,
    actorId: auditLog.actorId,
    action: auditLog.action,
    objectType: auditLog.objectType,
    objectId: auditLog.objectId,
    details: auditLog.details,
  };
  return ownRows(columns, auditLog, [], about, auditLog.id).map((row) => ({
    ...row,
    details: parseDetails(row.details),
  }));
}

function juryOf(userId: string) {
  const seats = ownRows(
    {
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
    },
    juryMembers,
    [[editions, eq(editions.id, juryMembers.editionId)]],
    eq(juryMembers.userId, userId),
    juryMembers.createdAt,
  );
  const declaredConflicts = ownRows(
    {
      id: conflicts.id,
      editionYear: editions.year,
      applicationReference: applications.reference,
      source: conflicts.source,
      status: conflicts.status,
      reason: conflicts.reason,
      createdAt: conflicts.createdAt,
      confirmedAt: conflicts.confirmedAt,
      dismissedAt: conflicts.dismissedAt,
    },
    conflicts,
    [
      [juryMembers, eq(juryMembers.id, conflicts.jurorId)],
      [editions, eq(editions.id, conflicts.editionId)],
      [applications, eq(applications.id, conflicts.applicationId)],
    ],
    eq(juryMembers.userId, userId),
    conflicts.createdAt,
  );
  const ownReviews = ownRows(
    {
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
    },
    reviews,
    [
      [juryMembers, eq(juryMembers.id, reviews.jurorId)],
      [applications, eq(applications.id, reviews.applicationId)],
    ],
    eq(juryMembers.userId, userId),
    applications.reference,
  );
  return { seats, conflicts: declaredConflicts, reviews: ownReviews };
}

function membershipsOf(userId: string) {
  const entities = ownRows(
    {
      name: nominatingEntities.name,
      kind: nominatingEntities.kind,
      country: nominatingEntities.country,
      since: entityMembers.createdAt,
    },
    entityMembers,
    [[nominatingEntities, eq(nominatingEntities.id, entityMembers.entityId)]],
    eq(entityMembers.userId, userId),
    entityMembers.createdAt,
  );
  const observing = ownRows(
    {
      editionYear: editions.year,
      note: editionObservers.note,
      noteUpdatedAt: editionObservers.noteUpdatedAt,
      since: editionObservers.createdAt,
    },
    editionObservers,
    [[editions, eq(editions.id, editionObservers.editionId)]],
    eq(editionObservers.userId, userId),
    editionObservers.createdAt,
  );
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
