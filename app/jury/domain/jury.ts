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

type ReadableCriterion = {
  titleEn: string;
  titleFr: string;
  titleAr: string | null;
  guidanceEn: string;
  guidanceFr: string;
  guidanceAr: string | null;
  levelDescriptors: readonly { score: number; en: string; fr: string; ar?: string | null }[];
};

/** A text in the reader's language, and in English only when that one is blank (`localized`'s fallback). */
function forReader(en: string, own: string | null | undefined): { en: string; own: string | null } {
  return own?.trim() ? { en: "", own } : { en, own: null };
}

/**
 * A criterion as one reader's page carries it: each text in their language, or in English where
 * theirs is blank (what `localized` falls back to), never the other languages. With the default
 * level descriptors in Arabic, carrying all three put the Arabic review page 2 kB past its 150 kB
 * first-visit budget.
 */
export function criterionForReader<C extends ReadableCriterion>(criterion: C, locale: Locale): C {
  if (locale === "en")
    return {
      ...criterion,
      titleFr: "",
      titleAr: null,
      guidanceFr: "",
      guidanceAr: null,
      levelDescriptors: criterion.levelDescriptors.map((d) => ({ score: d.score, en: d.en, fr: "", ar: null })),
    };
  const fr = locale === "fr";
  const pick = (en: string, frText: string, arText: string | null | undefined) => {
    const kept = forReader(en, fr ? frText : arText);
    return { en: kept.en, fr: fr ? (kept.own ?? "") : "", ar: fr ? null : kept.own };
  };
  const title = pick(criterion.titleEn, criterion.titleFr, criterion.titleAr);
  const guidance = pick(criterion.guidanceEn, criterion.guidanceFr, criterion.guidanceAr);
  return {
    ...criterion,
    titleEn: title.en,
    titleFr: title.fr,
    titleAr: title.ar,
    guidanceEn: guidance.en,
    guidanceFr: guidance.fr,
    guidanceAr: guidance.ar,
    levelDescriptors: criterion.levelDescriptors.map((d) => ({ score: d.score, ...pick(d.en, d.fr, d.ar) })),
  };
}
