// The one-line answers of an application (its title, the organisation, the contact's name) go into
// e-mails, lists and PDFs beside other text: no character there may turn the rest of a line around.
import { describe, expect, it } from "vitest";
import { countWords, sectionByKey } from "../../../app/applications/domain/sections";
import { sectionSchema } from "../../../app/applications/forms/section-schema";

const background = sectionByKey("background")!;
const filled = { title: "Learning together", organisation: "Open School", operatingIn: "Kenya" };
const errorsOf = (values: Record<string, string>) => {
  const parsed = sectionSchema(background, null, false).safeParse(values);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("an application's one-line answers", () => {
  it("refuse bidirectional overrides, embeddings and isolates, and control characters, each on its field", () => {
    for (const bad of ["\u202E", "\u202A", "\u202D", "\u2066", "\u2068", "\u2069", "\u0007", "\u007f"]) {
      expect(errorsOf({ ...filled, title: `مشروع التعلم 🌱 ${bad}RTL test` }), JSON.stringify(bad)).toEqual({
        title: "errors.line_characters",
      });
    }
    expect(errorsOf({ ...filled, organisation: "Open\u202ESchool" })).toEqual({
      organisation: "errors.line_characters",
    });
  });

  it("keep Arabic, emoji and the marks of direction (U+200E, U+200F) that Arabic names may need", () => {
    expect(errorsOf({ ...filled, title: "مشروع التعلم 🌱 \u200fKH\u200e 2027", organisation: "مدرسة مفتوحة" })).toEqual(
      {},
    );
  });

  it("leave the long answers their line breaks", () => {
    const objectives = sectionByKey("objectives")!;
    const textarea = objectives.fields.find((f) => f.kind === "textarea")!;
    const parsed = sectionSchema(objectives, null, false).safeParse({ [textarea.key]: "First line\nSecond line" });
    expect(parsed.success).toBe(true);
  });
});

describe("a section's word count", () => {
  it("counts words as a reader does, in English, French and Arabic", () => {
    expect(countWords("  Open   schools, for all — l’école ouverte; 2027 مدرسة مفتوحة  ")).toBe(9);
    expect(countWords("anticonstitutionnellement")).toBe(1);
    expect(countWords("")).toBe(0);
  });

  it("counts a run of letters longer than any word as one word for each 40 letters begun", () => {
    expect(countWords("a".repeat(40))).toBe(1);
    expect(countWords("a".repeat(41))).toBe(2);
    expect(countWords("x".repeat(12_000))).toBe(300);
  });

  it("counts a word typed with combining marks, or in letters outside the basic plane, once", () => {
    expect(countWords("e\u0301cole ".repeat(26))).toBe(26);
    // Arabic with its vowel marks: three words.
    expect(countWords("ذَهَبَ الوَلَدُ إِلى")).toBe(3);
    // 41 letters of the mathematical alphabet are 41 letters (82 UTF-16 units): two words, not three.
    expect(countWords("𝐀".repeat(41))).toBe(2);
    expect(countWords("𝐀".repeat(21))).toBe(1);
    // Hyphens and apostrophes join a word but are not letters: 28 letters, one word.
    expect(countWords("ab-".repeat(14))).toBe(1);
  });

  it("refuses to complete a section whose one long run of letters is over the limit", () => {
    const objectives = sectionByKey("objectives")!;
    const textarea = objectives.fields.find((f) => f.kind === "textarea" && f.counted)!;
    const parsed = sectionSchema(objectives, 100, true).safeParse({ [textarea.key]: "x".repeat(4_100) });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toContain("errors.word_limit");
  });
});
