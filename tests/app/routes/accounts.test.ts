import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { invitations, users } from "../../../db/schema";
import * as register from "../../../app/routes/register";
import * as language from "../../../app/routes/language";
import * as login from "../../../app/routes/login";
import * as secretariatHome from "../../../app/routes/secretariat._index";
import * as secretariatInvitations from "../../../app/routes/secretariat.invitations";
import * as secretariatEntities from "../../../app/routes/secretariat.entities";
import * as account from "../../../app/routes/account";
import { cookieFor, makeUser, PASSWORD, request, run } from "../../fixtures/builders";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

describe("account routes", () => {
  it("registration with a weak password answers with the error and keeps what was typed except the password", async () => {
    const res = await run(() =>
      register.action(
        args(
          request("/register", {
            form: { name: "Léa Martin", email: "lea@example.org", password: "password1234", locale: "fr" },
          }),
        ),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: { password: { message: "errors.password_common" } },
      values: { name: "Léa Martin", email: "lea@example.org", locale: "fr" },
    });
    expect(db().select({ n: count() }).from(users).where(eq(users.email, "lea@example.org")).get()!.n).toBe(0);
  });

  it("registration with a short password, a bad e-mail and a language that does not exist reports each field", async () => {
    const res = await run(() =>
      register.action(
        args(request("/register", { form: { name: "", email: "not-an-email", password: "short", locale: "xx" } })),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      errors: {
        name: { message: "errors.required" },
        email: { message: "errors.email_invalid" },
        password: { message: "errors.password_short" },
        locale: { message: "errors.locale_invalid" },
      },
    });
  });

  it("registration sends to the check-your-e-mail page and signs nobody in until the link is followed", async () => {
    const res = await run(() =>
      register.action(
        args(
          request("/register", { form: { name: "Kofi", email: "kofi@example.org", password: PASSWORD, locale: "en" } }),
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/register?sent=1");
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("a wrong password is refused with a message on the e-mail field", async () => {
    await makeUser({ email: "wrongpw@example.org" });
    const res = await run(() =>
      login.action(args(request("/login", { form: { email: "wrongpw@example.org", password: "not the password" } }))),
    );
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { email: { message: "errors.login_failed" } }, values: { email: "wrongpw@example.org" } },
    });
  });

  it("sign-in never redirects to another site", async () => {
    await makeUser({ email: "redirect@example.org" });
    const res = await run(() =>
      login.action(
        args(
          request("/login", {
            form: { email: "redirect@example.org", password: PASSWORD, redirectTo: "//evil.example/steal" },
          }),
        ),
      ),
    );
    expect(res.headers.get("Location")).toBe("/dashboard");
  });

  it("the language switch refuses a language that does not exist", async () => {
    // Thrown, for the error page: a page posted to /language is rendered by its loader, which
    // redirects home, so an answer returned as data was never seen.
    await expect(
      language.action(args(request("/language", { form: { lang: "xx", redirectTo: "/" } }))),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("the language switch sets the cookie and the signed-in user's profile", async () => {
    const user = await makeUser({ locale: "en" });
    const cookie = await cookieFor(user.id);
    const res = await run(() =>
      language.action(args(request("/language", { form: { lang: "ar", redirectTo: "/account" }, cookie }))),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account");
    expect(res.headers.get("Set-Cookie")).toMatch(/^lang=/);
    expect(db().select().from(users).where(eq(users.id, user.id)).get()!.locale).toBe("ar");
  });

  it("secretariat pages answer 404 to an applicant and send a visitor to sign in", async () => {
    const applicant = await makeUser();
    const asVisitor = await run(() => secretariatHome.loader(args(request("/secretariat"))));
    expect(asVisitor.status).toBe(302);
    const denied = await run(async () =>
      secretariatInvitations.loader(
        args(request("/secretariat/invitations", { cookie: await cookieFor(applicant.id) })),
      ),
    );
    expect(denied.status).toBe(404);
    const post = await run(async () =>
      secretariatInvitations.action(
        args(
          request("/secretariat/invitations", {
            cookie: await cookieFor(applicant.id),
            form: { role: "secretariat", name: "Me", email: "me@example.org", locale: "en" },
          }),
        ),
      ),
    );
    expect(post.status).toBe(404);
    expect(db().select({ n: count() }).from(invitations).get()!.n).toBe(0);
  });

  it("a page number too large for the database is an empty page past the last, not a server error", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(secretariat.id);
    for (const page of ["99999999999999999999", "1e20", "1e400", "9007199254740993", "-5", "abc"]) {
      const invitationsPage = await run(() =>
        secretariatInvitations.loader(args(request(`/secretariat/invitations?page=${page}`, { cookie }))),
      );
      expect(invitationsPage.status, `invitations ?page=${page}`).toBe(200);
      const entitiesPage = await run(() =>
        secretariatEntities.loader(args(request(`/secretariat/entities?page=${page}`, { cookie }))),
      );
      expect(entitiesPage.status, `entities ?page=${page}`).toBe(200);
    }
  });

  it("an invitation for a juror without an edition is refused next to the field", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const res = await run(async () =>
      secretariatInvitations.action(
        args(
          request("/secretariat/invitations", {
            cookie: await cookieFor(secretariat.id),
            form: { role: "juror", name: "Juror", email: "juror@example.org", locale: "en", editionId: "" },
          }),
        ),
      ),
    );
    expect(res).toMatchObject({
      status: 400,
      body: {
        errors: { editionId: { message: "errors.edition_required" } },
        values: { name: "Juror", email: "juror@example.org" },
      },
    });
  });

  it("a user cannot revoke another user's session by guessing its id", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    await cookieFor(bob.id);
    const bobSession = db()
      .select()
      .from((await import("../../../db/schema")).sessions)
      .all()
      .find((s) => s.userId === bob.id)!;
    const res = await run(async () =>
      account.action(
        args(
          request("/account", {
            cookie: await cookieFor(alice.id),
            form: { intent: "revoke", sessionId: bobSession.id },
          }),
        ),
      ),
    );
    expect(res.status).toBe(404);
  });
});
