import { describe, expect, it } from "vitest";
import { rootErrorFallback } from "../../app/entry.server";
import { localeCookie } from "../../app/kernel/i18n/locale.server";

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
});
