// The screening list's GET filters and the screening form's field names, without zod so the
// list page stays light.
import { defaultScreeningEdition, SCREENING_STATES } from "../domain/screening";

export const outcomeField = (ruleKey: string) => `outcome__${ruleKey}`;
export const evidenceField = (ruleKey: string) => `evidence__${ruleKey}`;

/** The list's GET filter form, read from the query string; unknown values are ignored. */
export function readFilters(url: URL, editions: { id: string; phase: string }[]) {
  const p = url.searchParams;
  const wanted = p.get("edition");
  const editionId = wanted && editions.some((e) => e.id === wanted) ? wanted : defaultScreeningEdition(editions);
  const pick = (name: string, allowed?: readonly string[]) => {
    const v = p.get(name)?.trim() ?? "";
    return v && (!allowed || allowed.includes(v)) ? v : undefined;
  };
  return {
    editionId,
    country: pick("country"),
    entityId: pick("entity"),
    language: pick("language", ["en", "fr"]),
    state: pick("state", SCREENING_STATES),
    page: Number(p.get("page") ?? 1) || 1,
  };
}

export function filterQuery(
  f: { editionId: string | null; country?: string; entityId?: string; language?: string; state?: string },
  extra: Record<string, string> = {},
) {
  const q = new URLSearchParams();
  if (f.editionId) q.set("edition", f.editionId);
  if (f.country) q.set("country", f.country);
  if (f.entityId) q.set("entity", f.entityId);
  if (f.language) q.set("language", f.language);
  if (f.state) q.set("state", f.state);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
