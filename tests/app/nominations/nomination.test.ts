import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, auditLog, nominationLetters, outbox } from "../../../db/schema";
import {
  declineApplication,
  getApplicationForEntity,
  nominateApplication,
  nominationHooks,
  quotaUsage,
  returnApplication,
  setInternalDeadline,
  getInternalDeadline,
  uploadDir,
} from "../../../app/nominations/models/nomination.server";
import { addEntityMember, makeEdition, makeEntity, makeUser } from "../../fixtures/builders";
import { makeApplication, PDF_BYTES, setEdition } from "../../fixtures/nominations";

const letter = { name: "letter.pdf", bytes: PDF_BYTES };

async function setup(locale = "en") {
  const edition = makeEdition();
  const entity = makeEntity({ country: null, kind: "ngo" });
  const nominator = await makeUser({ roles: [] });
  addEntityMember(entity.id, nominator.id);
  const applicant = await makeUser({ locale });
  return { edition, entity, nominator, applicant };
}

afterEach(() => {
  nominationHooks.beforeTransaction = undefined;
});

describe("nominations (model)", () => {
  it("nominator cannot nominate a fourth application", async () => {
    const { edition, entity, nominator, applicant } = await setup();
    const apps = [1, 2, 3, 4].map(() =>
      makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id }),
    );
    for (const app of apps.slice(0, 3))
      expect(
        nominateApplication({ applicationId: app.id, entityId: entity.id, actorId: nominator.id, letter }).ok,
      ).toBe(true);
    const fourth = nominateApplication({
      applicationId: apps[3].id,
      entityId: entity.id,
      actorId: nominator.id,
      letter,
    });
    expect(fourth).toEqual({ ok: false, error: "errors.quota_reached", vars: { quota: 3 } });
    expect(db().select().from(applications).where(eq(applications.id, apps[3].id)).get()!.state).toBe(
      "awaiting_nominator",
    );
    expect(quotaUsage({ entityId: entity.id, editionId: edition.id })).toEqual({ used: 3, quota: 3 });
  });

  it("the quota is re-read inside the transaction, so a nomination made meanwhile by a colleague is counted", async () => {
    const { edition, entity, nominator, applicant } = await setup();
    const colleague = await makeUser({ roles: [] });
    addEntityMember(entity.id, colleague.id);
    const apps = [1, 2, 3, 4].map(() =>
      makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id }),
    );
    for (const app of apps.slice(0, 2))
      nominateApplication({ applicationId: app.id, entityId: entity.id, actorId: nominator.id, letter });
    // Both see 2 of 3 before their transaction; the colleague's nomination lands first.
    nominationHooks.beforeTransaction = () => {
      nominationHooks.beforeTransaction = undefined;
      expect(
        nominateApplication({ applicationId: apps[3].id, entityId: entity.id, actorId: colleague.id, letter }).ok,
      ).toBe(true);
    };
    const mine = nominateApplication({ applicationId: apps[2].id, entityId: entity.id, actorId: nominator.id, letter });
    expect(mine).toMatchObject({ ok: false, error: "errors.quota_reached" });
    const nominated = db()
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.entityId, entity.id), eq(applications.state, "nominated")))
      .get()!.n;
    expect(nominated).toBe(3);
    // The refused nomination left no letter row and no stored file behind.
    expect(
      db().select({ n: count() }).from(nominationLetters).where(eq(nominationLetters.entityId, entity.id)).get()!.n,
    ).toBe(3);
    const files = db()
      .select({ f: nominationLetters.storedName })
      .from(nominationLetters)
      .all()
      .map((r) => r.f)
      .sort();
    expect(readdirSync(join(uploadDir(), "letters")).sort()).toEqual(files);
  });

  it("nominated content is frozen: later edits to the content do not change what the jury reads", async () => {
    const { edition, entity, nominator, applicant } = await setup();
    const app = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: entity.id,
      title: "Solar classrooms",
    });
    const result = nominateApplication({ applicationId: app.id, entityId: entity.id, actorId: nominator.id, letter });
    expect(result.ok).toBe(true);
    db()
      .update(applications)
      .set({ content: { sections: { background: { title: "Changed afterwards" } }, completed: [] } })
      .where(eq(applications.id, app.id))
      .run();
    const row = db().select().from(applications).where(eq(applications.id, app.id)).get()!;
    expect((row.nominatedContent as { sections: { background: { title: string } } }).sections.background.title).toBe(
      "Solar classrooms",
    );
    expect(row).toMatchObject({ state: "nominated", nominatedBy: nominator.id });
    const stored = db().select().from(nominationLetters).where(eq(nominationLetters.applicationId, app.id)).get()!;
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.storedName).not.toContain("letter");
    expect(existsSync(join(uploadDir(), "letters", stored.storedName))).toBe(true);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "application.nominated"), eq(auditLog.objectId, app.id)))
        .all(),
    ).toHaveLength(1);
  });

  it("a non-PDF letter, a letter with a path in its name, and an empty letter are refused, nothing written", async () => {
    const { edition, entity, nominator, applicant } = await setup();
    const app = makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id });
    const base = { applicationId: app.id, entityId: entity.id, actorId: nominator.id };
    expect(
      nominateApplication({
        ...base,
        letter: { name: "letter.pdf", bytes: new TextEncoder().encode("MZ\x90 not a pdf") },
      }),
    ).toMatchObject({ ok: false, field: "letter", error: "errors.letter_not_pdf" });
    expect(nominateApplication({ ...base, letter: { name: "../../etc/letter.pdf", bytes: PDF_BYTES } })).toMatchObject({
      ok: false,
      error: "errors.nomination_file_name_invalid",
    });
    expect(nominateApplication({ ...base, letter: { name: "", bytes: new Uint8Array() } })).toMatchObject({
      ok: false,
      error: "errors.letter_required",
    });
    // A letter chosen but of no bytes is said to be empty, next to the field, not asked for again.
    expect(nominateApplication({ ...base, letter: { name: "letter.pdf", bytes: new Uint8Array() } })).toMatchObject({
      ok: false,
      field: "letter",
      error: "errors.letter_empty",
    });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF_BYTES.subarray(0, 5));
    expect(nominateApplication({ ...base, letter: { name: "big.pdf", bytes: big } })).toMatchObject({
      ok: false,
      error: "errors.letter_too_big",
    });
    expect(db().select().from(applications).where(eq(applications.id, app.id)).get()!.state).toBe("awaiting_nominator");
    expect(
      db().select({ n: count() }).from(nominationLetters).where(eq(nominationLetters.applicationId, app.id)).get()!.n,
    ).toBe(0);
  });

  it("nominating or returning after the UNESCO deadline is refused", async () => {
    const { edition, entity, nominator, applicant } = await setup();
    const app = makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id });
    setEdition(edition.id, { callOpensAt: new Date(Date.now() - 20 * 864e5), deadlineAt: new Date(Date.now() - 1000) });
    expect(
      nominateApplication({ applicationId: app.id, entityId: entity.id, actorId: nominator.id, letter }),
    ).toMatchObject({ ok: false, error: "errors.nomination_deadline_passed" });
    expect(
      returnApplication({ applicationId: app.id, entityId: entity.id, actorId: nominator.id, comment: "Improve it" }),
    ).toMatchObject({ ok: false, error: "errors.nomination_deadline_passed" });
    expect(db().select().from(applications).where(eq(applications.id, app.id)).get()!.state).toBe("awaiting_nominator");
  });

  it("return makes the application editable again (state returned) and mails the applicant in their language", async () => {
    const { edition, entity, nominator, applicant } = await setup("fr");
    const app = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: entity.id,
      title: "Classes solaires",
    });
    expect(
      returnApplication({
        applicationId: app.id,
        entityId: entity.id,
        actorId: nominator.id,
        comment: "Précisez l’impact.",
        origin: "https://prize.example",
      }).ok,
    ).toBe(true);
    const row = db().select().from(applications).where(eq(applications.id, app.id)).get()!;
    expect(row).toMatchObject({ state: "returned", nominatorComment: "Précisez l’impact." });
    expect(row.returnedAt).toBeInstanceOf(Date);
    const mail = db().select().from(outbox).where(eq(outbox.toAddress, applicant.email)).get()!;
    expect(mail).toMatchObject({ locale: "fr", template: "application_returned" });
    expect(mail.subject).toContain("vous a été renvoyée");
    expect(mail.textBody).toContain("Précisez l’impact.");
    expect(mail.textBody).toContain("https://prize.example/applications/");
  });

  it("decline records the reason, mails the applicant and is audited", async () => {
    const { edition, entity, nominator, applicant } = await setup("ar");
    const app = makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id });
    expect(
      declineApplication({ applicationId: app.id, entityId: entity.id, actorId: nominator.id, reason: "Out of scope" })
        .ok,
    ).toBe(true);
    expect(db().select().from(applications).where(eq(applications.id, app.id)).get()).toMatchObject({
      state: "declined",
      nominatorComment: "Out of scope",
    });
    expect(db().select().from(outbox).where(eq(outbox.toAddress, applicant.email)).get()).toMatchObject({
      locale: "ar",
      template: "application_declined",
    });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "application.declined"), eq(auditLog.objectId, app.id)))
        .all(),
    ).toHaveLength(1);
    // A second decision on the same application is refused.
    expect(
      returnApplication({ applicationId: app.id, entityId: entity.id, actorId: nominator.id, comment: "x" }),
    ).toMatchObject({ ok: false, error: "errors.state_changed" });
  });

  it("entity B cannot read, return, decline or nominate entity A's application, nor a draft of its own", async () => {
    const a = await setup();
    const entityB = makeEntity({ country: null, kind: "ngo" });
    const app = makeApplication({ editionId: a.edition.id, applicantId: a.applicant.id, entityId: a.entity.id });
    const draft = makeApplication({
      editionId: a.edition.id,
      applicantId: a.applicant.id,
      entityId: entityB.id,
      state: "draft",
    });
    expect(getApplicationForEntity({ applicationId: app.id, entityId: entityB.id })).toBeNull();
    expect(getApplicationForEntity({ applicationId: draft.id, entityId: entityB.id })).toBeNull();
    expect(getApplicationForEntity({ applicationId: app.id, entityId: a.entity.id })).not.toBeNull();
    const asB = { applicationId: app.id, entityId: entityB.id, actorId: a.nominator.id };
    expect(returnApplication({ ...asB, comment: "x" })).toMatchObject({ ok: false, error: "errors.not_found" });
    expect(declineApplication({ ...asB, reason: "x" })).toMatchObject({ ok: false, error: "errors.not_found" });
    expect(nominateApplication({ ...asB, letter })).toMatchObject({ ok: false, error: "errors.not_found" });
    expect(db().select().from(applications).where(eq(applications.id, app.id)).get()!.state).toBe("awaiting_nominator");
  });

  it("an entity sets, changes and removes its internal deadline, each change audited", async () => {
    const { edition, entity, nominator } = await setup();
    const at = new Date("2031-03-01T17:00:00Z");
    setInternalDeadline({ entityId: entity.id, editionId: edition.id, actorId: nominator.id, deadline: at });
    expect(getInternalDeadline({ entityId: entity.id, editionId: edition.id })?.getTime()).toBe(at.getTime());
    setInternalDeadline({ entityId: entity.id, editionId: edition.id, actorId: nominator.id, deadline: null });
    expect(getInternalDeadline({ entityId: entity.id, editionId: edition.id })).toBeNull();
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "entity.internal_deadline_set"), eq(auditLog.objectId, entity.id)))
        .all(),
    ).toHaveLength(2);
  });
});
