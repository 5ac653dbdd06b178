// Edition form helpers the pages need in the browser, kept apart from the zod schemas
// (app/editions/forms/edition.ts) so that they do not bring zod into a first visit.

/**
 * Level descriptors typed one per line as "score: text" in each language → the stored list.
 * Every score must lie within the scale and appear in English and French.
 */
export function parseLevels(
  input: { en: string; fr: string; ar: string },
  scale: { min: number; max: number },
): { ok: true; levels: { score: number; en: string; fr: string; ar?: string }[] } | { ok: false; field: "levelsEn" | "levelsFr" | "levelsAr"; error: string } {
  const parse = (textValue: string, field: "levelsEn" | "levelsFr" | "levelsAr") => {
    const map = new Map<number, string>();
    for (const raw of textValue.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const m = /^(-?\d+)\s*[:：]\s*(.+)$/.exec(line);
      if (!m) return { error: "errors.levels_format", field } as const;
      const score = Number(m[1]);
      if (score < scale.min || score > scale.max || map.has(score)) return { error: "errors.levels_score", field } as const;
      map.set(score, m[2].trim());
    }
    return map;
  };
  const en = parse(input.en, "levelsEn");
  if (!(en instanceof Map)) return { ok: false, ...en };
  const fr = parse(input.fr, "levelsFr");
  if (!(fr instanceof Map)) return { ok: false, ...fr };
  const ar = parse(input.ar, "levelsAr");
  if (!(ar instanceof Map)) return { ok: false, ...ar };
  const scores = [...en.keys()].sort((a, b) => a - b);
  if (scores.length !== fr.size || scores.some((s) => !fr.has(s))) return { ok: false, field: "levelsFr", error: "errors.levels_mismatch" };
  if ([...ar.keys()].some((s) => !en.has(s))) return { ok: false, field: "levelsAr", error: "errors.levels_mismatch" };
  return { ok: true, levels: scores.map((score) => ({ score, en: en.get(score)!, fr: fr.get(score)!, ...(ar.has(score) ? { ar: ar.get(score)! } : {}) })) };
}

export function levelsToText(levels: { score: number; en: string; fr: string; ar?: string }[], lang: "en" | "fr" | "ar"): string {
  return levels
    .filter((l) => lang !== "ar" || l.ar)
    .map((l) => `${l.score}: ${lang === "ar" ? l.ar : l[lang]}`)
    .join("\n");
}
