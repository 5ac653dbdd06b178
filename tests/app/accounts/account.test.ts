import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import {
  auditLog,
  entityMembers,
  juryMembers,
  loginAttempts,
  outbox,
  passwordResets,
  userRoles,
  users,
} from "../../../db/schema";
import {
  attemptLogin,
  confirmRegistration,
  loginLockMinutes,
  registerApplicant,
} from "../../../app/accounts/models/account.server";
import {
  acceptInvitation,
  createInvitation,
  findOpenInvitation,
} from "../../../app/accounts/models/invitations.server";
import { requestPasswordReset, resetPassword } from "../../../app/accounts/models/password-resets.server";
import { completeSetup, isSetupTokenValid, issueSetupToken } from "../../../app/accounts/models/setup.server";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { addJuror, makeEdition, makeEntity, makeUser, PASSWORD } from "../../fixtures/builders";

const tokenFromMail = (to: string, prefix: string) => {
  const row = db().select().from(outbox).where(eq(outbox.toAddress, to)).all().at(-1)!;
  return row.textBody.match(new RegExp(`${prefix}/([A-Za-z0-9_-]+)`))![1];
};

describe("accounts", () => {
  it("the one-time setup link creates the first secretariat account and never works again", async () => {
    const token = issueSetupToken()!;
    expect(isSetupTokenValid({ token })).toBe(true);
    const result = await completeSetup({
      token,
      email: "Head@Unesco.example",
      name: "Head",
      password: PASSWORD,
      locale: "fr",
    });
    expect(result.ok).toBe(true);
    expect(isSetupTokenValid({ token })).toBe(false);
    expect(issueSetupToken()).toBeNull();
    const again = await completeSetup({
      token,
      email: "other@unesco.example",
      name: "Other",
      password: PASSWORD,
      locale: "en",
    });
    expect(again).toEqual({ ok: false, field: "email", error: "errors.link_invalid" });
    const roles = db().select().from(userRoles).where(eq(userRoles.role, "secretariat")).all();
    expect(roles).toHaveLength(1);
    expect(db().select().from(users).where(eq(users.email, "head@unesco.example")).get()?.locale).toBe("fr");
  });

  it("registration creates the account only when the e-mailed link is followed, once", async () => {
    expect(
      await registerApplicant({
        email: "Amina@example.org",
        name: "Amina",
        password: PASSWORD,
        locale: "fr",
        address: "10.3.0.1",
        origin: "https://prize.example.org",
      }),
    ).toEqual({ ok: true });
    expect(db().select().from(users).where(eq(users.email, "amina@example.org")).get()).toBeUndefined();
    const mail = db().select().from(outbox).where(eq(outbox.toAddress, "amina@example.org")).get()!;
    expect(mail).toMatchObject({ template: "registration_confirm", locale: "fr" });
    expect(mail.textBody).toContain("https://prize.example.org/register/confirm/");
    const token = tokenFromMail("amina@example.org", "register/confirm");
    const confirmed = confirmRegistration({ token });
    expect(confirmed).toMatchObject({ ok: true });
    expect(db().select().from(users).where(eq(users.email, "amina@example.org")).get()).toMatchObject({
      name: "Amina",
      locale: "fr",
    });
    expect(await attemptLogin({ email: "amina@example.org", password: PASSWORD, address: "10.3.0.1" })).toMatchObject({
      ok: true,
    });
    expect(confirmRegistration({ token })).toEqual({ ok: false, field: "form", error: "errors.link_invalid" });
  });

  it("registration with a taken address, whatever its case, creates nothing and tells the owner instead", async () => {
    const owner = await makeUser({ email: "taken@example.org", locale: "ar" });
    const users0 = db().select({ n: count() }).from(users).get()!.n;
    expect(
      await registerApplicant({
        email: " TAKEN@example.org ",
        name: "Intruder",
        password: "intruder passphrase",
        locale: "en",
        address: "10.3.0.2",
        origin: "https://prize.example.org",
      }),
    ).toEqual({ ok: true });
    expect(db().select({ n: count() }).from(users).get()!.n).toBe(users0);
    const mails = db().select().from(outbox).where(eq(outbox.toAddress, owner.email)).all();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "registration_exists", locale: "ar" });
    expect(mails[0].textBody).toContain("https://prize.example.org/login");
    expect(mails[0].textBody).toContain("https://prize.example.org/forgot-password");
    expect(
      await attemptLogin({ email: owner.email, password: "intruder passphrase", address: "10.3.0.3" }),
    ).toMatchObject({ ok: false });
  });

  it("an expired registration link, or one for an address that has an account meanwhile, creates nothing", async () => {
    await registerApplicant({
      email: "late@example.org",
      name: "Late",
      password: PASSWORD,
      locale: "en",
      address: "10.3.0.4",
      origin: "",
    });
    const token = tokenFromMail("late@example.org", "register/confirm");
    expect(confirmRegistration({ token, now: new Date(Date.now() + 25 * 3600e3) })).toMatchObject({
      ok: false,
      error: "errors.link_invalid",
    });
    await registerApplicant({
      email: "twice@example.org",
      name: "Twice",
      password: PASSWORD,
      locale: "en",
      address: "10.3.0.4",
      origin: "",
    });
    const first = tokenFromMail("twice@example.org", "register/confirm");
    await registerApplicant({
      email: "twice@example.org",
      name: "Twice",
      password: PASSWORD,
      locale: "en",
      address: "10.3.0.4",
      origin: "",
    });
    const second = tokenFromMail("twice@example.org", "register/confirm");
    expect(confirmRegistration({ token: second })).toMatchObject({ ok: true });
    expect(confirmRegistration({ token: first })).toMatchObject({ ok: false, error: "errors.link_invalid" });
    expect(db().select({ n: count() }).from(users).where(eq(users.email, "twice@example.org")).get()!.n).toBe(1);
  });

  it("sign-in succeeds with the right password and is audited", async () => {
    const user = await makeUser({ email: "login@example.org" });
    expect(await attemptLogin({ email: "LOGIN@example.org", password: PASSWORD, address: "10.0.0.1" })).toEqual({
      ok: true,
      userId: user.id,
    });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "user.login"))
        .all()
        .some((r) => r.objectId === user.id),
    ).toBe(true);
  });

  it("after five failed sign-ins for one account, even the right password is refused for a while", async () => {
    await makeUser({ email: "locked@example.org" });
    for (let i = 0; i < 5; i++) {
      expect(
        await attemptLogin({ email: "locked@example.org", password: "wrong password!", address: `10.1.0.${i}` }),
      ).toMatchObject({ ok: false, error: "errors.login_failed" });
    }
    const refused = await attemptLogin({ email: "locked@example.org", password: PASSWORD, address: "10.1.0.99" });
    expect(refused).toMatchObject({ ok: false, error: "errors.login_locked" });
    expect((refused as unknown as { vars: { minutes: number } }).vars.minutes).toBeGreaterThanOrEqual(14);
    expect(
      loginLockMinutes({ email: "locked@example.org", address: "x", now: new Date(Date.now() + 16 * 60000) }),
    ).toBe(0);
  });

  it("after five failed sign-ins from one address, other accounts from it are refused too", async () => {
    for (let i = 0; i < 5; i++)
      await attemptLogin({ email: `nobody${i}@example.org`, password: "wrong password!", address: "192.0.2.7" });
    const user = await makeUser({ email: "bystander@example.org" });
    expect(await attemptLogin({ email: user.email, password: PASSWORD, address: "192.0.2.7" })).toMatchObject({
      ok: false,
      error: "errors.login_locked",
    });
    expect(await attemptLogin({ email: user.email, password: PASSWORD, address: "192.0.2.8" })).toMatchObject({
      ok: true,
    });
    expect(db().select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.address, "192.0.2.7")).get()!.n).toBe(
      5,
    );
  });

  it("a password reset link works once, in the user's language, and ends every session", async () => {
    const user = await makeUser({ email: "reset@example.org", locale: "ar" });
    requestPasswordReset({ email: "reset@example.org", origin: "http://localhost:3000", address: "10.9.0.1" });
    const mail = db().select().from(outbox).where(eq(outbox.toAddress, "reset@example.org")).get()!;
    expect(mail.locale).toBe("ar");
    const token = tokenFromMail("reset@example.org", "reset-password");
    expect(await resetPassword({ token, password: "a brand new passphrase" })).toEqual({ ok: true, userId: user.id });
    expect(await resetPassword({ token, password: "another new passphrase" })).toEqual({
      ok: false,
      field: "password",
      error: "errors.link_invalid",
    });
    expect(
      await attemptLogin({ email: "reset@example.org", password: "a brand new passphrase", address: "10.2.0.1" }),
    ).toMatchObject({ ok: true });
  });

  it("a password reset ends the account's other reset links, so an older e-mail cannot set the password again", async () => {
    await makeUser({ email: "two-links@example.org" });
    requestPasswordReset({ email: "two-links@example.org", origin: "http://localhost", address: "10.9.0.2" });
    const older = tokenFromMail("two-links@example.org", "reset-password");
    requestPasswordReset({ email: "two-links@example.org", origin: "http://localhost", address: "10.9.0.2" });
    const newer = tokenFromMail("two-links@example.org", "reset-password");
    expect(newer).not.toBe(older);
    expect(await resetPassword({ token: newer, password: "the owner's own passphrase" })).toMatchObject({ ok: true });
    expect(await resetPassword({ token: older, password: "someone else's passphrase" })).toEqual({
      ok: false,
      field: "password",
      error: "errors.link_invalid",
    });
    expect(
      await attemptLogin({
        email: "two-links@example.org",
        password: "the owner's own passphrase",
        address: "10.2.0.2",
      }),
    ).toMatchObject({ ok: true });
  });

  it("an expired reset link is refused", async () => {
    await makeUser({ email: "expired@example.org" });
    requestPasswordReset({ email: "expired@example.org", origin: "http://localhost", address: "10.9.0.1" });
    const token = tokenFromMail("expired@example.org", "reset-password");
    db()
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .run();
    expect(await resetPassword({ token, password: "a brand new passphrase" })).toEqual({
      ok: false,
      field: "password",
      error: "errors.link_invalid",
    });
  });

  it("asking to reset an unknown address sends nothing and says nothing different", () => {
    const before = db().select({ n: count() }).from(outbox).get()!.n;
    expect(
      requestPasswordReset({ email: "ghost@example.org", origin: "http://localhost", address: "10.9.0.1" }),
    ).toEqual({ ok: true });
    expect(db().select({ n: count() }).from(outbox).get()!.n).toBe(before);
  });

  it("an invited nominator sets a password through the link and joins the entity, once", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const entity = makeEntity({ country: "KE", name: "Kenya National Commission for UNESCO" });
    const created = createInvitation({
      invitedBy: secretariat.id,
      email: "nominator@ke.example",
      name: "Wanjiru",
      locale: "fr",
      role: "nominator",
      entityId: entity.id,
      origin: "http://localhost",
      address: "10.9.0.2",
    });
    expect(created.ok).toBe(true);
    const token = tokenFromMail("nominator@ke.example", "invitations");
    expect(findOpenInvitation({ token })).toMatchObject({ role: "nominator", existingAccount: false });
    const accepted = await acceptInvitation({ token, name: "Wanjiru Kamau", password: "kenya commission 2024" });
    expect(accepted.ok).toBe(true);
    const userId = (accepted as { userId: string }).userId;
    expect(db().select().from(entityMembers).where(eq(entityMembers.userId, userId)).all()).toHaveLength(1);
    expect(await acceptInvitation({ token, name: "x", password: "kenya commission 2024" })).toEqual({
      ok: false,
      field: "password",
      error: "errors.link_invalid",
    });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "role.granted"))
        .all()
        .some((r) => r.objectId === userId),
    ).toBe(true);
  });

  it("an invited juror with an existing account confirms with their password and joins the jury", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const existing = await makeUser({ email: "expert@example.org" });
    const edition = makeEdition();
    createInvitation({
      invitedBy: secretariat.id,
      email: "expert@example.org",
      name: "Expert",
      locale: "en",
      role: "juror",
      editionId: edition.id,
      isChair: true,
      origin: "http://localhost",
      address: "10.9.0.2",
    });
    const token = tokenFromMail("expert@example.org", "invitations");
    const profile = { country: "KE", languages: ["en"], expertise: [] };
    expect(await acceptInvitation({ token, name: "", password: "not my password", profile })).toEqual({
      ok: false,
      field: "password",
      error: "errors.password_wrong",
    });
    expect(await acceptInvitation({ token, name: "", password: PASSWORD, profile })).toEqual({
      ok: true,
      userId: existing.id,
    });
    expect(db().select().from(juryMembers).where(eq(juryMembers.userId, existing.id)).get()).toMatchObject({
      editionId: edition.id,
      isChair: true,
    });
  });

  it("an invitation naming an entity or edition that does not exist is refused and nothing is written", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const before = db().select({ n: count() }).from(outbox).get()!.n;
    expect(
      createInvitation({
        invitedBy: secretariat.id,
        email: "x@example.org",
        name: "X",
        locale: "en",
        role: "nominator",
        entityId: "forged-id",
        origin: "",
        address: "10.9.0.2",
      }),
    ).toEqual({ ok: false, field: "entityId", error: "errors.entity_unknown" });
    expect(
      createInvitation({
        invitedBy: secretariat.id,
        email: "x@example.org",
        name: "X",
        locale: "en",
        role: "juror",
        editionId: "forged-id",
        origin: "",
        address: "10.9.0.2",
      }),
    ).toEqual({ ok: false, field: "editionId", error: "errors.edition_unknown" });
    expect(db().select({ n: count() }).from(outbox).get()!.n).toBe(before);
  });

  it("a juror membership is unique per edition", async () => {
    const user = await makeUser();
    const edition = makeEdition();
    addJuror(edition.id, user.id);
    expect(() => addJuror(edition.id, user.id)).toThrow(/UNIQUE/);
  });

  it("every audited change above kept the chain intact", () => {
    expect(verifyAuditChain().ok).toBe(true);
  });
});
