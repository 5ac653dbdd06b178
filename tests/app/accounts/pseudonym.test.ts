// An erased person's and application's pseudonym (app/accounts/domain/pseudonym.ts): stored as
// it always was, shown in the reader's language.
import { describe, expect, it } from "vitest";
import { erasedName, erasedTitle, shownPseudonym } from "../../../app/accounts/domain/pseudonym";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { translate, type Locale } from "../../../app/kernel/i18n";

const tIn = (locale: Locale) => (key: string, vars?: Record<string, string>) =>
  translate(catalogues[locale], key, vars);

describe("an erased pseudonym", () => {
  it("is stored as before, so rows erased earlier and the tests that verify them read alike", () => {
    expect(erasedName("user-1")).toMatch(/^Erased applicant [0-9A-F]{4}$/);
    expect(erasedTitle("app-1")).toMatch(/^Erased application [0-9A-F]{4}$/);
  });

  it("is shown in French and Arabic with its tag, and in English as stored", () => {
    const title = erasedTitle("app-1");
    const tag = title.slice(-4);
    expect(shownPseudonym(title, tIn("fr"))).toBe(`Candidature effacée ${tag}`);
    expect(shownPseudonym(title, tIn("ar"))).toBe(`طلب ممحوّ ${tag}`);
    expect(shownPseudonym(title, tIn("en"))).toBe(title);
    const name = erasedName("user-1");
    expect(shownPseudonym(name, tIn("fr"))).toBe(`Candidat effacé ${name.slice(-4)}`);
    expect(shownPseudonym(name, tIn("ar"))).toContain(name.slice(-4));
    expect(shownPseudonym(name, tIn("ar"))).not.toMatch(/Erased/);
  });

  it("is told apart from a title that only looks like one: any other text is shown as it is", () => {
    for (const text of ["Erased application", "Erased application 1a2b", "My Erased application 1A2B", "Projet"])
      expect(shownPseudonym(text, tIn("fr"))).toBe(text);
  });
});
