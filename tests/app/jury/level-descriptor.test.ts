import { describe, expect, it } from "vitest";
import { DEFAULT_CRITERIA } from "../../../app/editions/domain/defaults";
import { levelDescriptor } from "../../../app/jury/domain/jury";

const ARABIC = /[\u0600-\u06FF]/;

describe("level descriptors", () => {
  it("every default criterion describes each level in English, French and Arabic", () => {
    for (const c of DEFAULT_CRITERIA) {
      expect(c.levels.map((l) => l.score)).toEqual([1, 4, 7, 10]);
      for (const level of c.levels) {
        expect(level.en.trim(), `${c.key} ${level.score} en`).not.toBe("");
        expect(level.fr.trim(), `${c.key} ${level.score} fr`).not.toBe("");
        expect(level.fr, `${c.key} ${level.score} fr`).not.toBe(level.en);
        expect(level.ar, `${c.key} ${level.score} ar`).toMatch(ARABIC);
      }
    }
  });

  it("a juror reading in Arabic is shown a default descriptor in Arabic, marked as Arabic", () => {
    const [impact] = DEFAULT_CRITERIA.filter((c) => c.key === "impact");
    expect(levelDescriptor(impact.levels, 1, "ar")).toEqual({ text: "لا توجد أدلة.", lang: "ar" });
    expect(levelDescriptor(impact.levels, 1, "fr")).toEqual({ text: "Aucune preuve.", lang: "fr" });
  });

  it("a descriptor without Arabic is shown in English and marked as English on an Arabic page", () => {
    const levels = [{ score: 3, en: "Good", fr: "Bon" }];
    expect(levelDescriptor(levels, 3, "ar")).toEqual({ text: "Good", lang: "en" });
    expect(levelDescriptor([{ score: 3, en: "Good", fr: "Bon", ar: " " }], 3, "ar")).toEqual({
      text: "Good",
      lang: "en",
    });
  });

  it("a score without a descriptor has none", () => {
    expect(levelDescriptor([{ score: 3, en: "Good", fr: "Bon" }], 4, "en")).toBeNull();
  });
});
