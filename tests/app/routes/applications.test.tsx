import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, attachments, editions, entityEditionSettings } from "../../../db/schema";
import * as list from "../../../app/routes/applications._index";
import * as taskList from "../../../app/routes/applications.$applicationId._index";
import * as sectionRoute from "../../../app/routes/applications.$applicationId.sections.$section";
import * as attachmentsRoute from "../../../app/routes/applications.$applicationId.attachments";
import * as declarationsRoute from "../../../app/routes/applications.$applicationId.declarations";
import * as checkRoute from "../../../app/routes/applications.$applicationId.check";
import * as withdrawRoute from "../../../app/routes/applications.$applicationId.withdraw";
import * as download from "../../../app/routes/attachments.$attachmentId";
import { addAttachment } from "../../../app/applications/models/attachment.server";
import { addEntityMember, cookieFor, makeEntity, makeUser, request, run } from "../../fixtures/builders";
import { completeApplication, makeOpenEdition, startFor, tinyPdf } from "../../fixtures/applications";
import { renderPage } from "../../support/render-page";
import { formatDate } from "../../../app/kernel/i18n";

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

function multipart(path: string, cookie: string, file: { name: string; bytes: Uint8Array; type?: string }) {
  const body = new FormData();
  body.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body });
}

async function setup() {
  const edition = makeOpenEdition();
  const a = await makeUser();
  const b = await makeUser();
  const id = startFor(a.id, edition.id);
  return { edition, a, b, id, cookieA: await cookieFor(a.id), cookieB: await cookieFor(b.id) };
}

describe("choosing where to send", () => {
  it("reads an entity's own earlier deadline beside its name, when it set one still ahead", async () => {
    const { edition, id, cookieA } = await setup();
    const asking = makeEntity({ kind: "ngo", name: "Learning Together NGO" });
    const past = makeEntity({ kind: "ngo", name: "Past Deadline NGO" });
    const inTen = new Date(Date.now() + 10 * 864e5);
    db()
      .insert(entityEditionSettings)
      .values([
        { entityId: asking.id, editionId: edition.id, internalDeadlineAt: inTen },
        { entityId: past.id, editionId: edition.id, internalDeadlineAt: new Date(Date.now() - 864e5) },
      ])
      .run();
    const url = `/applications/${id}/check`;
    const page = await run(() => checkRoute.loader(args(request(url, { cookie: cookieA }), { applicationId: id })));
    const html = renderPage(checkRoute.default, { locale: "en", data: page.body, path: url });
    expect(html).toContain(`Learning Together NGO (asks for applications by ${formatDate(inTen.getTime(), "en")})`);
    expect(html).not.toMatch(/Past Deadline NGO \(asks/);
  });
});

describe("applicant routes", () => {
  it("a declined application says why, that the decision is final for this edition, and where the next call is", async () => {
    const { id, cookieA } = await setup();
    const entity = makeEntity({ kind: "ngo", name: "Open Classrooms NGO" });
    db()
      .update(applications)
      .set({ state: "declined", entityId: entity.id, nominatorComment: "Outside our country." })
      .where(eq(applications.id, id))
      .run();
    const url = `/applications/${id}`;
    const page = await run(() => taskList.loader(args(request(url, { cookie: cookieA }), { applicationId: id })));
    const html = renderPage(taskList.default, { locale: "en", data: page.body, path: url });
    expect(html).toContain("Open Classrooms NGO decided not to nominate your application. Their reason:");
    expect(html).toContain("Outside our country.");
    expect(html).toContain(
      "This decision is final for this edition: a declined application cannot be sent to another entity.",
    );
    expect(html).toMatch(/<a[^>]* href="\/call"[^>]*>Call for nominations<\/a>/);
  });

  it("the list offers to start an application in the open edition and starting one redirects to its task list", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const cookie = await cookieFor(a.id);
    const page = await run(() => list.loader(args(request("/applications", { cookie }))));
    expect(page.body).toMatchObject({ applications: [], open: { id: edition.id }, hasOne: false });
    const started = await run(() =>
      list.action(args(request("/applications", { cookie, form: { editionId: edition.id } }))),
    );
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
  });

  it("starting with a tampered edition id is refused with a message", async () => {
    makeOpenEdition();
    const closed = makeOpenEdition();
    db().update(editions).set({ phase: "draft" }).where(eq(editions.id, closed.id)).run();
    const a = await makeUser();
    const res = await run(async () =>
      list.action(args(request("/applications", { cookie: await cookieFor(a.id), form: { editionId: closed.id } }))),
    );
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { form: { message: "errors.application_edition_mismatch" } } },
    });
    expect(db().select({ n: count() }).from(applications).where(eq(applications.applicantId, a.id)).get()!.n).toBe(0);
  });

  it("applicant B cannot read, edit, withdraw or download applicant A's application by guessing ids (404)", async () => {
    const { a, id, cookieB } = await setup();
    const added = await addAttachment({ applicationId: id, applicantId: a.id, name: "report.pdf", bytes: tinyPdf() });
    if (!added.ok) throw new Error(added.error);
    const p = { applicationId: id };
    const base = `/applications/${id}`;
    const pages: (() => Promise<unknown>)[] = [
      () => taskList.loader(args(request(base, { cookie: cookieB }), p)),
      () =>
        sectionRoute.loader(
          args(request(`${base}/sections/background`, { cookie: cookieB }), { ...p, section: "background" }),
        ),
      () => attachmentsRoute.loader(args(request(`${base}/attachments`, { cookie: cookieB }), p)),
      () => declarationsRoute.loader(args(request(`${base}/declarations`, { cookie: cookieB }), p)),
      () => checkRoute.loader(args(request(`${base}/check`, { cookie: cookieB }), p)),
      () => withdrawRoute.loader(args(request(`${base}/withdraw`, { cookie: cookieB }), p)),
      () =>
        sectionRoute.action(
          args(
            request(`${base}/sections/background`, {
              cookie: cookieB,
              form: { intent: "save", version: "1", title: "Stolen" },
            }),
            { ...p, section: "background" },
          ),
        ),
      () => withdrawRoute.action(args(request(`${base}/withdraw`, { cookie: cookieB, form: { confirm: "on" } }), p)),
      () =>
        download.loader(
          args(request(`/attachments/${added.attachmentId}`, { cookie: cookieB }), {
            attachmentId: added.attachmentId,
          }),
        ),
    ];
    for (const page of pages) expect((await run(page)).status).toBe(404);
    expect(db().select().from(applications).where(eq(applications.id, id)).get()).toMatchObject({
      state: "draft",
      title: "",
    });
  });

  it("a nominator of another entity cannot download the attachment of a sent application, nor the secretariat a draft's", async () => {
    const { edition, a, id } = await setup();
    const entity = makeEntity();
    const other = makeEntity();
    const nominator = await makeUser({ roles: [] });
    const stranger = await makeUser({ roles: [] });
    addEntityMember(entity.id, nominator.id);
    addEntityMember(other.id, stranger.id);
    const added = await addAttachment({
      applicationId: id,
      applicantId: a.id,
      name: "rapport été.pdf",
      bytes: tinyPdf(),
    });
    if (!added.ok) throw new Error(added.error);
    const get = async (userId: string) =>
      run(async () =>
        download.loader(
          args(request(`/attachments/${added.attachmentId}`, { cookie: await cookieFor(userId) }), {
            attachmentId: added.attachmentId,
          }),
        ),
      );
    // A draft is the applicant's alone: the secretariat's screening page does not show it either.
    const secretariat = await makeUser({ roles: ["secretariat"] });
    expect((await get(secretariat.id)).status).toBe(404);
    expect((await get(a.id)).status).toBe(200);
    const version = completeApplication(id, a.id);
    const { sendToEntity } = await import("../../../app/applications/models/application.server");
    expect(
      sendToEntity({ applicationId: id, applicantId: a.id, editionId: edition.id, entityId: entity.id, version }).ok,
    ).toBe(true);
    expect((await get(secretariat.id)).status).toBe(200);
    expect((await get(stranger.id)).status).toBe(404);
    const ok = await get(nominator.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    expect(ok.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="rapport _t_.pdf"; filename\*=UTF-8''rapport%20%C3%A9t%C3%A9.pdf$/,
    );
    expect(ok.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("a stale version is refused as a conflict and what was typed is kept", async () => {
    const { id, cookieA } = await setup();
    const url = `/applications/${id}/sections/pedagogy`;
    const p = { applicationId: id, section: "pedagogy" };
    const first = await run(() =>
      sectionRoute.action(
        args(request(url, { cookie: cookieA, form: { intent: "save", version: "1", pedagogy: "From tab one" } }), p),
      ),
    );
    expect(first.status).toBe(302);
    const second = await run(() =>
      sectionRoute.action(
        args(request(url, { cookie: cookieA, form: { intent: "save", version: "1", pedagogy: "From tab two" } }), p),
      ),
    );
    expect(second).toMatchObject({
      status: 409,
      body: {
        errors: { form: { message: "errors.version_conflict" } },
        values: { pedagogy: "From tab two" },
        version: 2,
      },
    });
    const page = await run(() => sectionRoute.loader(args(request(url, { cookie: cookieA }), p)));
    expect(page.body).toMatchObject({ values: { pedagogy: "From tab one" }, version: 2 });
  });

  it("text over the word limit or a missing required field cannot complete a section: refused with messages, nothing written, values kept", async () => {
    const { id, cookieA } = await setup();
    const url = `/applications/${id}/sections/organisation`;
    const p = { applicationId: id, section: "organisation" };
    const long = Array.from({ length: 301 }, (_, i) => `word${i}`).join(" ");
    const over = await run(() =>
      sectionRoute.action(
        args(
          request(url, { cookie: cookieA, form: { intent: "complete", version: "1", organisationDescription: long } }),
          p,
        ),
      ),
    );
    expect(over).toMatchObject({
      status: 400,
      body: {
        errors: { organisationDescription: { message: "errors.word_limit" } },
        values: { organisationDescription: long },
      },
    });
    const empty = await run(() =>
      sectionRoute.action(
        args(
          request(url, { cookie: cookieA, form: { intent: "complete", version: "1", organisationDescription: "" } }),
          p,
        ),
      ),
    );
    expect(empty).toMatchObject({
      status: 400,
      body: { errors: { organisationDescription: { message: "errors.required" } } },
    });
    expect(db().select().from(applications).where(eq(applications.id, id)).get()!.version).toBe(1);
    // As a draft, the same text is kept (to be shortened later), and the section is not completed.
    const draft = await run(() =>
      sectionRoute.action(
        args(
          request(url, { cookie: cookieA, form: { intent: "save", version: "1", organisationDescription: long } }),
          p,
        ),
      ),
    );
    expect(draft.status).toBe(302);
    const kept = db().select().from(applications).where(eq(applications.id, id)).get()!;
    const content = kept.content as { sections: Record<string, Record<string, string>>; completed: string[] };
    expect(content.sections.organisation.organisationDescription).toBe(long);
    expect(content.completed).not.toContain("organisation");
    const page = await run(() => sectionRoute.loader(args(request(url, { cookie: cookieA }), p)));
    expect(renderPage(sectionRoute.default, { locale: "en", data: page.body, path: url })).toContain(
      "Over the limit: your text is kept as a draft",
    );
  });

  it("the language of the application is chosen on the background section and must be English or French", async () => {
    const { id, cookieA } = await setup();
    const url = `/applications/${id}/sections/background`;
    const p = { applicationId: id, section: "background" };
    const bad = await run(() =>
      sectionRoute.action(
        args(request(url, { cookie: cookieA, form: { intent: "save", version: "1", title: "T", language: "ar" } }), p),
      ),
    );
    expect(bad).toMatchObject({
      status: 400,
      body: { errors: { language: { message: "errors.application_language_invalid" } } },
    });
    const ok = await run(() =>
      sectionRoute.action(
        args(request(url, { cookie: cookieA, form: { intent: "save", version: "1", title: "T", language: "fr" } }), p),
      ),
    );
    expect(ok.status).toBe(302);
    expect(db().select().from(applications).where(eq(applications.id, id)).get()).toMatchObject({
      language: "fr",
      title: "T",
    });
  });

  it("autosave answers with the new version instead of redirecting", async () => {
    const { id, cookieA } = await setup();
    const res = await run(() =>
      sectionRoute.action(
        args(
          request(`/applications/${id}/sections/impact`, {
            cookie: cookieA,
            form: { intent: "autosave", version: "1", impact: "Draft" },
          }),
          { applicationId: id, section: "impact" },
        ),
      ),
    );
    expect(res).toMatchObject({ status: 200, body: { autosaved: true, version: 2 } });
  });

  it("uploads: an .exe renamed .pdf, a file over the limit, a name with a path and an empty file are refused, each saying why; a PDF is added", async () => {
    const { edition, id, cookieA } = await setup();
    db().update(editions).set({ maxFileBytes: 2000 }).where(eq(editions.id, edition.id)).run();
    const url = `/applications/${id}/attachments`;
    const p = { applicationId: id };
    const exe = await run(() =>
      attachmentsRoute.action(
        args(multipart(url, cookieA, { name: "evil.pdf", bytes: new TextEncoder().encode("MZ\x90\x00 not a pdf") }), p),
      ),
    );
    expect(exe).toMatchObject({ status: 400, body: { errors: { file: { message: "errors.file_type" } } } });
    const big = await run(() =>
      attachmentsRoute.action(
        args(multipart(url, cookieA, { name: "big.pdf", bytes: new Uint8Array(5000).fill(0x25) }), p),
      ),
    );
    expect(big).toMatchObject({ status: 413, body: { errors: { file: { message: "errors.file_too_big" } } } });
    const path = await run(() =>
      attachmentsRoute.action(args(multipart(url, cookieA, { name: "..\\..\\report.pdf", bytes: tinyPdf() }), p)),
    );
    expect(path).toMatchObject({ status: 400, body: { errors: { file: { message: "errors.file_name_invalid" } } } });
    const empty = await run(() =>
      attachmentsRoute.action(args(multipart(url, cookieA, { name: "empty.pdf", bytes: new Uint8Array() }), p)),
    );
    expect(empty).toMatchObject({ status: 400, body: { errors: { file: { message: "errors.file_empty" } } } });
    const none = await run(() =>
      attachmentsRoute.action(args(multipart(url, cookieA, { name: "", bytes: new Uint8Array() }), p)),
    );
    expect(none).toMatchObject({ status: 400, body: { errors: { file: { message: "errors.file_required" } } } });
    expect(db().select({ n: count() }).from(attachments).where(eq(attachments.applicationId, id)).get()!.n).toBe(0);
    const ok = await run(() =>
      attachmentsRoute.action(args(multipart(url, cookieA, { name: "report.pdf", bytes: tinyPdf() }), p)),
    );
    expect(ok.status).toBe(302);
    expect(db().select({ n: count() }).from(attachments).where(eq(attachments.applicationId, id)).get()!.n).toBe(1);
    // The same bytes again, under another name: refused, naming the file already there.
    const twice = await run(() =>
      attachmentsRoute.action(args(multipart(url, cookieA, { name: "copy of report.pdf", bytes: tinyPdf() }), p)),
    );
    expect(twice).toMatchObject({
      status: 400,
      body: { errors: { file: { message: "errors.file_already_attached", vars: { name: "report.pdf" } } } },
    });
    expect(db().select({ n: count() }).from(attachments).where(eq(attachments.applicationId, id)).get()!.n).toBe(1);
  });

  it("deleting a file needs the confirmation box", async () => {
    const { a, id, cookieA } = await setup();
    const added = await addAttachment({ applicationId: id, applicantId: a.id, name: "report.pdf", bytes: tinyPdf() });
    if (!added.ok) throw new Error(added.error);
    const url = `/applications/${id}/attachments`;
    const unconfirmed = await run(() =>
      attachmentsRoute.action(
        args(request(url, { cookie: cookieA, form: { intent: "delete", attachmentId: added.attachmentId } }), {
          applicationId: id,
        }),
      ),
    );
    expect(unconfirmed).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.confirm_delete" } } },
    });
    const confirmed = await run(() =>
      attachmentsRoute.action(
        args(
          request(url, {
            cookie: cookieA,
            form: { intent: "delete", attachmentId: added.attachmentId, confirm: "on" },
          }),
          { applicationId: id },
        ),
      ),
    );
    expect(confirmed.status).toBe(302);
  });

  it("declarations are saved for the edition's rules only", async () => {
    const { id, cookieA } = await setup();
    const url = `/applications/${id}/declarations`;
    const bad = await run(() =>
      declarationsRoute.action(
        args(request(url, { cookie: cookieA, form: { version: "1", "rule.theme": "on", "rule.invented": "on" } }), {
          applicationId: id,
        }),
      ),
    );
    expect(bad).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.declaration_unknown" } } } });
    const ok = await run(() =>
      declarationsRoute.action(
        args(request(url, { cookie: cookieA, form: { version: "1", "rule.theme": "on", "rule.one_year": "on" } }), {
          applicationId: id,
        }),
      ),
    );
    expect(ok.status).toBe(302);
    expect(db().select().from(applications).where(eq(applications.id, id)).get()!.declarations).toEqual({
      theme: true,
      one_year: true,
    });
  });

  it("sending: incomplete lists what is missing; a tampered entity or edition is refused; then it is sent", async () => {
    const { edition, a, id, cookieA } = await setup();
    const entity = makeEntity();
    const url = `/applications/${id}/check`;
    const send = (form: Record<string, string>) =>
      run(() => checkRoute.action(args(request(url, { cookie: cookieA, form }), { applicationId: id })));
    const incomplete = await send({
      editionId: edition.id,
      version: "1",
      kind: "national_commission",
      commission: entity.id,
      confirm: "on",
    });
    expect(incomplete).toMatchObject({
      status: 400,
      body: {
        errors: { form: { message: "errors.application_incomplete" } },
        missing: { declarations: ["theme", "one_year", "no_unesco_funding", "public_free"] },
      },
    });
    expect((incomplete.body as { missing: { sections: string[] } }).missing.sections).toHaveLength(11);
    const version = String(completeApplication(id, a.id));
    const other = makeOpenEdition();
    expect(
      await send({ editionId: other.id, version, kind: "national_commission", commission: entity.id, confirm: "on" }),
    ).toMatchObject({ status: 400, body: { errors: { form: { message: "errors.application_edition_mismatch" } } } });
    expect(
      await send({
        editionId: edition.id,
        version,
        kind: "national_commission",
        commission: "forged-id",
        confirm: "on",
      }),
    ).toMatchObject({
      status: 400,
      body: { errors: { commission: { message: "errors.entity_unknown" } }, values: { commission: "forged-id" } },
    });
    expect(
      await send({ editionId: edition.id, version, kind: "national_commission", commission: entity.id }),
    ).toMatchObject({ status: 400, body: { errors: { confirm: { message: "errors.confirm_send" } } } });
    expect(db().select().from(applications).where(eq(applications.id, id)).get()!.state).toBe("draft");
    const sent = await send({
      editionId: edition.id,
      version,
      kind: "national_commission",
      commission: entity.id,
      confirm: "on",
    });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/applications/${id}?sent=1`);
    expect(db().select().from(applications).where(eq(applications.id, id)).get()).toMatchObject({
      state: "awaiting_nominator",
      entityId: entity.id,
    });
    // Its sections are shown, not offered for typing that nothing would save.
    const sectionUrl = `/applications/${id}/sections/impact`;
    const section = await run(() =>
      sectionRoute.loader(args(request(sectionUrl, { cookie: cookieA }), { applicationId: id, section: "impact" })),
    );
    const Section = sectionRoute.default;
    const html = renderPage(() => <Section />, { locale: "en", data: section.body, path: sectionUrl });
    expect(html).toMatch(/<fieldset disabled="" class="plain">/);
    expect(html).toContain('name="impact"');
  });

  it("withdrawing needs the confirmation box, then withdraws", async () => {
    const { id, cookieA } = await setup();
    const url = `/applications/${id}/withdraw`;
    const unconfirmed = await run(() =>
      withdrawRoute.action(args(request(url, { cookie: cookieA, form: {} }), { applicationId: id })),
    );
    expect(unconfirmed).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.confirm_withdraw" } } },
    });
    const confirmed = await run(() =>
      withdrawRoute.action(args(request(url, { cookie: cookieA, form: { confirm: "on" } }), { applicationId: id })),
    );
    expect(confirmed.status).toBe(302);
    expect(db().select().from(applications).where(eq(applications.id, id)).get()!.state).toBe("withdrawn");
  });
});
