import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { writeAudit } from "../../app/kernel/models/audit.server";

const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });

describe("operations scripts", () => {
  const dir = mkdtempSync(join(tmpdir(), "prize-ops-"));
  const path = join(dir, "ops.db");
  const database = openDatabase(path);
  for (let i = 0; i < 4; i++) writeAudit({ actorId: null, action: `ops.${i}`, objectType: "test" }, database);
  database.$client.close();

  it("audit:verify reports an intact chain", () => {
    const run = tsx("scripts/audit-verify.ts", [path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Audit chain intact: 4 rows verified");
  });

  it("backup writes a consistent copy whose integrity is checked", () => {
    const target = join(dir, "copy.db");
    const run = tsx("scripts/backup.ts", [target], { DATABASE_PATH: path });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("integrity ok");
    expect(existsSync(target)).toBe(true);
    const copy = new Database(target, { readonly: true });
    expect((copy.prepare("select count(*) as n from audit_log").get() as { n: number }).n).toBe(4);
    copy.close();
  });

  it("audit:verify names the first broken row and fails after a row is edited", () => {
    const raw = new Database(path);
    raw.prepare("update audit_log set action = 'ops.tampered' where id = 3").run();
    raw.close();
    const run = tsx("scripts/audit-verify.ts", [path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Audit chain BROKEN at row 3");
  });
});
