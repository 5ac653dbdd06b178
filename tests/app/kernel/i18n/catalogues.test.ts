import { readdirSync, readFileSync, statSync } from "node:fs";
import { catalogues as languageCatalogues } from "../../../../app/kernel/i18n/catalogues";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applicationsMessages } from "../../../../app/kernel/i18n/areas/applications";
import { editionsMessages } from "../../../../app/kernel/i18n/areas/editions";
import { juryMessages } from "../../../../app/kernel/i18n/areas/jury";
import { nominationsMessages } from "../../../../app/kernel/i18n/areas/nominations";
import { resultsMessages } from "../../../../app/kernel/i18n/areas/results";
import { coreMessages } from "../../../../app/kernel/i18n/core";
import { direction, pluralCategory, pluralForms, translate, type Locale } from "../../../../app/kernel/i18n";
import { fromAcceptLanguage } from "../../../../app/kernel/i18n/locale.server";

const { en, fr, ar } = languageCatalogues;

const catalogues = { en, fr, ar } as Record<string, Record<string, string>>;
// Each name once: a message with plural forms names {count} in some of its forms only.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("catalogues", () => {
  for (const locale of ["fr", "ar"]) {
    it(`the ${locale} catalogue has exactly the English keys`, () => {
      expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(en).sort());
    });
    it(`the ${locale} catalogue keeps every placeholder of the English text`, () => {
      const wrong = Object.keys(en).filter(
        (key) =>
          placeholders(catalogues[locale][key] ?? "").join() !==
          placeholders((en as Record<string, string>)[key]).join(),
      );
      expect(wrong).toEqual([]);
    });
  }

  it("no message is empty in any language", () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      expect(
        Object.entries(messages)
          .filter(([, v]) => !v.trim())
          .map(([k]) => `${locale}:${k}`),
      ).toEqual([]);
    }
  });

  it("every literal key used in the app exists in the catalogue", () => {
    const used = new Set<string>();
    for (const file of sourceFiles("app")) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\("([a-z_]+\.[a-z_.]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/"(errors\.[a-z_]+)"/g)) used.add(m[1]);
      // Some components take message keys (a table its headings, a page head its title) and translate them.
      for (const m of text.matchAll(/\b(?:head: |empty=|title=)"([a-z_]+\.[a-z_.]+)"/g)) used.add(m[1]);
    }
    expect([...used].filter((key) => !(key in en)).sort()).toEqual([]);
  });

  // The catalogues are merged by spreading, so a key defined twice silently takes the wording of
  // whichever comes last, and a page loading only the other area shows the other wording.
  it("no key is defined in two areas, or in an area and the core catalogue", () => {
    const sources: Record<string, Record<string, Record<string, string>>> = {
      core: coreMessages,
      editions: editionsMessages,
      applications: applicationsMessages,
      nominations: nominationsMessages,
      jury: juryMessages,
      results: resultsMessages,
    };
    const definedIn = new Map<string, string[]>();
    for (const [source, messages] of Object.entries(sources)) {
      for (const locale of ["en", "fr", "ar"]) {
        for (const key of Object.keys(messages[locale])) {
          const where = definedIn.get(key) ?? [];
          if (!where.includes(source)) definedIn.set(key, [...where, source]);
        }
      }
    }
    const twice = [...definedIn]
      .filter(([, where]) => where.length > 1)
      .map(([key, where]) => `${key} (${where.join(", ")})`);
    expect(twice).toEqual([]);
  });

  it("arabic is written right to left and the others left to right", () => {
    expect([direction("ar"), direction("fr"), direction("en")]).toEqual(["rtl", "ltr", "ltr"]);
  });

  it('a message with plural forms takes the form of the count in each language (never "1 conflicts")', () => {
    const key = "jury.conflicts_admin.count";
    expect(translate(en, key, { count: 1 }, "en")).toBe("1 conflict in the register.");
    expect(translate(en, key, { count: 3 }, "en")).toBe("3 conflicts in the register, proposals first.");
    expect(translate(fr, key, { count: 1 }, "fr")).toBe("1 conflit dans le registre.");
    expect(translate(fr, key, { count: 2 }, "fr")).toBe("2 conflits dans le registre, propositions en premier.");
    expect(translate(ar, key, { count: 2 }, "ar")).toBe("حالتا تضارب في السجل.");
    expect(translate(ar, key, { count: 5 }, "ar")).toBe("5 حالات تضارب في السجل، الاقتراحات أولًا.");
    expect(translate(ar, key, { count: 11 }, "ar")).toBe("11 حالة تضارب في السجل، الاقتراحات أولًا.");
    // Every plural message has an "other" form in every language.
    for (const messages of [en, fr, ar] as Record<string, string>[])
      for (const [k, v] of Object.entries(messages))
        if (/^(zero|one|two|few|many|other): /.test(v)) expect(v, k).toMatch(/(^| \| )other: /);
  });

  // Variables that carry a number of things, so the words around them agree with it.
  const COUNT_VARIABLES = [
    "count",
    "minutes",
    "hours",
    "days",
    "words",
    "quota",
    "ballots",
    "total",
    "jurors",
    "n",
    "pages",
  ];
  // Messages with such a variable whose wording does not change with the number, and why.
  const COUNT_NEUTRAL: Record<string, string> = {
    "pager.position": "page numbers: “Page 2 of 3” reads the same for any number",
    "screening.page": "page numbers",
    "results.page_of": "page numbers",
    "results.ranking_caption": "page numbers",
    "results.jurors_caption": "positions in a list: “Jurors 26–30 of 30” reads the same for any number",
    "results.chart_leniency_some": "“of {count}” follows jurors already counted by {shown} (the chart's twenty)",
    "editions.edit_criteria": "a number in parentheses after a title",
    "editions.edit_rules": "a number in parentheses after a title",
    "applications.files_count": "a label followed by a number",
    "jury.progress.reminded": "a label followed by a number",
    "results.up": "a number of places in a ranking table cell, written without a noun",
    "results.down": "a number of places in a ranking table cell, written without a noun",
    "results.recommendation_place": "an ordinal position (Laureate 1, Laureate 2)",
    "results.outliers": "{jurors} is a list of juror letters, not a number",
    "jury.conflicts_admin.review_submitted": "{total} is a score out of {max}, not a number of things",
    "nominations.quota": "a label followed by two numbers (“Nominations used: 2 of 3”)",
    "data.retention_confirm_applications": "a label followed by a number",
    "data.retention_confirm_emails": "a label followed by a number",
  };
  const SAMPLES = [0, 1, 2, 3, 11, 100];

  it("every message taking a number has the plural forms its language needs for 0, 1, 2, 3, 11 and 100", () => {
    const problems: string[] = [];
    for (const [key, english] of Object.entries(en as Record<string, string>)) {
      const counted = placeholders(english).filter((name) => COUNT_VARIABLES.includes(name));
      if (counted.length === 0 && !pluralForms(english)) continue;
      for (const locale of ["en", "fr", "ar"] as Locale[]) {
        const template = catalogues[locale][key];
        const plural = pluralForms(template);
        if (!plural) {
          if (!(key in COUNT_NEUTRAL)) problems.push(`${locale}:${key} has no plural forms`);
          continue;
        }
        if (key in COUNT_NEUTRAL) problems.push(`${key} has plural forms: take it off the lists`);
        const vars = Object.fromEntries(placeholders(template).map((name) => [name, 7]));
        for (const n of SAMPLES) {
          const category = pluralCategory(n, locale);
          if (!plural.forms.has(category)) problems.push(`${locale}:${key} lacks the “${category}” form (for ${n})`);
          const text = translate(catalogues[locale] as never, key, { ...vars, [plural.variable]: n }, locale);
          if (/\{\w+\}/.test(text)) problems.push(`${locale}:${key} leaves a placeholder in “${text}”`);
        }
        if (locale === "en" && plural.forms.get("one") === plural.forms.get("other"))
          problems.push(`en:${key} says the same for 1 as for many`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("in a sentence with two numbers the noun agrees with the number it counts, which may differ between languages", () => {
    const key = "jury.dashboard.progress";
    expect(translate(en, key, { done: 0, total: 1 }, "en")).toBe("0 of 1 review submitted");
    expect(translate(en, key, { done: 1, total: 3 }, "en")).toBe("1 of 3 reviews submitted");
    expect(translate(fr, key, { done: 1, total: 3 }, "fr")).toBe("1 évaluation envoyée sur 3");
    expect(translate(fr, key, { done: 2, total: 3 }, "fr")).toBe("2 évaluations envoyées sur 3");
    expect(translate(ar, key, { done: 1, total: 2 }, "ar")).toBe("أُرسل 1 من تقييمين");
    expect(translate(ar, key, { done: 4, total: 12 }, "ar")).toBe("أُرسل 4 من أصل 12 تقييمًا");
  });

  it("translate fills placeholders and leaves unknown ones visible", () => {
    expect(translate(en, "errors.login_locked", { minutes: 7 })).toBe(
      "Too many failed sign-in attempts. For your security, try again in 7 minutes",
    );
    expect(translate(en, "no.such.key")).toBe("no.such.key");
  });

  it("Accept-Language picks the best supported language by quality", () => {
    expect(fromAcceptLanguage("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).toBe("fr");
    expect(fromAcceptLanguage("ar-BH")).toBe("ar");
    expect(fromAcceptLanguage("zh-CN, ru;q=0.5")).toBeUndefined();
    expect(fromAcceptLanguage(null)).toBeUndefined();
  });
});
