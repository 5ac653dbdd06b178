import { describe, expect, it } from "vitest";
import { plainRefusal } from "../../../app/kernel/server/plain-refusal.server";
import { localeCookie } from "../../../app/kernel/i18n/locale.server";
import { catalogues } from "../../../app/kernel/i18n/catalogues";

describe("the server's refusals before any route", () => {
  it("are in the language of the switch's cookie, else of Accept-Language, else English", async () => {
    const cookie = (await localeCookie.serialize("fr")).split(";")[0];
    expect(await plainRefusal("origin", { cookie })).toBe(catalogues.fr["errors.origin_refused"]);
    expect(await plainRefusal("method", { acceptLanguage: "ar-BH,ar;q=0.9" })).toBe(
      catalogues.ar["errors.method_not_allowed"],
    );
    expect(await plainRefusal("origin", {})).toMatch(/^Refused: this request did not come from one of this site/);
    expect(await plainRefusal("origin", { cookie: "lang=%%%", acceptLanguage: "xx" })).toBe(
      catalogues.en["errors.origin_refused"],
    );
  });
});
