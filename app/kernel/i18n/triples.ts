// Every catalogue (core.json and areas/*.json) is one table from a key to its texts in the three
// languages, side by side, in the order en, fr, ar: a reviewer reads a key's English, French and
// Arabic together, and a translator edits data, not code. An entry fits on one line when it can,
// else each language takes its own line. `triples` refuses a table with a text missing when the
// catalogue loads, so a forgotten translation stops the server and every test at once.
import type { Locale } from "./index";

export type Triple = readonly [en: string, fr: string, ar: string];
export type Triples = Record<string, Triple>;

/**
 * The table of a catalogue's JSON file, checked: every key has exactly three non-empty texts.
 * Throws with the key when one does not, as a type error once did for the TypeScript tables.
 */
export function triples<K extends string>(table: Record<K, readonly string[]>): Record<K, Triple> {
  for (const [key, texts] of Object.entries<readonly string[]>(table)) {
    if (texts.length !== 3 || texts.some((text) => typeof text !== "string" || text.trim() === ""))
      throw new Error(`The message "${key}" needs its English, French and Arabic texts, in that order, none empty.`);
  }
  return table as Record<K, Triple>;
}

const COLUMN: Record<Locale, 0 | 1 | 2> = { en: 0, fr: 1, ar: 2 };

/** The table as one dictionary per language, in the table's key order. */
export function byLanguage<K extends string>(table: Record<K, Triple>): Record<Locale, Record<K, string>> {
  const column = (locale: Locale) =>
    Object.fromEntries(Object.entries<Triple>(table).map(([key, texts]) => [key, texts[COLUMN[locale]]])) as Record<
      K,
      string
    >;
  return { en: column("en"), fr: column("fr"), ar: column("ar") };
}
