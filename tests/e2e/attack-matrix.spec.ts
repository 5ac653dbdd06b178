// Every route of the build × every role: the page, its single-fetch data request, its legacy
// ?_data request and each action intent with an incomplete body, against the real server.
// Routes come from the build's manifest; what each must answer comes from
// tests/e2e/support/attack-table.ts. HTTP only (no browser), so it runs in the js project alone.
import { expect, request as playwrightRequest, test, type APIResponse } from "@playwright/test";
import { incompleteBody, refusalFor, TABLE, type Outcome } from "./support/attack-table";
import { baseOrigin, builtRoutes, dataUrl, inBatches, ROLES, seedWorld, sessionFor, type World } from "./support/world";

test.describe.configure({ mode: "serial" });

let world: World;
test.beforeAll(async () => {
  world = await seedWorld("matrix");
});

function locationOf(res: APIResponse): string {
  const location = res.headers()["location"] ?? "";
  return location.startsWith("http") ? new URL(location).pathname + new URL(location).search : location;
}

/** Why a response does not match the outcome, or null when it does. */
function mismatch(res: APIResponse, outcome: Outcome | "4xx", kind: "page" | "data"): string | null {
  const status = res.status();
  const type = res.headers()["content-type"] ?? "";
  const location = locationOf(res);
  const redirectStatus = kind === "data" ? [202] : [301, 302, 303];
  if (status >= 500) return `answered ${status}`;
  if (outcome === "4xx") return status >= 400 && status < 500 ? null : `answered ${status}, expected a 4xx`;
  if (outcome === 200)
    return status === 200 && (kind === "data" || type.includes("text/html"))
      ? null
      : `answered ${status} ${type}, expected the page`;
  if (outcome === "file")
    return status === 200 && (kind === "data" || !type.includes("text/html"))
      ? null
      : `answered ${status} ${type}, expected a download`;
  if (outcome === 404)
    return status === 404 ? null : `answered ${status}${location ? ` → ${location}` : ""}, expected 404`;
  const target = outcome === "login" ? "/login" : outcome.redirect;
  // A redirect's own query (e.g. "?detected=2") is the action's report, not its target.
  const ok =
    redirectStatus.includes(status) &&
    (outcome === "login" ? location.startsWith("/login?") : location.split("?")[0] === target);
  return ok ? null : `answered ${status}${location ? ` → ${location}` : ""}, expected a redirect to ${target}`;
}

/** A redirect's path with the world's ids in place of `:edition`. */
function withIds(outcome: Outcome): Outcome {
  return typeof outcome === "object" ? { redirect: outcome.redirect.replace(":edition", world.editionId) } : outcome;
}

test("every route answers every role as the table says: page, data request, legacy data request and each action intent", async () => {
  test.setTimeout(180_000);
  const routes = await builtRoutes();
  const failures: string[] = [];
  for (const route of routes)
    if (!TABLE[route.id])
      failures.push(`${route.id} (${route.pattern}) has no row in tests/e2e/support/attack-table.ts`);
  for (const id of Object.keys(TABLE))
    if (!routes.some((r) => r.id === id)) failures.push(`${id} has a row in the table but is not a route of the build`);
  const known = routes.filter((r) => TABLE[r.id]);
  const origin = baseOrigin();

  for (const role of ROLES) {
    const context = await playwrightRequest.newContext({
      baseURL: process.env.E2E_BASE_URL,
      extraHTTPHeaders: world.cookies[role] ? { Cookie: world.cookies[role] } : {},
    });
    const checks = known.flatMap((route) => {
      const row = TABLE[route.id];
      const path = row.path(world);
      const expected = row.get[role];
      const list: { label: string; run: () => Promise<string | null> }[] = [
        {
          label: `GET ${path}`,
          run: async () => mismatch(await context.get(path, { maxRedirects: 0 }), expected, "page"),
        },
        {
          label: `GET ${dataUrl(path, route.id)}`,
          run: async () => mismatch(await context.get(dataUrl(path, route.id), { maxRedirects: 0 }), expected, "data"),
        },
      ];
      // The legacy data request breaks on what a loader returns (a null, a key named status), so
      // it is asked where the loader returns data, and of the visitor.
      if (expected === 200 || expected === "file" || role === "visitor")
        list.push({
          label: `GET ${path} ?_data`,
          run: async () => {
            const res = await context.get(
              `${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route.id)}`,
              { maxRedirects: 0 },
            );
            return res.status() >= 500 ? `answered ${res.status()}` : null;
          },
        });
      if (route.hasAction && row.post) {
        for (const intent of row.post.intents) {
          const actor = row.post.act(intent).includes(role);
          const acted = typeof row.post.acted === "function" ? row.post.acted(intent) : row.post.acted;
          const want: Outcome | "4xx" = actor ? (acted ? withIds(acted) : "4xx") : refusalFor(row, role);
          list.push({
            label: `POST ${path} intent=${intent ?? "(none)"} (${actor ? "may act" : "may not act"})`,
            run: async () => {
              // Signing out ends the session it is sent with: a throwaway one keeps the role's.
              const cookie =
                route.id === "routes/logout" && role !== "visitor"
                  ? await sessionFor(world.userIds[role])
                  : world.cookies[role];
              const res = await context.post(path, {
                form: incompleteBody(route.id, intent),
                headers: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
                maxRedirects: 0,
              });
              if (actor && !acted && res.status() === 404) return `answered 404: the role was refused, but it may act`;
              return mismatch(res, want, "page");
            },
          });
        }
      } else if (route.hasAction) {
        failures.push(`${route.id} has an action but its row lists no intents`);
      }
      return list;
    });
    const results = await inBatches(checks, 8, async (c) => ({ label: c.label, problem: await c.run() }));
    for (const r of results) if (r.problem) failures.push(`${role}: ${r.label}: ${r.problem}`);
    await context.dispose();
  }
  expect(failures, `Expected (table) ≠ observed:\n${failures.join("\n")}`).toEqual([]);
});
