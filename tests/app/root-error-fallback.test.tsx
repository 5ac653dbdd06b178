import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { rootErrorFallback } from "../../app/entry.server";
import {
  I18nFallbackProvider,
  useServerFallbackPage,
  type RootData,
  type RootLoaderData,
} from "../../app/kernel/components/i18n";
import { localeCookie } from "../../app/kernel/i18n/locale.server";

/** Whether a page with (or without) the root loader's data and the server's fallback goes without scripts. */
function withoutScripts(fallback: RootData | null, rootData?: RootLoaderData): string {
  const Probe = () => <p>{useServerFallbackPage() ? "without scripts" : "with scripts"}</p>;
  const router = createMemoryRouter([{ id: "root", path: "/", Component: Probe }], {
    hydrationData: { loaderData: rootData ? { root: rootData } : {} },
  });
  // react-router warns that useLayoutEffect does nothing on the server: it is meant so.
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (!String(args[0]).includes("useLayoutEffect does nothing on the server")) error(...args);
  };
  try {
    return renderToString(
      <I18nFallbackProvider value={fallback}>
        <RouterProvider router={router} />
      </I18nFallbackProvider>,
    );
  } finally {
    console.error = error;
  }
}

type Context = Parameters<typeof rootErrorFallback>[1];
const rootFailed = { staticHandlerContext: { loaderData: {} } } as unknown as Context;
const rootLoaded = { staticHandlerContext: { loaderData: { root: { locale: "en" } } } } as unknown as Context;

describe("the root's error page after the root loader failed", () => {
  it("is in the language of the visitor's cookie, with real texts rather than keys", async () => {
    const cookie = await localeCookie.serialize("fr");
    const request = new Request("http://localhost/call", { headers: { Cookie: cookie.split(";")[0] } });
    const fallback = await rootErrorFallback(request, rootFailed);
    expect(fallback?.locale).toBe("fr");
    expect(fallback?.messages["errors.unexpected"]).toMatch(/service/);
    expect(fallback?.messages["nav.login"]).toBe("Se connecter");
  });

  it("is in the language of Accept-Language without a cookie, and in English without either", async () => {
    const arabic = new Request("http://localhost/", { headers: { "Accept-Language": "ar-BH,ar;q=0.9" } });
    expect((await rootErrorFallback(arabic, rootFailed))?.locale).toBe("ar");
    const none = await rootErrorFallback(new Request("http://localhost/"), rootFailed);
    expect(none?.locale).toBe("en");
    expect(none?.messages["errors.unexpected"]).toBe("Sorry, there is a problem with the service");
  });

  it("is not needed when the root loader answered", async () => {
    expect(await rootErrorFallback(new Request("http://localhost/"), rootLoaded)).toBeNull();
  });

  it("is sent without scripts, so the browser never hydrates it in English", async () => {
    const arabic = new Request("http://localhost/", { headers: { "Accept-Language": "ar" } });
    const fallback = await rootErrorFallback(arabic, rootFailed);
    expect(withoutScripts(fallback)).toBe("<p>without scripts</p>");
  });

  it("leaves every other page its scripts: the root loader answered, or no server fallback (the browser)", () => {
    const root: RootData = { locale: "en", messages: {} as RootData["messages"], user: null, formSeed: "" };
    expect(withoutScripts(root, { ...root, messages: "{}" })).toBe("<p>with scripts</p>");
    expect(withoutScripts(null)).toBe("<p>with scripts</p>");
  });
});
