// Edition form helpers the pages need in the browser, kept apart from the zod schemas
// (app/editions/forms/edition.ts) so that they do not bring zod into a first visit.

export const LEVEL_KEYS = ["score", "en", "fr", "ar"] as const;
type Level = { score: number; en: string; fr: string; ar?: string };

/**
 * The criterion form's level descriptor rows (`levels.<n>.<key>`) for a criterion's descriptors,
 * followed by blank rows to fill in without JavaScript: three more, never more than the scale has
 * scores (a criterion saved with them filled in comes back with three more). With JavaScript, rows are also added
 *   and removed in the browser.
 */
export function levelRows(
  levels: Level[],
  scale: { min: number; max: number },
): { values: Record<string, string>; count: number; max: number } {
  const max = scale.max - scale.min + 1;
  const values: Record<string, string> = {};
  levels.forEach((level, i) => {
    values[`levels.${i}.score`] = String(level.score);
    values[`levels.${i}.en`] = level.en;
    values[`levels.${i}.fr`] = level.fr;
    values[`levels.${i}.ar`] = level.ar ?? "";
  });
  return { values, count: Math.max(levels.length, Math.min(max, levels.length + 3)), max };
}
