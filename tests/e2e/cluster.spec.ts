// Two workers on one database (WEB_CONCURRENCY=2, decision 023): a worker killed while clients
// write loses no write it acknowledged, the other keeps answering, the supervisor starts another,
// and each e-mail goes out exactly once, also when the worker that sends them is the one killed.
// Its own server and database; HTTP only (@http), so it runs in the js project alone.
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, type StartedServer } from "./support/server";

let server: StartedServer;

const log = () => readFileSync(server.logFile, "utf8");

/** The workers serving now, by the supervisor's log: every start minus every death. */
function workers(): { pid: number; background: boolean }[] {
  const text = log();
  const stopped = new Set([...text.matchAll(/^Worker (\d+) stopped/gm)].map((m) => Number(m[1])));
  return [...text.matchAll(/^Worker (\d+) is serving( \(e-mail and jobs\))?$/gm)]
    .map((m) => ({ pid: Number(m[1]), background: Boolean(m[2]) }))
    .filter((w) => !stopped.has(w.pid));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.\n${log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Registers `email`; true once the server acknowledged it (its transaction committed). */
async function register(email: string): Promise<boolean> {
  try {
    const response = await fetch(`${server.baseURL}/register`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.baseURL, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "Cluster Test", email, password: "a long enough password", locale: "en" }),
      signal: AbortSignal.timeout(15_000),
    });
    return response.status === 302 && response.headers.get("location") === "/register?sent=1";
  } catch {
    // The connection died with its worker: not acknowledged.
    return false;
  }
}

/** Registers `total` addresses, `parallel` at a time, calling `midway` once after `at` were acknowledged. */
async function registerMany(prefix: string, total: number, at: number, midway: () => void): Promise<string[]> {
  const acknowledged: string[] = [];
  let next = 0;
  let called = false;
  const client = async () => {
    while (next < total) {
      const email = `${prefix}-${next++}@cluster.test`;
      if (await register(email)) acknowledged.push(email);
      // As a person would, try again after a moment: in the instant before the supervisor learns
      // of a killed worker, connections handed to it fail at once, and four clients going on at
      // full speed spent every remaining address in that instant (9 acknowledged of 30 once).
      else await new Promise((r) => setTimeout(r, 100));
      if (!called && acknowledged.length >= at) {
        called = true;
        midway();
      }
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  return acknowledged;
}

/** How many times the log says a copy of `email`'s message was written (`written`) or found written. */
function mailLines(email: string): { written: number; found: number } {
  const lines = log().split("\n");
  return {
    written: lines.filter((line) => line.startsWith(`E-mail to ${email} written to `)).length,
    found: lines.filter((line) => line.startsWith(`E-mail to ${email} already written to `)).length,
  };
}

/** The delivered copies addressed to `email`: .eml files in MAIL_DIR (partial ones end in .part). */
function copiesTo(email: string): number {
  const dir = server.env.MAIL_DIR;
  return readdirSync(dir)
    .filter((name) => name.endsWith(".eml"))
    .filter((name) => readFileSync(join(dir, name), "utf8").split(/\r?\n/).includes(`To: ${email}`)).length;
}

async function expectEachWrittenAndMailedOnce(acknowledged: string[]) {
  const db = new Database(server.env.DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const registered = new Set(
      (db.prepare("select email from pending_registrations").all() as { email: string }[]).map((r) => r.email),
    );
    expect(acknowledged.filter((email) => !registered.has(email))).toEqual([]);
    const pending = db.prepare("select count(*) as n from outbox where to_address = ? and state = 'pending'");
    await until("every acknowledged registration's e-mail to be sent", () =>
      acknowledged.every((email) => (pending.get(email) as { n: number }).n === 0),
    );
  } finally {
    db.close();
  }
  // The log reaches its file through this process's pipe a little after the row says sent.
  await until("every acknowledged registration's e-mail in the log", () =>
    acknowledged.every((email) => {
      const { written, found } = mailLines(email);
      return written + found > 0;
    }),
  );
  await new Promise((r) => setTimeout(r, 1000));
  // One copy each, written once: a sender killed between writing a copy and marking its row sent
  // leaves it whole, and its replacement finds it rather than writing it again.
  const notOnce = acknowledged
    .map((email) => `${email}: ${copiesTo(email)} copies, written ${mailLines(email).written} times`)
    .filter((s) => !s.endsWith(": 1 copies, written 1 times") && !s.endsWith(": 1 copies, written 0 times"));
  expect(notOnce).toEqual([]);
}

test.describe("several workers on one database @http", () => {
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    // The sender's own round once an hour: every e-mail here goes out because a worker passed it on.
    server = await startServer({ extraEnv: { WEB_CONCURRENCY: "2", MAIL_INTERVAL_MS: "3600000" } });
    await until("both workers", () => log().includes("with 2 workers"));
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("two workers serve, and only one of them sends the e-mail and runs the jobs", async () => {
    const serving = workers();
    expect(serving).toHaveLength(2);
    expect(serving.every((w) => isRunning(w.pid))).toBe(true);
    expect(serving.filter((w) => w.background)).toHaveLength(1);
    // The database was prepared once, by the supervisor, before any worker started.
    expect(log().match(/^Database: /gm)).toHaveLength(1);
    expect(log().match(/one-time link/g)).toHaveLength(1);
  });

  test("a web worker killed while clients register loses no acknowledged registration and is replaced", async () => {
    test.setTimeout(120_000);
    const victim = workers().find((w) => !w.background)!;
    const acknowledged = await registerMany("web", 40, 8, () => process.kill(victim.pid, "SIGKILL"));
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    await until("a worker in place of the killed one", () => workers().length === 2);
    expect(log().match(new RegExp(`^Worker ${victim.pid} stopped \\(SIGKILL\\)`, "gm"))).toHaveLength(1);
    expect((await fetch(`${server.baseURL}/healthz`)).status).toBe(200);
    await expectEachWrittenAndMailedOnce(acknowledged);
  });

  test("when the worker that sends the e-mail is killed, its replacement sends, and nothing twice", async () => {
    test.setTimeout(120_000);
    const sender = workers().find((w) => w.background)!;
    const acknowledged = await registerMany("sender", 30, 6, () => process.kill(sender.pid, "SIGKILL"));
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    await until("a new sender", () => workers().some((w) => w.background && w.pid !== sender.pid));
    expect(workers().filter((w) => w.background)).toHaveLength(1);
    await expectEachWrittenAndMailedOnce(acknowledged);
  });
});
