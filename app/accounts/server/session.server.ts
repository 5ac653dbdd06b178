// Database-backed sessions: the cookie holds a random token, the table holds its hash, so a
// session can be listed and revoked, and logging out really ends it.
import { createCookie, redirect } from "@remix-run/node";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import {
  editionObservers,
  entityMembers,
  juryMembers,
  nominatingEntities,
  sessions,
  userRoles,
  users,
} from "../../../db/schema";
import { hashToken, newToken } from "./tokens.server";

const SESSION_DAYS = 14;

export const sessionCookie = createCookie("prize_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "0",
  maxAge: SESSION_DAYS * 24 * 60 * 60,
});

export interface SessionUser {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  locale: string;
  isApplicant: boolean;
  isSecretariat: boolean;
  entities: { id: string; name: string; kind: string; country: string | null }[];
  juries: { memberId: string; editionId: string; isChair: boolean }[];
  /** The editions the user observes (invited as an observer of each). */
  observing: string[];
}

export async function createSession({ userId, userAgent }: { userId: string; userAgent: string | null }) {
  const { token, hash } = newToken();
  db()
    .insert(sessions)
    .values({
      tokenHash: hash,
      userId,
      userAgent: userAgent?.slice(0, 200) ?? null,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 864e5),
    })
    .run();
  return sessionCookie.serialize(token);
}

/** Signs in someone who has just proved who they are: a new session, then on to `to` with its cookie. */
export async function signIn(request: Request, userId: string, to: string) {
  const cookie = await createSession({ userId, userAgent: request.headers.get("User-Agent") });
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

// Every signed-in page reads its session twice (the root's loader and the route's own) with the
// same five queries. They are built and compiled once per connection rather than at each read:
// building drizzle's SQL and SQLite's statements was most of a read's cost (294–359 µs a read
// before, 75–79 µs after, 20,000 reads in one process; the results page's CPU profile at 10,000
// applications had ~0.75 ms a read under load). A connection opened later (tests, a reopened
// file) gets its own.
const sessionQueries = new WeakMap<DB, ReturnType<typeof prepareSessionQueries>>();

function prepareSessionQueries(database: DB) {
  const userId = sql.placeholder("userId");
  return {
    session: database
      .select({ sessionId: sessions.id, id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder("tokenHash")),
          isNull(sessions.revokedAt),
          // A placeholder is bound as given: the column's driver value, milliseconds.
          gt(sessions.expiresAt, sql.placeholder("nowMs")),
          isNull(users.disabledAt),
        ),
      )
      .prepare(),
    roles: database.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).prepare(),
    entities: database
      .select({
        id: nominatingEntities.id,
        name: nominatingEntities.name,
        kind: nominatingEntities.kind,
        country: nominatingEntities.country,
      })
      .from(entityMembers)
      .innerJoin(nominatingEntities, eq(nominatingEntities.id, entityMembers.entityId))
      .where(eq(entityMembers.userId, userId))
      .prepare(),
    juries: database
      .select({ memberId: juryMembers.id, editionId: juryMembers.editionId, isChair: juryMembers.isChair })
      .from(juryMembers)
      .where(and(eq(juryMembers.userId, userId), isNull(juryMembers.replacedAt)))
      .prepare(),
    observing: database
      .select({ editionId: editionObservers.editionId })
      .from(editionObservers)
      .where(eq(editionObservers.userId, userId))
      .prepare(),
  };
}

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const database = db();
  let queries = sessionQueries.get(database);
  if (!queries) sessionQueries.set(database, (queries = prepareSessionQueries(database)));
  const row = queries.session.get({ tokenHash: hashToken(token), nowMs: Date.now() });
  if (!row) return null;
  const byUser = { userId: row.id };
  const roles = queries.roles.all(byUser);
  return {
    ...row,
    isApplicant: roles.some((r) => r.role === "applicant"),
    isSecretariat: roles.some((r) => r.role === "secretariat"),
    entities: queries.entities.all(byUser),
    juries: queries.juries.all(byUser),
    observing: queries.observing.all(byUser).map((o) => o.editionId),
  };
}

/**
 * The signed-in person's profile language, or null: for a response built without the root
 * loader (a file route's "try again" sentence) to speak as the pages do (resolveLocale).
 */
export async function profileLocale(request: Request): Promise<string | null> {
  return (await getSessionUser(request))?.locale ?? null;
}

export async function endSession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) {
    db()
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(eq(sessions.tokenHash, hashToken(token)))
      .run();
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}

export function listSessions({ userId }: { userId: string }) {
  return db()
    .select({ id: sessions.id, createdAt: sessions.createdAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .all();
}

/** Revokes one of the user's own sessions; scoped by owner so nobody revokes another's. */
export function revokeSession({ userId, sessionId }: { userId: string; sessionId: string }): boolean {
  const result = db()
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
  return result.changes > 0;
}

export function revokeAllSessions({ userId }: { userId: string }, tx: Pick<ReturnType<typeof db>, "update"> = db()) {
  tx.update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}
