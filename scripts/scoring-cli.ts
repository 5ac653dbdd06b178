// `npm run scoring -- results <file.json>`: anyone re-checks a published ranking from its
// exported input; `npm run scoring -- verify <decision-snapshot.json>`: anyone re-derives every
// part of a decision snapshot and sees which match. The file is read here so that scoring/ itself
// stays free of I/O.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { computeResults, laureateCertificate } from "../scoring/index";
import type { ResultsInput, ResultsOptions } from "../scoring/types";
import { formatVerification, verifySnapshot } from "./snapshot-verify";

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE =
  "usage: scoring results <file.json>   (file: { input: ResultsInput, options?: ResultsOptions } or a bare ResultsInput)" +
  " | scoring verify <decision-snapshot.json> [published SHA-256]";

/**
 * The scoring command line as a pure function: `results <file.json>` reads the file through
 * `readFile`, computes the results and the laureates' certificate (margin of victory, expected
 * ranks and the band at the cut-off, under the results' method, laureates and seed) and returns
 * them as pretty JSON on stdout (exit code 0); any problem gives a one-line message on stderr
 * and exit code 1. A decision snapshot is such a file: its `input` and `options` re-derive the
 * ranking and the certificate it froze.
 * `verify <decision-snapshot.json>` re-derives every part of a decision snapshot (results,
 * certificate, tally, Borda, tie-break, jurors' independence, fairness) and prints for each
 * "matches", what differs, or why it cannot be re-checked; exit code 1 when a part differs, 2 when
 * none differs but some could not be re-checked, 0 otherwise (see {@link formatVerification}).
 * Given the SHA-256 the decision page and the audit log publish, `verify` also checks that the file
 * is that snapshot: re-deriving proves the computations, not which laureates were decided, so an
 * edited decision re-derives as well as the recorded one (exit code 1 when the hash differs).
 * Cost: that of {@link computeResults} plus {@link laureateCertificate} (plus, for `verify`, the audits).
 *
 * @example
 * runCli(["results", "edition.json"], (p) => fs.readFileSync(p, "utf8")).code; // 0
 */
export function runCli(argv: string[], readFile: (path: string) => string): CliOutcome {
  const fail = (message: string): CliOutcome => ({ code: 1, stdout: "", stderr: `scoring: ${message}\n` });
  const arity = argv[0] === "verify" ? argv.length === 2 || argv.length === 3 : argv.length === 2;
  if (!arity || !["results", "verify"].includes(argv[0])) return fail(`expected a command and a file. ${USAGE}`);
  const published = argv[2]?.trim().toLowerCase();
  if (published !== undefined && !/^[0-9a-f]{64}$/.test(published))
    return fail(`the published SHA-256 is 64 hexadecimal digits, not "${argv[2]}". ${USAGE}`);
  const file = argv[1];
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    return fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return fail(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    const what = argv[0] === "verify" ? "a decision snapshot" : "{ input, options } or a ResultsInput";
    return fail(`${file} must contain a JSON object (${what})`);
  }
  if (argv[0] === "verify") {
    const report = formatVerification(verifySnapshot(parsed));
    const code = report.code;
    // The hash the decision page and the audit log publish: only then is this the decided snapshot.
    const hash = createHash("sha256").update(text).digest("hex");
    const head = `decision snapshot ${file}, SHA-256 ${hash}\n`;
    if (published === undefined) return { code, stdout: `${head}${report.text}`, stderr: "" };
    if (published === hash)
      return { code, stdout: `${head}the published SHA-256: it is the decided snapshot\n${report.text}`, stderr: "" };
    const refused = `FAILED: not the decided snapshot: its SHA-256 is ${hash}, the published one ${published}\n`;
    return { code: 1, stdout: `${head}${report.text}${refused}`, stderr: "" };
  }
  const obj = parsed as Record<string, unknown>;
  const wrapped = "input" in obj;
  const input = (wrapped ? obj.input : obj) as ResultsInput;
  const options = (wrapped ? (obj.options ?? {}) : {}) as ResultsOptions;
  try {
    const results = computeResults(input, options);
    const certificate = laureateCertificate(input, {
      method: results.method,
      laureates: results.laureates,
      seed: results.seed,
    });
    return { code: 0, stdout: `${JSON.stringify({ ...results, certificate }, null, 2)}\n`, stderr: "" };
  } catch (e) {
    return fail(`${file}: ${(e as Error).message}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = runCli(process.argv.slice(2), (p) => readFileSync(p, "utf8"));
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  process.exitCode = out.code;
}
