// Remix's server route tree remembered (docs/decisions/054-server-routes-remembered.md). At every
// page, RemixServer rebuilds the React route tree from the route manifest and the route modules
// (`createServerRoutes`): 77 routes whose modules are ES module namespaces, where each property
// looked for and missing (`ErrorBoundary`, `HydrateFallback`, `Layout`, `handle`…) takes the
// slow path. That was ~0.46 ms of a page's ~13 ms of CPU, for a tree that changes only with the
// build. React Router copies the tree before using it (`convertRoutesToDataRoutes`) and nothing
// writes to it, so the same tree serves every page of a build.
import { createRequire } from "node:module";

type CreateServerRoutes = (
  manifest: object,
  routeModules: object,
  future: unknown,
  isSpaMode: unknown,
  ...rest: unknown[]
) => unknown;

const REMEMBERING = Symbol.for("prize.rememberingCreateServerRoutes");

/** A kept tree and the route modules it was built from, by route id. */
interface Kept {
  modules: [string, unknown][];
  routes: unknown;
}

/**
 * `original` (Remix's createServerRoutes) with its top-level answer kept per route manifest and
 * future flags (each the same object for a whole build) and SPA mode, and given again while every
 * route module is the same: Remix gives it a new object of route modules at every page, holding
 * the same modules. A call with more arguments (the original's own recursion passes a parent id)
 * or with arguments that are not objects goes to the original, as does any call the original
 * throws on (nothing is kept then).
 * Cost: a miss is the original's O(routes); a hit is O(routes) identity checks of the modules.
 *
 * @example
 * const createServerRoutes = rememberingCreateServerRoutes(routes.createServerRoutes);
 * const tree = createServerRoutes(manifest.routes, routeModules, future, false);
 * createServerRoutes(manifest.routes, { ...routeModules }, future, false) === tree; // true
 */
export function rememberingCreateServerRoutes(original: CreateServerRoutes): CreateServerRoutes {
  const kept = new WeakMap<object, WeakMap<object, Map<unknown, Kept>>>();
  const remembering: CreateServerRoutes = (manifest, routeModules, future, isSpaMode, ...rest) => {
    if (rest.length > 0 || !isObject(manifest) || !isObject(routeModules) || !isObject(future)) {
      return original(manifest, routeModules, future, isSpaMode, ...rest);
    }
    let byFuture = kept.get(manifest);
    if (!byFuture) kept.set(manifest, (byFuture = new WeakMap()));
    let bySpaMode = byFuture.get(future);
    if (!bySpaMode) byFuture.set(future, (bySpaMode = new Map()));
    const modules = routeModules as Record<string, unknown>;
    const hit = bySpaMode.get(isSpaMode);
    if (hit && hit.modules.every(([id, module]) => modules[id] === module)) return hit.routes;
    const routes = original(manifest, routeModules, future, isSpaMode);
    bySpaMode.set(isSpaMode, { routes, modules: Object.keys(manifest).map((id) => [id, modules[id]]) });
    return routes;
  };
  Object.defineProperty(remembering, REMEMBERING, { value: true });
  return remembering;
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/**
 * Puts {@link rememberingCreateServerRoutes} in place of `createServerRoutes` in the module
 * RemixServer calls it through (`@remix-run/react`'s routes module, one copy in node_modules).
 * True when it is in place; false when this version of Remix does not allow it, and everything
 * goes on as before.
 *
 * @example
 * rememberServerRoutes(); // once, at the server's start
 */
export function rememberServerRoutes(): boolean {
  let routes: { createServerRoutes?: CreateServerRoutes };
  try {
    routes = createRequire(import.meta.url)("@remix-run/react/dist/routes.js") as typeof routes;
  } catch {
    return false;
  }
  const current = routes.createServerRoutes as (CreateServerRoutes & { [REMEMBERING]?: true }) | undefined;
  if (typeof current !== "function") return false;
  if (current[REMEMBERING]) return true;
  const descriptor = Object.getOwnPropertyDescriptor(routes, "createServerRoutes");
  if (!descriptor?.writable) return false;
  routes.createServerRoutes = rememberingCreateServerRoutes(current);
  return true;
}
