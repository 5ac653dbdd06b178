// The repository stands alone: a maintainer has only what is in it, so no tracked file may cite
// the planning documents this project started from. What they said that still matters lives in
// docs/maintaining.md and in comments that state the fact itself.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

// Built from parts so that this file does not cite them itself. "trap" followed by a number is
// how those documents' list of known traps was cited; docs/maintaining.md gives them titles.
const FORBIDDEN: readonly string[] = [
  ...["STACK", "DESIGN", "QUALITY", "PRIZE", "DEVELOPERS"].map((name) => `${name}.md`),
  `${"DESIGN"} §`,
  `../${"shared"}/`,
  `/work/${"shared"}`,
];
const NUMBERED_TRAP = new RegExp(`\\b${"trap"}s? \\d`, "i");

/** Generated, so not written by anyone, and long: not worth reading. */
const SKIPPED = new Set(["package-lock.json"]);

/** A file with a NUL byte in its first 8 kB is binary (git decides the same way). */
function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

function citationsIn(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    for (const needle of FORBIDDEN) {
      if (line.includes(needle)) found.push(`${i + 1}: ${needle}`);
    }
    if (NUMBERED_TRAP.test(line)) found.push(`${i + 1}: numbered trap`);
  });
  return found;
}

function trackedTextFiles(): { path: string; text: string }[] {
  const listed = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
  return listed
    .split("\0")
    .filter((path) => path !== "" && !SKIPPED.has(path) && existsSync(join(ROOT, path)))
    .map((path) => ({ path, bytes: readFileSync(join(ROOT, path)) }))
    .filter(({ bytes }) => !isBinary(bytes))
    .map(({ path, bytes }) => ({ path, text: bytes.toString("utf8") }));
}

describe("the repository stands alone", () => {
  it("finds a citation of an outside document in a line that has one", () => {
    expect(citationsIn(`ok\n// see ${"STACK"}.md`)).toEqual([`2: ${"STACK"}.md`]);
    expect(citationsIn(`// (${"trap"} 13)`)).toEqual(["1: numbered trap"]);
    expect(citationsIn(`// (${"DESIGN"} §7)`)).toEqual([`1: ${"DESIGN"} §`]);
    expect(citationsIn("// see docs/maintaining.md")).toEqual([]);
  });

  it("no tracked text file cites a document outside the repository", () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap(({ path, text }) => citationsIn(text).map((hit) => `${path}:${hit}`));
    expect(offenders).toEqual([]);
  });
});
