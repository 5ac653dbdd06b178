import { describe, expect, it } from "vitest";
import { localized, localizedLang, textsOf } from "../../../../app/kernel/i18n";

const theme = { en: "Digital learning", fr: "Apprentissage numérique", ar: "التعلم الرقمي" };

describe("localized", () => {
  it("answers in the viewer's language when the text exists in it", () => {
    expect(localized("en", theme)).toBe("Digital learning");
    expect(localized("fr", theme)).toBe("Apprentissage numérique");
    expect(localized("ar", theme)).toBe("التعلم الرقمي");
  });

  it("falls back to English when the Arabic text is missing, empty or blank", () => {
    for (const ar of [undefined, null, "", "  "]) expect(localized("ar", { ...theme, ar })).toBe("Digital learning");
  });

  it("falls back to English when the French text is blank", () => {
    expect(localized("fr", { ...theme, fr: "" })).toBe("Digital learning");
  });

  it("answers in English for a language it does not know", () => {
    expect(localized("es", theme)).toBe("Digital learning");
  });

  it("names the language it really answered in", () => {
    expect(localizedLang("ar", theme)).toBe("ar");
    expect(localizedLang("ar", { ...theme, ar: null })).toBe("en");
    expect(localizedLang("fr", { en: "Yes", fr: "Oui" })).toBe("fr");
    expect(localizedLang("es", theme)).toBe("en");
  });

  it("reads a row's texts from its per-language columns", () => {
    const row = { themeEn: "Digital learning", themeFr: "Apprentissage numérique", themeAr: null, year: 2026 };
    expect(textsOf(row, "theme")).toEqual({ en: "Digital learning", fr: "Apprentissage numérique", ar: null });
    expect(localized("ar", textsOf(row, "theme"))).toBe("Digital learning");
  });
});
