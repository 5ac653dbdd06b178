// Registration tells a stranger nothing about which addresses have accounts, and nobody can
// use the site to flood a mailbox: resets, registrations and invitations are throttled per
// target address and per client address, in the database.
import { and, count, eq } from "drizzle-orm";
import { catalogues as languageCatalogues } from "../../../app/kernel/i18n/catalogues";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { outbox, users } from "../../../db/schema";
import * as register from "../../../app/routes/register";
import * as confirm from "../../../app/routes/register_.confirm.$token";
import * as root from "../../../app/root";
import { localeCookie } from "../../../app/kernel/i18n/locale.server";
import * as forgotPassword from "../../../app/routes/forgot-password";
import * as secretariatInvitations from "../../../app/routes/secretariat.invitations";
import { requestPasswordReset } from "../../../app/accounts/models/password-resets.server";
import { MAIL_LIMITS, MAIL_WINDOW_MS, takeMailSlot } from "../../../app/kernel/models/throttle.server";
import { translate } from "../../../app/kernel/i18n";
import { cookieFor, makeUser, PASSWORD, request, run } from "../../fixtures/builders";

const { en, fr, ar } = languageCatalogues;

let n = 0;
const args = (req: Request, address = "203.0.113.20", params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: address },
});
const fresh = () => `person${++n}-${Date.now()}@example.org`;
const mailsTo = (to: string, template: string) =>
  db()
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.toAddress, to), eq(outbox.template, template)))
    .get()!.n;

/** Registers a new address in `locale`; the address and the token of the link mailed to it. */
async function registered(name: string, locale: string) {
  const email = fresh();
  await register.action(args(request("/register", { form: { name, email, password: PASSWORD, locale } })));
  const mail = db().select({ textBody: outbox.textBody }).from(outbox).where(eq(outbox.toAddress, email)).get();
  const token = mail?.textBody.match(/register\/confirm\/([\w-]+)/)?.[1];
  if (!token) throw new Error(`No confirmation link was mailed to ${email}.`);
  return { email, token };
}

afterEach(() => {
  delete process.env.MAIL_LIMIT_PER_CLIENT;
});

/** What the requester can observe of a response: status, headers but the date and cookies, body. */
async function observable(response: Response) {
  const headers = [...response.headers.entries()].filter(([name]) => !["date", "set-cookie"].includes(name));
  return { status: response.status, headers, body: await response.text() };
}

describe("registration without enumeration", () => {
  it("registration with a taken address answers exactly as with a new one, and mails the owner", async () => {
    const owner = await makeUser({ email: fresh(), locale: "fr" });
    const newAddress = fresh();
    const form = (email: string) => ({ name: "Someone", email, password: "a long enough passphrase", locale: "en" });
    const taken = (await register.action(args(request("/register", { form: form(owner.email) })))) as Response;
    const brandNew = (await register.action(args(request("/register", { form: form(newAddress) })))) as Response;
    expect(await observable(taken)).toEqual(await observable(brandNew));
    expect(taken.headers.get("Set-Cookie")).toBeNull();
    expect(brandNew.headers.get("Set-Cookie")).toBeNull();
    expect(mailsTo(owner.email, "registration_exists")).toBe(1);
    expect(mailsTo(newAddress, "registration_confirm")).toBe(1);
    expect(db().select({ n: count() }).from(users).where(eq(users.email, newAddress)).get()!.n).toBe(0);
  });

  it("the confirmation link shows a button; only its POST creates the account and signs in", async () => {
    const { email, token } = await registered("Ama", "en");
    const page = await run(() => confirm.loader(args(request(`/register/confirm/${token}`), undefined, { token })));
    expect(page.body).toEqual({ email });
    expect(db().select({ n: count() }).from(users).where(eq(users.email, email)).get()!.n).toBe(0);
    const res = await run(() =>
      confirm.action(args(request(`/register/confirm/${token}`, { method: "POST" }), undefined, { token })),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dashboard?welcome=1");
    expect(res.headers.get("Set-Cookie")).toMatch(/prize_session=.+; HttpOnly/);
    const again = await run(() =>
      confirm.action(args(request(`/register/confirm/${token}`, { method: "POST" }), undefined, { token })),
    );
    expect(again).toMatchObject({ status: 400, body: { invalid: true } });
    const unknown = await run(() =>
      confirm.loader(args(request(`/register/confirm/nope`), undefined, { token: "nope" })),
    );
    expect(unknown.body).toEqual({ email: null });
  });
});

describe("the confirmation link's page", () => {
  it("reads in the language chosen at registration unless the visitor chose one with the switch", async () => {
    const { token } = await registered("Amélie", "fr");
    const rootLocale = async (path: string, headers: Record<string, string>) => {
      const res = await run(() => root.loader(args(request(path, { headers })) as never));
      return (res.body as { locale: string }).locale;
    };
    const english = { "Accept-Language": "en-GB,en;q=0.9" };
    expect(await rootLocale(`/register/confirm/${token}`, english)).toBe("fr");
    const chosen = (await localeCookie.serialize("ar")).split(";")[0];
    expect(await rootLocale(`/register/confirm/${token}`, { ...english, Cookie: chosen })).toBe("ar");
    expect(await rootLocale("/register/confirm/nope", english)).toBe("en");
    expect(await rootLocale("/register/confirm/%", english)).toBe("en");
  });
});

describe("e-mail throttling", () => {
  it("a fourth password reset for one address within the hour is refused with the minutes to wait, whoever asks", async () => {
    const user = await makeUser({ email: fresh() });
    for (let i = 0; i < MAIL_LIMITS.password_reset.perTarget; i++) {
      const ok = await run(() =>
        forgotPassword.action(args(request("/forgot-password", { form: { email: user.email } }), `198.51.100.${i}`)),
      );
      expect(ok.status).toBe(200);
    }
    const refused = await run(() =>
      forgotPassword.action(args(request("/forgot-password", { form: { email: user.email } }), "198.51.100.99")),
    );
    expect(refused).toMatchObject({
      status: 429,
      body: {
        errors: { email: { message: "errors.too_many_requests", vars: { minutes: 60 } } },
        values: { email: user.email },
      },
    });
    expect(mailsTo(user.email, "password_reset")).toBe(3);
  });

  it("resets for an unknown address count the same, so the limit does not reveal accounts", () => {
    const ghost = fresh();
    for (let i = 0; i < 3; i++)
      expect(requestPasswordReset({ email: ghost, origin: "", address: "198.51.101.1" })).toEqual({ ok: true });
    expect(requestPasswordReset({ email: ghost, origin: "", address: "198.51.101.2" })).toMatchObject({
      ok: false,
      error: "errors.too_many_requests",
    });
  });

  it("one client address is limited across many target addresses", async () => {
    const address = "198.51.102.1";
    for (let i = 0; i < MAIL_LIMITS.password_reset.perClient; i++)
      expect(requestPasswordReset({ email: fresh(), origin: "", address }).ok).toBe(true);
    expect(requestPasswordReset({ email: fresh(), origin: "", address })).toMatchObject({
      ok: false,
      error: "errors.too_many_requests",
    });
    expect(requestPasswordReset({ email: fresh(), origin: "", address: "198.51.102.2" }).ok).toBe(true);
  });

  it("the limit lifts when the oldest request leaves the hour, and the minutes count down to it", () => {
    const target = fresh();
    const start = new Date("2030-01-01T10:00:00Z");
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60000);
    expect(takeMailSlot({ kind: "password_reset", target, address: "a", now: at(0) }).ok).toBe(true);
    expect(takeMailSlot({ kind: "password_reset", target, address: "b", now: at(10) }).ok).toBe(true);
    expect(takeMailSlot({ kind: "password_reset", target, address: "c", now: at(20) }).ok).toBe(true);
    expect(takeMailSlot({ kind: "password_reset", target, address: "d", now: at(30) })).toEqual({
      ok: false,
      minutes: 30,
    });
    expect(takeMailSlot({ kind: "password_reset", target, address: "d", now: at(59) })).toEqual({
      ok: false,
      minutes: 1,
    });
    expect(
      takeMailSlot({
        kind: "password_reset",
        target,
        address: "d",
        now: new Date(at(0).getTime() + MAIL_WINDOW_MS + 1),
      }),
    ).toEqual({ ok: true });
    // The other kinds have their own counts.
    expect(takeMailSlot({ kind: "registration", target, address: "d", now: at(30) })).toEqual({ ok: true });
  });

  it("registrations are throttled per address with the same answer for taken and new addresses", async () => {
    const owner = await makeUser({ email: fresh() });
    const newAddress = fresh();
    const answers: number[] = [];
    for (const email of [owner.email, newAddress]) {
      for (let i = 0; i < 4; i++) {
        const res = await run(() =>
          register.action(
            args(
              request("/register", { form: { name: "X", email, password: "a long enough passphrase", locale: "en" } }),
              `198.51.103.${i}`,
            ),
          ),
        );
        answers.push(res.status);
      }
    }
    expect(answers).toEqual([302, 302, 302, 429, 302, 302, 302, 429]);
    expect(mailsTo(owner.email, "registration_exists")).toBe(3);
  });

  it("invitations to one address are throttled, with the message next to the e-mail field", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(secretariat.id);
    const email = fresh();
    const invite = () =>
      run(() =>
        secretariatInvitations.action(
          args(
            request("/secretariat/invitations", {
              cookie,
              form: { role: "secretariat", name: "Colleague", email, locale: "en" },
            }),
          ),
        ),
      );
    for (let i = 0; i < 3; i++) expect((await invite()).status).toBe(302);
    expect(await invite()).toMatchObject({
      status: 429,
      body: { errors: { email: { message: "errors.too_many_requests" } }, values: { email } },
    });
    expect(mailsTo(email, "invitation")).toBe(3);
  });

  it("the message says when to try again in English, French and Arabic", () => {
    expect(translate(en, "errors.too_many_requests", { minutes: 42 })).toBe(
      "Too many requests for this address. Try again in 42 minutes",
    );
    expect(translate(fr, "errors.too_many_requests", { minutes: 42 })).toContain("42 minutes");
    expect(translate(ar, "errors.too_many_requests", { minutes: 42 })).toContain("42");
  });
});
