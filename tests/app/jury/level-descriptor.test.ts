import { describe, expect, it } from "vitest";
import { DEFAULT_CRITERIA } from "../../../app/editions/domain/defaults";
import { criterionForReader, levelDescriptor } from "../../../app/jury/domain/jury";
import { localized, localizedLang, textsOf } from "../../../app/kernel/i18n";

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

describe("a criterion as a reader's page carries it", () => {
  const criterion = {
    key: "impact",
    titleEn: "Impact",
    titleFr: "Impact (fr)",
    titleAr: "الأثر",
    guidanceEn: "How far it reaches",
    guidanceFr: "Portée",
    guidanceAr: "مدى الوصول",
    levelDescriptors: [{ score: 1, en: "Weak", fr: "Faible", ar: "ضعيف" }],
  };

  it("keeps the reader's language, English only where theirs is blank, never the third", () => {
    expect(criterionForReader(criterion, "ar")).toEqual({
      ...criterion,
      titleEn: "",
      titleFr: "",
      guidanceEn: "",
      guidanceFr: "",
      levelDescriptors: [{ score: 1, en: "", fr: "", ar: "ضعيف" }],
    });
    expect(criterionForReader(criterion, "en")).toEqual({
      ...criterion,
      titleFr: "",
      titleAr: null,
      guidanceFr: "",
      guidanceAr: null,
      levelDescriptors: [{ score: 1, en: "Weak", fr: "", ar: null }],
    });
    // What the page shows is unchanged: each reader reads their language, or English without it.
    const fr = criterionForReader(criterion, "fr");
    expect(levelDescriptor(fr.levelDescriptors, 1, "fr")).toEqual({ text: "Faible", lang: "fr" });
    expect(localized("fr", textsOf(fr, "title"))).toBe("Impact (fr)");
    const noArabic = criterionForReader({ ...criterion, guidanceAr: null }, "ar");
    expect(localized("ar", textsOf(noArabic, "guidance"))).toBe("How far it reaches");
    expect(localizedLang("ar", textsOf(noArabic, "guidance"))).toBe("en");
    expect(localized("ar", textsOf(noArabic, "title"))).toBe("الأثر");
  });
});
