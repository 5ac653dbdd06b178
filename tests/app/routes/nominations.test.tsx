import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { renderPage } from "../../support/render-page";
import { applications, editions, entityEditionSettings, nominationLetters } from "../../../db/schema";
import * as workspace from "../../../app/routes/nominations._index";
import * as detail from "../../../app/routes/nominations.$applicationId";
import * as letterRoute from "../../../app/routes/nomination-letters.$letterId";
import { addEntityMember, cookieFor, makeEdition, makeEntity, makeUser, request, run } from "../../fixtures/builders";
import { makeApplication, PDF_BYTES } from "../../fixtures/nominations";

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

function multipart(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array; type?: string },
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (file)
    body.set("letter", new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body });
}

async function world() {
  const edition = makeEdition();
  const entityA = makeEntity({ country: null, kind: "ngo" });
  const entityB = makeEntity({ country: null, kind: "ngo" });
  const nominatorA = await makeUser({ roles: [] });
  const nominatorB = await makeUser({ roles: [] });
  addEntityMember(entityA.id, nominatorA.id);
  addEntityMember(entityB.id, nominatorB.id);
  const applicant = await makeUser();
  return {
    edition,
    entityA,
    entityB,
    nominatorA,
    nominatorB,
    applicant,
    cookieA: await cookieFor(nominatorA.id),
    cookieB: await cookieFor(nominatorB.id),
  };
}

describe("nomination routes", () => {
  it("the workspace lists the applications sent to the entity with the quota, and answers 404 to an applicant", async () => {
    const w = await world();
    makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id, title: "Listed" });
    makeApplication({
      editionId: w.edition.id,
      applicantId: w.applicant.id,
      entityId: w.entityA.id,
      title: "Still a draft",
      state: "draft",
    });
    // The workspace shows the latest edition whose call is open or in screening.
    db().update(editions).set({ phase: "call_open", year: 3000 }).where(eq(editions.id, w.edition.id)).run();
    const res = await run(() => workspace.loader(args(request("/nominations", { cookie: w.cookieA }))));
    expect(res.status).toBe(200);
    const body = res.body as { applications: { title: string }[]; quota: { used: number; quota: number } };
    expect(body.applications.map((a) => a.title)).toEqual(["Listed"]);
    expect(body.quota).toEqual({ used: 0, quota: 3 });
    const applicantCookie = await cookieFor(w.applicant.id);
    expect((await run(() => workspace.loader(args(request("/nominations", { cookie: applicantCookie }))))).status).toBe(
      404,
    );
    expect(
      (await run(() => workspace.loader(args(request(`/nominations?entity=${w.entityB.id}`, { cookie: w.cookieA })))))
        .status,
    ).toBe(404);
  });

  it("while the next call is open, the workspace still lists the entity's applications of its latest earlier edition", async () => {
    const w = await world();
    db().update(editions).set({ phase: "announced", year: 3990 }).where(eq(editions.id, w.edition.id)).run();
    makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id, title: "Earlier" });
    const next = makeEdition({ year: 3991 });
    db().update(editions).set({ phase: "call_open" }).where(eq(editions.id, next.id)).run();
    makeApplication({ editionId: next.id, applicantId: w.applicant.id, entityId: w.entityA.id, title: "Current" });
    const res = await run(() => workspace.loader(args(request("/nominations", { cookie: w.cookieA }))));
    const body = res.body as {
      edition: { id: string };
      applications: { title: string }[];
      earlier: { id: string; year: number; applications: { title: string }[] } | null;
    };
    expect(body.edition.id).toBe(next.id);
    expect(body.applications.map((a) => a.title)).toEqual(["Current"]);
    expect(body.earlier).toMatchObject({ id: w.edition.id, year: 3990, applications: [{ title: "Earlier" }] });
    const Workspace = workspace.default;
    const html = renderPage(() => <Workspace />, { locale: "en", data: body, path: "/nominations" });
    expect(html).toContain("Earlier");
    expect(html).toContain("3990");
  });

  it("with no call open, the workspace says the last edition's applications are below rather than none are listed", async () => {
    const w = await world();
    // No call open or in screening anywhere (earlier tests of this file left some).
    db()
      .update(editions)
      .set({ phase: "announced" })
      .where(inArray(editions.phase, ["call_open", "screening"]))
      .run();
    db().update(editions).set({ year: 3992 }).where(eq(editions.id, w.edition.id)).run();
    makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id, title: "Last" });
    const res = await run(() => workspace.loader(args(request("/nominations", { cookie: w.cookieA }))));
    const Workspace = workspace.default;
    const html = renderPage(() => <Workspace />, { locale: "en", data: res.body, path: "/nominations" });
    expect(html).toContain("The applications sent to your entity for the last edition are below");
    expect(html).not.toContain("will be listed here when the next call opens");
    expect(html).toContain("Last");
    // One that waited past the deadline reads as the applicant reads it: not nominated.
    expect(html).toContain("Not nominated: the UNESCO deadline has passed");
    expect(html).not.toContain("Waiting for your decision");
  });

  it("a nominator of entity B gets 404 reading, returning or nominating entity A's application by guessing its id, and for a draft", async () => {
    const w = await world();
    const app = makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id });
    const draft = makeApplication({
      editionId: w.edition.id,
      applicantId: w.applicant.id,
      entityId: w.entityB.id,
      state: "draft",
    });
    expect(
      (
        await run(() =>
          detail.loader(args(request(`/nominations/${app.id}`, { cookie: w.cookieB }), { applicationId: app.id })),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await run(() =>
          detail.loader(args(request(`/nominations/${draft.id}`, { cookie: w.cookieB }), { applicationId: draft.id })),
        )
      ).status,
    ).toBe(404);
    const ret = await run(() =>
      detail.action(
        args(
          request(`/nominations/${app.id}`, {
            cookie: w.cookieB,
            form: { intent: "return", applicationId: app.id, entityId: w.entityB.id, comment: "x" },
          }),
          { applicationId: app.id },
        ),
      ),
    );
    expect(ret.status).toBe(404);
    const nom = await run(() =>
      detail.action(
        args(
          multipart(
            `/nominations/${app.id}`,
            w.cookieB,
            { intent: "nominate", applicationId: app.id, entityId: w.entityA.id, confirm: "on" },
            { name: "l.pdf", bytes: PDF_BYTES },
          ),
          { applicationId: app.id },
        ),
      ),
    );
    expect(nom.status).toBe(404);
    expect(db().select().from(applications).where(eq(applications.id, app.id)).get()!.state).toBe("awaiting_nominator");
    expect(
      (
        await run(() =>
          detail.loader(args(request(`/nominations/${app.id}`, { cookie: w.cookieA }), { applicationId: app.id })),
        )
      ).status,
    ).toBe(200);
  });

  it("a tampered entityId or applicationId is refused with a clear message, nothing written, the comment kept", async () => {
    const w = await world();
    const app = makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id });
    const other = makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id });
    for (const form of [
      { intent: "return", applicationId: app.id, entityId: w.entityB.id, comment: "Please add evidence" },
      { intent: "return", applicationId: other.id, entityId: w.entityA.id, comment: "Please add evidence" },
    ]) {
      const res = await run(() =>
        detail.action(args(request(`/nominations/${app.id}`, { cookie: w.cookieA, form }), { applicationId: app.id })),
      );
      expect(res).toMatchObject({
        status: 400,
        body: { errors: { comment: { message: "errors.form_tampered" } }, values: { comment: "Please add evidence" } },
      });
    }
    expect(db().select().from(applications).where(eq(applications.id, app.id)).get()!.state).toBe("awaiting_nominator");
    expect(db().select().from(applications).where(eq(applications.id, other.id)).get()!.state).toBe(
      "awaiting_nominator",
    );
  });

  it("return without a comment and decline without confirmation are refused next to the field", async () => {
    const w = await world();
    const app = makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id });
    const ids = { applicationId: app.id, entityId: w.entityA.id };
    const ret = await run(() =>
      detail.action(
        args(
          request(`/nominations/${app.id}`, { cookie: w.cookieA, form: { intent: "return", ...ids, comment: " " } }),
          { applicationId: app.id },
        ),
      ),
    );
    expect(ret).toMatchObject({ status: 400, body: { errors: { comment: { message: "errors.required" } } } });
    const dec = await run(() =>
      detail.action(
        args(
          request(`/nominations/${app.id}`, {
            cookie: w.cookieA,
            form: { intent: "decline", ...ids, reason: "Out of scope" },
          }),
          { applicationId: app.id },
        ),
      ),
    );
    expect(dec).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.confirm_required" } }, values: { reason: "Out of scope" } },
    });
    const ok = await run(() =>
      detail.action(
        args(
          request(`/nominations/${app.id}`, {
            cookie: w.cookieA,
            form: { intent: "decline", ...ids, reason: "Out of scope", confirm: "on" },
          }),
          { applicationId: app.id },
        ),
      ),
    );
    expect(ok.status).toBe(302);
    expect(db().select().from(applications).where(eq(applications.id, app.id)).get()!.state).toBe("declined");
  });

  it("nominating with an uploaded PDF works without JavaScript; a non-PDF is refused; a fourth is refused naming the quota", async () => {
    const w = await world();
    const apps = [1, 2, 3, 4].map(() =>
      makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id }),
    );
    const post = (id: string, file: { name: string; bytes: Uint8Array }) =>
      run(() =>
        detail.action(
          args(
            multipart(
              `/nominations/${id}`,
              w.cookieA,
              { intent: "nominate", applicationId: id, entityId: w.entityA.id, confirm: "on" },
              file,
            ),
            { applicationId: id },
          ),
        ),
      );
    const notPdf = await post(apps[0].id, { name: "letter.pdf", bytes: new TextEncoder().encode("GIF89a...") });
    expect(notPdf).toMatchObject({ status: 400, body: { errors: { letter: { message: "errors.letter_not_pdf" } } } });
    // The box unticked too: both are said in one round, not the letter only once the box is ticked.
    const both = await run(() =>
      detail.action(
        args(
          multipart(
            `/nominations/${apps[0].id}`,
            w.cookieA,
            { intent: "nominate", applicationId: apps[0].id, entityId: w.entityA.id },
            { name: "letter.png", bytes: new TextEncoder().encode("\x89PNG...") },
          ),
          { applicationId: apps[0].id },
        ),
      ),
    );
    expect((both.body as { errors: Record<string, { message: string }> }).errors).toEqual({
      confirm: { message: "errors.confirm_required" },
      letter: { message: "errors.letter_not_pdf" },
    });
    for (const app of apps.slice(0, 3)) {
      const res = await post(app.id, { name: "letter.pdf", bytes: PDF_BYTES });
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toContain("done=nominated");
    }
    const fourth = await post(apps[3].id, { name: "letter.pdf", bytes: PDF_BYTES });
    expect(fourth).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.quota_reached", vars: { quota: 3 } } } },
    });
    expect(db().select().from(applications).where(eq(applications.id, apps[3].id)).get()!.state).toBe(
      "awaiting_nominator",
    );
  });

  it("a nomination letter downloads for the entity's members and the secretariat, and answers 404 to others", async () => {
    const w = await world();
    const app = makeApplication({ editionId: w.edition.id, applicantId: w.applicant.id, entityId: w.entityA.id });
    await run(() =>
      detail.action(
        args(
          multipart(
            `/nominations/${app.id}`,
            w.cookieA,
            { intent: "nominate", applicationId: app.id, entityId: w.entityA.id, confirm: "on" },
            { name: "lettre désignation.pdf", bytes: PDF_BYTES },
          ),
          { applicationId: app.id },
        ),
      ),
    );
    const letter = db().select().from(nominationLetters).where(eq(nominationLetters.applicationId, app.id)).get()!;
    const get = (cookie: string) =>
      letterRoute.loader(args(request(`/nomination-letters/${letter.id}`, { cookie }), { letterId: letter.id }));
    const mine = (await get(w.cookieA)) as Response;
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(PDF_BYTES);
    const secretariat = await makeUser({ roles: ["secretariat"] });
    expect(((await get(await cookieFor(secretariat.id))) as Response).status).toBe(200);
    expect((await run(() => get(w.cookieB))).status).toBe(404);
    expect((await run(() => get(w.cookieB.replace(/./, "x")))).status).toBe(302);
  });

  it("the internal deadline is saved in Paris time; a tampered edition or entity id is refused with nothing written", async () => {
    const w = await world();
    const at = (iso: string) => new Date(iso);
    db()
      .update(editions)
      .set({
        phase: "screening",
        deadlineAt: at("2031-06-01T10:00:00Z"),
        scoringOpensAt: at("2031-07-01T10:00:00Z"),
        scoringClosesAt: at("2031-08-01T10:00:00Z"),
        announcementAt: at("2031-12-01T10:00:00Z"),
      })
      .where(eq(editions.id, w.edition.id))
      .run();
    const other = makeEdition();
    const post = (form: Record<string, string>) =>
      run(() => workspace.action(args(request("/nominations?index", { cookie: w.cookieA, form }))));
    const tamperedEdition = await post({
      entityId: w.entityA.id,
      editionId: other.id,
      internalDeadline: "2031-03-01T18:00",
    });
    expect(tamperedEdition).toMatchObject({
      status: 400,
      body: {
        errors: { internalDeadline: { message: "errors.form_tampered" } },
        values: { internalDeadline: "2031-03-01T18:00" },
      },
    });
    const tamperedEntity = await post({
      entityId: w.entityB.id,
      editionId: w.edition.id,
      internalDeadline: "2031-03-01T18:00",
    });
    expect(tamperedEntity).toMatchObject({
      status: 400,
      body: { errors: { internalDeadline: { message: "errors.form_tampered" } } },
    });
    const badDate = await post({ entityId: w.entityA.id, editionId: w.edition.id, internalDeadline: "tomorrow" });
    expect(badDate).toMatchObject({
      status: 400,
      body: { errors: { internalDeadline: { message: "errors.datetime_invalid" } } },
    });
    // Past, or not before the UNESCO deadline: refused, saying why.
    for (const [value, message] of [
      ["2020-01-01T12:00", "errors.internal_deadline_past"],
      ["2031-06-02T12:00", "errors.internal_deadline_after"],
    ])
      expect(await post({ entityId: w.entityA.id, editionId: w.edition.id, internalDeadline: value })).toMatchObject({
        status: 400,
        body: { errors: { internalDeadline: { message } }, values: { internalDeadline: value } },
      });
    expect(db().select().from(entityEditionSettings).all()).toHaveLength(0);
    const ok = await post({ entityId: w.entityA.id, editionId: w.edition.id, internalDeadline: "2031-03-01T18:00" });
    expect(ok.status).toBe(302);
    // 18:00 in Paris in March (winter time, UTC+1) is 17:00 UTC.
    expect(db().select().from(entityEditionSettings).get()!.internalDeadlineAt!.toISOString()).toBe(
      "2031-03-01T17:00:00.000Z",
    );
  });

  it("a member of several entities is first asked which entity to work for", async () => {
    const w = await world();
    addEntityMember(w.entityB.id, w.nominatorA.id);
    const res = await run(async () =>
      workspace.loader(args(request("/nominations", { cookie: await cookieFor(w.nominatorA.id) }))),
    );
    expect((res.body as { choose: { id: string }[] }).choose.map((e) => e.id).sort()).toEqual(
      [w.entityA.id, w.entityB.id].sort(),
    );
  });
});
