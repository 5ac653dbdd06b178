import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfDocument, wrap, type PdfLine } from "../../../app/kernel/server/pdf.server";
import { FALLBACK, fontsDir, layoutLine } from "../../../app/kernel/server/text-layout.server";
import { qrCode } from "../../../app/kernel/server/qr.server";
import { darkShare, pdfDrawnLines, pdfText } from "../../fixtures/poppler";

// Laureates' names in the scripts the diploma's fonts cover.
const NAMES: Record<string, string> = {
  Vietnamese: "Nguyễn Thị Minh Khai",
  Polish: "Szkoła Podstawowa w Łodzi, Łódź",
  Turkish: "İstanbul Şişli Çağ Okulu",
  Arabic: "جامعة القاهرة",
  Chinese: "北京师范大学",
  Japanese: "東京学芸大学 ひらがな カタカナ",
  Korean: "서울대학교 한국어",
  Cyrillic: "Московский государственный университет",
  Greek: "Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών",
  Hebrew: "האוניברסיטה העברית בירושלים",
  Thai: "มหาวิทยาลัยเชียงใหม่",
};

const URL = "https://prize.example.org/verify/7KQ2-M4XD";

function diploma(name: string, lang = "en", extra: PdfLine[] = []) {
  return pdfDocument({
    title: "Diploma, 2026 edition",
    lang,
    lines: [
      { text: "United Nations Educational, Scientific and Cultural Organization", size: 13, gap: 0 },
      { text: "is awarded to", size: 13, gap: 26 },
      { text: name, size: 24, bold: true, gap: 14 },
      ...extra,
    ],
    footer: { left: "The Director-General of UNESCO", right: "The Chairperson of the International Jury" },
    qr: { modules: qrCode(URL).modules, caption: URL },
  });
}

describe("the diploma PDF", () => {
  for (const [script, name] of Object.entries(NAMES)) {
    it(`prints a name in ${script} so that its text reads back exactly`, async () => {
      const pdf = await diploma(name);
      expect(pdfText(pdf)).toContain(name);
      expect(pdf.byteLength).toBeLessThan(300_000);
    });
  }

  it("prints what the Helvetica writer turned into question marks", async () => {
    const lines = pdfText(await diploma("Łódź — Nguyễn — 北京"));
    expect(lines).toContain("Łódź — Nguyễn — 北京");
    expect(lines.join("\n")).not.toContain("?");
  });

  it("draws the names' glyphs: a page with a name in eight scripts is darker than one without", async () => {
    const names = Object.values(NAMES).slice(0, 8);
    const blank = darkShare(await diploma(""));
    const full = darkShare(
      await diploma(
        names[0],
        "en",
        names.slice(1).map((text) => ({ text, size: 24, bold: true })),
      ),
    );
    expect(blank).toBeGreaterThan(0.01);
    expect(full).toBeGreaterThan(blank + 0.01);
  });

  it("stays under 300 kB with every script on one page, fonts embedded as subsets", async () => {
    const names = Object.values(NAMES);
    const pdf = await diploma(
      names[0],
      "en",
      names.slice(1).map((text) => ({ text, size: 14 })),
    );
    expect(pdf.byteLength).toBeLessThan(300_000);
    const text = pdfText(pdf).join("\n");
    for (const name of names) expect(text).toContain(name);
  });

  it("lays Arabic out right to left, joined, and its text reads back in logical order", async () => {
    const pdf = await diploma("جامعة القاهرة", "ar", [
      { text: "منظمة الأمم المتحدة للتربية والعلم والثقافة", size: 13 },
      { text: "عن مشروع «Open Schools 2026»", size: 14 },
    ]);
    const lines = pdfText(pdf);
    expect(lines).toContain("جامعة القاهرة");
    expect(lines).toContain("منظمة الأمم المتحدة للتربية والعلم والثقافة");
    // The Latin title keeps its own order inside the Arabic sentence, to the left of the Arabic
    // that precedes it. pdftotext gives a mixed line's runs left to right, each run in reading
    // order, and the quotation marks as drawn: mirrored, as in any right-to-left text.
    expect(lines).toContain("«Open Schools 2026» عن مشروع");
  });

  it("draws an isolated Latin name in an Arabic diploma in its own order, its closing bracket last", async () => {
    const name = "Fondation pour l’apprentissage ouvert (France)";
    const drawn = pdfDrawnLines(await diploma(`\u2068${name}\u2069`, "ar"));
    expect(drawn).toContain(name);
  });

  it("writes the verification URL under the QR code", async () => {
    expect(pdfText(await diploma("Ada Lovelace"))).toContain(URL);
  });
});

describe("a line's layout", () => {
  it("shapes Arabic: a word's letters take their joined forms, narrower than the letters apart", () => {
    const joined = layoutLine("بيت", "regular", "rtl").width;
    const apart = ["ب", "ي", "ت"].reduce((w, c) => w + layoutLine(c, "regular", "rtl").width, 0);
    expect(joined).toBeLessThan(apart);
  });

  it("puts a Latin name inside an Arabic sentence in visual order: the Arabic on the right", () => {
    const line = layoutLine("تُمنح إلى Ada Lovelace", "regular", "rtl");
    const texts = line.segments.map((s) => s.text);
    expect(texts.at(-1)).toContain("تُمنح");
    expect(texts[0]).toContain("Ada Lovelace");
  });

  it("lays out an isolate (FSI … PDI) in an Arabic line apart: a Latin name keeps its brackets", () => {
    const visual = (text: string) =>
      layoutLine(text, "bold", "rtl")
        .segments.map((s) => s.text)
        .join("");
    // Without the isolate the closing bracket takes the line's direction and is drawn, mirrored,
    // at the name's left end.
    expect(visual("Fondation (France)")).toBe("(Fondation (France");
    expect(visual("\u2068Fondation (France)\u2069")).toBe("Fondation (France)");
    // Inside an Arabic sentence the isolate is one neutral: the title to the left of the Arabic,
    // each guillemet drawn mirrored on its side, the title's own brackets left as typed.
    const sentence = layoutLine("عن مشروع «\u2068Open Schools (2026)\u2069»", "regular", "rtl").segments;
    expect(sentence.map((s) => s.text)).toEqual(["«", "Open Schools (2026)", "»", "عن مشروع "]);
  });

  it("gives an isolate the direction of its first letter: an Arabic name in a Latin line reads right to left", () => {
    const texts = layoutLine("\u2068جامعة القاهرة (مصر)\u2069", "regular", "ltr").segments.map((s) => s.text);
    // Right to left: the bracket that closes the name is drawn first, mirrored, on the left.
    expect(texts[0]).toBe("(");
    expect(texts.at(-1)).toBe("جامعة القاهرة ");
  });

  it("closes an isolate cut by a wrapped line and opens it again on the next", () => {
    const long = `\u2068${"Fondation pour l’apprentissage ouvert ".repeat(4)}(France)\u2069`;
    const lines = wrap({ text: long, size: 24 }, 400, "rtl");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.text.startsWith("\u2068")).toBe(true);
      expect(line.text.endsWith("\u2069")).toBe(true);
    }
    const last = layoutLine(lines.at(-1)!.text, "regular", "rtl").segments.map((s) => s.text);
    expect(last.join("").endsWith("(France)")).toBe(true);
  });

  it("takes each character from the first font that has it", () => {
    const files = layoutLine("Łódź 北京 서울 שלום", "regular", "ltr").segments.map((s) => s.file);
    expect(files).toEqual(
      expect.arrayContaining([
        "NotoSans-Regular.ttf",
        "DroidSansFallback-CJK.ttf",
        "NotoSansCJKkr-Hangul.ttf",
        "NotoSansHebrew-Regular.ttf",
      ]),
    );
  });

  it("measures lines with the fonts' own widths", () => {
    const narrow = layoutLine("iiii", "regular", "ltr").width;
    const wide = layoutLine("WWWW", "regular", "ltr").width;
    expect(wide).toBeGreaterThan(narrow * 2);
    expect(layoutLine("WWWW", "bold", "ltr").width).toBeGreaterThan(wide);
  });
});

describe("the diploma's fonts", () => {
  it("ship with their licences and stay small together", () => {
    const files = readdirSync(fontsDir());
    expect(files).toEqual(expect.arrayContaining(["OFL.txt", "LICENSE-Apache-2.0.txt", "README.md"]));
    for (const file of [...FALLBACK.regular, ...FALLBACK.bold]) expect(files).toContain(file);
    const total = files.reduce((sum, file) => sum + statSync(join(fontsDir(), file)).size, 0);
    expect(total).toBeLessThan(4_000_000);
  });
});
