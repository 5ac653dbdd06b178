// Facts of screening shared by server and browser.
import { localized, textsOf } from "../../kernel/i18n";

/** States listed in screening (those that used a nomination). */
export const SCREENING_STATES = ["nominated", "eligible", "ineligible", "laureate", "not_selected"] as const;

export function ruleText(rule: { textEn: string; textFr: string; textAr: string | null }, locale: string): string {
  return localized(locale, textsOf(rule, "text"));
}

/** The edition shown by default: the latest one in screening, else with an open call, else the latest. */
export function defaultScreeningEdition(list: { id: string; phase: string }[]): string | null {
  return (
    (list.find((e) => e.phase === "screening") ?? list.find((e) => e.phase === "call_open") ?? list[0])?.id ?? null
  );
}
