// npm run audit:verify — walks the audit chain and names the first broken row.
import { openDatabase, databasePath } from "../db/client";
import { verifyAuditChain } from "../app/kernel/models/audit.server";

const path = process.argv[2] ?? databasePath();
const result = verifyAuditChain(openDatabase(path));
if (result.ok) {
  console.log(`Audit chain intact: ${result.rows} rows verified in ${path}.`);
} else {
  console.error(`Audit chain BROKEN at row ${result.brokenRowId}: ${result.reason}. (${result.rows} rows read.)`);
  process.exit(1);
}
