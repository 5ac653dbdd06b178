import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import "../remix.config.js";

const require = createRequire(import.meta.url);

describe("the Remix configuration", () => {
  it("marks the browser build's stand-ins for server modules side-effect free, so unused imports of them are dropped", async () => {
    const { emptyModulesPlugin } = require("@remix-run/dev/dist/compiler/plugins/emptyModules.js");
    const plugin = emptyModulesPlugin({ config: { appDirectory: "/repo/app" } }, /\.server(\.[jt]sx?)?$/);
    const resolvers: ((args: { path: string; resolveDir: string }) => unknown)[] = [];
    plugin.setup({
      onResolve: (_options: unknown, callback: (args: { path: string; resolveDir: string }) => unknown) => {
        resolvers.push(callback);
      },
      onLoad: () => undefined,
    });
    const resolved = await resolvers[0]({ path: "./auth.server", resolveDir: "/repo/app/kernel" });
    expect(resolved).toEqual({ path: "./auth.server", namespace: "empty-module", sideEffects: false });
    // Outside app/ the plugin leaves the module alone, and so does the wrapper.
    expect(await resolvers[0]({ path: "./x.server", resolveDir: "/elsewhere" })).toBeUndefined();
  });
});
