// Texts stored per language (themeEn, themeFr, themeAr…): the viewer's language, else English.
// No imports, so public pages stay light.
const SUFFIX: Record<string, "En" | "Fr" | "Ar"> = { en: "En", fr: "Fr", ar: "Ar" };

/** A text in the viewer's language, falling back to English (Arabic is optional). */
export function localized(row: Record<string, unknown>, base: string, locale: string): string {
  const value = row[`${base}${SUFFIX[locale] ?? "En"}`];
  if (typeof value === "string" && value.trim()) return value;
  return String(row[`${base}En`] ?? "");
}

/** The language a localized text is really in (for `lang` when it fell back to English). */
export function localizedLang(row: Record<string, unknown>, base: string, locale: string): string {
  const value = row[`${base}${SUFFIX[locale] ?? "En"}`];
  return typeof value === "string" && value.trim() ? locale : "en";
}
