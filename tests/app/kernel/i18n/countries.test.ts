import { describe, expect, it } from "vitest";
import {
  ASSOCIATE_MEMBER_CODES,
  COUNTRY_CODES,
  countryName,
  isCountryCode,
  MEMBER_STATE_CODES,
  sortedCountries,
  UNESCO_COUNTRY_NAMES,
} from "../../../../app/kernel/i18n/countries";

const LOCALES = ["en", "fr", "ar"] as const;

describe("the countries offered", () => {
  it("are UNESCO's 194 Member States and its 11 confirmed Associate Members, each once", () => {
    expect(MEMBER_STATE_CODES).toHaveLength(194);
    expect(ASSOCIATE_MEMBER_CODES).toHaveLength(11);
    expect(COUNTRY_CODES).toHaveLength(205);
    expect(new Set(COUNTRY_CODES).size).toBe(205);
    expect(COUNTRY_CODES.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
  });

  it("leave out places that are not members: Hong Kong, Taiwan, Kosovo, Israel, Liechtenstein, the Holy See", () => {
    for (const code of ["HK", "TW", "XK", "IL", "LI", "VA", "GL", "PR"]) expect(isCountryCode(code), code).toBe(false);
  });

  it("include the Associate Members, from Anguilla to Tokelau", () => {
    for (const code of ["AI", "AW", "VG", "KY", "CW", "FO", "MO", "MS", "NC", "SX", "TK"]) {
      expect(isCountryCode(code), code).toBe(true);
    }
  });

  it("only name countries the app offers, in all three languages", () => {
    expect(Object.keys(UNESCO_COUNTRY_NAMES).filter((code) => !isCountryCode(code))).toEqual([]);
    for (const [code, names] of Object.entries(UNESCO_COUNTRY_NAMES)) {
      for (const locale of LOCALES) expect(names[locale].trim(), `${code} ${locale}`).not.toBe("");
    }
  });
});

describe("country names", () => {
  it("every Member State and Associate Member has a name in each language, sorted once each", () => {
    for (const locale of LOCALES) {
      const sorted = sortedCountries(locale);
      expect(sorted).toHaveLength(COUNTRY_CODES.length);
      expect(sorted.every((c) => c.name.trim() !== "" && c.name !== c.code)).toBe(true);
      expect(new Set(sorted.map((c) => c.name)).size, locale).toBe(COUNTRY_CODES.length);
    }
  });

  it("none is one of CLDR's short or colloquial forms", () => {
    const names = LOCALES.flatMap((locale) => sortedCountries(locale).map((c) => c.name));
    for (const unwanted of [
      "Congo - Brazzaville",
      "Congo - Kinshasa",
      "Congo-Brazzaville",
      "Macao SAR China",
      "R.A.S. chinoise de Macao",
      "Hong Kong",
      "Taiwan",
      "Kosovo",
      "South Korea",
      "North Korea",
      "Laos",
      "Vietnam",
      "Syria",
      "Russia",
      "Tanzania",
      "Moldova",
      "Iran",
      "Bolivia",
      "Venezuela",
      "United Kingdom",
      "United States",
      "Palestinian Territories",
      "Turquie",
      "Biélorussie",
      "Cap-Vert",
      "ساحل العاج",
      "كوريا الجنوبية",
      "الأراضي الفلسطينية",
    ]) {
      expect(names, unwanted).not.toContain(unwanted);
    }
    expect(names.filter((name) => /[&]|\bSt\.|\bSAR\b/.test(name))).toEqual([]);
  });

  it("are the United Nations' names in English", () => {
    expect(
      ["BO", "IR", "KR", "KP", "GB", "TZ", "TR", "VN", "LA", "MD", "SY", "VE", "FM", "CI", "CZ", "NL", "US"].map((c) =>
        countryName(c, "en"),
      ),
    ).toEqual([
      "Bolivia (Plurinational State of)",
      "Iran (Islamic Republic of)",
      "Republic of Korea",
      "Democratic People’s Republic of Korea",
      "United Kingdom of Great Britain and Northern Ireland",
      "United Republic of Tanzania",
      "Türkiye",
      "Viet Nam",
      "Lao People’s Democratic Republic",
      "Republic of Moldova",
      "Syrian Arab Republic",
      "Venezuela (Bolivarian Republic of)",
      "Micronesia (Federated States of)",
      "Côte d’Ivoire",
      "Czechia",
      "Netherlands (Kingdom of the)",
      "United States of America",
    ]);
  });

  it("are the United Nations' names in French", () => {
    expect(["BO", "KR", "GB", "TR", "VN", "BY", "CV", "NL", "FR"].map((c) => countryName(c, "fr"))).toEqual([
      "Bolivie (État plurinational de)",
      "République de Corée",
      "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
      "Türkiye",
      "Viet Nam",
      "Bélarus",
      "Cabo Verde",
      "Pays-Bas (Royaume des)",
      "France",
    ]);
  });

  it("are the United Nations' names in Arabic", () => {
    expect(["BO", "IR", "KR", "CI", "VN", "CZ", "CL", "EG"].map((c) => countryName(c, "ar"))).toEqual([
      "بوليفيا (دولة - المتعددة القوميات)",
      "إيران (جمهورية - الإسلامية)",
      "جمهورية كوريا",
      "كوت ديفوار",
      "فييت نام",
      "تشيكيا",
      "شيلي",
      "مصر",
    ]);
  });

  it("the Congos, Macao and Palestine carry UNESCO's names in each language", () => {
    expect(["CG", "CD", "MO", "PS"].map((code) => countryName(code, "en"))).toEqual([
      "Congo",
      "Democratic Republic of the Congo",
      "Macao, China",
      "Palestine",
    ]);
    expect(countryName("CD", "fr")).toBe("République démocratique du Congo");
    expect(countryName("PS", "ar")).toBe("فلسطين");
  });

  it("a country stored before the list followed UNESCO's membership is still named on reading pages", () => {
    expect(countryName("IL", "en")).toBe("Israel");
    expect(countryName("HK", "fr")).not.toBe("");
    expect(countryName(null, "en")).toBe("");
  });

  it("each language sorts its own names", () => {
    const fr = sortedCountries("fr").map((c) => c.name);
    expect(fr.indexOf("Égypte")).toBeLessThan(fr.indexOf("Érythrée"));
    expect(fr.indexOf("Égypte")).toBeLessThan(fr.indexOf("Espagne"));
    const en = sortedCountries("en").map((c) => c.name);
    expect(en.indexOf("Republic of Korea")).toBeGreaterThan(en.indexOf("Qatar"));
  });
});
