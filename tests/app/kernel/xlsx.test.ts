import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../../app/kernel/server/csv.server";
import { columnName, toXlsx } from "../../../app/kernel/server/xlsx.server";

describe("CSV and XLSX exports", () => {
  it("CSV starts with a UTF-8 BOM, quotes commas, quotes and line breaks as RFC 4180 says", () => {
    const csv = toCsv([
      ["Reference", "Title"],
      ["A-1", 'He said "hi", then left\nagain'],
      ["A-2", "Écoles numériques — مدارس"],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toBe(
      '\uFEFFReference,Title\r\nA-1,"He said ""hi"", then left\nagain"\r\nA-2,Écoles numériques — مدارس\r\n',
    );
  });

  it("CSV defuses formulas: cells starting with = + - @ get an apostrophe", () => {
    const csv = toCsv([['=HYPERLINK("http://evil")', "+1", "-2", "@SUM(A1)", "plain", 42]]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://evil"")",\'+1,\'-2,\'@SUM(A1),plain,42\r\n');
  });

  it("XLSX opens: the zip holds every Office Open XML part and sheet1 has the expected cells", () => {
    const bytes = toXlsx([
      ["Reference", "Title"],
      ["A-1", "Fish & <chips>"],
      ["A-2", "=cmd|' /C calc'!A0"],
      ["A-3", 7],
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Reference</t></is></c>');
    expect(sheet).toContain(
      '<c r="B2" t="inlineStr"><is><t xml:space="preserve">Fish &amp; &lt;chips&gt;</t></is></c>',
    );
    expect(sheet).toContain("<t xml:space=\"preserve\">'=cmd|' /C calc'!A0</t>");
    expect(sheet).toContain('<c r="B4"><v>7</v></c>');
    expect(strFromU8(files["[Content_Types].xml"])).toContain("/xl/worksheets/sheet1.xml");
  });

  it("column names go A … Z, AA, AB", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});
