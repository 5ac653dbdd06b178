// A GET changes nothing: as every role, every page and data request the build knows (with the
// attack world's ids) leaves every table as it was. Sessions are left out (their rows are made
// here, per role, before the digest). HTTP only, so it runs in the js project alone.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createHash } from "node:crypto";
import { TABLE } from "./support/attack-table";
import { e2eDb } from "./support/db";
import { builtRoutes, dataUrl, ROLES, seedWorld } from "./support/world";

function tables(): string[] {
  return (
    e2eDb()
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'sessions' order by name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
}

function digest(): Map<string, string> {
  const db = e2eDb();
  const out = new Map<string, string>();
  for (const table of tables()) {
    const hash = createHash("sha256");
    for (const row of db.prepare(`select * from "${table}" order by rowid`).iterate())
      hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v)));
    out.set(table, hash.digest("hex"));
  }
  return out;
}

/** Mail queued by earlier specs is delivered by the server in the background: let it settle first. */
async function outboxSettled(): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (
    Date.now() < deadline &&
    (
      e2eDb()
        .prepare("select count(*) as n from outbox where state = 'pending' and next_attempt_at <= ?")
        .get(Date.now() + 1000) as { n: number }
    ).n > 0
  ) {
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("a GET changes nothing: every page and data request, as every role, leaves every table as it was", async () => {
  test.setTimeout(180_000);
  const world = await seedWorld("get");
  const routes = await builtRoutes();
  const missing = routes.filter((r) => !TABLE[r.id]).map((r) => `${r.id} (${r.pattern})`);
  expect(missing, "routes of the build without a row in tests/e2e/support/attack-table.ts").toEqual([]);
  await outboxSettled();
  const db = e2eDb();
  const writes: string[] = [];
  let before = digest();
  // data_version moves whenever another connection (the server) commits: cheap to read after
  // every request, so the URL that wrote is named, and the tables are compared only then.
  let version = db.pragma("data_version", { simple: true });
  for (const role of ROLES) {
    const context = await playwrightRequest.newContext({
      baseURL: process.env.E2E_BASE_URL,
      extraHTTPHeaders: world.cookies[role] ? { Cookie: world.cookies[role] } : {},
    });
    for (const route of routes) {
      const path = TABLE[route.id].path(world);
      for (const url of [path, dataUrl(path, route.id)]) {
        const res = await context.get(url, { maxRedirects: 0 });
        expect(res.status(), `${role}: GET ${url}`).toBeLessThan(500);
        const now = db.pragma("data_version", { simple: true });
        if (now === version) continue;
        version = now;
        const after = digest();
        const changed = [...after.keys()].filter((t) => after.get(t) !== before.get(t));
        if (changed.length) writes.push(`${role}: GET ${url} changed ${changed.join(", ")}`);
        before = after;
      }
    }
    await context.dispose();
  }
  expect(writes, `GET requests that wrote:\n${writes.join("\n")}`).toEqual([]);
});
