// `npm test`: the unit and integration tests (Vitest) and the browser tests (the build, then
// Playwright) side by side rather than one after the other. Playwright runs one worker (the
// journeys share one server and one database) and leaves about a third of two cores idle while
// its pages wait (the EcoIndex method's waits, the server's answers); Vitest, at a lower
// priority, works in those gaps instead of adding its own minutes to CI (decision 047).
//
// Vitest's output is kept and printed whole when it ends, so that the two reports do not
// interleave line by line; Playwright's is printed as it goes. The exit code is non-zero when
// either fails. TEST_IN_ORDER=1 runs them one after the other, Vitest first (a one-core machine,
// or to read each report as it runs).
import { spawn } from "node:child_process";

/**
 * Vitest's nice value: Playwright, the longer of the two, keeps most of the cores when it has
 * work. Below the results worker threads' own (RESULTS_WORKER_NICE, 10), which a test checks run
 * at a lower priority than their process.
 */
const UNIT_NICE = "5";

const children = new Set();

/** Runs a command in a process group of its own; resolves with its exit code. */
function run(command, args, { keepOutput = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: keepOutput ? ["ignore", "pipe", "pipe"] : "inherit",
      detached: true,
    });
    children.add(child);
    const chunks = [];
    if (keepOutput) {
      child.stdout.on("data", (chunk) => chunks.push(chunk));
      child.stderr.on("data", (chunk) => chunks.push(chunk));
    }
    // A command that cannot start (not installed) still closes, with a negative code: a failure.
    child.on("error", (error) => {
      const line = `${command}: ${error.message}\n`;
      if (keepOutput) chunks.push(Buffer.from(line));
      else process.stderr.write(line);
    });
    child.on("close", (code, signal) => {
      children.delete(child);
      if (keepOutput) process.stdout.write(Buffer.concat(chunks));
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function stopAll(signal) {
  for (const child of children) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopAll(signal);
    process.exit(1);
  });
}

const unit = ["nice", ["-n", UNIT_NICE, "npx", "vitest", "run"]];
const browser = ["npm", ["run", "-s", "test:e2e"]];

let codes;
if (process.env.TEST_IN_ORDER === "1") {
  const unitCode = await run(...unit);
  codes = [unitCode, await run(...browser)];
} else {
  console.log(
    "Unit and integration tests (Vitest) run alongside the browser tests; their report follows when they end.",
  );
  let browserDone = false;
  codes = await Promise.all([
    run(unit[0], unit[1], { keepOutput: true }).then((code) => {
      const outcome = code === 0 ? "passed" : `failed (exit code ${code})`;
      console.log(`\nVitest ${outcome}${browserDone ? "" : "; the browser tests go on"}.\n`);
      return code;
    }),
    run(...browser).then((code) => {
      browserDone = true;
      return code;
    }),
  ]);
}
const [unitCode, browserCode] = codes;
if (unitCode !== 0 || browserCode !== 0) {
  console.error(
    `npm test failed: unit and integration tests ${unitCode === 0 ? "passed" : "FAILED"}, ` +
      `browser tests ${browserCode === 0 ? "passed" : "FAILED"}.`,
  );
  process.exit(1);
}
