// When the root loader itself fails, its error page has no catalogue: it shows the few messages
// of app/kernel/i18n/fallback.ts, in the language the server chose without the database.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogues } from "../../../../app/kernel/i18n/catalogues";
import { fallbackRootData, FALLBACK_MESSAGES } from "../../../../app/kernel/i18n/fallback.server";
import { translate, LOCALES } from "../../../../app/kernel/i18n";
import { errorMessageKey } from "../../../../app/kernel/components/error-boundary";

/** Every literal key the root layout and its error page pass to t(). */
function keysShown(): string[] {
  const source = ["app/root.tsx", "app/kernel/components/error-boundary.tsx"]
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  const literal = [...source.matchAll(/\bt\("([a-z_]+(?:\.[a-z_]+)+)"/g)].map((m) => m[1]);
  const errors = [400, 403, 404, 413, 500].map(errorMessageKey).flatMap((key) => [key, `${key}_help`]);
  return [...new Set([...literal, ...errors])];
}

describe("the root error page's fallback messages", () => {
  it("are the catalogue's own texts, in each language", () => {
    for (const locale of LOCALES)
      for (const [key, text] of Object.entries(FALLBACK_MESSAGES[locale]))
        expect(text, `${locale} ${key}`).toBe((catalogues[locale] as Record<string, string>)[key]);
  });

  it("hold every message the root layout and its error page show, so no key is shown raw", () => {
    const keys = keysShown();
    expect(keys).toContain("nav.login");
    expect(keys).toContain("errors.forbidden_help");
    for (const locale of LOCALES) {
      const { messages } = fallbackRootData(locale);
      for (const key of keys) expect(translate(messages, key, undefined, locale), `${locale} ${key}`).not.toBe(key);
    }
  });

  it("are in the language asked for, French and Arabic as well as English", () => {
    expect(fallbackRootData("fr").locale).toBe("fr");
    expect(fallbackRootData("fr").messages["errors.unexpected"]).toBe(catalogues.fr["errors.unexpected"]);
    expect(fallbackRootData("ar").messages["nav.home"]).toBe("الصفحة الرئيسية");
    expect(fallbackRootData("en").messages["errors.page_not_found"]).toBe("Page not found");
  });
});
