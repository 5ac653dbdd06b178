// Each test file runs in its own process (pool: forks) and gets its own migrated SQLite file.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "prize-test-"));
process.env.DATABASE_PATH = join(dir, "test.db");
process.env.MAIL_DIR = join(dir, "mail");
process.env.UPLOAD_DIR = join(dir, "uploads");
// Pages wait for the results worker rather than show the "computing" page (a test sets it back).
process.env.COMPUTING_WAIT_MS ??= "30000";
