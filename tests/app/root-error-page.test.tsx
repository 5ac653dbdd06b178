// The whole document Remix renders when the root loader itself fails (the database gone, say):
// app/root.tsx's ErrorBoundary sends it without scripts, in the language the server chose
// without the database, so the browser never hydrates it in English. The hook that decides it is
// tested in root-error-fallback.test.tsx; this renders the document through Remix's own request
// handler, with the app's root module and server entry, its root loader made to fail.
import { createRequestHandler } from "@remix-run/node";
import { describe, expect, it, vi } from "vitest";
import { rootManifestRoute, serverBuildOf } from "../support/server-build";
import { coreMessages } from "../../app/kernel/i18n/core";
import * as root from "../../app/root";

const rootRoute = rootManifestRoute({ hasLoader: true, hasErrorBoundary: true });

const indexRoute = {
  ...rootRoute,
  id: "routes/_index",
  parentId: "root",
  path: undefined,
  index: true,
  module: "/build/routes/_index.js",
  hasLoader: false,
  hasErrorBoundary: false,
};

function Home() {
  return <h1>Home</h1>;
}

function buildWith(loader: typeof root.loader) {
  return serverBuildOf(
    {
      root: { id: "root", path: "", module: { ...root, loader } },
      "routes/_index": { id: "routes/_index", parentId: "root", index: true, module: { default: Home } },
    },
    { root: rootRoute, "routes/_index": indexRoute },
  );
}

async function page(loader: typeof root.loader, acceptLanguage: string) {
  const handler = createRequestHandler(buildWith(loader), "production");
  const response = await handler(new Request("http://localhost/", { headers: { "Accept-Language": acceptLanguage } }), {
    nonce: "test-nonce",
  });
  return { status: response.status, html: await response.text() };
}

describe("the page Remix renders when the root loader fails", () => {
  it("is sent without any script, in the visitor's language and direction, with the service's apology", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const failing = (() => {
        throw new Error("the database is gone");
      }) as unknown as typeof root.loader;
      const { status, html } = await page(failing, "ar");
      expect(status).toBe(500);
      expect(html).toContain('<html lang="ar" dir="rtl"');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toContain("the database is gone");
      expect(html).toContain(`>${coreMessages.ar["errors.unexpected"]}</h1>`);
      // The failure is logged once, with its cause, for whoever runs the server.
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0][0])).toContain("the database is gone");
    } finally {
      error.mockRestore();
    }
  });

  it("keeps its scripts when the root loader answers (the same document, only the failure differs)", async () => {
    const { status, html } = await page(root.loader, "ar");
    expect(status).toBe(200);
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toMatch(/<script[^>]*nonce="test-nonce"/);
  });
});
