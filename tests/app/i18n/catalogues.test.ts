import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ar, { core as arCore } from "../../../app/i18n/ar";
import { applicationsMessages } from "../../../app/i18n/areas/applications";
import { editionsMessages } from "../../../app/i18n/areas/editions";
import { juryMessages } from "../../../app/i18n/areas/jury";
import { nominationsMessages } from "../../../app/i18n/areas/nominations";
import { resultsMessages } from "../../../app/i18n/areas/results";
import en, { core as enCore } from "../../../app/i18n/en";
import fr, { core as frCore } from "../../../app/i18n/fr";
import { direction, translate } from "../../../app/i18n";
import { fromAcceptLanguage } from "../../../app/i18n/locale.server";

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
      const wrong = Object.keys(en).filter((key) => placeholders(catalogues[locale][key] ?? "").join() !== placeholders((en as Record<string, string>)[key]).join());
      expect(wrong).toEqual([]);
    });
  }

  it("no message is empty in any language", () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      expect(Object.entries(messages).filter(([, v]) => !v.trim()).map(([k]) => `${locale}:${k}`)).toEqual([]);
    }
  });

  it("every literal key used in the app exists in the catalogue", () => {
    const used = new Set<string>();
    for (const file of sourceFiles("app")) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\("([a-z_]+\.[a-z_.]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/"(errors\.[a-z_]+)"/g)) used.add(m[1]);
    }
    expect([...used].filter((key) => !(key in en)).sort()).toEqual([]);
  });

  // The catalogues are merged by spreading, so a key defined twice silently takes the wording of
  // whichever comes last, and a page loading only the other area shows the other wording.
  it("no key is defined in two areas, or in an area and the core catalogue", () => {
    const sources: Record<string, Record<string, Record<string, string>>> = {
      core: { en: enCore, fr: frCore, ar: arCore },
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
    const twice = [...definedIn].filter(([, where]) => where.length > 1).map(([key, where]) => `${key} (${where.join(", ")})`);
    expect(twice).toEqual([]);
  });

  it("arabic is written right to left and the others left to right", () => {
    expect([direction("ar"), direction("fr"), direction("en")]).toEqual(["rtl", "ltr", "ltr"]);
  });

  it("a message with plural forms takes the form of the count in each language (never \"1 conflicts\")", () => {
    const key = "jury.conflicts_admin.count";
    expect(translate(en, key, { count: 1 }, "en")).toBe("1 conflict in the register.");
    expect(translate(en, key, { count: 3 }, "en")).toBe("3 conflicts in the register, proposals first.");
    expect(translate(fr, key, { count: 1 }, "fr")).toBe("1 conflit dans le registre.");
    expect(translate(fr, key, { count: 2 }, "fr")).toBe("2 conflits dans le registre, propositions en premier.");
    expect(translate(ar, key, { count: 2 }, "ar")).toBe("حالتا تضارب في السجل.");
    expect(translate(ar, key, { count: 5 }, "ar")).toBe("5 حالات تضارب في السجل، الاقتراحات أولًا.");
    expect(translate(ar, key, { count: 11 }, "ar")).toBe("11 حالة تضارب في السجل، الاقتراحات أولًا.");
    // Every plural message has an "other" form in every language.
    for (const messages of [en, fr, ar] as Record<string, string>[]) for (const [k, v] of Object.entries(messages)) if (/^(zero|one|two|few|many|other): /.test(v)) expect(v, k).toMatch(/(^| \| )other: /);
  });

  it("translate fills placeholders and leaves unknown ones visible", () => {
    expect(translate(en, "errors.login_locked", { minutes: 7 })).toBe("Too many failed sign-in attempts. For your security, try again in 7 minutes");
    expect(translate(en, "no.such.key")).toBe("no.such.key");
  });

  it("Accept-Language picks the best supported language by quality", () => {
    expect(fromAcceptLanguage("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).toBe("fr");
    expect(fromAcceptLanguage("ar-BH")).toBe("ar");
    expect(fromAcceptLanguage("zh-CN, ru;q=0.5")).toBeUndefined();
    expect(fromAcceptLanguage(null)).toBeUndefined();
  });
});
