// In an Arabic sentence, an example the reader must read or copy as it is written (a date, a
// month, a phone number, a web address, a range of numbers) is isolated left to right, in
// LRI … PDI (or FSI … PDI). Without it the bidi algorithm takes digits after Arabic letters as
// Arabic numbers and shows "2023-09" as "09-2023", "+33 1 45 68 10 00" as "00 10 68 45 1 33+",
// "1–10" as "10–1", and moves the "://" of "https://" before the "https".
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const I18N = "app/kernel/i18n";
const FILES = ["core.json", ...readdirSync(join(I18N, "areas")).map((f) => join("areas", f))].filter((f) =>
  f.endsWith(".json"),
);

/** What an Arabic text shows outside its isolates, where a left-to-right example would be reordered. */
const outsideIsolates = (text: string) => text.replace(/[\u2066\u2068][^\u2069]*\u2069/gu, " ");

// A reference such as KH-2026-0042 starts with Latin letters, which keep the numbers after them
// left to right: only a date, a month or a range that stands alone counts.
const LTR_EXAMPLES: [string, RegExp][] = [
  ["a date or a month", /(?<![\p{L}\d-])\d{4}-\d{2}/u],
  ["a web address", /https?:\/\//u],
  ["a phone number", /\+\d/u],
  ["a range of numbers", /(?<![\p{L}\d-])(?:\{\w+\}|\d+)\s*–\s*(?:\{\w+\}|\d+)/u],
  // "Excel (XLSX)" read "(XLSX) Excel": the parentheses between a Latin name and Arabic text.
  ["a Latin name with its format in parentheses", /[A-Za-z][\s\u200f]*\([A-Za-z0-9 .]+\)/u],
];

const arabicTexts = () =>
  FILES.flatMap((file) =>
    Object.entries(JSON.parse(readFileSync(join(I18N, file), "utf8")) as Record<string, string[]>).map(
      ([key, texts]) => ({ file, key, text: texts[2] }),
    ),
  );

describe("left-to-right examples in the Arabic catalogue", () => {
  it("are isolated, so that a date, a phone number, a web address or a range reads as written", () => {
    const bare = arabicTexts().flatMap(({ file, key, text }) =>
      LTR_EXAMPLES.filter(([, pattern]) => pattern.test(outsideIsolates(text))).map(
        ([what]) => `${file} ${key}: ${what} in "${text}"`,
      ),
    );
    expect(bare).toEqual([]);
  });

  it("close every isolate they open", () => {
    const unbalanced = arabicTexts().filter(({ text }) => {
      let depth = 0;
      for (const ch of text) {
        if (/[\u2066-\u2068]/u.test(ch)) depth++;
        else if (ch === "\u2069" && --depth < 0) return true;
      }
      return depth !== 0;
    });
    expect(unbalanced.map(({ file, key }) => `${file} ${key}`)).toEqual([]);
  });

  it("would be caught bare: the check finds a month, a phone number, an address and a range", () => {
    for (const example of [
      "مثلًا 2023-09",
      "مثل +33 1 45 68 10 00",
      "يبدأ بـ https://",
      "من {low}–{high}",
      "تنزيل بصيغة Excel \u200f(XLSX)",
    ])
      expect(LTR_EXAMPLES.some(([, pattern]) => pattern.test(outsideIsolates(example)))).toBe(true);
    expect(LTR_EXAMPLES.some(([, pattern]) => pattern.test(outsideIsolates("مثلًا \u20662023-09\u2069")))).toBe(false);
    expect(LTR_EXAMPLES.some(([, pattern]) => pattern.test("مثلاً KH-2026-0042"))).toBe(false);
  });
});
