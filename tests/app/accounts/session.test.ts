import { eq } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeDb, db } from "../../../db/client";
import { editionObservers, sessions, users } from "../../../db/schema";
import { endSession, getSessionUser } from "../../../app/accounts/server/session.server";
import {
  addEntityMember,
  addJuror,
  cookieFor,
  makeEdition,
  makeEntity,
  makeUser,
  request,
} from "../../fixtures/builders";

const signedIn = (cookie: string) => getSessionUser(request("/", { cookie }));

describe("reading a session", () => {
  it("gives the person with their roles, entities, juries and observed editions", async () => {
    const user = await makeUser({ roles: ["applicant", "secretariat"], locale: "fr" });
    const entity = makeEntity({ country: "KE" });
    addEntityMember(entity.id, user.id);
    const edition = makeEdition();
    const member = addJuror(edition.id, user.id, true);
    db().insert(editionObservers).values({ editionId: edition.id, userId: user.id }).run();
    const read = await signedIn(await cookieFor(user.id));
    expect(read).toEqual({
      id: user.id,
      sessionId: expect.any(String),
      email: user.email,
      name: user.name,
      locale: "fr",
      isApplicant: true,
      isSecretariat: true,
      entities: [{ id: entity.id, name: entity.name, kind: entity.kind, country: "KE" }],
      juries: [{ memberId: member.id, editionId: edition.id, isChair: true }],
      observing: [edition.id],
    });
  });

  it("reads someone with no role as signed in with none, and no cookie as signed out", async () => {
    const user = await makeUser({ roles: [] });
    expect(await signedIn(await cookieFor(user.id))).toMatchObject({
      id: user.id,
      isApplicant: false,
      isSecretariat: false,
      entities: [],
      juries: [],
      observing: [],
    });
    expect(await getSessionUser(request("/"))).toBeNull();
  });

  it("reads an expired, ended or disabled person's session as signed out", async () => {
    const expired = await makeUser();
    const expiredCookie = await cookieFor(expired.id);
    db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, expired.id))
      .run();
    expect(await signedIn(expiredCookie)).toBeNull();

    const ended = await makeUser();
    const endedCookie = await cookieFor(ended.id);
    expect(await signedIn(endedCookie)).not.toBeNull();
    await endSession(request("/", { cookie: endedCookie }));
    expect(await signedIn(endedCookie)).toBeNull();

    const disabled = await makeUser();
    const disabledCookie = await cookieFor(disabled.id);
    db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id)).run();
    expect(await signedIn(disabledCookie)).toBeNull();
  });

  it("reads a session that expires in a second as signed in", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 1000) })
      .where(eq(sessions.userId, user.id))
      .run();
    expect(await signedIn(cookie)).toMatchObject({ id: user.id });
  });

  it("reads from the database the process now uses, not the one its queries were first made on", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    expect(await signedIn(cookie)).toMatchObject({ id: user.id });
    const first = process.env.DATABASE_PATH;
    closeDb();
    process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), "prize-session-")), "other.db");
    try {
      expect(await signedIn(cookie)).toBeNull();
    } finally {
      closeDb();
      process.env.DATABASE_PATH = first;
    }
    expect(await signedIn(cookie)).toMatchObject({ id: user.id });
  });
});
