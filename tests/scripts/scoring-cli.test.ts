import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../scripts/scoring-cli";
import { computeResults, laureateCertificate, type ResultsInput } from "../../scoring/index";

const input: ResultsInput = {
  criteria: [{ key: "q", weight: 1 }],
  scale: { min: 0, max: 10 },
  reviews: [
    { applicationId: "A", jurorId: "J1", scores: { q: 8 } },
    { applicationId: "B", jurorId: "J1", scores: { q: 5 } },
    { applicationId: "A", jurorId: "J2", scores: { q: 7 } },
    { applicationId: "B", jurorId: "J2", scores: { q: 6 } },
  ],
};
const options = { method: "zScore" as const, bootstrap: 100, seed: 5, laureates: 1 };
/** What the cli prints: the results and the laureates' certificate under the same method, laureates and seed. */
const expected = (opts: typeof options | Record<string, never>) => {
  const results = computeResults(input, opts);
  const certificate = laureateCertificate(input, {
    method: results.method,
    laureates: results.laureates,
    seed: results.seed,
  });
  return `${JSON.stringify({ ...results, certificate }, null, 2)}\n`;
};
const files: Record<string, string> = {
  "wrapped.json": JSON.stringify({ input, options }),
  "bare.json": JSON.stringify(input),
  "broken.json": "{ not json",
  "bad-score.json": JSON.stringify({ ...input, reviews: [{ applicationId: "A", jurorId: "J1", scores: { q: 12 } }] }),
};
const read = (path: string) => {
  if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`);
  return files[path];
};

describe("scoring cli", () => {
  it("runCli prints the results of a wrapped { input, options } file as JSON, with the laureates' certificate", () => {
    const out = runCli(["results", "wrapped.json"], read);
    expect(out).toEqual({ code: 0, stdout: expected(options), stderr: "" });
    const printed = JSON.parse(out.stdout) as { certificate: { method: string; laureates: number; margin: unknown } };
    expect(printed.certificate).toMatchObject({ method: "zScore", laureates: 1 });
  });

  it("runCli accepts a bare ResultsInput with default options", () => {
    const out = runCli(["results", "bare.json"], read);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(expected({}));
  });

  it("runCli exits 1 with a clear message on invalid JSON, a missing file, bad data and bad arguments", () => {
    expect(runCli(["results", "broken.json"], read)).toMatchObject({
      code: 1,
      stdout: "",
      stderr: expect.stringMatching(/broken.json is not valid JSON/),
    });
    expect(runCli(["results", "missing.json"], read)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot read missing.json/),
    });
    expect(runCli(["results", "bad-score.json"], read)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/application A by juror J1: score 12 for criterion "q" is outside the scale/),
    });
    expect(runCli(["rank"], read)).toMatchObject({ code: 1, stderr: expect.stringMatching(/usage/) });
  });

  it("the cli run through tsx prints the same JSON and exits 0, and exits 1 on a bad file", () => {
    const dir = mkdtempSync(join(tmpdir(), "scoring-cli-"));
    const good = join(dir, "edition.json");
    const bad = join(dir, "bad.json");
    writeFileSync(good, files["wrapped.json"]);
    writeFileSync(bad, "[]");
    const tsx = join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
    const ok = spawnSync(process.execPath, [tsx, "scripts/scoring-cli.ts", "results", good], { encoding: "utf8" });
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: "" });
    expect(ok.stdout).toBe(expected(options));
    const ko = spawnSync(process.execPath, [tsx, "scripts/scoring-cli.ts", "results", bad], { encoding: "utf8" });
    expect(ko.status).toBe(1);
    expect(ko.stderr).toMatch(/must contain a JSON object/);
  });
});
