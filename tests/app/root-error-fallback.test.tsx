import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { rootErrorFallback } from "../../app/entry.server";
import {
  I18nFallbackProvider,
  parseRootFallback,
  ROOT_FALLBACK_ID,
  RootFallbackData,
  useT,
  type RootData,
} from "../../app/kernel/components/i18n";
import { localeCookie } from "../../app/kernel/i18n/locale.server";

/** A component rendered with the root loader's data or without it (RootFallbackData by default). */
function rendered(fallback: RootData | null, rootData?: RootData, Component = RootFallbackData): string {
  const router = createMemoryRouter([{ id: "root", path: "/", Component }], {
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

/** What the browser reads back: the text of the element, as entry.client.tsx does. */
function readBack(html: string): RootData | null {
  const match = new RegExp(`<script type="application/json" id="${ROOT_FALLBACK_ID}">(.*?)</script>`).exec(html);
  return parseRootFallback(match?.[1]);
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

  it("is written into the page, so the browser hydrates it in the same language and direction", async () => {
    const arabic = new Request("http://localhost/", { headers: { "Accept-Language": "ar" } });
    const fallback = (await rootErrorFallback(arabic, rootFailed))!;
    const html = rendered(fallback);
    expect(readBack(html)).toEqual({ locale: "ar", messages: fallback.messages, user: null, formSeed: "" });
    expect(readBack(html)?.messages["errors.unexpected"]).toBe(fallback.messages["errors.unexpected"]);
  });

  it("cannot be closed early by a message: its text keeps no '<'", () => {
    const hostile: RootData = {
      locale: "fr",
      messages: { "errors.unexpected": "</script><script>alert(1)</script>" } as RootData["messages"],
      user: null,
      formSeed: "",
    };
    const html = rendered(hostile);
    expect(html).not.toContain("<script>alert");
    expect(readBack(html)?.messages["errors.unexpected"]).toBe("</script><script>alert(1)</script>");
  });

  it("is not written into a page whose root loader answered, nor without a fallback", () => {
    const root: RootData = { locale: "en", messages: {} as RootData["messages"], user: null, formSeed: "" };
    expect(rendered(root, root)).not.toContain(ROOT_FALLBACK_ID);
    expect(rendered(null)).not.toContain(ROOT_FALLBACK_ID);
  });

  it("is read back only when it is what the server writes; otherwise the page keeps its English words", () => {
    for (const text of [
      null,
      undefined,
      "",
      "{",
      "[]",
      '{"locale":"de","messages":{}}',
      '{"locale":"fr","messages":["a"]}',
      '{"locale":"fr","messages":{"errors.unexpected":1}}',
      '{"locale":"fr"}',
    ]) {
      expect(parseRootFallback(text)).toBeNull();
    }
  });

  it("is what the browser's error page is written in as it hydrates, without the server's fallback", async () => {
    const arabic = new Request("http://localhost/", { headers: { "Accept-Language": "ar" } });
    const fallback = (await rootErrorFallback(arabic, rootFailed))!;
    const text = /<script type="application\/json" id="root-fallback">(.*?)<\/script>/.exec(rendered(fallback))![1];
    const Message = () => {
      const t = useT();
      return <p dir={t.dir}>{t("errors.unexpected")}</p>;
    };
    // The browser: no fallback context, the page's element in the document.
    const page = globalThis as { document?: unknown };
    page.document = { getElementById: (id: string) => (id === ROOT_FALLBACK_ID ? { textContent: text } : null) };
    try {
      expect(rendered(null, undefined, Message)).toBe(`<p dir="rtl">${fallback.messages["errors.unexpected"]}</p>`);
      page.document = { getElementById: () => null };
      expect(rendered(null, undefined, Message)).toBe('<p dir="ltr">Sorry, there is a problem with the service</p>');
    } finally {
      delete page.document;
    }
  });
});
