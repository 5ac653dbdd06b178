// A Remix server build of a few routes, with the app's own server entry: to render pages through
// Remix's request handler (createRequestHandler) in a unit test, as the server does.
import type { ServerBuild } from "@remix-run/node";
import * as entry from "../../app/entry.server";

/** `routes` as the build's route modules, `manifest` as its assets manifest's routes. */
export function serverBuildOf(routes: Record<string, unknown>, manifest: Record<string, unknown>): ServerBuild {
  return {
    mode: "production",
    entry: { module: entry },
    routes,
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: manifest,
      url: "/build/manifest.js",
      version: "test",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

/** The root route as the assets manifest lists it, with what it has (`hasLoader`, ...) given. */
export function rootManifestRoute(has: { hasLoader?: boolean; hasErrorBoundary?: boolean } = {}) {
  return {
    id: "root",
    path: "",
    module: "/build/root.js",
    imports: [],
    hasAction: false,
    hasLoader: false,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: false,
    ...has,
  };
}
