// Invitations: the secretariat invites a nominator, a juror, another member of the secretariat
// or an observer of one edition by e-mail; accepting creates the account or adds the role to an existing one.
// Each write that changes who can do what is audited in its transaction.
import { and, count, desc, eq, gt, isNotNull, isNull, ne } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { beforeScoringCloses, otherChairSeated } from "../../jury/models/shared.server";
import type { Tx } from "../../kernel/models/transaction.server";
import type { INVITATION_ROLES } from "../../../db/enums";
import {
  editionObservers,
  editions,
  entityMembers,
  invitations,
  juryMembers,
  nominatingEntities,
  userRoles,
  users,
} from "../../../db/schema";
import { hashPassword, verifyPassword } from "../server/password.server";
import { hashToken, newToken } from "../server/tokens.server";
import { enqueueMail } from "../../kernel/models/outbox.server";
import { isLocale, translate } from "../../kernel/i18n";
import { isCountryCode } from "../../kernel/i18n/countries";
import { catalogues } from "../../kernel/i18n/locale.server";
import { writeAudit } from "../../kernel/models/audit.server";
import type { Failure } from "../../kernel/models/result.server";
import { takeMailSlot } from "../../kernel/models/throttle.server";
import { auditUser, getUserByEmail, normaliseEmail, tooMany } from "./account.server";
import { openLink, tokenOfPath } from "./links.server";

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface InvitationInput {
  invitedBy: string;
  email: string;
  name: string;
  locale: string;
  role: (typeof INVITATION_ROLES)[number];
  entityId?: string | null;
  editionId?: string | null;
  isChair?: boolean;
  /** For a juror: their country and the languages they read (copied to jury_members on acceptance). */
  jurorCountry?: string | null;
  jurorLanguages?: string[] | null;
  origin: string;
  /** The client address of the request, for the throttle on invitation e-mails. */
  address: string;
  now?: Date;
}

/**
 * Whether the edition's jury has a chair other than `userId`: a serving seat holding it, or (when
 * inviting: `userId` null) an invitation as chair to another address still open (accepted by no
 * one, not expired; the same person may be invited again).
 */
function chairOf(tx: Tx | DB, editionId: string, userId: string | null, email = ""): boolean {
  const seated = otherChairSeated(tx, editionId, userId ? { userId } : null);
  if (seated || userId) return seated;
  return !!tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.editionId, editionId),
        eq(invitations.isChair, true),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
        ne(invitations.email, email),
      ),
    )
    .get();
}

/**
 * The invitation e-mail's sentences: what the invitee is invited to be (each role its own sentence,
 * so that every language can write it as its grammar wants: "en tant qu’observateur"), and how to
 * accept, with a new password or, for an existing account, the current one.
 */
function invitationMailVars(
  locale: string,
  mail: {
    name: string;
    purpose: InvitationInput["role"] | "juror_chair";
    entity: string;
    year: number | string;
    existingAccount: boolean;
    link: string;
  },
) {
  const lang = isLocale(locale) ? locale : "en";
  const days = INVITATION_TTL_MS / 864e5;
  const accept = mail.existingAccount ? "mail.invitation.accept_existing" : "mail.invitation.accept_new";
  return {
    name: mail.name,
    invitation: translate(
      catalogues[lang],
      `mail.invitation.as_${mail.purpose}`,
      { entity: mail.entity, year: mail.year },
      lang,
    ),
    accept: translate(catalogues[lang], accept, { days }, lang),
    link: mail.link,
  };
}

/** Whether the address observes the edition: it may not also sit on its jury. */
function observes(tx: Tx | DB, editionId: string, email: string): boolean {
  return !!tx
    .select({ id: editionObservers.id })
    .from(editionObservers)
    .innerJoin(users, eq(users.id, editionObservers.userId))
    .where(and(eq(editionObservers.editionId, editionId), eq(users.email, email)))
    .get();
}

/** Whether the address holds a seat (not replaced) on the edition's jury: it may not also observe it. */
function seatedOn(tx: Tx | DB, editionId: string, email: string): boolean {
  return !!tx
    .select({ id: juryMembers.id })
    .from(juryMembers)
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .where(and(eq(juryMembers.editionId, editionId), eq(users.email, email), isNull(juryMembers.replacedAt)))
    .get();
}

export function createInvitation(
  input: InvitationInput,
): { ok: true; invitationId: string; replaced: number } | Failure {
  const email = normaliseEmail(input.email);
  let entityName = "";
  if (input.role === "nominator") {
    const entity = input.entityId
      ? db()
          .select({ name: nominatingEntities.name })
          .from(nominatingEntities)
          .where(eq(nominatingEntities.id, input.entityId))
          .get()
      : undefined;
    if (!entity) return { ok: false, field: "entityId", error: "errors.entity_unknown" };
    entityName = entity.name;
  }
  const forEdition = input.role === "juror" || input.role === "observer";
  let editionYear: number | string = "";
  if (forEdition) {
    const edition = input.editionId
      ? db()
          .select({ year: editions.year, phase: editions.phase, scoringClosesAt: editions.scoringClosesAt })
          .from(editions)
          .where(eq(editions.id, input.editionId))
          .get()
      : undefined;
    if (!edition) return { ok: false, field: "editionId", error: "errors.edition_unknown" };
    // A juror joins a jury whose work may still change; seated later, they would only read the
    // results and the ballot of a work they took no part in.
    if (input.role === "juror" && !beforeScoringCloses(edition))
      return { ok: false, field: "editionId", error: "errors.invitation_jury_closed" };
    editionYear = edition.year;
    // An observer watches the jury's work from outside it (the observer's pages are closed to a juror).
    if (input.role === "observer" && seatedOn(db(), input.editionId!, email))
      return { ok: false, field: "email", error: "errors.observer_on_jury" };
    if (input.role === "juror" && observes(db(), input.editionId!, email))
      return { ok: false, field: "email", error: "errors.juror_observes" };
    // One chair a jury: the chair rules on the ballot, its tie and the recommendation.
    if (input.role === "juror" && input.isChair && chairOf(db(), input.editionId!, null, email))
      return { ok: false, field: "isChair", error: "errors.jury_chair_taken" };
  }
  const { token, hash } = newToken();
  const invitationId = db().transaction(
    (tx) => {
      const slot = takeMailSlot({ kind: "invitation", target: email, address: input.address, now: input.now }, tx);
      if (!slot.ok) return slot;
      // Inviting the same address to the same place again (the first e-mail lost, a name mistyped)
      // replaces the open invitation: two open links to one seat could both be accepted, and the
      // earlier one says it was withdrawn.
      const now = new Date();
      const earlier = tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(
          and(
            eq(invitations.email, email),
            eq(invitations.role, input.role),
            input.role === "nominator" ? eq(invitations.entityId, input.entityId!) : undefined,
            forEdition ? eq(invitations.editionId, input.editionId!) : undefined,
            isNull(invitations.acceptedAt),
            gt(invitations.expiresAt, now),
          ),
        )
        .all();
      for (const { id } of earlier) withdrawInvitation(tx, { id, actorId: input.invitedBy, now });
      const row = tx
        .insert(invitations)
        .values({
          tokenHash: hash,
          email,
          name: input.name.trim(),
          locale: input.locale,
          role: input.role,
          entityId: input.role === "nominator" ? input.entityId : null,
          editionId: forEdition ? input.editionId : null,
          isChair: input.role === "juror" && !!input.isChair,
          jurorCountry: input.role === "juror" ? (input.jurorCountry ?? null) : null,
          jurorLanguages: input.role === "juror" ? (input.jurorLanguages ?? null) : null,
          invitedBy: input.invitedBy,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        })
        .returning({ id: invitations.id })
        .get();
      enqueueMail(
        {
          to: email,
          locale: input.locale,
          template: "invitation",
          vars: invitationMailVars(input.locale, {
            name: input.name.trim(),
            purpose: input.role === "juror" && input.isChair ? "juror_chair" : input.role,
            entity: entityName,
            year: editionYear,
            // Someone with an account accepts with their current password (the acceptance page asks
            // for it); telling them to choose one would send them looking for a form that is not there.
            existingAccount: !!getUserByEmail({ email }),
            link: `${input.origin}/invitations/${token}`,
          }),
        },
        tx,
      );
      writeAudit(
        {
          actorId: input.invitedBy,
          action: "invitation.created",
          objectType: "invitation",
          objectId: row.id,
          details: { role: input.role, entityId: input.entityId ?? null, editionId: input.editionId ?? null },
        },
        tx,
      );
      return { id: row.id, replaced: earlier.length };
    },
    { behavior: "immediate" },
  );
  if ("minutes" in invitationId) return tooMany(invitationId.minutes);
  return { ok: true, invitationId: invitationId.id, replaced: invitationId.replaced };
}

export const INVITATIONS_PER_PAGE = 25;

export function listInvitations({ page = 1 }: { page?: number } = {}) {
  const total = db().select({ n: count() }).from(invitations).get()?.n ?? 0;
  const rows = db()
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      entityName: nominatingEntities.name,
      editionYear: editions.year,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      withdrawnAt: invitations.withdrawnAt,
    })
    .from(invitations)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, invitations.entityId))
    .leftJoin(editions, eq(editions.id, invitations.editionId))
    .orderBy(desc(invitations.createdAt))
    .limit(INVITATIONS_PER_PAGE)
    .offset((Math.max(1, page) - 1) * INVITATIONS_PER_PAGE)
    .all();
  return { rows, total, pages: Math.max(1, Math.ceil(total / INVITATIONS_PER_PAGE)) };
}

/** An invitation still open (neither accepted, withdrawn nor expired), for its withdrawal step. */
export function getOpenInvitation({ id, now = new Date() }: { id: string; now?: Date }) {
  return (
    db()
      .select({
        id: invitations.id,
        name: invitations.name,
        email: invitations.email,
        role: invitations.role,
        entityName: nominatingEntities.name,
        editionYear: editions.year,
      })
      .from(invitations)
      .leftJoin(nominatingEntities, eq(nominatingEntities.id, invitations.entityId))
      .leftJoin(editions, eq(editions.id, invitations.editionId))
      .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
      .get() ?? null
  );
}

/** Whether an invitation of this id was ever sent (open or not): a stale step, not a made-up id. */
export function invitationSent({ id }: { id: string }): boolean {
  return !!db().select({ id: invitations.id }).from(invitations).where(eq(invitations.id, id)).get();
}

/** Whether the invitation this link is for was withdrawn (never accepted): its page says so. */
export function invitationWithdrawn({ token }: { token: string }): boolean {
  return !!db()
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNotNull(invitations.withdrawnAt)))
    .get();
}

/**
 * Withdraws an invitation not yet accepted, in the caller's transaction: its link stops opening
 * (it expires now) and the list says when it was withdrawn; audited. `scope` narrows which
 * invitations the caller may withdraw (an edition's overview: its observer invitations). False
 * when no open invitation has that id (accepted meanwhile, expired, withdrawn, or out of scope).
 */
export function withdrawInvitation(
  tx: Tx,
  {
    id,
    actorId,
    scope = {},
    now = new Date(),
  }: {
    id: string;
    actorId: string;
    scope?: { role?: (typeof INVITATION_ROLES)[number]; editionId?: string };
    now?: Date;
  },
): boolean {
  const row = tx
    .update(invitations)
    .set({ expiresAt: now, withdrawnAt: now })
    .where(
      and(
        eq(invitations.id, id),
        scope.role ? eq(invitations.role, scope.role) : undefined,
        scope.editionId ? eq(invitations.editionId, scope.editionId) : undefined,
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning({ role: invitations.role, editionId: invitations.editionId, entityId: invitations.entityId })
    .get();
  if (!row) return false;
  writeAudit(
    {
      actorId,
      action: "invitation.withdrawn",
      objectType: "invitation",
      objectId: id,
      details: { role: row.role, editionId: row.editionId, entityId: row.entityId },
      at: now,
    },
    tx,
  );
  return true;
}

/** The secretariat's withdrawal of any open invitation (the invitations page), in its own transaction. */
export function withdrawOpenInvitation({ id, actorId }: { id: string; actorId: string }): boolean {
  return db().transaction((tx) => withdrawInvitation(tx, { id, actorId }));
}

export function findOpenInvitation({ token }: { token: string }) {
  const row = db()
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      locale: invitations.locale,
      jurorCountry: invitations.jurorCountry,
      jurorLanguages: invitations.jurorLanguages,
      isChair: invitations.isChair,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      entityName: nominatingEntities.name,
      editionYear: editions.year,
      editionPhase: editions.phase,
      scoringClosesAt: editions.scoringClosesAt,
    })
    .from(invitations)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, invitations.entityId))
    .leftJoin(editions, eq(editions.id, invitations.editionId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!row || row.acceptedAt || row.expiresAt.getTime() <= Date.now()) return null;
  const { editionPhase, scoringClosesAt, ...invitation } = row;
  // Sent while the jury still worked, opened after its scoring closed: no longer a seat to take.
  const juryClosed =
    row.role === "juror" &&
    editionPhase !== null &&
    scoringClosesAt !== null &&
    !beforeScoringCloses({ phase: editionPhase, scoringClosesAt });
  return { ...invitation, juryClosed, existingAccount: !!getUserByEmail({ email: row.email }) };
}

/**
 * The language an invitation page is written in: the one the secretariat chose for the invitation
 * (its e-mail was sent in it). The root loader cannot read the route's data, hence the address.
 */
export function invitationLocaleForPath(pathname: string): string | null {
  const token = tokenOfPath(/^\/invitations\/([^/]+)\/?$/, pathname);
  if (token === null) return null;
  return (
    db()
      .select({ locale: invitations.locale })
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .get()?.locale ?? null
  );
}

/** What a juror says of themself on accepting: stored on their seat on the jury. */
export interface JurorProfile {
  country: string;
  languages: string[];
  expertise: string[];
}

/**
 * Accepts an invitation: a new invitee chooses a password; someone who already has an
 * account confirms with their current one, and the role is added to that account.
 * A juror gives their profile (country and languages required), stored with their seat.
 */
export async function acceptInvitation({
  token,
  name,
  password,
  profile,
}: {
  token: string;
  name: string;
  password: string;
  profile?: JurorProfile;
}): Promise<{ ok: true; userId: string } | Failure> {
  const open = findOpenInvitation({ token });
  if (!open) return { ok: false, field: "password", error: "errors.link_invalid" };
  if (open.juryClosed) return { ok: false, field: "password", error: "errors.invitation_jury_closed" };
  if (open.role === "juror") {
    if (!profile?.country) return { ok: false, field: "country", error: "errors.juror_country_required" };
    if (!isCountryCode(profile.country)) return { ok: false, field: "country", error: "errors.country_invalid" };
    if (!profile.languages.length) return { ok: false, field: "languages", error: "errors.jury_languages_required" };
  }
  const existing = getUserByEmail({ email: open.email });
  let passwordHash: string | null = null;
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, password)))
      return { ok: false, field: "password", error: "errors.password_wrong" };
  } else {
    passwordHash = await hashPassword(password);
  }
  return db().transaction((tx) => {
    const invitation = openLink(tx, invitations, invitations.acceptedAt, token);
    if (!invitation) return { ok: false as const, field: "password", error: "errors.link_invalid" };
    let userId = tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).get()?.id;
    if (!userId) {
      userId = tx
        .insert(users)
        .values({
          email: invitation.email,
          name: name.trim() || invitation.name,
          passwordHash: passwordHash!,
          locale: invitation.locale,
        })
        .returning({ id: users.id })
        .get().id;
      auditUser(tx, userId, "user.registered", userId, { via: "invitation" });
    }
    if (invitation.role === "nominator" && invitation.entityId) {
      tx.insert(entityMembers).values({ entityId: invitation.entityId, userId }).onConflictDoNothing().run();
    } else if (invitation.role === "juror" && invitation.editionId) {
      // Made an observer of the edition since the invitation was sent: not seated as well.
      if (observes(tx, invitation.editionId, invitation.email))
        return { ok: false as const, field: "password", error: "errors.juror_invitee_observes" };
      const seat = {
        country: profile?.country ?? invitation.jurorCountry,
        languages: profile?.languages ?? invitation.jurorLanguages ?? ["en", "fr"],
        expertise: profile?.expertise ?? [],
      };
      // A juror invited again to a seat they hold: the profile they just gave replaces the old one
      // (the chair stays as the jury page set it). A chair seated since the invitation was sent (by
      // another invitation, or on the jury page) keeps the chair: this juror joins as a member.
      const isChair = invitation.isChair && !chairOf(tx, invitation.editionId, userId);
      tx.insert(juryMembers)
        .values({ editionId: invitation.editionId, userId, isChair, ...seat })
        .onConflictDoUpdate({ target: [juryMembers.editionId, juryMembers.userId], set: seat })
        .run();
    } else if (invitation.role === "observer" && invitation.editionId) {
      // Seated on the jury since the invitation was sent: the invitation stays open, nothing changes.
      if (seatedOn(tx, invitation.editionId, invitation.email))
        return { ok: false as const, field: "password", error: "errors.observer_invitee_on_jury" };
      tx.insert(editionObservers).values({ editionId: invitation.editionId, userId }).onConflictDoNothing().run();
    } else if (invitation.role === "secretariat") {
      tx.insert(userRoles).values({ userId, role: "secretariat" }).onConflictDoNothing().run();
    }
    tx.update(invitations)
      .set({ acceptedAt: new Date(), acceptedUserId: userId })
      .where(eq(invitations.id, invitation.id))
      .run();
    writeAudit(
      {
        actorId: userId,
        action: "invitation.accepted",
        objectType: "invitation",
        objectId: invitation.id,
        // Which fields were given, not their values: the seat holds those (decision 020).
        details: invitation.role === "juror" && profile ? { profile: Object.keys(profile) } : undefined,
      },
      tx,
    );
    const granted = { role: invitation.role, entityId: invitation.entityId, editionId: invitation.editionId };
    auditUser(tx, invitation.invitedBy, "role.granted", userId, granted);
    return { ok: true as const, userId: userId };
  });
}
