// Read apart from the zod schemas so that importing it does not put zod in a page's bundle.
import type { SectionDefinition } from "../domain/sections";

/** The section's values from a validated post: only its own fields, as trimmed strings. */
export function sectionValues(section: SectionDefinition, data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    section.fields.map((f) => [f.key, typeof data[f.key] === "string" ? (data[f.key] as string).trim() : ""]),
  );
}
