import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, editionObservers, editions, invitations, juryMembers, outbox, users } from "../../../db/schema";
import * as root from "../../../app/root";
import * as acceptPage from "../../../app/routes/invitations.$token";
import * as invitationsPage from "../../../app/routes/secretariat.invitations";
import {
  acceptInvitation,
  createInvitation,
  type InvitationInput,
} from "../../../app/accounts/models/invitations.server";
import { localeCookie } from "../../../app/kernel/i18n/locale.server";
import {
  addJuror,
  cookieFor,
  makeEdition,
  makeEntity,
  makeUser,
  PASSWORD,
  request,
  run,
} from "../../fixtures/builders";
import { renderPage } from "../../support/render-page";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

let sequence = 0;
async function invite(input: Partial<InvitationInput> & Pick<InvitationInput, "role">) {
  const secretariat = await makeUser({ roles: ["secretariat"] });
  const email = input.email ?? `invitee${++sequence}-${Date.now()}@example.org`;
  const created = createInvitation({
    invitedBy: secretariat.id,
    email,
    name: "Amina Diallo",
    locale: "en",
    origin: "http://localhost",
    address: `10.8.0.${sequence}`,
    ...input,
  });
  expect(created.ok).toBe(true);
  const mail = db().select().from(outbox).where(eq(outbox.toAddress, email)).all().at(-1)!;
  return { email, mail, token: mail.textBody.match(/invitations\/([A-Za-z0-9_-]+)/)![1] };
}

const rootLocale = async (path: string, headers: Record<string, string> = {}) => {
  const res = await run(() => root.loader(args(request(path, { headers })) as never));
  return (res.body as { locale: string }).locale;
};

describe("invitations", () => {
  it("the acceptance page is read in the invitation's language unless the visitor chose one with the switch", async () => {
    const entity = makeEntity();
    const { token } = await invite({ role: "nominator", entityId: entity.id, locale: "ar" });
    const english = { "Accept-Language": "en-GB,en;q=0.9" };
    expect(await rootLocale(`/invitations/${token}`, english)).toBe("ar");
    expect(await rootLocale("/login", english)).toBe("en");
    const chosen = (await localeCookie.serialize("fr")).split(";")[0];
    expect(await rootLocale(`/invitations/${token}`, { ...english, Cookie: chosen })).toBe("fr");
    expect(await rootLocale("/invitations/no-such-token", english)).toBe("en");
  });

  it("the invitation e-mail names the nominating entity, or the edition of a jury or of an observer", async () => {
    const entity = makeEntity({ name: "Commission nationale du Sénégal" });
    const nominator = await invite({ role: "nominator", entityId: entity.id, locale: "fr" });
    expect(nominator.mail.textBody).toContain(
      "en tant que membre de l’entité de désignation Commission nationale du Sénégal. Ouvrez ce lien",
    );
    const edition = makeEdition({ year: 2091 });
    const juror = await invite({ role: "juror", editionId: edition.id });
    expect(juror.mail.textBody).toContain(
      "invites you to join the International Jury of the 2091 edition. Open this link",
    );
    const observer = await invite({ role: "observer", editionId: edition.id, locale: "ar" });
    expect(observer.mail.textBody).toContain("بصفة مراقب لدورة عام 2091");
  });

  it("the French invitation e-mail writes each role as French grammar wants, elided and in lower case", async () => {
    const edition = makeEdition({ year: 2092 });
    const observer = await invite({ role: "observer", editionId: edition.id, locale: "fr" });
    expect(observer.mail.textBody).toContain("à rejoindre le système en tant qu’observateur de l’édition 2092 (");
    const colleague = await invite({ role: "secretariat", locale: "fr" });
    expect(colleague.mail.textBody).toContain("en tant que membre du secrétariat du prix. Ouvrez ce lien");
    for (const { mail } of [observer, colleague]) expect(mail.textBody).not.toMatch(/en tant que [A-Z]|que [aeiouéo]/);
  });

  it("a juror invited as chair of the jury is told so in the e-mail, in each language", async () => {
    // One chair a jury: each language's chair is invited to an edition of its own.
    const texts = {
      en: [2093, "invites you to join the International Jury of the 2093 edition, as its chair."],
      fr: [2094, "vous invite à rejoindre le Jury international de l’édition 2094 et à le présider."],
      ar: [2095, "إلى الانضمام إلى لجنة التحكيم الدولية لدورة عام 2095 ورئاستها."],
    } as const;
    for (const [locale, [year, text]] of Object.entries(texts)) {
      const edition = makeEdition({ year });
      const chair = await invite({ role: "juror", editionId: edition.id, isChair: true, locale });
      expect(chair.mail.textBody).toContain(text);
    }
    const member = await invite({ role: "juror", editionId: makeEdition({ year: 2096 }).id });
    expect(member.mail.textBody).not.toContain("chair");
    // The acceptance page says so too.
    const chair = await invite({ role: "juror", editionId: makeEdition({ year: 2097 }).id, isChair: true });
    const page = await run(() =>
      acceptPage.loader(args(request(`/invitations/${chair.token}`), { token: chair.token })),
    );
    const html = renderPage(acceptPage.default, { locale: "en", data: page.body, path: `/invitations/${chair.token}` });
    expect(html.replaceAll("<!-- -->", "")).toContain("chair of the International Jury of the 2097 edition.");
  });

  it("an invitation to an address with an account says to accept with the current password, not to choose one", async () => {
    const edition = makeEdition();
    const existing = await makeUser();
    const texts = {
      en: "You already have an account with this address. To accept, open this link within 14 days and sign in with your current password:",
      fr: "Vous avez déjà un compte avec cette adresse. Pour accepter l’invitation, ouvrez ce lien dans les 14 jours et connectez-vous avec votre mot de passe actuel :",
      ar: "لديك بالفعل حساب بهذا العنوان. لقبول الدعوة، افتح هذا الرابط خلال 14 يوماً وسجّل الدخول بكلمة المرور الحالية:",
    };
    for (const [locale, text] of Object.entries(texts)) {
      const { mail } = await invite({ role: "observer", editionId: edition.id, email: existing.email, locale });
      expect(mail.textBody).toContain(text);
      expect(mail.textBody).not.toMatch(/choose your password|choisir votre mot de passe|واختيار كلمة المرور/);
    }
    const newcomer = await invite({ role: "observer", editionId: edition.id });
    expect(newcomer.mail.textBody).toContain("Open this link within 14 days to accept and choose your password:");
  });

  it("someone signed in as another person opening an invitation is told that accepting signs them in as the invitee", async () => {
    const { email, token } = await invite({ role: "observer", editionId: makeEdition().id });
    const aino = await makeUser({ name: "Aino Virtanen" });
    const cookie = await cookieFor(aino.id);
    const page = await run(() => acceptPage.loader(args(request(`/invitations/${token}`, { cookie }), { token })));
    expect(page.body).toMatchObject({ signedInAs: "Aino Virtanen" });
    const html = renderPage(acceptPage.default, { locale: "en", data: page.body, path: `/invitations/${token}` });
    expect(html.replaceAll("<!-- -->", "")).toContain(
      `You are signed in as Aino Virtanen. Accepting this invitation signs you out of that account and into the one for ${email}.`,
    );
    const anonymous = await run(() => acceptPage.loader(args(request(`/invitations/${token}`), { token })));
    expect(anonymous.body).toMatchObject({ signedInAs: null });
  });

  it("a juror accepting gives their country, languages and expertise, stored on their seat, the audit naming only which were given", async () => {
    const edition = makeEdition();
    const { email, token } = await invite({ role: "juror", editionId: edition.id });
    const page = await run(() => acceptPage.loader(args(request(`/invitations/${token}`), { token })));
    expect(page.body).toMatchObject({ invitation: { role: "juror", editionYear: edition.year } });
    const res = await run(() =>
      acceptPage.action(
        args(
          request(`/invitations/${token}`, {
            form: {
              name: "Amina Diallo",
              password: "dakar learning 2027",
              country: "SN",
              languages: "FR, en",
              expertise: "teacher training, mobile learning",
            },
          }),
          { token },
        ),
      ),
    );
    expect(res.status).toBe(302);
    const user = db().select().from(users).where(eq(users.email, email)).get()!;
    expect(db().select().from(juryMembers).where(eq(juryMembers.userId, user.id)).get()).toMatchObject({
      editionId: edition.id,
      country: "SN",
      languages: ["fr", "en"],
      expertise: ["teacher training", "mobile learning"],
    });
    const accepted = db().select().from(auditLog).where(eq(auditLog.action, "invitation.accepted")).all().at(-1)!;
    // The values are the seat's; the audit log, which is never erased, keeps none (decision 020).
    expect(JSON.parse(accepted.details)).toEqual({ profile: ["country", "languages", "expertise"] });
  });

  it("a juror invited again to the seat they hold replaces their profile with the one they just gave", async () => {
    const edition = makeEdition();
    const accept = async (token: string, country: string, expertise: string) =>
      run(() =>
        acceptPage.action(
          args(
            request(`/invitations/${token}`, {
              form: { name: "Amina Diallo", password: "dakar learning 2027", country, languages: "fr", expertise },
            }),
            { token },
          ),
        ),
      );
    const first = await invite({ role: "juror", editionId: edition.id });
    expect((await accept(first.token, "SN", "radio schools")).status).toBe(302);
    const again = await invite({ role: "juror", editionId: edition.id, email: first.email });
    expect((await accept(again.token, "CI", "teacher training")).status).toBe(302);
    const user = db().select().from(users).where(eq(users.email, first.email)).get()!;
    const seats = db().select().from(juryMembers).where(eq(juryMembers.userId, user.id)).all();
    expect(seats).toHaveLength(1);
    expect(seats[0]).toMatchObject({ country: "CI", languages: ["fr"], expertise: ["teacher training"] });
  });

  it("no juror is invited to a jury whose scoring has closed, nor seated by an invitation opened after it closed", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const announced = makeEdition();
    db().update(editions).set({ phase: "announced" }).where(eq(editions.id, announced.id)).run();
    const base = { invitedBy: secretariat.id, name: "Late Juror", locale: "en" as const, origin: "http://localhost" };
    expect(
      createInvitation({
        ...base,
        email: "late@example.org",
        role: "juror",
        editionId: announced.id,
        address: "10.9.0.1",
      }),
    ).toEqual({ ok: false, field: "editionId", error: "errors.invitation_jury_closed" });
    // An observer still may be: the process is theirs to read, whenever they are asked.
    expect(
      createInvitation({
        ...base,
        email: "obs@example.org",
        role: "observer",
        editionId: announced.id,
        address: "10.9.0.2",
      }).ok,
    ).toBe(true);
    const form = await (async () => {
      const cookie = await cookieFor(secretariat.id);
      const res = await run(() =>
        invitationsPage.loader(args(request("/secretariat/invitations?new=juror", { cookie })) as never),
      );
      return res.body as { editions: { id: string }[] };
    })();
    expect(form.editions.map((e) => e.id)).not.toContain(announced.id);

    // Sent while the jury scored, opened once scoring had closed.
    const scoring = makeEdition();
    const { email, token } = await invite({ role: "juror", editionId: scoring.id });
    db().update(editions).set({ phase: "deliberation" }).where(eq(editions.id, scoring.id)).run();
    const page = await run(() => acceptPage.loader(args(request(`/invitations/${token}`), { token })));
    expect(page.body).toEqual({ invitation: null, juryClosed: scoring.year });
    const form2 = { name: "Late Juror", password: "dakar learning 2027", country: "SN", languages: "fr" };
    const res = await run(() => acceptPage.action(args(request(`/invitations/${token}`, { form: form2 }), { token })));
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { password: { message: "errors.invitation_jury_closed" } } },
    });
    expect(await acceptInvitation({ token, name: "Late", password: "dakar learning 2027" })).toMatchObject({
      ok: false,
      error: "errors.invitation_jury_closed",
    });
    expect(db().select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
    expect(db().select().from(juryMembers).where(eq(juryMembers.editionId, scoring.id)).all()).toEqual([]);
  });

  it("a juror's acceptance without a country is refused next to the field, keeps what was typed and writes nothing", async () => {
    const edition = makeEdition();
    const { email, token } = await invite({ role: "juror", editionId: edition.id });
    const auditRows = () => db().select({ n: count() }).from(auditLog).get()!.n;
    const before = auditRows();
    const res = await run(() =>
      acceptPage.action(
        args(
          request(`/invitations/${token}`, {
            form: { name: "Amina Diallo", password: "dakar learning 2027", country: "", languages: "fr" },
          }),
          { token },
        ),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: { country: { message: "errors.juror_country_required" } },
      values: { name: "Amina Diallo", country: "", languages: "fr" },
    });
    expect(db().select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
    expect(await acceptInvitation({ token, name: "Amina Diallo", password: "dakar learning 2027" })).toEqual({
      ok: false,
      field: "country",
      error: "errors.juror_country_required",
    });
    expect(db().select().from(juryMembers).where(eq(juryMembers.editionId, edition.id)).all()).toEqual([]);
    expect(auditRows()).toBe(before);
  });
});

describe("the invitation form, one role at a time", () => {
  const formFor = async (search: string) => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(secretariat.id);
    const res = await run(() =>
      invitationsPage.loader(args(request(`/secretariat/invitations${search}`, { cookie })) as never),
    );
    expect(res.status).toBe(200);
    return res.body as { entities: { id: string }[]; editions: { id: string }[] };
  };

  it("carries only the long list the chosen role needs: the entities for a nominator, the editions for a jury", async () => {
    // An NGO: a National Commission's country, which the builder cycles through, may already be taken.
    const entity = makeEntity({ kind: "ngo" });
    const edition = makeEdition();
    const nominator = await formFor("?new=nominator");
    expect(nominator.entities.map((e) => e.id)).toContain(entity.id);
    expect(nominator.editions).toEqual([]);
    for (const role of ["juror", "observer"]) {
      const jury = await formFor(`?new=${role}`);
      expect(jury.entities).toEqual([]);
      expect(jury.editions.map((e) => e.id)).toContain(edition.id);
    }
    for (const search of ["?new=1", "?new=secretariat", "?new=admin", ""])
      expect(await formFor(search)).toMatchObject({ entities: [], editions: [] });
  });
});

describe("an observer who sits on the jury", () => {
  it("is not invited to observe the edition they judge, nor seated as its observer by an older invitation", async () => {
    const edition = makeEdition();
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const juror = await makeUser({ roles: [] });
    addJuror(edition.id, juror.id);
    const input = {
      invitedBy: secretariat.id,
      role: "observer" as const,
      editionId: edition.id,
      name: "Hiro Tanaka",
      locale: "en",
      origin: "http://localhost",
      address: "10.9.0.1",
    };
    // The address as typed, in capitals: still the juror's.
    expect(createInvitation({ ...input, email: juror.email.toUpperCase() })).toEqual({
      ok: false,
      field: "email",
      error: "errors.observer_on_jury",
    });
    expect(db().select().from(invitations).where(eq(invitations.email, juror.email)).all()).toEqual([]);
    // Invited before being seated, accepting afterwards: refused, and nothing is granted.
    const later = await makeUser({ roles: [] });
    const { token } = await invite({ ...input, email: later.email });
    addJuror(edition.id, later.id);
    expect(await acceptInvitation({ token, name: "Later Juror", password: PASSWORD })).toMatchObject({
      ok: false,
      error: "errors.observer_invitee_on_jury",
    });
    expect(db().select().from(editionObservers).where(eq(editionObservers.userId, later.id)).all()).toEqual([]);
    expect(db().select().from(invitations).where(eq(invitations.email, later.email)).get()!.acceptedAt).toBeNull();
  });

  it("is not invited to the jury of the edition they observe, nor seated by an older invitation", async () => {
    const edition = makeEdition();
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const observer = await makeUser({ roles: [] });
    db().insert(editionObservers).values({ editionId: edition.id, userId: observer.id }).run();
    const input = {
      invitedBy: secretariat.id,
      role: "juror" as const,
      editionId: edition.id,
      name: "Olga Observer",
      locale: "en",
      origin: "http://localhost",
      address: "10.9.0.2",
    };
    expect(createInvitation({ ...input, email: observer.email })).toEqual({
      ok: false,
      field: "email",
      error: "errors.juror_observes",
    });
    const later = await makeUser({ roles: [] });
    const { token } = await invite({ ...input, email: later.email });
    db().insert(editionObservers).values({ editionId: edition.id, userId: later.id }).run();
    const profile = { country: "NO", languages: ["en"], expertise: [] };
    expect(await acceptInvitation({ token, name: "Later", password: PASSWORD, profile })).toMatchObject({
      ok: false,
      error: "errors.juror_invitee_observes",
    });
    expect(db().select().from(juryMembers).where(eq(juryMembers.userId, later.id)).all()).toEqual([]);
  });
});

describe("withdrawing an invitation", () => {
  it("is confirmed on a page of its own, audited, closes the link, and the list says withdrawn", async () => {
    const entity = makeEntity({ kind: "ngo" });
    const { token, email } = await invite({ role: "nominator", entityId: entity.id });
    const row = db().select().from(invitations).where(eq(invitations.email, email)).get()!;
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(secretariat.id);
    const page = (search: string) =>
      run(() => invitationsPage.loader(args(request(`/secretariat/invitations${search}`, { cookie })) as never));
    const post = (form: Record<string, string>) =>
      run(() => invitationsPage.action(args(request(`/secretariat/invitations`, { cookie, form })) as never));
    // The list offers the withdrawal; its step names the invitation and changes nothing yet.
    const list = await page("");
    const listHtml = renderPage(invitationsPage.default, {
      locale: "en",
      data: list.body,
      path: "/secretariat/invitations",
    });
    expect(listHtml).toContain(`href="/secretariat/invitations?withdraw=${row.id}"`);
    expect(listHtml).toContain('aria-label="Withdraw the invitation to Amina Diallo"');
    const step = await page(`?withdraw=${row.id}`);
    expect(step.status).toBe(200);
    for (const locale of ["en", "fr", "ar"] as const) {
      const html = renderPage(invitationsPage.default, { locale, data: step.body });
      expect(html).toContain(`name="invitationId" value="${row.id}"`);
      expect(html).toContain(email);
    }
    expect(renderPage(invitationsPage.default, { locale: "en", data: step.body })).toContain(
      "will no longer open: accepting it will be impossible",
    );
    expect(db().select().from(invitations).where(eq(invitations.id, row.id)).get()!.withdrawnAt).toBeNull();
    // Confirmed: the link no longer opens, the audit says who withdrew which role's invitation.
    const done = await post({ intent: "withdraw", invitationId: row.id });
    expect(done.headers.get("Location")).toBe("/secretariat/invitations?withdrawn=1");
    const closed = await run(() => acceptPage.loader(args(request(`/invitations/${token}`), { token }) as never));
    expect(closed.body).toMatchObject({ invitation: null, withdrawn: true });
    expect(renderPage(acceptPage.default, { locale: "fr", data: closed.body })).toContain(
      "Le secrétariat du Prix a retiré cette invitation",
    );
    const audit = db().select().from(auditLog).where(eq(auditLog.objectId, row.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["invitation.created", "invitation.withdrawn"]);
    expect([audit[1].actorId, JSON.parse(audit[1].details)]).toEqual([
      secretariat.id,
      { role: "nominator", editionId: null, entityId: entity.id },
    ]);
    const after = renderPage(invitationsPage.default, {
      locale: "en",
      data: (await page("?withdrawn=1")).body,
      path: "/secretariat/invitations?withdrawn=1",
    });
    expect(after).toContain("The invitation is withdrawn: its link no longer opens.");
    expect(after).toContain("Withdrawn on ");
    expect(after).not.toContain(`?withdraw=${row.id}`);
    // Back to its step: the list says it is no longer open; a made-up id is no page.
    expect((await page(`?withdraw=${row.id}`)).headers.get("Location")).toBe(
      "/secretariat/invitations?not_withdrawn=1",
    );
    expect((await page("?withdraw=not-an-invitation")).status).toBe(404);
    // A second post (another tab) changes nothing and says so.
    expect((await post({ intent: "withdraw", invitationId: row.id })).headers.get("Location")).toBe(
      "/secretariat/invitations?not_withdrawn=1",
    );
    expect(db().select().from(auditLog).where(eq(auditLog.objectId, row.id)).all()).toHaveLength(2);
  });

  it("inviting the same address to the same place again withdraws the open invitation: only the new link is accepted", async () => {
    const entity = makeEntity({ kind: "ngo" });
    const other = makeEntity({ kind: "ngo" });
    const email = `again-${Date.now()}@example.org`;
    const first = await invite({ role: "nominator", entityId: entity.id, email });
    const elsewhere = await invite({ role: "nominator", entityId: other.id, email });
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(secretariat.id);
    const form = { role: "nominator", name: "Amina Diallo", email, locale: "en", entityId: entity.id };
    const sent = await run(() =>
      invitationsPage.action(args(request(`/secretariat/invitations`, { cookie, form })) as never),
    );
    expect(sent.headers.get("Location")).toBe("/secretariat/invitations?sent=again");
    const notice = renderPage(invitationsPage.default, {
      locale: "en",
      data: (
        await run(() =>
          invitationsPage.loader(args(request("/secretariat/invitations?sent=again", { cookie })) as never),
        )
      ).body,
      path: "/secretariat/invitations?sent=again",
    });
    expect(notice).toContain(
      "The earlier invitation to this address for the same role was withdrawn: only the new link works.",
    );
    const rows = db().select().from(invitations).where(eq(invitations.email, email)).all();
    expect(rows.map((r) => [r.entityId, r.withdrawnAt === null])).toEqual([
      [entity.id, false],
      [other.id, true],
      [entity.id, true],
    ]);
    const withdrawal = db().select().from(auditLog).where(eq(auditLog.objectId, rows[0].id)).all().at(-1)!;
    expect([withdrawal.action, withdrawal.actorId]).toEqual(["invitation.withdrawn", secretariat.id]);
    // The first link says it was withdrawn; the other entity's invitation is untouched.
    const closed = await run(() =>
      acceptPage.loader(args(request(`/invitations/${first.token}`), { token: first.token }) as never),
    );
    expect(closed.body).toMatchObject({ invitation: null, withdrawn: true });
    const open = await run(() =>
      acceptPage.loader(args(request(`/invitations/${elsewhere.token}`), { token: elsewhere.token }) as never),
    );
    expect(open.body).toMatchObject({ invitation: { role: "nominator", entityName: other.name } });
  });

  it("an accepted invitation offers no withdrawal step, and no other role reaches one", async () => {
    const entity = makeEntity({ kind: "ngo" });
    const { token, email } = await invite({ role: "nominator", entityId: entity.id });
    const row = db().select().from(invitations).where(eq(invitations.email, email)).get()!;
    expect(await acceptInvitation({ token, password: "a long enough password 1", name: "Amina Diallo" })).toMatchObject(
      {
        ok: true,
      },
    );
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(secretariat.id);
    const step = await run(() =>
      invitationsPage.loader(args(request(`/secretariat/invitations?withdraw=${row.id}`, { cookie })) as never),
    );
    expect(step.headers.get("Location")).toBe("/secretariat/invitations?not_withdrawn=1");
    // Its link, accepted, is not said to be withdrawn.
    const used = await run(() => acceptPage.loader(args(request(`/invitations/${token}`), { token }) as never));
    expect(used.body).toMatchObject({ invitation: null, withdrawn: false });
    // Another role asking for the step, or posting the withdrawal, finds no such page.
    const nominator = await makeUser({ roles: [] });
    const other = await cookieFor(nominator.id);
    const forged = await run(() =>
      invitationsPage.action(
        args(
          request(`/secretariat/invitations`, { cookie: other, form: { intent: "withdraw", invitationId: row.id } }),
        ) as never,
      ),
    );
    expect(forged.status).toBe(404);
  });
});
