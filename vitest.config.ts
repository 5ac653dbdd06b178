import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    globals: true,
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["tests/setup/fresh-db.ts"],
    pool: "forks",
    // Hang guards, not speed checks: a test that seeds the demo or runs a cli takes ~10 s here,
    // and CI must stay green on a machine twice as slow (or this one under load).
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
