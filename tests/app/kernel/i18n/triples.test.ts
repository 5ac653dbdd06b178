// Every catalogue is written in one format: a JSON table from a key to its English, French and
// Arabic texts side by side (app/kernel/i18n/triples.ts). A text may not be left out or empty in any
// language: there is no fallback to English.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applicationsTriples } from "../../../../app/kernel/i18n/areas/applications";
import { editionsTriples } from "../../../../app/kernel/i18n/areas/editions";
import { juryTriples } from "../../../../app/kernel/i18n/areas/jury";
import { nominationsTriples } from "../../../../app/kernel/i18n/areas/nominations";
import { resultsTriples } from "../../../../app/kernel/i18n/areas/results";
import { deliberationTriples } from "../../../../app/kernel/i18n/areas/deliberation";
import { integrityTriples } from "../../../../app/kernel/i18n/areas/results-integrity";
import { certificateTriples } from "../../../../app/kernel/i18n/areas/certificate";
import { rankingTriples } from "../../../../app/kernel/i18n/areas/ranking";
import { observerTriples } from "../../../../app/kernel/i18n/areas/observer";
import { auditTriples } from "../../../../app/kernel/i18n/areas/audit";
import { privacyTriples } from "../../../../app/kernel/i18n/areas/privacy";
import { diplomasTriples } from "../../../../app/kernel/i18n/areas/diplomas";
import { dataTriples } from "../../../../app/kernel/i18n/areas/data";
import { catalogues } from "../../../../app/kernel/i18n/catalogues";
import { coreTriples } from "../../../../app/kernel/i18n/core";
import { byLanguage, triples } from "../../../../app/kernel/i18n/triples";

const I18N = "app/kernel/i18n";
const TABLES: Record<string, Record<string, unknown>> = {
  core: coreTriples,
  editions: editionsTriples,
  applications: applicationsTriples,
  nominations: nominationsTriples,
  jury: juryTriples,
  results: resultsTriples,
  deliberation: deliberationTriples,
  integrity: integrityTriples,
  certificate: certificateTriples,
  ranking: rankingTriples,
  observer: observerTriples,
  audit: auditTriples,
  privacy: privacyTriples,
  diplomas: diplomasTriples,
  data: dataTriples,
};

/** The catalogue files: core*.json beside index.ts and every JSON file of areas/. */
function catalogueFiles(): string[] {
  return [
    ...readdirSync(I18N)
      .filter((f) => /^core.*\.json$/.test(f))
      .map((f) => join(I18N, f)),
    ...readdirSync(join(I18N, "areas"))
      .filter((f) => f.endsWith(".json"))
      .map((f) => join(I18N, "areas", f)),
  ];
}

describe("catalogue format", () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`every key of the ${name} catalogue has its English, French and Arabic texts, none empty`, () => {
      const wrong = Object.entries(table)
        .filter(
          ([, texts]) =>
            !Array.isArray(texts) || texts.length !== 3 || texts.some((t) => typeof t !== "string" || !t.trim()),
        )
        .map(([key]) => key);
      expect(Object.keys(table).length).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });
  }

  it("every catalogue file is a side-by-side table, not one dictionary per language", () => {
    const files = catalogueFiles();
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(TABLES).length);
    for (const file of files) {
      const table: unknown = JSON.parse(readFileSync(file, "utf8"));
      expect(table, file).toBeTypeOf("object");
      expect(() => triples(table as Record<string, string[]>), file).not.toThrow();
    }
  });

  it("a table with a text missing or empty is refused on load, naming the key", () => {
    expect(() => triples({ "a.ok": ["One", "Un", "واحد"], "a.short": ["Two", "Deux"] })).toThrow(/"a\.short"/);
    expect(() => triples({ "a.blank": ["Three", " ", "ثلاثة"] })).toThrow(/"a\.blank"/);
  });

  // Tables are merged by spreading, where a key written twice silently keeps the last text.
  it("every key is written once in the catalogue files, and every written key reaches the messages", () => {
    const written = catalogueFiles().flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^ {2}"([^"]+)": \[/gm)].map((m) => m[1]),
    );
    const twice = written.filter((key, i) => written.indexOf(key) !== i);
    expect(twice).toEqual([]);
    expect([...written].sort()).toEqual(Object.keys(catalogues.en).sort());
  });

  it("a table splits into one dictionary per language, keeping the keys' order", () => {
    const messages = byLanguage({ "b.first": ["One", "Un", "واحد"], "a.second": ["Two", "Deux", "اثنان"] });
    expect(messages).toEqual({
      en: { "b.first": "One", "a.second": "Two" },
      fr: { "b.first": "Un", "a.second": "Deux" },
      ar: { "b.first": "واحد", "a.second": "اثنان" },
    });
    expect(Object.keys(messages.fr)).toEqual(["b.first", "a.second"]);
  });

  it("each language holds exactly the keys of the tables, with the text of its column", () => {
    const columns = { en: 0, fr: 1, ar: 2 } as const;
    for (const [locale, column] of Object.entries(columns)) {
      const expected = Object.fromEntries(
        Object.values(TABLES).flatMap((table) =>
          Object.entries(table as Record<string, string[]>).map(([key, texts]) => [key, texts[column]]),
        ),
      );
      expect(catalogues[locale as keyof typeof columns]).toEqual(expected);
    }
  });
});
