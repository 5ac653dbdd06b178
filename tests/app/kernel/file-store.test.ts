// Stored files and their rows: a file is renamed into place only after its row committed, a
// failed write leaves no file, and what a crash leaves behind is swept at the next start
// (never a file another process may still be writing).
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, attachments, nominationLetters } from "../../../db/schema";
import { addAttachment } from "../../../app/applications/models/attachment.server";
import {
  folderPath,
  stageFile,
  storedPath,
  sweepOrphanFiles,
  withStagedFile,
} from "../../../app/kernel/models/file-store.server";
import { nominateApplication, nominationHooks } from "../../../app/nominations/models/nomination.server";
import { addEntityMember, makeEdition, makeEntity, makeUser } from "../../fixtures/builders";
import { makeOpenEdition, startFor, tinyPdf } from "../../fixtures/applications";
import { makeApplication, PDF_BYTES } from "../../fixtures/nominations";

const HOUR = 60 * 60 * 1000;
// The sweep is given its own "now"; files are dated relative to it, so no test depends on the clock.
const NOW = new Date(Date.UTC(2030, 0, 15, 12, 0, 0));
const TWO_HOURS_AGO = new Date(NOW.getTime() - 2 * HOUR);
const TEN_MINUTES_AGO = new Date(NOW.getTime() - 10 * 60 * 1000);

function place(folder: "attachments" | "letters", name: string, at: Date, bytes: Uint8Array = PDF_BYTES): string {
  mkdirSync(folderPath(folder), { recursive: true });
  const path = join(folderPath(folder), name);
  writeFileSync(path, bytes);
  utimesSync(path, at, at);
  return path;
}

function age(path: string, at: Date) {
  utimesSync(path, at, at);
}

async function nominationSetup() {
  const edition = makeEdition();
  const entity = makeEntity({ country: null, kind: "ngo" });
  const nominator = await makeUser({ roles: [] });
  addEntityMember(entity.id, nominator.id);
  const applicant = await makeUser();
  const application = makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id });
  return { entity, nominator, application };
}

afterEach(() => {
  nominationHooks.beforeTransaction = undefined;
  nominationHooks.insideTransaction = undefined;
});

describe("stored files", () => {
  it("an attachment is stored under its final name only, with no temporary file left", async () => {
    const edition = makeOpenEdition();
    const applicant = await makeUser();
    const id = startFor(applicant.id, edition.id);
    const added = await addAttachment({
      applicationId: id,
      applicantId: applicant.id,
      name: "report.pdf",
      bytes: tinyPdf(),
    });
    if (!added.ok) throw new Error(added.error);
    const row = db().select().from(attachments).where(eq(attachments.id, added.attachmentId)).get()!;
    expect(readFileSync(storedPath("attachments", row.storedName))).toEqual(Buffer.from(tinyPdf()));
    expect(readdirSync(folderPath("attachments")).filter((n) => n.startsWith(row.storedName))).toEqual([
      row.storedName,
    ]);
  });

  it("a nomination whose transaction fails leaves no letter file, temporary or final", async () => {
    const { entity, nominator, application } = await nominationSetup();
    const before = existsSync(folderPath("letters")) ? readdirSync(folderPath("letters")) : [];
    nominationHooks.insideTransaction = () => {
      throw new Error("disk I/O error");
    };
    expect(() =>
      nominateApplication({
        applicationId: application.id,
        entityId: entity.id,
        actorId: nominator.id,
        letter: { name: "letter.pdf", bytes: PDF_BYTES },
      }),
    ).toThrow("disk I/O error");
    expect(readdirSync(folderPath("letters")).sort()).toEqual(before.sort());
    expect(
      db().select().from(nominationLetters).where(eq(nominationLetters.applicationId, application.id)).all(),
    ).toHaveLength(0);
    expect(db().select().from(applications).where(eq(applications.id, application.id)).get()!.state).toBe(
      "awaiting_nominator",
    );
  });

  it("a nomination refused inside its transaction leaves no letter file either", async () => {
    const { entity, nominator, application } = await nominationSetup();
    const before = existsSync(folderPath("letters")) ? readdirSync(folderPath("letters")) : [];
    // A colleague declines it meanwhile: the state re-read inside the transaction refuses.
    nominationHooks.beforeTransaction = () => {
      db().update(applications).set({ state: "declined" }).where(eq(applications.id, application.id)).run();
    };
    expect(
      nominateApplication({
        applicationId: application.id,
        entityId: entity.id,
        actorId: nominator.id,
        letter: { name: "letter.pdf", bytes: PDF_BYTES },
      }),
    ).toMatchObject({ ok: false, error: "errors.state_changed" });
    expect(readdirSync(folderPath("letters")).sort()).toEqual(before.sort());
  });

  it("a successful nomination keeps exactly the letter its row references", async () => {
    const { entity, nominator, application } = await nominationSetup();
    const done = nominateApplication({
      applicationId: application.id,
      entityId: entity.id,
      actorId: nominator.id,
      letter: { name: "letter.pdf", bytes: PDF_BYTES },
    });
    expect(done.ok).toBe(true);
    const row = db().select().from(nominationLetters).where(eq(nominationLetters.applicationId, application.id)).get()!;
    expect(readdirSync(folderPath("letters")).filter((n) => n.startsWith(row.storedName))).toEqual([row.storedName]);
  });

  it("a write that throws deletes its staged file; one that succeeds renames it into place", () => {
    const failing = stageFile({ folder: "attachments", bytes: PDF_BYTES });
    expect(existsSync(failing.tempPath)).toBe(true);
    expect(() =>
      withStagedFile(failing, () => {
        throw new Error("constraint failed");
      }),
    ).toThrow("constraint failed");
    expect(existsSync(failing.tempPath)).toBe(false);
    expect(existsSync(failing.finalPath)).toBe(false);
    const refused = stageFile({ folder: "attachments", bytes: PDF_BYTES });
    expect(
      withStagedFile(
        refused,
        () => ({ ok: false }),
        (r) => !r.ok,
      ),
    ).toEqual({ ok: false });
    expect(existsSync(refused.tempPath) || existsSync(refused.finalPath)).toBe(false);
    const kept = stageFile({ folder: "attachments", bytes: PDF_BYTES });
    withStagedFile(kept, () => ({ ok: true }));
    expect(existsSync(kept.tempPath)).toBe(false);
    expect(readFileSync(kept.finalPath)).toEqual(Buffer.from(PDF_BYTES));
  });

  it("the sweep removes temporary and unreferenced files older than an hour and keeps referenced, fresh and foreign ones", async () => {
    const edition = makeOpenEdition();
    const applicant = await makeUser();
    const id = startFor(applicant.id, edition.id);
    const added = await addAttachment({
      applicationId: id,
      applicantId: applicant.id,
      name: "kept.pdf",
      bytes: tinyPdf(),
    });
    if (!added.ok) throw new Error(added.error);
    const attachment = db().select().from(attachments).where(eq(attachments.id, added.attachmentId)).get()!;
    age(storedPath("attachments", attachment.storedName), TWO_HOURS_AGO);
    const { entity, nominator, application } = await nominationSetup();
    const nominated = nominateApplication({
      applicationId: application.id,
      entityId: entity.id,
      actorId: nominator.id,
      letter: { name: "letter.pdf", bytes: PDF_BYTES },
    });
    if (!nominated.ok) throw new Error(nominated.error);
    const letter = db().select().from(nominationLetters).where(eq(nominationLetters.id, nominated.letterId)).get()!;
    age(storedPath("letters", letter.storedName), TWO_HOURS_AGO);

    const oldTemp = place("attachments", `${randomUUID()}.uploading`, TWO_HOURS_AGO);
    const oldOrphan = place("attachments", randomUUID(), TWO_HOURS_AGO);
    const oldLetterTemp = place("letters", `${randomUUID()}.uploading`, TWO_HOURS_AGO);
    const oldLetterOrphan = place("letters", randomUUID(), TWO_HOURS_AGO);
    const freshTemp = place("attachments", `${randomUUID()}.uploading`, TEN_MINUTES_AGO);
    const freshOrphan = place("letters", randomUUID(), TEN_MINUTES_AGO);
    const foreign = place("attachments", "README.txt", TWO_HOURS_AGO);

    const report = sweepOrphanFiles({ now: NOW });

    for (const gone of [oldTemp, oldOrphan, oldLetterTemp, oldLetterOrphan])
      expect({ gone, exists: existsSync(gone) }).toEqual({ gone, exists: false });
    for (const kept of [
      storedPath("attachments", attachment.storedName),
      storedPath("letters", letter.storedName),
      freshTemp,
      freshOrphan,
      foreign,
    ]) {
      expect({ kept, exists: existsSync(kept) }).toEqual({ kept, exists: true });
    }
    const label = (path: string) =>
      path.startsWith(folderPath("letters")) ? `letters/${path.split("/").pop()}` : path.split("/").pop();
    expect(report.removed).toEqual(
      expect.arrayContaining([oldTemp, oldOrphan, oldLetterTemp, oldLetterOrphan].map(label)),
    );
    expect(report.recovered).toEqual([]);
    // The letters folder itself, sitting in the attachments' folder, is never taken for a file.
    expect(existsSync(folderPath("letters"))).toBe(true);
  });

  it("a temporary file whose row committed (a crash before the rename) is renamed into place, not deleted", async () => {
    const edition = makeOpenEdition();
    const applicant = await makeUser();
    const id = startFor(applicant.id, edition.id);
    const storedName = randomUUID();
    db()
      .insert(attachments)
      .values({
        applicationId: id,
        originalName: "saved.pdf",
        mimeType: "application/pdf",
        sizeBytes: PDF_BYTES.length,
        sha256: "x".repeat(64),
        storedName,
      })
      .run();
    place("attachments", `${storedName}.uploading`, TWO_HOURS_AGO);
    const report = sweepOrphanFiles({ now: NOW });
    expect(report.recovered).toEqual([`${storedName}.uploading`]);
    expect(readFileSync(storedPath("attachments", storedName))).toEqual(Buffer.from(PDF_BYTES));
    expect(existsSync(storedPath("attachments", `${storedName}.uploading`))).toBe(false);
  });

  it("a crash between writing a letter and its transaction leaves a temporary file that the next start sweeps", async () => {
    const { entity, nominator, application } = await nominationSetup();
    let staged = "";
    // The process "dies" here: the file is written, the transaction never runs.
    nominationHooks.beforeTransaction = () => {
      staged = readdirSync(folderPath("letters")).find((n) => n.endsWith(".uploading"))!;
      throw new Error("process killed");
    };
    expect(() =>
      nominateApplication({
        applicationId: application.id,
        entityId: entity.id,
        actorId: nominator.id,
        letter: { name: "letter.pdf", bytes: PDF_BYTES },
      }),
    ).toThrow("process killed");
    const path = storedPath("letters", staged);
    expect(existsSync(path)).toBe(true);
    age(path, TWO_HOURS_AGO);
    expect(sweepOrphanFiles({ now: NOW }).removed).toContain(`letters/${staged}`);
    expect(existsSync(path)).toBe(false);
  });

  it("an upload folder marked as another database's is never swept", () => {
    // The first sweep marks the folder as this test database's.
    sweepOrphanFiles({ now: NOW });
    const orphan = place("attachments", randomUUID(), TWO_HOURS_AGO);
    const report = sweepOrphanFiles({ now: NOW, database: "/srv/another/prize.db" });
    expect(report.skipped).toContain("belongs to the database");
    expect(report.removed).toEqual([]);
    expect(existsSync(orphan)).toBe(true);
    // Its own database sweeps it.
    expect(sweepOrphanFiles({ now: NOW }).removed).toContain(orphan.split("/").pop());
  });
});
