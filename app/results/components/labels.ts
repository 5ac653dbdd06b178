// Small label helpers of the results area, shared by its views and charts.
import { type Locale, localized, textsOf } from "../../kernel/i18n";
import type { JurorLabel } from "../domain/results-page";

export function criterionTitle(
  c: { titleEn: string; titleFr: string; titleAr: string | null },
  locale: Locale,
): string {
  return localized(locale, textsOf(c, "title"));
}

export function jurorText(
  label: JurorLabel,
  t: (key: string, vars?: Record<string, string | number>) => string,
): string {
  return label.kind === "name" ? label.name : t("results.juror_letter", { letter: label.letter });
}

export function themeOf(e: { themeEn: string; themeFr: string; themeAr?: string | null }, locale: Locale): string {
  return localized(locale, textsOf(e, "theme"));
}
