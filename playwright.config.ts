import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's Chromium: Playwright never downloads a browser here (docs/maintaining.md). Its
// headless shell (`apt-get install chromium-headless-shell`) when installed: the browser that
// Playwright itself runs headless tests in, without the full browser's user interface, at about
// 40% less CPU a page (decision 048); else the full browser. PLAYWRIGHT_USE_BUNDLED=1 uses
// Playwright's own browser on machines that have it.
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const executablePath =
  process.env.PLAYWRIGHT_USE_BUNDLED === "1"
    ? undefined
    : process.env.CHROMIUM_PATH ||
      process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ||
      (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  forbidOnly: CI,
  // One worker: journeys share one server and one database, and some change a shared account.
  workers: Number(process.env.E2E_WORKERS) || 1,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The list reporter ends with the summary line (passed / failed / flaky counts).
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    // Set by global setup before workers start; workers re-read this file and inherit the env.
    baseURL: process.env.E2E_BASE_URL,
    // Recording a trace costs about a second a page (DOM snapshots at every step): on CI it is
    // recorded for the retry of a test that failed, where it is wanted; locally, kept on failure.
    trace: CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Creates the first secretariat account through the one-time setup link, once.
    { name: "setup", testMatch: /global\.setup\.ts/, use: { javaScriptEnabled: false } },
    { name: "js", dependencies: ["setup"], use: { javaScriptEnabled: true } },
    // Without JavaScript: every journey, and the pages whose markup differs without it (forms
    // refused by the server); the per-page sweeps run once, with JavaScript (decision 005).
    // HTTP-only specs (tagged @http, and the attack specs): JavaScript in a browser changes nothing there.
    {
      name: "nojs",
      dependencies: ["setup"],
      use: { javaScriptEnabled: false },
      grepInvert: [/accessible and light/, /@http/],
      // Typing before the page's scripts have run, and a page retrying its own post: without
      // JavaScript there is nothing to run. The edition's whole journey: each of its forms runs
      // without JavaScript in the journeys by role, and a second pass would add minutes for nothing new.
      // The EcoIndex meter's own checks measure with JavaScript in either project.
      testIgnore: [
        /ecoindex-meter\.spec\.ts$/,
        /attack-.*\.spec\.ts$/,
        /typing-before-ready\.spec\.ts$/,
        /retry-safe-slow-link\.spec\.ts$/,
        /edition-journey\.spec\.ts$/,
      ],
    },
  ],
});
