import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toXlsx } from "../../../app/kernel/server/xlsx.server";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { LOCALES, translate } from "../../../app/kernel/i18n";

const sheetName = (bytes: Uint8Array) =>
  /<sheet name="([^"]*)"/.exec(strFromU8(unzipSync(bytes)["xl/workbook.xml"]))?.[1];

describe("the XLSX sheet name", () => {
  it("replaces the characters Excel refuses in a sheet name and keeps at most 31 of them", () => {
    expect(sheetName(toXlsx([["a"]], "results 2026/27: [final]?"))).toBe("results 2026 27   final  ");
    expect(sheetName(toXlsx([["a"]], "x".repeat(40)))).toBe("x".repeat(31));
  });

  it("falls back to Sheet1 when nothing is left of the name, and escapes XML in it", () => {
    expect(sheetName(toXlsx([["a"]], ""))).toBe("Sheet1");
    expect(sheetName(toXlsx([["a"]], "R&D <2026>"))).toBe("R&amp;D &lt;2026&gt;");
  });

  it("of each export, in every language, is one Excel accepts as it is: no refused character, 31 at most", () => {
    for (const locale of LOCALES)
      for (const key of ["screening.sheet_name", "results.sheet_name"]) {
        const name = translate(catalogues[locale], key, { year: 2026 });
        expect(name, `${locale} ${key}`).not.toMatch(/[[\]:*?/\\]/);
        expect(name.length, `${locale} ${key}`).toBeLessThanOrEqual(31);
        expect(sheetName(toXlsx([["a"]], name))).toBe(name);
      }
  });
});
