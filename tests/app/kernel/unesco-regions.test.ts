import { describe, expect, it } from "vitest";
import { UNESCO_REGIONS, unescoRegion } from "../../../app/kernel/domain/unesco-regions";
import { COUNTRY_CODES } from "../../../app/kernel/i18n/countries";

describe("UNESCO regions", () => {
  it("every country an application or juror may give belongs to exactly one region", () => {
    expect(COUNTRY_CODES.filter((code) => unescoRegion(code) === null)).toEqual([]);
  });

  it("every region has countries", () => {
    expect(new Set(COUNTRY_CODES.map((code) => unescoRegion(code)))).toEqual(new Set(UNESCO_REGIONS));
  });

  it("follows UNESCO's regions rather than the continents", () => {
    expect(unescoRegion("EG")).toBe("arab_states");
    expect(unescoRegion("DJ")).toBe("arab_states");
    expect(unescoRegion("KE")).toBe("africa");
    expect(unescoRegion("KZ")).toBe("asia_pacific");
    expect(unescoRegion("US")).toBe("europe_north_america");
    expect(unescoRegion("CW")).toBe("latin_america_caribbean");
    expect(unescoRegion(null)).toBeNull();
    expect(unescoRegion("XX")).toBeNull();
  });
});
