import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues } from "../../../../app/kernel/i18n/catalogues";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === join("app", "kernel", "i18n")) return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const KEY_PART = "[A-Za-z0-9_.]+";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What the app's code can ask the catalogue for: literal keys, and keys built from a template. */
function keysUsed() {
  const source = sourceFiles("app")
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  const literals = new Set([...source.matchAll(/["'`]([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)["'`]/g)].map((m) => m[1]));
  // `nominations.${intent}_title`: a template starting with an area's name, each ${…} any key part.
  const templates = [...source.matchAll(/`([a-z][a-z0-9_]*\.[A-Za-z0-9_.]*\$\{[^`\n]*)`/g)]
    .map((m) => m[1].split(/\$\{[^}]*\}/))
    .filter((parts) => parts.every((part) => /^[A-Za-z0-9_.]*$/.test(part)))
    .map((parts) => new RegExp(`^${parts.map(escape).join(KEY_PART)}$`));
  // `${messageKey}_help`, `${label}_en`: a message named by another key (a literal) and a suffix.
  const suffixes = [...source.matchAll(/`\$\{\w+\}([._][A-Za-z0-9_]+)`/g)].map((m) => m[1]);
  // The account pages' `${page}.title`, `${page}.submit`…, one per key of their FORM_PAGES.
  const accountPages = [...(/FORM_PAGES = \{([^}]*)\}/.exec(source)?.[1] ?? "").matchAll(/(\w+):/g)].map((m) => m[1]);
  return (key: string) =>
    literals.has(key) ||
    templates.some((rx) => rx.test(key)) ||
    suffixes.some((suffix) => key.endsWith(suffix) && literals.has(key.slice(0, -suffix.length))) ||
    accountPages.includes(key.split(".")[0]);
}

describe("catalogue keys", () => {
  it("every key of the catalogue is one the app can ask for, literally or through a template", () => {
    const used = keysUsed();
    expect(Object.keys(catalogues.en).filter((key) => !used(key))).toEqual([]);
  });

  it("the keys the audit found unused are gone, and the test would see them", () => {
    for (const key of ["nominations.view.title", "nominations.summary_title", "screening.outcome"]) {
      expect(catalogues.en).not.toHaveProperty([key]);
    }
    const used = keysUsed();
    expect(used("screening.outcome")).toBe(false);
    expect(used("nominations.view.title")).toBe(false);
    expect(used("nominations.view.heading")).toBe(true);
    expect(used("nominations.nominate_title")).toBe(true);
    expect(used("login.submit")).toBe(true);
    expect(used("errors.forbidden_help")).toBe(true);
    expect(used("editions.theme_ar")).toBe(true);
  });
});
