import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues } from "../../../../app/kernel/i18n/catalogues";
import { formatList, translate, type Locale, type Vars } from "../../../../app/kernel/i18n";
import { exclusionSentences, type Tally } from "../../../../app/results/domain/tally";

const tIn = (locale: Locale) =>
  Object.assign((key: string, vars?: Vars) => translate(catalogues[locale], key, vars, locale), { locale });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("lists shown to readers", () => {
  it("a plain list is separated by the comma of the reader's language", () => {
    expect(formatList(["A", "B", "C"], "en")).toBe("A, B, C");
    expect(formatList(["A", "B", "C"], "fr")).toBe("A, B, C");
    expect(formatList(["A", "B", "C"], "ar")).toBe("A، B، C");
    expect(formatList([], "ar")).toBe("");
  });

  it("a list in a sentence ends with the reader's word for and", () => {
    expect(formatList(["A", "B", "C"], "en", "and")).toBe("A, B and C");
    expect(formatList(["A", "B"], "fr", "and")).toBe("A et B");
    expect(formatList(["A", "B", "C"], "ar", "and")).toBe("A وB وC");
    expect(formatList(["A"], "ar", "and")).toBe("A");
  });

  it("lists of lists are separated by the reader's semicolon", () => {
    expect(formatList(["1→2", "2→0"], "en", "groups")).toBe("1→2; 2→0");
    expect(formatList(["1→2", "2→0"], "fr", "groups")).toBe("1→2 ; 2→0");
    expect(formatList(["1→2", "2→0"], "ar", "groups")).toBe("1→2؛ 2→0");
  });

  it("the tally's sentences list references in the reader's language", () => {
    const tally: Tally = {
      ballots: 3,
      apps: [],
      pairwise: null,
      paths: null,
      exclusions: [{ juror: { letter: "A", name: null }, references: ["KH-1", "KH-2"], comparisons: 3 }],
    };
    expect(exclusionSentences(tIn("en"), tally)[0]).toContain("involving KH-1 and KH-2");
    // A juror reads no letter there: a conflict would tell who holds it (decision 065).
    expect(exclusionSentences(tIn("en"), tally)[0]).toBe(
      "A juror took no part in the 3 comparisons involving KH-1 and KH-2 (conflict of interest).",
    );
    expect(exclusionSentences(tIn("fr"), tally)[0]).toMatch(/^Un membre du jury n’a pas pris part aux 3 comparaisons/);
    expect(exclusionSentences(tIn("ar"), tally)[0]).toContain("KH-1 وKH-2");
  });

  it("no page or component joins a list it shows with an ASCII comma", () => {
    const joins = sourceFiles("app")
      .filter((file) => !file.endsWith(".server.ts"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .filter((line) => line.includes('.join(", ")'))
          .map((line) => `${file}: ${line.trim()}`),
      );
    // Only form fields' values (a juror's languages and expertise), read back by splitting on commas.
    const formValue = /(languages|expertise): \(?[\w.?[\] ]*\)?\.join\(", "\)/;
    expect(joins.filter((line) => !formValue.test(line))).toEqual([]);
  });
});
