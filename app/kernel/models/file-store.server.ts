// Stored files (attachments in the upload folder, nomination letters in its letters/ folder)
// and the rows that reference them can never be written in one transaction. So a file is first
// written under a temporary name, renamed to its final name only once the row's transaction has
// committed, and deleted if the transaction fails. What a crash can still leave behind — a
// temporary file, or a final file whose row was deleted — is swept at the next start.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { databasePath, db } from "../../../db/client";
import { attachments, nominationLetters } from "../../../db/schema";

export type FileFolder = "attachments" | "letters";

export function uploadDir(): string {
  return resolve(process.env.UPLOAD_DIR ?? "data/uploads");
}

/** Attachments sit at the root of the upload folder (as they always have), letters under letters/. */
export function folderPath(folder: FileFolder): string {
  return folder === "letters" ? join(uploadDir(), "letters") : uploadDir();
}

export function storedPath(folder: FileFolder, storedName: string): string {
  return join(folderPath(folder), storedName);
}

export type AllowedType = "application/pdf" | "image/png" | "image/jpeg";

/** The type read from the first bytes, or null when it is not one we accept. */
export function sniffType(bytes: Uint8Array): AllowedType | null {
  const b = bytes;
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d)
    return "application/pdf";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  return null;
}

/** A stored file's bytes with the type sniffed from them; null when the file is missing. */
export function readStoredFile({ folder, storedName, name }: { folder: FileFolder; storedName: string; name: string }) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(storedPath(folder, storedName));
  } catch {
    return null;
  }
  return { bytes, name, mimeType: sniffType(bytes) ?? "application/octet-stream" };
}

const TEMP_SUFFIX = ".uploading";
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface StagedFile {
  folder: FileFolder;
  storedName: string;
  tempPath: string;
  finalPath: string;
}

/** Writes the bytes under a temporary name next to where they will live (same disk: the rename is atomic). */
export function stageFile({ folder, bytes }: { folder: FileFolder; bytes: Uint8Array }): StagedFile {
  const storedName = randomUUID();
  mkdirSync(folderPath(folder), { recursive: true });
  const finalPath = storedPath(folder, storedName);
  const tempPath = finalPath + TEMP_SUFFIX;
  writeFileSync(tempPath, bytes, { flag: "wx" });
  return { folder, storedName, tempPath, finalPath };
}

/** After the row's transaction committed: the file takes the name the row references. */
export function commitStagedFile(staged: StagedFile): void {
  renameSync(staged.tempPath, staged.finalPath);
}

export function discardStagedFile(staged: StagedFile): void {
  rmSync(staged.tempPath, { force: true });
}

/**
 * Runs `write` (the row's transaction) for a staged file: renames the file into place when it
 * returns, deletes it when it throws or when `failed` says the result refused the write.
 */
export function withStagedFile<T>(staged: StagedFile, write: () => T, failed: (result: T) => boolean = () => false): T {
  let result: T;
  try {
    result = write();
  } catch (error) {
    discardStagedFile(staged);
    throw error;
  }
  if (failed(result)) discardStagedFile(staged);
  else commitStagedFile(staged);
  return result;
}

/** Removes a stored file once its row is gone; a file already missing is not an error. */
export function removeStoredFile(folder: FileFolder, storedName: string): void {
  rmSync(storedPath(folder, storedName), { force: true });
}

export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

export interface SweepReport {
  removed: string[];
  recovered: string[];
  /** Why nothing was looked at, when the folder belongs to another database. */
  skipped?: string;
}

// Which database the upload folder belongs to. Files are judged orphans against ONE database's
// rows: a second database started on the same folder (another DATABASE_PATH, same UPLOAD_DIR)
// would otherwise take the first one's files for orphans and delete them.
const OWNER_FILE = ".database";

function claimFolder(database: string): string | null {
  const marker = join(uploadDir(), OWNER_FILE);
  if (!existsSync(marker)) {
    mkdirSync(uploadDir(), { recursive: true });
    writeFileSync(marker, database + "\n");
    return null;
  }
  const owner = readFileSync(marker, "utf8").trim();
  return owner === database ? null : owner;
}

/**
 * Deletes what no row references: temporary files and stored files, in both folders. Only files
 * older than `minAgeMs` are looked at, so an upload in progress in another process (its file
 * written, its transaction not yet committed) is never swept. A temporary file whose final name
 * IS referenced is the trace of a crash between the commit and the rename: it is renamed into
 * place instead. Only names this module creates are touched; anything else in the folder is left.
 * The first sweep marks the folder as this database's; a folder marked for another is left alone.
 */
export function sweepOrphanFiles({
  now = new Date(),
  minAgeMs = ORPHAN_MIN_AGE_MS,
  database = databasePath(),
}: { now?: Date; minAgeMs?: number; database?: string } = {}): SweepReport {
  const report: SweepReport = { removed: [], recovered: [] };
  const owner = claimFolder(database);
  if (owner) return { ...report, skipped: `${uploadDir()} belongs to the database ${owner}` };
  for (const folder of ["attachments", "letters"] as const) {
    // Listed before the rows are read: a final file seen here was renamed after its row committed,
    // so the query below sees that row.
    const entries = listFolder(folder);
    if (entries.length === 0) continue;
    const referenced = referencedNames(folder);
    for (const name of entries) {
      const temp = name.endsWith(TEMP_SUFFIX);
      const storedName = temp ? name.slice(0, -TEMP_SUFFIX.length) : name;
      if (!STORED_NAME.test(storedName)) continue;
      const path = storedPath(folder, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (!stats.isFile() || now.getTime() - stats.mtimeMs < minAgeMs) continue;
      const label = folder === "letters" ? `letters/${name}` : name;
      if (referenced.has(storedName)) {
        if (!temp) continue;
        try {
          statSync(storedPath(folder, storedName));
          rmSync(path, { force: true });
          report.removed.push(label);
        } catch {
          renameSync(path, storedPath(folder, storedName));
          report.recovered.push(label);
        }
        continue;
      }
      rmSync(path, { force: true });
      report.removed.push(label);
    }
  }
  return report;
}

function listFolder(folder: FileFolder): string[] {
  try {
    return readdirSync(folderPath(folder));
  } catch {
    return [];
  }
}

function referencedNames(folder: FileFolder): Set<string> {
  const rows =
    folder === "letters"
      ? db().select({ name: nominationLetters.storedName }).from(nominationLetters).all()
      : db().select({ name: attachments.storedName }).from(attachments).all();
  return new Set(rows.map((r) => r.name));
}
