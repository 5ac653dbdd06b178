// Route matching remembered (app/kernel/server/route-matching.server.ts, decision 050): the same
// matches as React Router's own matchRoutes, for every kind of route Remix makes, with the
// caller's route objects, and the original asked once per tree shape, base name and path.
import { createRequire } from "node:module";
import { matchRoutes } from "@remix-run/router";
import { describe, expect, it, vi } from "vitest";
import {
  REMEMBERED_PATHS,
  rememberingMatchRoutes,
  rememberRouteMatches,
} from "../../../app/kernel/server/route-matching.server";

// React Router's own, taken before any test puts the remembering one in its place (Vitest reads an
// import of a CommonJS package from its exports each time, as a live binding).
const original = matchRoutes as unknown as (
  routes: Route[],
  location: string | { pathname?: string },
  basename?: string,
) => Match[] | null;

interface Match {
  params: Record<string, string | undefined>;
  pathname: string;
  pathnameBase: string;
  route: Route;
}

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };

/** A tree of the shapes Remix's flat routes make: index, nested, pathless, optional, splat, case-sensitive. */
function tree(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/login", path: "login" },
        {
          id: "routes/jury",
          path: "jury",
          children: [
            { id: "routes/jury._index", index: true },
            { id: "routes/jury.reviews.$reviewId", path: "reviews/:reviewId" },
          ],
        },
        {
          id: "routes/_public",
          children: [
            { id: "routes/_public.call", path: "call" },
            { id: "routes/_public.laureates.($year)", path: "laureates/:year?" },
          ],
        },
        { id: "routes/secretariat.editions.new", path: "secretariat/editions/new" },
        { id: "routes/secretariat.editions.$editionId", path: "secretariat/editions/:editionId" },
        { id: "routes/secretariat.editions.$editionId.results", path: "secretariat/editions/:editionId/results" },
        { id: "routes/files.$", path: "files/*" },
        { id: "routes/Case", path: "Case", caseSensitive: true },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "",
  "/login",
  "/login/",
  "/LOGIN",
  "/jury",
  "/jury/",
  "/jury/reviews/42",
  "/jury/reviews/a%20b",
  "/jury/reviews/a%2Fb",
  "/jury/reviews/%E2%9C%93",
  "/call",
  "/laureates",
  "/laureates/2024",
  "/secretariat/editions/new",
  "/secretariat/editions/e-1",
  "/secretariat/editions/e-1/results",
  "/secretariat/editions/e-1/results?page=2#top",
  "/files/a/b/c.pdf",
  "/files/",
  "/Case",
  "/case",
  "//login",
  "/nowhere/at/all",
  "/base/login",
  "/base",
];

const LOCATIONS = [...PATHS, ...PATHS.map((pathname) => ({ pathname })), { pathname: "" }, {}];

function expectSame(got: ReturnType<typeof original>, want: ReturnType<typeof original>) {
  expect(got).toEqual(want);
  if (!got || !want) return;
  got.forEach((match, i) => {
    expect(match.route).toBe(want[i].route);
    // One params object for the whole branch, as React Router gives.
    expect(match.params).toBe(got[0].params);
  });
}

describe("route matches remembered", () => {
  it("are the matches React Router finds, for every kind of route, path and base name, asked again or not", () => {
    const routes = tree();
    const remembering = rememberingMatchRoutes(original as never);
    for (const basename of [undefined, "/", "/base"]) {
      for (const location of LOCATIONS) {
        const want = original(routes, location, basename);
        expectSame(remembering(routes, location, basename) as never, want);
        expectSame(remembering(routes, location, basename) as never, want);
      }
    }
  });

  it("are made again with the routes of the tree asked, when another tree of the same shape asks", () => {
    const spy = vi.fn(original);
    const remembering = rememberingMatchRoutes(spy as never);
    const first = tree();
    const second = tree();
    const asked = remembering(first, "/jury/reviews/7");
    expect(spy).toHaveBeenCalledTimes(1);
    const again = remembering(second, "/jury/reviews/7");
    expect(spy).toHaveBeenCalledTimes(1);
    expectSame(again as never, original(second, "/jury/reviews/7"));
    expect(again![1].route).not.toBe(asked![1].route);
    // What a caller does to its matches is not kept.
    again![0].params.reviewId = "changed";
    expect(remembering(second, "/jury/reviews/7")![0].params).toEqual({ reviewId: "7" });
  });

  it("are not mistaken across trees of another shape", () => {
    const remembering = rememberingMatchRoutes(original as never);
    const before = tree();
    const after = tree();
    after[0].children![2].children![1].path = "notes/:reviewId";
    expect(remembering(before, "/jury/reviews/7")?.at(-1)?.route.id).toBe("routes/jury.reviews.$reviewId");
    expectSame(remembering(after, "/jury/reviews/7") as never, original(after, "/jury/reviews/7"));
    expect(remembering(after, "/jury/reviews/7")?.at(-1)?.route.id).toBe("routes/$");
  });

  it("throw as React Router does on a tree it refuses, every time", () => {
    const remembering = rememberingMatchRoutes(original as never);
    const bad: Route[] = [{ id: "a", path: "a", children: [{ id: "b", path: "/elsewhere" }] }];
    expect(() => original(bad, "/a")).toThrow(/Absolute route path/);
    expect(() => remembering(bad, "/a")).toThrow(/Absolute route path/);
    expect(() => remembering(bad, "/a")).toThrow(/Absolute route path/);
  });

  it(`keep at most ${REMEMBERED_PATHS} paths a tree, and answer the same past that`, () => {
    const spy = vi.fn(original);
    const remembering = rememberingMatchRoutes(spy as never);
    const routes = tree();
    for (let i = 0; i <= REMEMBERED_PATHS; i++) remembering(routes, `/jury/reviews/${i}`);
    expect(spy).toHaveBeenCalledTimes(REMEMBERED_PATHS + 1);
    // The first ones were forgotten when the tree's paths were full: asked of the original again.
    expectSame(remembering(routes, "/jury/reviews/0") as never, original(routes, "/jury/reviews/0"));
    expect(spy).toHaveBeenCalledTimes(REMEMBERED_PATHS + 2);
  });

  it("are what Remix's server and React Router call once the server has started", () => {
    const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: typeof original };
    const before = router.matchRoutes;
    try {
      expect(rememberRouteMatches()).toBe(true);
      const installed = router.matchRoutes;
      expect(installed).not.toBe(before);
      // Installing twice keeps one layer.
      expect(rememberRouteMatches()).toBe(true);
      expect(router.matchRoutes).toBe(installed);
      const routes = tree();
      expectSame(
        router.matchRoutes(routes, "/secretariat/editions/e-9/results"),
        original(routes, "/secretariat/editions/e-9/results"),
      );
    } finally {
      router.matchRoutes = before;
    }
  });
});
