// Facts of the jury that forms and pages share, in browser and server alike.
import { localized, localizedLang, type Locale } from "../../kernel/i18n";

/** The confidence a juror may state in a review, lowest first. */
export const CONFIDENCE_LEVELS = ["1", "2", "3", "4", "5"] as const;

/** The languages a juror may list as read. */
export const JUROR_LANGUAGES = ["en", "fr", "ar", "es", "ru", "zh"] as const;

/** The states a juror's review goes through, in the order the progress page counts them. */
export { REVIEW_STATES } from "../../../db/enums";

/**
 * What a criterion's level means, in the viewer's language, and the language it is really in
 * (English when the descriptor has none in the viewer's): for the `lang` of its text.
 */
export function levelDescriptor(
  descriptors: readonly { score: number; en: string; fr: string; ar?: string | null }[],
  score: number,
  locale: string,
): { text: string; lang: Locale } | null {
  const d = descriptors.find((l) => l.score === score);
  const text = d ? localized(locale, d) : "";
  return d && text.trim() ? { text, lang: localizedLang(locale, d) } : null;
}
