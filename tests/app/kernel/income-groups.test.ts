import { describe, expect, it } from "vitest";
import { INCOME_CLASSIFICATION, INCOME_GROUPS, incomeGroup } from "../../../app/kernel/domain/income-groups";
import { COUNTRY_CODES } from "../../../app/kernel/i18n/countries";

describe("country income groups", () => {
  it("gives every country an application may give an income group, each group having countries", () => {
    expect(COUNTRY_CODES.filter((code) => !INCOME_GROUPS.includes(incomeGroup(code)!))).toEqual([]);
    expect(new Set(COUNTRY_CODES.map((code) => incomeGroup(code)))).toEqual(new Set(INCOME_GROUPS));
  });

  it("says which list it copies: the World Bank's of 1 July 2025, for fiscal year 2026", () => {
    expect(INCOME_CLASSIFICATION).toMatchObject({ fiscalYear: 2026, published: "2025-07-01", gniYear: 2024 });
  });

  it("follows the World Bank's fiscal year 2026 list, with the moves of July 2024 and July 2025", () => {
    expect(incomeGroup("CR")).toBe("high");
    expect(incomeGroup("CV")).toBe("upper_middle");
    expect(incomeGroup("WS")).toBe("upper_middle");
    expect(incomeGroup("NA")).toBe("lower_middle");
    expect(incomeGroup("DZ")).toBe("upper_middle");
    expect(incomeGroup("UA")).toBe("upper_middle");
    expect(incomeGroup("BG")).toBe("high");
    expect(incomeGroup("RU")).toBe("high");
    expect(incomeGroup("ET")).toBe("low");
    expect(incomeGroup("IN")).toBe("lower_middle");
    expect(incomeGroup("BR")).toBe("upper_middle");
    expect(incomeGroup("FR")).toBe("high");
  });

  it("leaves what the World Bank does not classify unclassified, and no country no group", () => {
    expect(incomeGroup("VE")).toBe("unclassified");
    expect(incomeGroup("CK")).toBe("unclassified");
    expect(incomeGroup("TK")).toBe("unclassified");
    expect(incomeGroup(null)).toBeNull();
    expect(incomeGroup("")).toBeNull();
  });
});
