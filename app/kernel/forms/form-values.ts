// Values and helpers the pages need in the browser, kept apart from the zod schemas so that
// importing them does not put zod in a page's first-visit bundle.
import type { SectionDefinition } from "../../applications/forms/sections";

export const CONFIDENCE_LEVELS = ["1", "2", "3", "4", "5"] as const;

export function splitList(value: string | undefined, separator = /[\s,]+/): string[] {
  return [...new Set((value ?? "").split(separator).map((s) => s.trim()).filter(Boolean))];
}

/** The section's values from a validated post: only its own fields, as trimmed strings. */
export function sectionValues(section: SectionDefinition, data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(section.fields.map((f) => [f.key, typeof data[f.key] === "string" ? (data[f.key] as string).trim() : ""]));
}
