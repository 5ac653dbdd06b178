// Exploring the demo never changes its data: on a database seeded as `npm run demo` seeds it,
// each demo role (and a visitor) follows every link the pages show, page after page, and every
// table reads the same afterwards. Its own server, on its own copy of the demo. HTTP only
// (@http), so it runs in the js project alone.
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createHash } from "node:crypto";
import type { DemoResult } from "../../scripts/seed/demo";
import { buildDemoAt } from "./support/demo";
import { startServer, type StartedServer } from "./support/server";
import { sessionFor } from "./support/world";

/** Pages of one shape (same path with its ids, same query keys) visited per role: the demo has
 * eighty applications, and the eighty-first page of a kind would find nothing the first did not. */
const PER_SHAPE = 2;

/** Links never followed: files the build serves, and the way out. */
const SKIPPED = /^\/(build|assets|favicon|logout)\b/;

let server: StartedServer;
let sqlite: Database.Database;
const cookies = new Map<string, string>();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  let demo: DemoResult | undefined;
  server = await startServer({
    prepare: async (env) => {
      demo = buildDemoAt(env.DATABASE_PATH);
      const db = new Database(env.DATABASE_PATH);
      try {
        for (const login of [...demo.logins, demo.observerLogin]) {
          const user = db.prepare("select id from users where email = ?").get(login.email) as { id: string };
          cookies.set(login.role, await sessionFor(user.id, db));
        }
      } finally {
        db.close();
      }
    },
    // No e-mail sent and no scheduled job while the demo is explored: only the visits could write.
    extraEnv: { MAIL_INTERVAL_MS: "3600000", JOBS_INTERVAL_MS: "3600000" },
  });
  cookies.set("visitor", "");
  sqlite = new Database(server.env.DATABASE_PATH, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
});
test.afterAll(async () => {
  sqlite?.close();
  await server?.stop();
});

/** A digest of every table's rows, by table. */
function fingerprint(): Map<string, string> {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  const out = new Map<string, string>();
  for (const { name } of tables) {
    const hash = createHash("sha256");
    for (const row of sqlite.prepare(`select * from "${name}" order by rowid`).iterate())
      hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v)));
    out.set(name, hash.digest("hex"));
  }
  return out;
}

/** Once the server has done what it does on starting (the demo's queued e-mails go out once). */
async function quiet(): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = sqlite.pragma("data_version", { simple: true });
  for (;;) {
    await new Promise((r) => setTimeout(r, 750));
    const now = sqlite.pragma("data_version", { simple: true });
    if (now === last || Date.now() > deadline) return;
    last = now;
  }
}

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A page's kind: its path with ids and numbers left out, and the names of its query keys. */
function shape(url: URL): string {
  const path = url.pathname.replace(ID, ":id").replace(/\d+/g, ":n");
  return `${path}?${[...new Set(url.searchParams.keys())].sort().join("&")}`;
}

/** Same-origin links of an HTML page, as absolute paths with their query. */
function links(html: string, from: string, origin: string): string[] {
  const out: string[] = [];
  for (const [, raw] of html.matchAll(/<a\s[^>]*href="([^"]+)"/g)) {
    const href = raw.replace(/&amp;/g, "&");
    if (href.startsWith("#") || href.startsWith("mailto:")) continue;
    const url = new URL(href, new URL(from, origin));
    if (url.origin !== origin || SKIPPED.test(url.pathname)) continue;
    out.push(url.pathname + url.search);
  }
  return out;
}

test("exploring the demo, as each of its roles, following every link the pages show, changes none of its data @http", async () => {
  test.setTimeout(180_000);
  const origin = new URL(server.baseURL).origin;
  await quiet();
  const before = fingerprint();
  let previous = before;
  // data_version moves whenever the server commits: read after every visit, it names the page
  // that wrote, and the tables are compared only then.
  let version = sqlite.pragma("data_version", { simple: true });
  const writes: string[] = [];
  let visits = 0;
  for (const [role, cookie] of cookies) {
    const context = await playwrightRequest.newContext({
      baseURL: server.baseURL,
      extraHTTPHeaders: cookie ? { Cookie: cookie } : {},
    });
    const seen = new Set<string>();
    const perShape = new Map<string, number>();
    const queue = ["/", "/dashboard"];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const kind = shape(new URL(path, origin));
      const n = perShape.get(kind) ?? 0;
      if (n >= PER_SHAPE) continue;
      perShape.set(kind, n + 1);
      const res = await context.get(path, { maxRedirects: 0 });
      visits++;
      expect(res.status(), `${role}: GET ${path}`).toBeLessThan(500);
      const now = sqlite.pragma("data_version", { simple: true });
      if (now !== version) {
        version = now;
        const after = fingerprint();
        const changed = [...after.keys()].filter((t) => after.get(t) !== previous.get(t));
        if (changed.length) writes.push(`${role}: GET ${path} changed ${changed.join(", ")}`);
        previous = after;
      }
      const location = res.headers()["location"];
      if (location) queue.push(location);
      if ((res.headers()["content-type"] ?? "").startsWith("text/html"))
        queue.push(...links(await res.text(), path, origin));
    }
    await context.dispose();
  }
  expect(writes, `Visits that wrote:\n${writes.join("\n")}`).toEqual([]);
  expect(fingerprint()).toEqual(before);
  // The exploration did reach the demo's pages, not only the sign-in page.
  expect(visits).toBeGreaterThan(100);
});
