import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, attachments, editions } from "../../../db/schema";
import { getSessionUser } from "../../../app/accounts/server/session.server";
import {
  addAttachment,
  deleteAttachment,
  getAttachmentForDownload,
  sniffType,
  uploadDir,
} from "../../../app/applications/models/attachment.server";
import { sendToEntity } from "../../../app/applications/models/application.server";
import { addEntityMember, cookieFor, makeEntity, makeUser, request } from "../../fixtures/builders";
import { completeApplication, makeOpenEdition, startFor, tinyPdf } from "../../fixtures/applications";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = new TextEncoder().encode("MZ\x90\x00 this program cannot be run in DOS mode");

async function userOf(id: string) {
  const cookie = await cookieFor(id);
  return (await getSessionUser(request("/", { cookie })))!;
}
const countFor = (applicationId: string) =>
  db().select({ n: count() }).from(attachments).where(eq(attachments.applicationId, applicationId)).get()!.n;

describe("attachments", () => {
  it("types are read from the bytes, never the name", () => {
    expect(sniffType(tinyPdf())).toBe("application/pdf");
    expect(sniffType(PNG)).toBe("image/png");
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffType(EXE)).toBeNull();
  });

  it("a PDF is stored outside the web root under a random name with its SHA-256", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const bytes = tinyPdf(2);
    const result = await addAttachment({ applicationId: id, applicantId: a.id, name: "report.pdf", bytes });
    expect(result.ok).toBe(true);
    const row = db().select().from(attachments).where(eq(attachments.applicationId, id)).get()!;
    expect(row).toMatchObject({
      originalName: "report.pdf",
      mimeType: "application/pdf",
      pages: 2,
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    expect(row.storedName).not.toContain("report");
    expect(uploadDir()).not.toContain("public");
    expect(readFileSync(join(uploadDir(), row.storedName))).toEqual(Buffer.from(bytes));
  });

  it("an .exe renamed .pdf is refused and nothing is written", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    expect(await addAttachment({ applicationId: id, applicantId: a.id, name: "evil.pdf", bytes: EXE })).toMatchObject({
      ok: false,
      error: "errors.file_type",
    });
    expect(countFor(id)).toBe(0);
  });

  it("an empty file is said to be empty, next to the file field, and nothing is written", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const empty = new Uint8Array();
    expect(await addAttachment({ applicationId: id, applicantId: a.id, name: "empty.pdf", bytes: empty })).toEqual({
      ok: false,
      error: "errors.file_empty",
      field: "file",
    });
    expect(countFor(id)).toBe(0);
  });

  it("a PDF that needs a password, or that cannot be read, is refused with its reason and nothing is written", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const locked = new Uint8Array(readFileSync(join(__dirname, "../../fixtures/pdf/user-password.pdf")));
    expect(await addAttachment({ applicationId: id, applicantId: a.id, name: "locked.pdf", bytes: locked })).toEqual({
      ok: false,
      error: "errors.pdf_protected",
      field: "file",
    });
    const broken = new TextEncoder().encode("%PDF-1.7\nnothing else");
    expect(await addAttachment({ applicationId: id, applicantId: a.id, name: "broken.pdf", bytes: broken })).toEqual({
      ok: false,
      error: "errors.pdf_unreadable",
      field: "file",
    });
    expect(countFor(id)).toBe(0);
  });

  it("a name with a path is refused", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    for (const name of ["../../etc/passwd.pdf", "folder/report.pdf", "C:\\temp\\report.pdf", "..pdf"]) {
      expect(await addAttachment({ applicationId: id, applicantId: a.id, name, bytes: tinyPdf() })).toMatchObject({
        ok: false,
        error: "errors.file_name_invalid",
      });
    }
    expect(countFor(id)).toBe(0);
  });

  it("a name too long, empty, or with control characters or bidirectional overrides is refused for what it is", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const cases: [string, string][] = [
      ["x".repeat(201) + ".pdf", "errors.file_name_length"],
      ["", "errors.file_name_length"],
      ["report\u0000.pdf", "errors.file_name_characters"],
      // Shown as "exe.pdf" by a browser's download bar.
      ["\u202Efdp.exe", "errors.file_name_characters"],
      ["\u2067report\u2069.pdf", "errors.file_name_characters"],
    ];
    for (const [name, error] of cases) {
      const added = await addAttachment({ applicationId: id, applicantId: a.id, name, bytes: tinyPdf() });
      expect(added, JSON.stringify(name)).toMatchObject({ ok: false, error });
    }
    expect(countFor(id)).toBe(0);
    // Arabic and accented names are names like any other.
    expect(
      await addAttachment({ applicationId: id, applicantId: a.id, name: "تقرير المشروع.pdf", bytes: tinyPdf() }),
    ).toMatchObject({ ok: true });
  });

  it("a file over the per-file limit, over the total or over the page limit is refused", async () => {
    const edition = makeOpenEdition();
    db()
      .update(editions)
      .set({ maxFileBytes: 400, maxTotalBytes: tinyPdf(2).byteLength + 100, maxPdfPages: 3 })
      .where(eq(editions.id, edition.id))
      .run();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const big = new Uint8Array(500);
    big.set(PNG);
    expect(await addAttachment({ applicationId: id, applicantId: a.id, name: "big.png", bytes: big })).toMatchObject({
      ok: false,
      error: "errors.file_too_big",
    });
    expect((await addAttachment({ applicationId: id, applicantId: a.id, name: "two.pdf", bytes: tinyPdf(2) })).ok).toBe(
      true,
    );
    expect(
      await addAttachment({ applicationId: id, applicantId: a.id, name: "again.pdf", bytes: tinyPdf(2, 1) }),
    ).toMatchObject({ ok: false, error: "errors.files_total_too_big" });
    const png = new Uint8Array(380);
    png.set(PNG);
    expect(await addAttachment({ applicationId: id, applicantId: a.id, name: "one.png", bytes: png })).toMatchObject({
      ok: false,
      error: "errors.files_total_too_big",
    });
    expect(countFor(id)).toBe(1);
  });

  it("the same file written meanwhile by another server process is refused where it is written, and nothing is kept", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    const bytes = tinyPdf(1, 7);
    // The PDF's pages are counted on another thread: the row another process writes lands then.
    const adding = addAttachment({ applicationId: id, applicantId: a.id, name: "second tab.pdf", bytes });
    db()
      .insert(attachments)
      .values({
        applicationId: id,
        originalName: "first tab.pdf",
        mimeType: "application/pdf",
        sizeBytes: bytes.byteLength,
        pages: 1,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storedName: "stored-by-the-other-process",
      })
      .run();
    expect(await adding).toEqual({
      ok: false,
      error: "errors.file_already_attached",
      field: "file",
      vars: { name: "first tab.pdf" },
    });
    expect(countFor(id)).toBe(1);
  });

  it("PDFs over the edition's total number of pages are refused", async () => {
    const edition = makeOpenEdition();
    db().update(editions).set({ maxPdfPages: 3 }).where(eq(editions.id, edition.id)).run();
    const a = await makeUser();
    const id = startFor(a.id, edition.id);
    expect((await addAttachment({ applicationId: id, applicantId: a.id, name: "two.pdf", bytes: tinyPdf(2) })).ok).toBe(
      true,
    );
    expect(
      await addAttachment({ applicationId: id, applicantId: a.id, name: "again.pdf", bytes: tinyPdf(2, 1) }),
    ).toMatchObject({ ok: false, error: "errors.files_too_many_pages", vars: { limit: 3 } });
    expect(countFor(id)).toBe(1);
  });

  it("only the owner, the entity it was sent to and the secretariat can download; others get nothing", async () => {
    const edition = makeOpenEdition();
    const entity = makeEntity();
    const otherEntity = makeEntity();
    const a = await makeUser();
    const b = await makeUser();
    const nominator = await makeUser({ roles: [] });
    const otherNominator = await makeUser({ roles: [] });
    const secretariat = await makeUser({ roles: ["secretariat"] });
    addEntityMember(entity.id, nominator.id);
    addEntityMember(otherEntity.id, otherNominator.id);
    const id = startFor(a.id, edition.id);
    const added = await addAttachment({ applicationId: id, applicantId: a.id, name: "report.pdf", bytes: tinyPdf() });
    if (!added.ok) throw new Error(added.error);
    const attachmentId = added.attachmentId;
    expect(getAttachmentForDownload({ attachmentId, user: await userOf(a.id) })?.mimeType).toBe("application/pdf");
    expect(getAttachmentForDownload({ attachmentId, user: await userOf(b.id) })).toBeNull();
    // Not yet sent: the entity does not see it.
    db().update(applications).set({ entityId: entity.id }).where(eq(applications.id, id)).run();
    expect(getAttachmentForDownload({ attachmentId, user: await userOf(nominator.id) })).toBeNull();
    const version = completeApplication(id, a.id);
    expect(
      sendToEntity({ applicationId: id, applicantId: a.id, editionId: edition.id, entityId: entity.id, version }).ok,
    ).toBe(true);
    expect(getAttachmentForDownload({ attachmentId, user: await userOf(nominator.id) })).not.toBeNull();
    expect(getAttachmentForDownload({ attachmentId, user: await userOf(otherNominator.id) })).toBeNull();
    expect(getAttachmentForDownload({ attachmentId, user: await userOf(secretariat.id) })).not.toBeNull();
  });

  it("deleting removes the row and the stored file; another applicant cannot delete it", async () => {
    const edition = makeOpenEdition();
    const a = await makeUser();
    const b = await makeUser();
    const id = startFor(a.id, edition.id);
    const added = await addAttachment({ applicationId: id, applicantId: a.id, name: "report.pdf", bytes: tinyPdf() });
    if (!added.ok) throw new Error(added.error);
    const stored = db().select().from(attachments).where(eq(attachments.id, added.attachmentId)).get()!.storedName;
    expect(deleteAttachment({ attachmentId: added.attachmentId, applicantId: b.id })).toEqual({
      ok: false,
      error: "errors.not_found",
    });
    expect(deleteAttachment({ attachmentId: added.attachmentId, applicantId: a.id })).toEqual({ ok: true });
    expect(countFor(id)).toBe(0);
    expect(existsSync(join(uploadDir(), stored))).toBe(false);
  });
});
