/**
 * The demo's database, written at `databasePath` as `npm run demo` writes it: by `tsx` in a child
 * process, since the seed imports the whole app, whose catalogues are JSON files that Node's own
 * loader (which runs the specs) will not import.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { DemoResult } from "../../../scripts/seed/demo";

const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

export function buildDemoAt(databasePath: string): DemoResult {
  const resultFile = join(dirname(databasePath), "demo-result.json");
  execFileSync(process.execPath, [TSX_CLI, "scripts/seed/demo.ts"], {
    env: { ...process.env, DEMO_DATABASE_PATH: databasePath, DEMO_RESULT_FILE: resultFile },
    stdio: "ignore",
    // The seed must end by itself, as `npm run demo` needs it to (a worker thread once kept it open).
    timeout: 90_000,
  });
  return JSON.parse(readFileSync(resultFile, "utf8")) as DemoResult;
}
