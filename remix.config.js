import { createRequire } from "node:module";

// The browser build replaces every `*.server.ts` module with an empty CommonJS module. Remix does
// not tell esbuild that this stand-in has no side effects, so esbuild keeps each route's unused
// import of it and code-splits every stand-in shared by two routes into a chunk of its own: ten
// to twenty requests of nothing on each page. Marking the stand-in side-effect free lets esbuild
// drop those imports (docs/decisions/012-side-effect-free-server-stand-ins.md). Should Remix
// move or rename the plugin, the build goes on as before and the EcoIndex sweeps say so.
const require = createRequire(import.meta.url);
try {
  const plugins = require("@remix-run/dev/dist/compiler/plugins/emptyModules.js");
  const emptyModulesPlugin = plugins.emptyModulesPlugin;
  plugins.emptyModulesPlugin = (...args) => {
    const plugin = emptyModulesPlugin(...args);
    return {
      name: plugin.name,
      setup(build) {
        plugin.setup({
          ...build,
          onResolve: (options, callback) =>
            build.onResolve(options, async (resolveArgs) => {
              const result = await callback(resolveArgs);
              return result ? { ...result, sideEffects: false } : result;
            }),
        });
      },
    };
  };
} catch {
  // Not this Remix version's layout: nothing to improve.
}

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
