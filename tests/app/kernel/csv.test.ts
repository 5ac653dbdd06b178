import { describe, expect, it } from "vitest";
import { toCsv, toCsvInTurns, type Cell } from "../../../app/kernel/server/csv.server";

const rows: Cell[][] = [
  ["Rank", "Reference", "Title", "Score"],
  ...Array.from({ length: 2500 }, (_, i): Cell[] => [
    i + 1,
    `ICT-${i}`,
    i % 3 === 0 ? `=HYPERLINK("x", "${i}")` : i % 3 === 1 ? `Line\nbreak, "quoted"` : `مدرسة ${i}`,
    i % 5 === 0 ? null : i / 7,
  ]),
];

describe("CSV", () => {
  it("quotes, defuses formulas, starts with a BOM and ends each line with CRLF", () => {
    expect(
      toCsv([
        ["a", "=1+1", 'say "hi"', null, 2.5],
        ["x,y", "-3", -3, undefined, "@me"],
      ]),
    ).toBe('\uFEFFa,\'=1+1,"say ""hi""",,2.5\r\n"x,y",\'-3,-3,,\'@me\r\n');
  });

  it("written in turns, is the same text as in one piece, and lets the event loop run in between", async () => {
    const order: string[] = [];
    setImmediate(() => order.push("another request"));
    const text = await toCsvInTurns(rows);
    order.push("the CSV");
    expect(text).toBe(toCsv(rows));
    // In one piece the CSV would be done before anything else ran.
    expect(order).toEqual(["another request", "the CSV"]);
    expect(await toCsvInTurns([])).toBe(toCsv([]));
    expect(await toCsvInTurns(rows.slice(0, 1000))).toBe(toCsv(rows.slice(0, 1000)));
  });
});
