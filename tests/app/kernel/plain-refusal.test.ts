import { describe, expect, it } from "vitest";
import { plainRefusal } from "../../../app/kernel/server/plain-refusal.server";
import { localeCookie } from "../../../app/kernel/i18n/locale.server";

describe("the server's refusals before any route", () => {
  it("are in the language of the switch's cookie, else of Accept-Language, else English", async () => {
    const cookie = (await localeCookie.serialize("fr")).split(";")[0];
    expect(await plainRefusal("origin", { cookie })).toMatch(
      /^Refusé : cette requête ne vient pas d’une page de ce site/,
    );
    expect(await plainRefusal("method", { acceptLanguage: "ar-BH,ar;q=0.9" })).toBe(
      "طريقة غير مسموح بها: يستجيب هذا الموقع لـ GET وHEAD وPOST.",
    );
    expect(await plainRefusal("origin", {})).toMatch(/^Refused: this request did not come from one of this site/);
    expect(await plainRefusal("path", { acceptLanguage: "fr-FR" })).toMatch(
      /^Requête incorrecte : cette adresse est illisible/,
    );
    expect(await plainRefusal("method", { cookie: "lang=%%%", acceptLanguage: "xx" })).toBe(
      "Method not allowed: this site answers GET, HEAD and POST.",
    );
  });
});
