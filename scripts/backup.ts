// npm run backup [-- target.db] — a consistent copy through SQLite's online backup API, safe
// while the server is running (WAL readers are not blocked).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { databasePath } from "../db/client";

const source = databasePath();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = resolve(process.argv[2] ?? `data/backups/prize-${stamp}.db`);
mkdirSync(dirname(target), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
await db.backup(target);
db.close();
const check = new Database(target, { readonly: true });
const integrity = check.pragma("integrity_check", { simple: true });
check.close();
if (integrity !== "ok") {
  console.error(`Backup written to ${target} but its integrity check failed: ${String(integrity)}`);
  process.exit(1);
}
console.log(`Backup of ${source} written to ${target} (integrity ok).`);
