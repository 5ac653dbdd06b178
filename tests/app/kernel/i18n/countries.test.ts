import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryName, sortedCountries } from "../../../../app/kernel/i18n/countries";

describe("country names", () => {
  it("the Congos, Macao and Palestine carry UNESCO's names, not CLDR's short ones, in each language", () => {
    expect(["CG", "CD", "MO", "PS"].map((code) => countryName(code, "en"))).toEqual([
      "Congo",
      "Democratic Republic of the Congo",
      "Macao, China",
      "Palestine",
    ]);
    expect(countryName("CD", "fr")).toBe("République démocratique du Congo");
    expect(countryName("PS", "ar")).toBe("فلسطين");
    expect(countryName("FR", "fr")).toBe("France");
  });

  it("every Member State and Associate Member has a name in each language, sorted once each", () => {
    for (const locale of ["en", "fr", "ar"]) {
      const sorted = sortedCountries(locale);
      expect(sorted).toHaveLength(COUNTRY_CODES.length);
      expect(sorted.every((c) => c.name !== "" && c.name !== c.code)).toBe(true);
    }
  });
});
