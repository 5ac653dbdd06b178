// The "download my data" archive: the person's data as JSON files and their own files, in one ZIP.
import { personalData, type PersonalData } from "../models/personal-data.server";
import { readStoredFile, type FileFolder } from "../../kernel/models/file-store.server";
import { toZip } from "../../kernel/server/zip.server";

/** A file name safe inside the archive: no folders, no control characters, no leading dot. */
function safeName(name: string): string {
  const clean = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, "_")
    .replace(/^\.+/, "_")
    .trim();
  return clean.slice(0, 120) || "file";
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

function addFiles(
  files: Record<string, Uint8Array | string>,
  folder: FileFolder,
  rows: { id: string; applicationReference: string; name: string; storedName: string }[],
): { id: string; path: string | null }[] {
  return rows.map((row) => {
    const stored = readStoredFile({ folder, storedName: row.storedName, name: row.name });
    if (!stored) return { id: row.id, path: null };
    // The id keeps two files of the same name apart.
    const path = `attachments/${safeName(row.applicationReference)}/${row.id.slice(0, 8)}-${safeName(row.name)}`;
    files[path] = new Uint8Array(stored.bytes);
    return { id: row.id, path };
  });
}

function withoutStoredName<T extends { storedName: string; id: string }>(
  rows: T[],
  paths: { id: string; path: string | null }[],
) {
  return rows.map(({ storedName: _stored, ...row }) => ({
    ...row,
    file: paths.find((p) => p.id === row.id)?.path ?? null,
  }));
}

/** The ZIP's bytes, or null for an unknown user. */
export function personalDataArchive({ userId }: { userId: string }): Uint8Array | null {
  const data: PersonalData | null = personalData({ userId });
  if (!data) return null;
  const files: Record<string, Uint8Array | string> = {};
  const attachmentPaths = addFiles(files, "attachments", data.files.attachments);
  const letterPaths = addFiles(files, "letters", data.files.letters);
  files["profile.json"] = json(data.profile);
  files["applications.json"] = json({
    applications: data.applications,
    attachments: withoutStoredName(data.files.attachments, attachmentPaths),
    nominationLetters: withoutStoredName(data.files.letters, letterPaths),
  });
  files["emails.json"] = json(data.emails);
  files["audit.json"] = json(data.audit);
  if (data.jury.seats.length > 0) {
    files["jury.json"] = json(data.jury.seats);
    files["reviews.json"] = json(data.jury.reviews);
    files["conflicts.json"] = json(data.jury.conflicts);
  }
  if (data.memberships.entities.length > 0) files["entities.json"] = json(data.memberships.entities);
  if (data.memberships.observing.length > 0) files["observing.json"] = json(data.memberships.observing);
  return toZip(files);
}
