// One ZIP writer for every archive the server builds (XLSX workbooks, a user's data export), so
// the compression settings and the text encoding cannot drift apart between them.
import { strToU8, zipSync } from "fflate";

/** The bytes of a ZIP archive holding each file under its path; text is stored as UTF-8. */
export function toZip(files: Record<string, Uint8Array | string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, content] of Object.entries(files))
    entries[path] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(entries, { level: 6 });
}
