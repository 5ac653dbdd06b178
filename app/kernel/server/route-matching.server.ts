// Route matching remembered (docs/decisions/050-route-matches-remembered.md). React Router's
// `matchRoutes` flattens and ranks the whole route tree and compiles a regular expression per
// route it tries, on every call, and Remix calls it six or more times a page on the server: for
// the request, for the rendering and once per parent path when it writes the page's part of the
// route manifest (lazy route discovery). At 76 routes that was ~1.4 ms of a results page's ~13 ms
// of CPU. The answer depends only on the tree's shape, the base name and the path, so it is kept
// by those and rebuilt with the caller's own route objects.
import { createRequire } from "node:module";

interface RouteLike {
  id?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteLike[];
}

interface RouteMatchLike {
  params: Record<string, string | undefined>;
  pathname: string;
  pathnameBase: string;
  route: RouteLike;
}

type MatchRoutes = (
  routes: RouteLike[],
  location: string | { pathname?: string },
  basename?: string,
) => RouteMatchLike[] | null;

/** A kept answer: each match's route as its child indices from the top of the tree. */
interface Shape {
  at: number[][];
  pathname: string[];
  pathnameBase: string[];
  params: [string, string | undefined][];
}

/** Paths kept per route tree; past that the tree's paths are forgotten at once (ids make paths many). */
export const REMEMBERED_PATHS = 2_000;

const REMEMBERING = Symbol.for("prize.rememberingMatchRoutes");

/** What matching reads of a tree: each route's id, path, index and case flags, and its children in order. */
function signature(routes: RouteLike[], out: string[]): void {
  for (const route of routes) {
    out.push(
      JSON.stringify([route.id ?? null, route.path ?? null, route.index === true, route.caseSensitive === true]),
    );
    if (Array.isArray(route.children) && route.children.length > 0) {
      out.push("[");
      signature(route.children, out);
      out.push("]");
    } else out.push(";");
  }
}

function positions(routes: RouteLike[], at: number[], into: Map<RouteLike, number[]>): void {
  routes.forEach((route, i) => {
    const here = [...at, i];
    into.set(route, here);
    if (Array.isArray(route.children)) positions(route.children, here, into);
  });
}

function routeAt(routes: RouteLike[], at: number[]): RouteLike {
  let route = routes[at[0]];
  for (let i = 1; i < at.length; i++) route = route.children![at[i]];
  return route;
}

/**
 * `original` (React Router's matchRoutes) with its answers kept per tree shape, base name and
 * path: the same matches, made afresh for each call with the caller's route objects and one
 * params object shared by all of them, as the original does. A tree, path or base name it throws
 * on is not kept.
 * Cost: a miss is the original's O(routes) plus O(routes) to note the tree; a hit is O(matches)
 * after the tree's signature, computed once per routes array.
 *
 * @example
 * const matchRoutes = rememberingMatchRoutes(router.matchRoutes);
 * matchRoutes(routes, "/jury/reviews/42")?.at(-1)?.params; // { reviewId: "42" }
 */
export function rememberingMatchRoutes(original: MatchRoutes): MatchRoutes {
  const bySignature = new Map<string, Map<string, Shape | null>>();
  const byTree = new WeakMap<RouteLike[], Map<string, Shape | null>>();
  const remembering: MatchRoutes = (routes, location, basename = "/") => {
    if (!Array.isArray(routes) || (typeof location !== "string" && (location === null || typeof location !== "object")))
      return original(routes, location, basename);
    let kept = byTree.get(routes);
    if (!kept) {
      const parts: string[] = [];
      signature(routes, parts);
      const key = parts.join("");
      kept = bySignature.get(key);
      if (!kept) bySignature.set(key, (kept = new Map()));
      byTree.set(routes, kept);
    }
    const path = typeof location === "string" ? `s${location}` : `p${location.pathname ?? ""}`;
    const key = `${basename}\u0000${path}`;
    const shape = kept.get(key);
    if (shape === null) return null;
    if (shape) {
      const params = Object.fromEntries(shape.params);
      return shape.at.map((at, i) => ({
        params,
        pathname: shape.pathname[i],
        pathnameBase: shape.pathnameBase[i],
        route: routeAt(routes, at),
      }));
    }
    const matches = original(routes, location, basename);
    if (kept.size >= REMEMBERED_PATHS) kept.clear();
    if (!matches) {
      kept.set(key, null);
      return matches;
    }
    const where = new Map<RouteLike, number[]>();
    positions(routes, [], where);
    const at = matches.map((m) => where.get(m.route));
    // A match whose route is not in the tree given, or params that are not one shared object:
    // not what this copy can make again, so not kept.
    if (at.every((x) => x !== undefined) && matches.every((m) => m.params === matches[0].params)) {
      kept.set(key, {
        at: at as number[][],
        pathname: matches.map((m) => m.pathname),
        pathnameBase: matches.map((m) => m.pathnameBase),
        params: matches.length > 0 ? Object.entries(matches[0].params) : [],
      });
    }
    return matches;
  };
  Object.defineProperty(remembering, REMEMBERING, { value: true });
  return remembering;
}

/**
 * Puts {@link rememberingMatchRoutes} in place of `matchRoutes` in the module that Remix's server
 * runtime, its React components and React Router all call it through (`@remix-run/router`, one
 * copy in node_modules). True when it is in place; false when this version of the router does not
 * allow it, and everything goes on as before.
 *
 * @example
 * rememberRouteMatches(); // once, at the server's start
 */
export function rememberRouteMatches(): boolean {
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes?: MatchRoutes };
  const current = router.matchRoutes as (MatchRoutes & { [REMEMBERING]?: true }) | undefined;
  if (typeof current !== "function") return false;
  if (current[REMEMBERING]) return true;
  const descriptor = Object.getOwnPropertyDescriptor(router, "matchRoutes");
  if (!descriptor?.writable) return false;
  router.matchRoutes = rememberingMatchRoutes(current);
  return true;
}
