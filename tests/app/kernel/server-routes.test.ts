// Remix's server route tree remembered (app/kernel/server/server-routes.server.ts, decision 054):
// the tree Remix builds, built once per build and given again, and React Router rendering pages
// from it without writing to it.
import { createRequire } from "node:module";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it, vi } from "vitest";
import { rememberingCreateServerRoutes, rememberServerRoutes } from "../../../app/kernel/server/server-routes.server";

type CreateServerRoutes = Parameters<typeof rememberingCreateServerRoutes>[0];

const remixRoutes = createRequire(import.meta.url)("@remix-run/react/dist/routes.js") as {
  createServerRoutes: CreateServerRoutes;
};
// Remix's own, taken before any test puts the remembering one in its place.
const original = remixRoutes.createServerRoutes;

/** A route manifest as Remix writes it (ids, parents, paths, loaders) and its modules. */
function build() {
  const page = (text: string) => () => createElement("p", null, text);
  const manifest = {
    root: { id: "root", path: "", hasLoader: true, hasClientLoader: false },
    "routes/_index": { id: "routes/_index", parentId: "root", index: true, hasLoader: false },
    "routes/jury": { id: "routes/jury", parentId: "root", path: "jury", hasLoader: true },
    "routes/jury.reviews.$reviewId": {
      id: "routes/jury.reviews.$reviewId",
      parentId: "routes/jury",
      path: "reviews/:reviewId",
      hasLoader: true,
    },
    "routes/call": { id: "routes/call", parentId: "root", path: "call", caseSensitive: true, hasLoader: true },
  };
  const { Outlet } = createRequire(import.meta.url)("react-router-dom") as typeof import("react-router-dom");
  const routeModules = {
    root: { default: () => createElement("main", null, createElement(Outlet)), handle: { title: "app" } },
    "routes/_index": { default: page("home") },
    "routes/jury": { default: () => createElement("section", null, createElement(Outlet)) },
    "routes/jury.reviews.$reviewId": { default: page("a review"), ErrorBoundary: page("no review") },
    "routes/call": { default: page("the call") },
  };
  return { manifest, routeModules, future: { v3_singleFetch: true } };
}

/** The tree with its functions named by kind, to compare two builds of it. */
function shape(value: unknown): unknown {
  if (typeof value === "function") return "function";
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object" && !("$$typeof" in value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe("Remix's server route tree, remembered", () => {
  it("is the tree Remix builds, built once and given again for the same build", () => {
    const spy = vi.fn(original);
    const remembering = rememberingCreateServerRoutes(spy);
    const { manifest, routeModules, future } = build();
    const first = remembering(manifest, routeModules, future, false);
    expect(shape(first)).toEqual(shape(original(manifest, routeModules, future, false)));
    expect(remembering(manifest, routeModules, future, false)).toBe(first);
    // Remix passes a new object of route modules at every page, holding the same modules.
    expect(remembering(manifest, { ...routeModules }, future, false)).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("is built again for other route modules, other flags or SPA mode, and never kept when building throws", () => {
    const spy = vi.fn(original);
    const remembering = rememberingCreateServerRoutes(spy);
    const { manifest, routeModules, future } = build();
    const first = remembering(manifest, routeModules, future, false);
    // A module of another build (a rebuild while the server runs): built again, then kept.
    const rebuilt = { ...routeModules, "routes/call": { default: () => null } };
    const second = remembering(manifest, rebuilt, future, false);
    expect(second).not.toBe(first);
    expect(remembering(manifest, rebuilt, future, false)).toBe(second);
    expect(remembering(manifest, routeModules, { ...future }, false)).not.toBe(first);
    expect(remembering(manifest, routeModules, future, true)).not.toBe(first);
    expect(spy).toHaveBeenCalledTimes(4);
    // The original's own recursion passes a parent id: never answered from what was kept.
    remembering(manifest, routeModules, future, false, "routes/jury");
    expect(spy).toHaveBeenCalledTimes(5);
    const missing = { ...routeModules, "routes/call": undefined };
    expect(() => remembering(manifest, missing, future, false)).toThrow(/No `routeModule` available/);
    expect(() => remembering(manifest, missing, future, false)).toThrow(/No `routeModule` available/);
    expect(spy).toHaveBeenCalledTimes(7);
  });

  it("serves page after page to React Router's static rendering, which never writes to it", async () => {
    const remembering = rememberingCreateServerRoutes(original);
    const { manifest, routeModules, future } = build();
    const tree = deepFreeze(remembering(manifest, routeModules, future, false)) as Parameters<
      typeof createStaticHandler
    >[0];
    const render = async (path: string) => {
      const handler = createStaticHandler(tree);
      const context = await handler.query(new Request(`http://prize.test${path}`));
      if (context instanceof Response) throw new Error(`${path}: ${context.status}`);
      const router = createStaticRouter(handler.dataRoutes, context);
      return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
    };
    for (let round = 0; round < 2; round++) {
      expect(await render("/jury/reviews/7")).toBe("<main><section><p>a review</p></section></main>");
      expect(await render("/call")).toBe("<main><p>the call</p></main>");
      expect(await render("/")).toBe("<main><p>home</p></main>");
    }
  });

  it("is put in Remix's place once, where RemixServer calls it", () => {
    expect(rememberServerRoutes()).toBe(true);
    const installed = remixRoutes.createServerRoutes;
    expect(installed).not.toBe(original);
    expect(rememberServerRoutes()).toBe(true);
    expect(remixRoutes.createServerRoutes).toBe(installed);
    const { manifest, routeModules, future } = build();
    expect(installed(manifest, routeModules, future, false)).toBe(installed(manifest, routeModules, future, false));
    remixRoutes.createServerRoutes = original;
  });
});
