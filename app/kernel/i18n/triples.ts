// Every catalogue (core.ts and areas/) is one table from a key to its texts in the three
// languages, side by side: a translation cannot be forgotten without a type error, and a
// reviewer reads a key's English, French and Arabic together. An entry fits on one line when
// it can (200 characters), else each language takes its own line, in the order en, fr, ar.
import type { Locale } from "./index";

export type Triple = readonly [en: string, fr: string, ar: string];
export type Triples = Record<string, Triple>;

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
