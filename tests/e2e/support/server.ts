/**
 * Starts the already built app on a free port with its own database, mail, upload and
 * setup-token paths in a fresh temp dir: global setup's shared server, and a spec that needs an
 * empty database of its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const STARTUP_TIMEOUT_MS = 30_000;
const KILL_GRACE_MS = 5_000;

export interface StartedServer {
  baseURL: string;
  tmp: string;
  logFile: string;
  env: {
    PORT: string;
    DATABASE_PATH: string;
    MAIL_DIR: string;
    UPLOAD_DIR: string;
    SETUP_TOKEN_FILE: string;
    MAIL_LIMIT_PER_CLIENT: string;
    WEB_CONCURRENCY: string;
  };
  /** Stops the server and removes its temp dir (kept when E2E_KEEP_TMP=1). */
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      if (address === null || typeof address === "string") {
        srv.close();
        reject(new Error("could not read a free port"));
        return;
      }
      srv.close(() => resolvePort(address.port));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  child.kill("SIGTERM");
  if (!(await waitForExit(child, KILL_GRACE_MS))) {
    child.kill("SIGKILL");
    await waitForExit(child, KILL_GRACE_MS);
  }
}

/**
 * `prepare` runs before the server starts, with the paths it will use (to write a database
 * there first); `extraEnv` adds to the server's environment.
 */
export async function startServer({
  prepare,
  extraEnv = {},
}: {
  prepare?: (env: StartedServer["env"]) => Promise<void> | void;
  extraEnv?: Record<string, string>;
} = {}): Promise<StartedServer> {
  // What `npm start` runs: with WEB_CONCURRENCY=1 (unless E2E_WEB_CONCURRENCY or `extraEnv` says
  // otherwise) that is scripts/server.mjs in this one process, as the suite has always run it.
  const serverScript = join(REPO_ROOT, "scripts", "cluster.mjs");
  if (!existsSync(serverScript)) throw new Error(`e2e: ${serverScript} not found`);

  const port = await freePort();
  const tmp = mkdtempSync(join(tmpdir(), "prize-e2e-"));
  const logFile = join(tmp, "server.log");
  const env = {
    PORT: String(port),
    DATABASE_PATH: join(tmp, "e2e.db"),
    MAIL_DIR: join(tmp, "mail"),
    UPLOAD_DIR: join(tmp, "uploads"),
    SETUP_TOKEN_FILE: join(tmp, "setup-token"),
    // Every journey registers from this one machine: the per-client e-mail limit would stop
    // the suite. The per-address limit stays (each journey uses its own addresses).
    MAIL_LIMIT_PER_CLIENT: "100000",
    WEB_CONCURRENCY: process.env.E2E_WEB_CONCURRENCY || "1",
    // The demo's results and certificate take about 1 s on this machine: the pages wait for them
    // rather than show the "computing" page, which has its own tests.
    COMPUTING_WAIT_MS: "30000",
  };
  const baseURL = `http://localhost:${port}`;
  if (prepare) {
    mkdirSync(env.UPLOAD_DIR, { recursive: true });
    await prepare(env);
  }

  // The node process itself, not an npx/npm wrapper, so SIGTERM reaches the server:
  // a wrapper may not pass the signal on and would leave the server holding the port.
  const child = spawn(process.execPath, [serverScript], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, ...extraEnv, NODE_ENV: "production", E2E: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  let stderr = "";
  child.stdout?.pipe(log, { end: false });
  child.stderr?.on("data", (chunk: Buffer) => {
    log.write(chunk);
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  let spawnError: Error | undefined;
  child.on("error", (err) => (spawnError = err));

  const stop = async () => {
    await kill(child);
    await new Promise<void>((done) => log.end(done));
    if (process.env.E2E_KEEP_TMP === "1") {
      console.log(`e2e: kept ${tmp}`);
    } else {
      rmSync(tmp, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastProblem = "";
  for (;;) {
    if (spawnError || exited(child)) {
      const why = spawnError ? spawnError.message : `exit code ${child.exitCode} signal ${child.signalCode}`;
      await new Promise((r) => setTimeout(r, 100)); // let the last stderr chunks arrive
      const logTail = tail(logFile);
      await stop();
      throw new Error(`e2e: the server stopped during startup (${why}).\nstderr:\n${stderr}\nlog tail:\n${logTail}`);
    }
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
      lastProblem = `GET /healthz answered ${res.status}`;
    } catch (err) {
      lastProblem = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() > deadline) {
      const logTail = tail(logFile);
      await stop();
      throw new Error(
        `e2e: the server did not answer /healthz with 200 within ${STARTUP_TIMEOUT_MS / 1000} s ` +
          `(${lastProblem}).\nlog tail:\n${logTail}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseURL, tmp, logFile, env, stop };
}
