// Supporting documents: PDF, PNG or JPEG recognised from their bytes (never the name), within
// the edition's per-file, per-application and PDF-page limits, stored outside the web root
// under a random name with their SHA-256, and served only to those allowed to read them.
import { createHash } from "node:crypto";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/sqlite-core";
import { selectWith } from "../../kernel/models/select.server";
import { db } from "../../../db/client";
import { applications, attachments, nominationLetters } from "../../../db/schema";
import { can } from "../../accounts/server/permissions.server";
import type { SessionUser } from "../../accounts/server/session.server";
import { writeAudit } from "../../kernel/models/audit.server";
import { editBlocker, getApplicationForApplicant } from "./application.server";
import type { Failure } from "../../kernel/models/result.server";
import {
  readStoredFile,
  removeStoredFile,
  sniffType,
  stageFile,
  uploadDir,
  withStagedFile,
  type AllowedType,
} from "../../kernel/models/file-store.server";
import { readerMemberIds } from "../../jury/models/members.server";
import { attachmentListing } from "./columns.server";
import { countPdfPagesOffThread } from "./pdf-pages.server";

export { sniffType, uploadDir, type AllowedType };

/**
 * What is wrong with a file name as typed by a person, or null: a folder path (`/`, `\\`, `..`),
 * a length outside 1–200 characters, or characters that are not text (controls, and bidirectional
 * overrides that make "\u202Efdp.exe" read "exe.pdf").
 */
export function fileNameProblem(name: string): FileNameProblem | null {
  if (/[/\\]/.test(name) || name.includes("..")) return "errors.file_name_invalid";
  if (name.length === 0 || name.length > 200) return "errors.file_name_length";
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(name)) return "errors.file_name_characters";
  return null;
}

type FileNameProblem = "errors.file_name_invalid" | "errors.file_name_length" | "errors.file_name_characters";

/** The attachments `which` keeps of the applicant's own applications, oldest first, with the caller's columns. */
function ownAttachments<T extends SelectedFields>(columns: T, applicantId: string, which: SQL) {
  return selectWith(columns, (fields) =>
    db()
      .select(fields)
      .from(attachments)
      .innerJoin(applications, eq(applications.id, attachments.applicationId))
      .where(and(which, eq(applications.applicantId, applicantId)))
      .orderBy(asc(attachments.createdAt))
      .all(),
  );
}

export function listAttachments({ applicationId, applicantId }: { applicationId: string; applicantId: string }) {
  const { pages, sha256, createdAt } = attachments;
  return ownAttachments(
    { ...attachmentListing, pages, sha256, createdAt },
    applicantId,
    eq(attachments.applicationId, applicationId),
  );
}

export function attachmentTotals(list: { sizeBytes: number; pages: number | null }[]) {
  return {
    bytes: list.reduce((s, a) => s + a.sizeBytes, 0),
    pages: list.reduce((s, a) => s + (a.pages ?? 0), 0),
    count: list.length,
  };
}

const PDF_REFUSALS = {
  protected: "errors.pdf_protected",
  unreadable: "errors.pdf_unreadable",
  unchecked: "errors.pdf_unchecked",
  busy: "errors.pdf_one_at_a_time",
} as const;

/** Adds one file to the applicant's application after checking name, type and limits. */
export async function addAttachment({
  applicationId,
  applicantId,
  name,
  bytes,
}: {
  applicationId: string;
  applicantId: string;
  name: string;
  bytes: Uint8Array;
}): Promise<{ ok: true; attachmentId: string } | Failure> {
  const application = getApplicationForApplicant({ applicationId, applicantId });
  if (!application) return { ok: false, error: "errors.not_found" };
  const blocker = editBlocker(application);
  if (blocker) return { ok: false, error: blocker, field: "file" };
  if (bytes.byteLength === 0)
    return { ok: false, error: name ? "errors.file_empty" : "errors.file_required", field: "file" };
  const nameProblem = fileNameProblem(name);
  if (nameProblem) return { ok: false, error: nameProblem, field: "file" };
  const { maxFileBytes, maxTotalBytes, maxPdfPages } = application.edition;
  if (bytes.byteLength > maxFileBytes)
    return { ok: false, error: "errors.file_too_big", field: "file", vars: { limit: megabytes(maxFileBytes) } };
  const mimeType = sniffType(bytes);
  if (!mimeType) return { ok: false, error: "errors.file_type", field: "file" };
  // The same bytes twice (under another name, or a double submission) would count twice against
  // the limits and give the jury the same file to read twice.
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const attached = listAttachments({ applicationId, applicantId });
  const same = attached.find((a) => a.sha256 === sha256);
  if (same)
    return { ok: false, error: "errors.file_already_attached", field: "file", vars: { name: same.originalName } };
  let pages: number | null = null;
  if (mimeType === "application/pdf") {
    const read = await countPdfPagesOffThread(bytes, applicantId);
    if (!read.ok) return { ok: false, error: PDF_REFUSALS[read.reason], field: "file" };
    pages = read.pages;
  }
  const totals = attachmentTotals(attached);
  if (totals.bytes + bytes.byteLength > maxTotalBytes)
    return { ok: false, error: "errors.files_total_too_big", field: "file", vars: { limit: megabytes(maxTotalBytes) } };
  if (pages !== null && totals.pages + pages > maxPdfPages)
    return { ok: false, error: "errors.files_too_many_pages", field: "file", vars: { limit: maxPdfPages } };

  const staged = stageFile({ folder: "attachments", bytes });
  const written = withStagedFile(
    staged,
    () =>
      db().transaction(
        (tx): { duplicateOf: string } | { id: string } => {
          // Checked again where it is written: the same bytes sent from two tabs at once, to two
          // server processes, both passed the check above.
          const meanwhile = tx
            .select({ name: attachments.originalName })
            .from(attachments)
            .where(and(eq(attachments.applicationId, applicationId), eq(attachments.sha256, sha256)))
            .get();
          if (meanwhile) return { duplicateOf: meanwhile.name };
          const row = tx
            .insert(attachments)
            .values({
              applicationId,
              originalName: name,
              mimeType,
              sizeBytes: bytes.byteLength,
              pages,
              sha256,
              storedName: staged.storedName,
            })
            .returning({ id: attachments.id })
            .get();
          writeAudit(
            {
              actorId: applicantId,
              action: "attachment.added",
              objectType: "application",
              objectId: applicationId,
              details: { attachmentId: row.id, mimeType, sizeBytes: bytes.byteLength, sha256 },
            },
            tx,
          );
          return { id: row.id };
        },
        { behavior: "immediate" },
      ),
    (result) => "duplicateOf" in result,
  );
  if ("duplicateOf" in written)
    return { ok: false, error: "errors.file_already_attached", field: "file", vars: { name: written.duplicateOf } };
  return { ok: true, attachmentId: written.id };
}

/** Removes one of the applicant's files (the page asked for confirmation first). */
export function deleteAttachment({
  attachmentId,
  applicantId,
}: {
  attachmentId: string;
  applicantId: string;
}): { ok: true } | Failure {
  const { id, applicationId, storedName, originalName: name } = attachments;
  const [row] = ownAttachments({ id, applicationId, storedName, name }, applicantId, eq(attachments.id, attachmentId));
  if (!row) return { ok: false, error: "errors.not_found" };
  const application = getApplicationForApplicant({ applicationId: row.applicationId, applicantId })!;
  const blocker = editBlocker(application);
  if (blocker) return { ok: false, error: blocker, field: "form" };
  db().transaction((tx) => {
    tx.delete(attachments).where(eq(attachments.id, row.id)).run();
    writeAudit(
      {
        actorId: applicantId,
        action: "attachment.deleted",
        objectType: "application",
        objectId: row.applicationId,
        details: { attachmentId: row.id },
      },
      tx,
    );
  });
  // A crash before this line leaves a file no row references: the sweep at start removes it.
  removeStoredFile("attachments", row.storedName);
  return { ok: true };
}

/**
 * One of an application's stored files (a supporting document, or the nomination letter) if this
 * user may download it, else null (the route answers 404 either way): the owner; the entity once
 * the application was sent to it; a juror assigned to it (not recused, not conflicted); the
 * secretariat. The type is read again from the stored bytes.
 */
export function applicationFileForDownload({
  folder,
  id,
  user,
}: {
  folder: "attachments" | "letters";
  id: string;
  user: SessionUser;
}) {
  const file = folder === "attachments" ? attachments : nominationLetters;
  const row = db()
    .select({
      applicationId: file.applicationId,
      originalName: file.originalName,
      storedName: file.storedName,
      applicantId: applications.applicantId,
      entityId: applications.entityId,
      state: applications.state,
    })
    .from(file)
    .innerJoin(applications, eq(applications.id, file.applicationId))
    .where(eq(file.id, id))
    .get();
  if (!row) return null;
  const sent = row.state !== "draft" && row.state !== "withdrawn";
  const facts = {
    ownerId: row.applicantId,
    entityId: sent ? row.entityId : null,
    sent: row.state !== "draft",
    readerMemberIds:
      user.juries.length > 0 ? readerMemberIds({ applicationId: row.applicationId, userId: user.id }) : [],
  };
  if (!can(user, "attachment.download", facts)) return null;
  return readStoredFile({ folder, storedName: row.storedName, name: row.originalName });
}

export function getAttachmentForDownload({ attachmentId, user }: { attachmentId: string; user: SessionUser }) {
  return applicationFileForDownload({ folder: "attachments", id: attachmentId, user });
}

export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 });
}
