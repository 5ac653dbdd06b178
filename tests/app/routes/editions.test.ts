import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, criteria, editions } from "../../../db/schema";
import * as list from "../../../app/routes/secretariat.editions._index";
import * as create from "../../../app/routes/secretariat.editions.new";
import * as overview from "../../../app/routes/secretariat.editions.$editionId._index";
import * as settings from "../../../app/routes/secretariat.editions.$editionId.settings";
import * as criteriaRoute from "../../../app/routes/secretariat.editions.$editionId.criteria";
import * as eligibility from "../../../app/routes/secretariat.editions.$editionId.eligibility";
import * as phase from "../../../app/routes/secretariat.editions.$editionId.phase";
import * as call from "../../../app/routes/call";
import { getEditionForSecretariat } from "../../../app/editions/models/edition.server";
import { settingsFormValues } from "../../../app/editions/components/edition-forms";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { newEdition, settingsForm } from "../../fixtures/editions";
import { renderPage } from "../../support/render-page";
import { toLocal } from "../../../app/kernel/domain/paris-time";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});
const DAY = 864e5;

function closeOpenCalls() {
  db().update(editions).set({ phase: "screening" }).where(eq(editions.phase, "call_open")).run();
}

function currentForm(editionId: string, overrides: Record<string, string> = {}): Record<string, string> {
  const e = getEditionForSecretariat({ editionId })!.edition;
  const values = settingsFormValues({
    ...e,
    callOpensAt: e.callOpensAt.getTime(),
    deadlineAt: e.deadlineAt.getTime(),
    scoringOpensAt: e.scoringOpensAt.getTime(),
    scoringClosesAt: e.scoringClosesAt.getTime(),
    announcementAt: e.announcementAt.getTime(),
  });
  return { ...values, editionId, version: String(e.version), ...overrides };
}

describe("editions routes", () => {
  it("every editions page and action answers 404 to an applicant, a nominator-like user or a juror, and writes nothing", async () => {
    const owner = await makeUser({ roles: ["secretariat"] });
    const editionId = newEdition(owner.id);
    const applicant = await makeUser();
    const cookie = await cookieFor(applicant.id);
    const p = { editionId };
    const loaders: [string, (a: ReturnType<typeof args>) => Promise<unknown>, Record<string, string>][] = [
      ["/secretariat/editions", list.loader as never, {}],
      ["/secretariat/editions/new", create.loader as never, {}],
      [`/secretariat/editions/${editionId}`, overview.loader as never, p],
      [`/secretariat/editions/${editionId}/settings`, settings.loader as never, p],
      [`/secretariat/editions/${editionId}/criteria`, criteriaRoute.loader as never, p],
      [`/secretariat/editions/${editionId}/eligibility`, eligibility.loader as never, p],
      [`/secretariat/editions/${editionId}/phase?to=call_open`, phase.loader as never, p],
    ];
    for (const [path, loader, params] of loaders) {
      expect((await run(() => loader(args(request(path, { cookie }), params)))).status, path).toBe(404);
    }
    const actions: [string, (a: ReturnType<typeof args>) => Promise<unknown>, Record<string, string>][] = [
      ["/secretariat/editions/new", create.action as never, settingsForm()],
      [
        `/secretariat/editions/${editionId}/settings`,
        settings.action as never,
        currentForm(editionId, { themeEn: "Hacked" }),
      ],
      [
        `/secretariat/editions/${editionId}/criteria`,
        criteriaRoute.action as never,
        { intent: "save", editionId, key: "hacked", titleEn: "H", titleFr: "H", weight: "1" },
      ],
      [
        `/secretariat/editions/${editionId}/eligibility`,
        eligibility.action as never,
        { intent: "save", editionId, key: "hacked", textEn: "H", textFr: "H" },
      ],
      [
        `/secretariat/editions/${editionId}/phase`,
        phase.action as never,
        { editionId, to: "call_open", confirm: "on" },
      ],
    ];
    for (const [path, action, form] of actions) {
      expect(
        (await run(() => action(args(request(path, { cookie, form }), path.includes("new") ? {} : p)))).status,
        path,
      ).toBe(404);
    }
    const e = getEditionForSecretariat({ editionId })!;
    expect(e.edition.phase).toBe("draft");
    expect(e.edition.themeEn).not.toBe("Hacked");
    expect(e.criteria.some((c) => c.key === "hacked")).toBe(false);
    expect(db().select({ n: count() }).from(editions).get()!.n).toBe(1);
  });

  it("a visitor is sent to sign in", async () => {
    const res = await run(() => list.loader(args(request("/secretariat/editions")) as never));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
  });

  it("an edition id that does not exist answers 404", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const res = await run(() =>
      overview.loader(args(request("/secretariat/editions/nope", { cookie }), { editionId: "nope" }) as never),
    );
    expect(res.status).toBe(404);
  });

  it("the secretariat creates an edition with dates typed in Paris time", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const form = settingsForm({
      callOpensAt: "2031-12-01T09:00",
      deadlineAt: "2032-02-05T23:59",
      scoringOpensAt: "2032-03-01T09:00",
      scoringClosesAt: "2032-07-01T12:00",
      announcementAt: "2032-09-02T10:00",
    });
    const res = await run(() => create.action(args(request("/secretariat/editions/new", { cookie, form })) as never));
    expect(res.status).toBe(302);
    const editionId = res.headers.get("Location")!.split("/")[3].split("?")[0];
    const e = getEditionForSecretariat({ editionId })!.edition;
    expect(e.deadlineAt.toISOString()).toBe("2032-02-05T22:59:00.000Z");
    expect(e.scoringClosesAt.toISOString()).toBe("2032-07-01T10:00:00.000Z");
  });

  it("a deadline before the opening of the call is refused next to the field, nothing written, values kept", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const before = db().select({ n: count() }).from(editions).get()!.n;
    const form = settingsForm({
      themeEn: "Kept theme",
      callOpensAt: "2031-03-01T10:00",
      deadlineAt: "2031-02-01T10:00",
    });
    const res = await run(() => create.action(args(request("/secretariat/editions/new", { cookie, form })) as never));
    expect(res).toMatchObject({
      status: 400,
      body: {
        errors: { deadlineAt: { message: "errors.edition_deadline_order" } },
        values: { themeEn: "Kept theme", deadlineAt: "2031-02-01T10:00" },
      },
    });
    expect(db().select({ n: count() }).from(editions).get()!.n).toBe(before);
  });

  it("a settings form posted for another edition is refused and changes nothing", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const mine = newEdition(user.id);
    const other = newEdition(user.id);
    const form = currentForm(other, { themeEn: "Tampered" });
    const res = await run(() =>
      settings.action(
        args(request(`/secretariat/editions/${mine}/settings`, { cookie, form }), { editionId: mine }) as never,
      ),
    );
    expect(res).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.edition_mismatch" } } } });
    expect(getEditionForSecretariat({ editionId: mine })!.edition.themeEn).not.toBe("Tampered");
    expect(getEditionForSecretariat({ editionId: other })!.edition.themeEn).not.toBe("Tampered");
  });

  it("a deadline moved into the past is refused while the call is open or to come, and on a new edition", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const editionId = newEdition(user.id);
    db().update(editions).set({ phase: "call_open" }).where(eq(editions.id, editionId)).run();
    const before = getEditionForSecretariat({ editionId })!.edition;
    const post = (form: Record<string, string>) =>
      run(() =>
        settings.action(
          args(request(`/secretariat/editions/${editionId}/settings`, { cookie, form }), { editionId }) as never,
        ),
      );
    const past = toLocal(Date.now() - 3_600_000);
    const refused = await post(
      currentForm(editionId, { callOpensAt: toLocal(Date.now() - 86_400_000), deadlineAt: past }),
    );
    expect(refused).toMatchObject({
      status: 400,
      body: { errors: { deadlineAt: { message: "errors.edition_deadline_past" } }, values: { deadlineAt: past } },
    });
    expect(getEditionForSecretariat({ editionId })!.edition).toEqual(before);
    // Nor is a new edition created with its deadline already past.
    const created = await run(() =>
      create.action(
        args(
          request("/secretariat/editions/new", {
            cookie,
            form: settingsForm({ callOpensAt: toLocal(Date.now() - 2 * 86_400_000), deadlineAt: past }),
          }),
        ) as never,
      ),
    );
    expect(created).toMatchObject({
      status: 400,
      body: { errors: { deadlineAt: { message: "errors.edition_deadline_past" } } },
    });
    // Later, with the call closed, the passed deadline stays as it is while another setting changes.
    db()
      .update(editions)
      .set({ phase: "screening", deadlineAt: new Date(Date.now() - 60_000) })
      .where(eq(editions.id, editionId))
      .run();
    expect((await post(currentForm(editionId, { themeEn: "Kept" }))).status).toBe(302);
  });

  it("a stale settings form is refused with a message", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const editionId = newEdition(user.id);
    const form = currentForm(editionId);
    const first = await run(() =>
      settings.action(
        args(request(`/secretariat/editions/${editionId}/settings`, { cookie, form: { ...form, themeEn: "One" } }), {
          editionId,
        }) as never,
      ),
    );
    expect(first.status).toBe(302);
    const second = await run(() =>
      settings.action(
        args(request(`/secretariat/editions/${editionId}/settings`, { cookie, form: { ...form, themeEn: "Two" } }), {
          editionId,
        }) as never,
      ),
    );
    expect(second).toMatchObject({
      status: 400,
      body: { errors: { form: { message: "errors.edition_stale" } }, values: { themeEn: "Two" } },
    });
    expect(getEditionForSecretariat({ editionId })!.edition.themeEn).toBe("One");
    // Each field the colleague saved says so beside it, with what it now holds; a field changed
    // only in this form is not said to be theirs.
    const third = await run(() =>
      settings.action(
        args(
          request(`/secretariat/editions/${editionId}/settings`, {
            cookie,
            form: { ...form, themeEn: "Three", reminderDaysBefore: "9" },
          }),
          { editionId },
        ) as never,
      ),
    );
    const errors = (third.body as { errors: Record<string, unknown> }).errors;
    expect(errors).toEqual({
      form: { message: "errors.edition_stale" },
      themeEn: { message: "errors.edition_saved_meanwhile", vars: { saved: "One" } },
    });
    const html = renderPage(settings.default, {
      locale: "en",
      data: (await run(() => settings.loader(args(request(`/x`, { cookie }), { editionId }) as never))).body,
      actionData: third.body,
    });
    expect(html).toContain("Theme in English: A colleague saved One here meanwhile");
  });

  it("extending the deadline through the settings form is audited", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const editionId = newEdition(user.id);
    const form = currentForm(editionId);
    const newDeadline = form.scoringOpensAt;
    const res = await run(() =>
      settings.action(
        args(
          request(`/secretariat/editions/${editionId}/settings`, {
            cookie,
            form: { ...form, deadlineAt: newDeadline },
          }),
          { editionId },
        ) as never,
      ),
    );
    expect(res.status).toBe(302);
    const row = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, editionId), eq(auditLog.action, "edition.deadline_extended")))
      .get()!;
    expect(JSON.parse(row.details).to).toBe(getEditionForSecretariat({ editionId })!.edition.deadlineAt.toISOString());
  });

  it("the secretariat changes a criterion's weight; a criterion id of another edition is refused", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const editionId = newEdition(user.id);
    const other = newEdition(user.id);
    const c = getEditionForSecretariat({ editionId })!.criteria[1];
    const base = {
      intent: "save",
      editionId,
      key: c.key,
      titleEn: c.titleEn,
      titleFr: c.titleFr,
      titleAr: "",
      guidanceEn: "",
      guidanceFr: "",
      guidanceAr: "",
      "levels.0.score": "1",
      "levels.0.en": "Low",
      "levels.0.fr": "Bas",
      "levels.0.ar": "",
      "levels.1.score": "10",
      "levels.1.en": "High",
      "levels.1.fr": "Haut",
      "levels.1.ar": "",
    };
    const ok = await run(() =>
      criteriaRoute.action(
        args(request(`/x`, { cookie, form: { ...base, criterionId: c.id, weight: "2,5" } }), { editionId }) as never,
      ),
    );
    expect(ok.status).toBe(302);
    const saved = db().select().from(criteria).where(eq(criteria.id, c.id)).get()!;
    expect(saved.weight).toBe(2.5);
    expect(saved.levelDescriptors).toEqual([
      { score: 1, en: "Low", fr: "Bas" },
      { score: 10, en: "High", fr: "Haut" },
    ]);
    const foreign = getEditionForSecretariat({ editionId: other })!.criteria[0];
    const bad = await run(() =>
      criteriaRoute.action(
        args(request(`/x`, { cookie, form: { ...base, key: foreign.key, criterionId: foreign.id, weight: "9" } }), {
          editionId,
        }) as never,
      ),
    );
    expect(bad).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.criterion_unknown" } } } });
    expect(db().select().from(criteria).where(eq(criteria.id, foreign.id)).get()!.weight).toBe(1);
    const tampered = await run(() =>
      criteriaRoute.action(
        args(request(`/x`, { cookie, form: { ...base, editionId: other, criterionId: c.id, weight: "7" } }), {
          editionId,
        }) as never,
      ),
    );
    expect(tampered).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.edition_mismatch" } } } });
  });

  it("removing a criterion needs the confirmation box", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const editionId = newEdition(user.id);
    const c = getEditionForSecretariat({ editionId })!.criteria[0];
    const refused = await run(() =>
      criteriaRoute.action(
        args(request(`/x`, { cookie, form: { intent: "remove", editionId, criterionId: c.id } }), {
          editionId,
        }) as never,
      ),
    );
    expect(refused).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.edition_confirm_required" } } },
    });
    const done = await run(() =>
      criteriaRoute.action(
        args(request(`/x`, { cookie, form: { intent: "remove", editionId, criterionId: c.id, confirm: "on" } }), {
          editionId,
        }) as never,
      ),
    );
    expect(done.status).toBe(302);
    expect(getEditionForSecretariat({ editionId })!.criteria).toHaveLength(4);
  });

  it("the phase page asks for confirmation, opens the call, and the public page shows it", async () => {
    closeOpenCalls();
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const editionId = newEdition(user.id, { themeEn: "Open call theme" });
    expect(
      (
        await run(() =>
          phase.loader(
            args(request(`/secretariat/editions/${editionId}/phase?to=scoring`, { cookie }), { editionId }) as never,
          ),
        )
      ).status,
    ).toBe(404);
    const unconfirmed = await run(() =>
      phase.action(args(request(`/x`, { cookie, form: { editionId, to: "call_open" } }), { editionId }) as never),
    );
    expect(unconfirmed).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.edition_confirm_required" } } },
    });
    const opened = await run(() =>
      phase.action(
        args(request(`/x`, { cookie, form: { editionId, to: "call_open", confirm: "on" } }), { editionId }) as never,
      ),
    );
    expect(opened.status).toBe(302);
    // The same move from a second tab: back to the overview, which says it was already made.
    const already = `/secretariat/editions/${editionId}?phase_already=1`;
    const again = await run(() =>
      phase.action(
        args(request(`/x`, { cookie, form: { editionId, to: "call_open", confirm: "on" } }), { editionId }) as never,
      ),
    );
    expect([again.status, again.headers.get("Location")]).toEqual([302, already]);
    const step = await run(() =>
      phase.loader(
        args(request(`/secretariat/editions/${editionId}/phase?to=call_open`, { cookie }), { editionId }) as never,
      ),
    );
    expect([step.status, step.headers.get("Location")]).toEqual([302, already]);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectId, editionId), eq(auditLog.action, "edition.phase_changed")))
        .all(),
    ).toHaveLength(1);
    const page = await run(() => call.loader(args(request("/call")) as never));
    const body = page.body as {
      call: { edition: { themeEn: string }; criteria: unknown[]; rules: unknown[]; closed: boolean; daysLeft: number };
    };
    expect(body.call.edition.themeEn).toBe("Open call theme");
    expect(body.call.criteria).toHaveLength(5);
    expect(body.call.rules).toHaveLength(4);
    expect(body.call.closed).toBe(false);
    expect(body.call.daysLeft).toBeGreaterThanOrEqual(29);
    const skip = await run(() =>
      phase.action(
        args(request(`/x`, { cookie, form: { editionId, to: "scoring", confirm: "on" } }), { editionId }) as never,
      ),
    );
    expect(skip).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.phase_not_adjacent" } } },
    });
    closeOpenCalls();
  });

  it("the public call page says when the deadline has passed", async () => {
    closeOpenCalls();
    const user = await makeUser({ roles: ["secretariat"] });
    const editionId = newEdition(user.id);
    const past = Date.now() - DAY;
    db()
      .update(editions)
      .set({ phase: "call_open", callOpensAt: new Date(past - 30 * DAY), deadlineAt: new Date(past) })
      .where(eq(editions.id, editionId))
      .run();
    const page = await run(() => call.loader(args(request("/call")) as never));
    expect((page.body as { call: { closed: boolean } }).call.closed).toBe(true);
    closeOpenCalls();
    const none = await run(() => call.loader(args(request("/call")) as never));
    expect((none.body as { call: unknown }).call).toBeNull();
  });

  it("a criterion or rule of another edition cannot be opened for editing through this one", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const mine = newEdition(user.id);
    const other = newEdition(user.id);
    const foreign = getEditionForSecretariat({ editionId: other })!;
    const c = await run(() =>
      criteriaRoute.loader(
        args(request(`/secretariat/editions/${mine}/criteria?edit=${foreign.criteria[0].id}`, { cookie }), {
          editionId: mine,
        }) as never,
      ),
    );
    expect(c.status).toBe(404);
    const r = await run(() =>
      eligibility.loader(
        args(request(`/secretariat/editions/${mine}/eligibility?remove=${foreign.rules[0].id}`, { cookie }), {
          editionId: mine,
        }) as never,
      ),
    );
    expect(r.status).toBe(404);
  });

  it("once scoring has opened, the settings page shows the scale and method as locked", async () => {
    closeOpenCalls();
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const editionId = newEdition(user.id);
    for (const to of ["call_open", "screening", "scoring"]) {
      const res = await run(() =>
        phase.action(args(request(`/x`, { cookie, form: { editionId, to, confirm: "on" } }), { editionId }) as never),
      );
      expect(res.status, to).toBe(302);
    }
    const page = await run(() =>
      settings.loader(args(request(`/secretariat/editions/${editionId}/settings`, { cookie }), { editionId }) as never),
    );
    expect((page.body as { edition: { locked: boolean } }).edition.locked).toBe(true);
    // In Arabic the locked scale reads left to right, "1–10", not "10–1".
    const html = renderPage(settings.default, {
      locale: "ar",
      data: page.body,
      path: `/secretariat/editions/${editionId}/settings`,
    });
    expect(html).toMatch(/<bdi dir="ltr">1–10<\/bdi>/);
    const crit = await run(() =>
      criteriaRoute.loader(
        args(request(`/secretariat/editions/${editionId}/criteria`, { cookie }), { editionId }) as never,
      ),
    );
    expect((crit.body as { edition: { locked: boolean } }).edition.locked).toBe(true);
  });

  it("the overview shows the score scale left to right in Arabic, isolated from the sentence around it", async () => {
    const owner = await makeUser({ roles: ["secretariat"] });
    const editionId = newEdition(owner.id);
    const cookie = await cookieFor(owner.id);
    const path = `/secretariat/editions/${editionId}`;
    const res = await run(() => overview.loader(args(request(path, { cookie }), { editionId }) as never));
    expect(res.status).toBe(200);
    const html = renderPage(overview.default, { locale: "ar", data: res.body, path });
    // Bare in a right-to-left paragraph, "1–10" would show as "10–1".
    expect(html).toMatch(/<bdi dir="ltr">1–10<\/bdi>/);
    // The summary names the automatic reminder's days, and says when it is off.
    expect(renderPage(overview.default, { locale: "en", data: res.body, path })).toMatch(
      /<dt>Automatic reminder to jurors, in days before the end of scoring<\/dt><dd>3<\/dd>/,
    );
    db().update(editions).set({ reminderDaysBefore: 0 }).where(eq(editions.id, editionId)).run();
    const off = await run(() => overview.loader(args(request(path, { cookie }), { editionId }) as never));
    expect(renderPage(overview.default, { locale: "fr", data: off.body, path })).toContain("<dd>Aucun (0)</dd>");
  });
});
