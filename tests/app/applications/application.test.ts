import { and, count, eq } from "drizzle-orm";
import { siteOrigin } from "../../../app/kernel/server/site.server";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, auditLog, editions, outbox, users } from "../../../db/schema";
import { formatDateTime } from "../../../app/kernel/i18n";
import {
  getApplicationForApplicant,
  listApplicationsForApplicant,
  saveSection,
  sendToEntity,
  startApplication,
  withdrawApplication,
} from "../../../app/applications/models/application.server";
import { addEntityMember, makeEdition, makeEntity, makeUser } from "../../fixtures/builders";
import { completeApplication, makeOpenEdition, startFor, VALID } from "../../fixtures/applications";

const auditCount = (objectId: string, action: string) =>
  db()
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.objectId, objectId), eq(auditLog.action, action)))
    .get()!.n;

describe("the applicant's application", () => {
  it("starting an application gives it a reference KH-<year>-<sequence> and one application per edition", async () => {
    const edition = makeOpenEdition({ year: 2301 });
    const a = await makeUser();
    const b = await makeUser();
    const first = startApplication({ applicantId: a.id, editionId: edition.id });
    const second = startApplication({ applicantId: b.id, editionId: edition.id });
    const again = startApplication({ applicantId: a.id, editionId: edition.id });
    expect(first.ok && second.ok && again.ok).toBe(true);
    if (!first.ok || !second.ok || !again.ok) return;
    expect(getApplicationForApplicant({ applicationId: first.applicationId, applicantId: a.id })!.reference).toBe(
      "KH-2301-0001",
    );
    expect(getApplicationForApplicant({ applicationId: second.applicationId, applicantId: b.id })!.reference).toBe(
      "KH-2301-0002",
    );
    expect(again).toEqual({ ok: true, applicationId: first.applicationId, existing: true });
    expect(auditCount(first.applicationId, "application.created")).toBe(1);
  });

  it("an application cannot be started in an edition whose call is not open", async () => {
    const edition = makeEdition();
    const a = await makeUser();
    expect(startApplication({ applicantId: a.id, editionId: edition.id })).toEqual({
      ok: false,
      error: "errors.edition_not_open",
    });
  });

  it("applicant B cannot read or edit applicant A's application", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const b = await makeUser();
    const id = startFor(a.id, edition.id);
    expect(getApplicationForApplicant({ applicationId: id, applicantId: b.id })).toBeNull();
    expect(listApplicationsForApplicant({ applicantId: b.id })).toEqual([]);
    expect(
      saveSection({
        applicationId: id,
        applicantId: b.id,
        section: "background",
        values: VALID.background,
        version: 1,
      }),
    ).toEqual({ ok: false, error: "errors.not_found" });
    expect(withdrawApplication({ applicationId: id, applicantId: b.id })).toEqual({
      ok: false,
      error: "errors.not_found",
    });
  });

  it("saving a section mirrors the title, organisation, country and contact e-mail into their columns", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const one = saveSection({
      applicationId: id,
      applicantId: a.id,
      section: "background",
      values: VALID.background,
      version: 1,
    });
    expect(one).toEqual({ ok: true, version: 2 });
    saveSection({
      applicationId: id,
      applicantId: a.id,
      section: "contact",
      values: VALID.contact,
      version: 2,
      complete: true,
    });
    const row = db().select().from(applications).where(eq(applications.id, id)).get()!;
    expect([row.title, row.organisation, row.country, row.contactEmail]).toEqual([
      "Green schools online",
      "Open Learning Trust",
      "FR",
      "lea@example.org",
    ]);
    const app = getApplicationForApplicant({ applicationId: id, applicantId: a.id })!;
    expect(app.content.completed).toEqual(["contact"]);
  });

  it("two tabs saving from the same version: the second is refused as a conflict and nothing is overwritten", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    expect(
      saveSection({
        applicationId: id,
        applicantId: a.id,
        section: "pedagogy",
        values: { pedagogy: "Tab one" },
        version: 1,
      }).ok,
    ).toBe(true);
    expect(
      saveSection({
        applicationId: id,
        applicantId: a.id,
        section: "pedagogy",
        values: { pedagogy: "Tab two" },
        version: 1,
      }),
    ).toEqual({ ok: false, error: "errors.version_conflict" });
    expect(getApplicationForApplicant({ applicationId: id, applicantId: a.id })!.content.sections.pedagogy).toEqual({
      pedagogy: "Tab one",
    });
  });

  it("sending with incomplete sections and declarations lists what is missing and writes nothing", async () => {
    const edition = makeOpenEdition();
    const entity = makeEntity();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    saveSection({
      applicationId: id,
      applicantId: a.id,
      section: "background",
      values: VALID.background,
      version: 1,
      complete: true,
    });
    const result = sendToEntity({
      applicationId: id,
      applicantId: a.id,
      editionId: edition.id,
      entityId: entity.id,
      version: 2,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("errors.application_incomplete");
    expect(result.missing!.sections).toEqual([
      "contact",
      "organisation",
      "objectives",
      "technology",
      "pedagogy",
      "inclusion",
      "impact",
      "replicability",
      "sustainability",
      "links",
    ]);
    expect(result.missing!.declarations).toEqual(["theme", "one_year", "no_unesco_funding", "public_free"]);
    expect(db().select().from(applications).where(eq(applications.id, id)).get()!.state).toBe("draft");
  });

  it("sending writes the state, the audit row, the receipt in the applicant's language and a mail to each entity member", async () => {
    const edition = makeOpenEdition();
    const entity = makeEntity();
    const member1 = await makeUser({ locale: "ar" });
    const member2 = await makeUser({ locale: "en" });
    addEntityMember(entity.id, member1.id);
    addEntityMember(entity.id, member2.id);
    const a = await makeUser({ locale: "fr" });
    const id = startFor(a.id, edition.id);
    const version = completeApplication(id, a.id);
    const result = sendToEntity({
      applicationId: id,
      applicantId: a.id,
      editionId: edition.id,
      entityId: entity.id,
      version,
    });
    expect(result.ok).toBe(true);
    const row = db().select().from(applications).where(eq(applications.id, id)).get()!;
    expect(row.state).toBe("awaiting_nominator");
    expect(row.entityId).toBe(entity.id);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(auditCount(id, "application.sent")).toBe(1);
    const receipt = db().select().from(outbox).where(eq(outbox.toAddress, a.email)).get()!;
    expect(receipt).toMatchObject({ template: "application_receipt", locale: "fr" });
    expect(receipt.subject).toContain(row.reference);
    expect(receipt.textBody).toContain(row.reference);
    // Once nominated, an application can no longer be withdrawn: the receipt says so.
    expect(receipt.textBody).toContain(
      "Jusqu’à la date limite, et tant qu’elle n’a pas été désignée, vous pouvez la retirer",
    );
    expect(db().select().from(outbox).where(eq(outbox.toAddress, member1.email)).get()).toMatchObject({
      template: "application_received",
      locale: "ar",
    });
    const told = db().select().from(outbox).where(eq(outbox.toAddress, member2.email)).get()!;
    expect(told).toMatchObject({ template: "application_received", locale: "en" });
    // The e-mail that asks the entity to decide leads to the application, on the site's own origin.
    expect(told.textBody).toContain(
      `decide before the UNESCO deadline for nominations, ${formatDateTime(edition.deadlineAt, "en")} (Paris time):\n\n${siteOrigin()}/nominations/${id}`,
    );
    expect(db().select().from(outbox).where(eq(outbox.toAddress, member1.email)).get()!.textBody).toContain(
      `${siteOrigin()}/nominations/${id}`,
    );
  });

  it("sending after the deadline is refused even while the phase still says call_open", async () => {
    const edition = makeOpenEdition();
    const entity = makeEntity();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const version = completeApplication(id, a.id);
    db()
      .update(editions)
      .set({ callOpensAt: new Date(Date.now() - 20 * 864e5), deadlineAt: new Date(Date.now() - 1000) })
      .where(eq(editions.id, edition.id))
      .run();
    const result = sendToEntity({
      applicationId: id,
      applicantId: a.id,
      editionId: edition.id,
      entityId: entity.id,
      version,
    });
    expect(result).toMatchObject({ ok: false, error: "errors.deadline_passed" });
    expect(
      saveSection({ applicationId: id, applicantId: a.id, section: "pedagogy", values: { pedagogy: "late" }, version }),
    ).toEqual({ ok: false, error: "errors.deadline_passed" });
    expect(db().select({ n: count() }).from(outbox).where(eq(outbox.toAddress, a.email)).get()!.n).toBe(0);
  });

  it("a tampered edition id or entity id is refused and nothing is written", async () => {
    const edition = makeOpenEdition();
    const other = makeOpenEdition();
    const entity = makeEntity();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const version = completeApplication(id, a.id);
    expect(
      sendToEntity({ applicationId: id, applicantId: a.id, editionId: other.id, entityId: entity.id, version }),
    ).toMatchObject({ ok: false, error: "errors.application_edition_mismatch" });
    expect(
      sendToEntity({
        applicationId: id,
        applicantId: a.id,
        editionId: edition.id,
        entityId: "no-such-entity",
        version,
      }),
    ).toMatchObject({ ok: false, error: "errors.entity_unknown" });
    expect(db().select().from(applications).where(eq(applications.id, id)).get()!.state).toBe("draft");
    expect(auditCount(id, "application.sent")).toBe(0);
  });

  it("an entity of another kind than the list chosen (a National Commission posted as an NGO) is refused", async () => {
    const edition = makeOpenEdition();
    const commission = makeEntity({ kind: "national_commission" });
    const ngo = makeEntity({ kind: "ngo", country: null });
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const version = completeApplication(id, a.id);
    const send = (entityId: string, kind: "ngo" | "national_commission") =>
      sendToEntity({ applicationId: id, applicantId: a.id, editionId: edition.id, entityId, kind, version });
    expect([send(commission.id, "ngo"), send(ngo.id, "national_commission")]).toEqual([
      { ok: false, error: "errors.entity_unknown", field: "entity" },
      { ok: false, error: "errors.entity_unknown", field: "entity" },
    ]);
    expect(db().select().from(applications).where(eq(applications.id, id)).get()!.state).toBe("draft");
    expect(send(ngo.id, "ngo")).toMatchObject({ ok: true });
  });

  it("a returned application can be changed and re-sent to another entity", async () => {
    const edition = makeOpenEdition();
    const first = makeEntity();
    const second = makeEntity();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    let version = completeApplication(id, a.id);
    expect(
      sendToEntity({ applicationId: id, applicantId: a.id, editionId: edition.id, entityId: first.id, version }).ok,
    ).toBe(true);
    db()
      .update(applications)
      .set({ state: "returned", nominatorComment: "Add evidence", returnedAt: new Date() })
      .where(eq(applications.id, id))
      .run();
    version = getApplicationForApplicant({ applicationId: id, applicantId: a.id })!.version;
    const saved = saveSection({
      applicationId: id,
      applicantId: a.id,
      section: "impact",
      values: { impact: "More evidence." },
      version,
      complete: true,
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(
      sendToEntity({
        applicationId: id,
        applicantId: a.id,
        editionId: edition.id,
        entityId: second.id,
        version: saved.version,
      }).ok,
    ).toBe(true);
    expect(db().select().from(applications).where(eq(applications.id, id)).get()).toMatchObject({
      state: "awaiting_nominator",
      entityId: second.id,
    });
    expect(auditCount(id, "application.resent")).toBe(1);
  });

  it("withdrawing is audited and then the application can no longer be changed", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    expect(withdrawApplication({ applicationId: id, applicantId: a.id })).toEqual({ ok: true });
    expect(auditCount(id, "application.withdrawn")).toBe(1);
    const row = db().select().from(applications).where(eq(applications.id, id)).get()!;
    expect(row.state).toBe("withdrawn");
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    expect(
      saveSection({
        applicationId: id,
        applicantId: a.id,
        section: "pedagogy",
        values: { pedagogy: "x" },
        version: row.version,
      }),
    ).toEqual({ ok: false, error: "errors.application_not_editable" });
    expect(withdrawApplication({ applicationId: id, applicantId: a.id })).toMatchObject({
      ok: false,
      error: "errors.application_not_withdrawable",
    });
  });

  it("withdrawing an application sent to an entity tells its members in their language; a draft tells no one", async () => {
    const edition = makeOpenEdition();
    const entity = makeEntity({ name: "Commission nationale du Sénégal" });
    const member = await makeUser({ roles: [], locale: "fr" });
    addEntityMember(entity.id, member.id);
    const a = await makeUser({ name: "Awa Diop" });
    const id = startFor(a.id, edition.id);
    const version = completeApplication(id, a.id);
    expect(
      sendToEntity({ applicationId: id, applicantId: a.id, editionId: edition.id, entityId: entity.id, version }).ok,
    ).toBe(true);
    expect(withdrawApplication({ applicationId: id, applicantId: a.id })).toEqual({ ok: true });
    const mail = db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, member.email), eq(outbox.template, "application_withdrawn")))
      .all();
    expect(mail).toHaveLength(1);
    expect(mail[0].locale).toBe("fr");
    expect(mail[0].subject).toMatch(/^Candidature retirée : KH-/);
    expect(mail[0].textBody).toContain("Awa Diop a retiré la candidature");
    expect(mail[0].textBody).toContain("Commission nationale du Sénégal");
    // The applicant gets their own record of it.
    const receipt = db().select().from(outbox).where(eq(outbox.toAddress, a.email)).all().at(-1)!;
    expect(receipt.template).toBe("application_withdrawn_receipt");
    expect(receipt.subject).toMatch(/^You have withdrawn your application KH-/);

    const draft = startFor((await makeUser()).id, edition.id);
    const before = db().select({ n: count() }).from(outbox).where(eq(outbox.template, "application_withdrawn")).get()!
      .n;
    const owner = db()
      .select({ applicantId: applications.applicantId })
      .from(applications)
      .where(eq(applications.id, draft))
      .get()!;
    expect(withdrawApplication({ applicationId: draft, applicantId: owner.applicantId })).toEqual({ ok: true });
    expect(db().select({ n: count() }).from(outbox).where(eq(outbox.template, "application_withdrawn")).get()!.n).toBe(
      before,
    );
    const draftOwner = db().select({ email: users.email }).from(users).where(eq(users.id, owner.applicantId)).get()!;
    expect(db().select().from(outbox).where(eq(outbox.toAddress, draftOwner.email)).all()).toEqual([]);
  });
});
