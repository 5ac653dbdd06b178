// The zod schema of one application section (kept apart from ../domain/sections.ts so that
// pages needing only the section list do not load zod).
import * as z from "zod";
import { countWords, type SectionDefinition } from "../domain/sections";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The zod schema of one section's form. Messages are catalogue keys. `final` adds the
 * "required" checks and the word limit used when marking a section completed; a draft save
 * accepts blanks and a text over the limit.
 */
export function sectionSchema(section: SectionDefinition, wordLimit: number | null, final: boolean) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of section.fields) {
    let schema: z.ZodType;
    const base = z
      .string({ error: "errors.required" })
      .trim()
      .max(field.kind === "textarea" ? 20000 : 500, { error: "errors.too_long" });
    switch (field.kind) {
      // A one-line answer (the title, the organisation, a name) goes into e-mails, lists and
      // PDFs beside other text: no control characters, and no bidirectional overrides,
      // embeddings or isolates, which turn the rest of a line around ("\u202E"), as for
      // people's names (nameText). Marks of direction (U+200E, U+200F) stay.
      case "text":
        schema = base.refine((v) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(v), {
          message: "errors.line_characters",
        });
        break;
      case "email":
        schema = base.refine((v) => v === "" || z.email().safeParse(v).success, { message: "errors.email_invalid" });
        break;
      case "url":
        schema = base.refine((v) => v === "" || /^https?:\/\/\S+\.\S+/.test(v), { message: "errors.url_invalid" });
        break;
      case "urls":
        schema = base.refine(
          (v) =>
            v
              .split(/\s+/)
              .filter(Boolean)
              .every((u) => /^https?:\/\/\S+\.\S+/.test(u)),
          { message: "errors.url_invalid" },
        );
        break;
      case "month":
        schema = base.refine((v) => v === "" || MONTH.test(v), { message: "errors.month_invalid" });
        break;
      case "tel":
        schema = base.refine((v) => v === "" || /^\+?[0-9 ()./-]{6,25}$/.test(v), { message: "errors.phone_invalid" });
        break;
      case "select":
        schema = base.refine((v) => v === "" || (field.options ?? []).includes(v), {
          message: "errors.option_invalid",
        });
        break;
      default:
        schema = base;
    }
    if (final && field.required)
      schema = schema.refine((v) => typeof v === "string" && v.length > 0, { message: "errors.required" });
    shape[field.key] = schema.optional().transform((v) => (typeof v === "string" ? v : ""));
  }
  return z.object(shape).superRefine((values, ctx) => {
    // A draft over the limit is kept (a candidate shortening it later must not lose it): the
    // limit holds when the section is marked completed, which sending requires of every section.
    if (wordLimit === null || !final) return;
    const counted = section.fields.filter((f) => f.counted);
    const words = counted.reduce((sum, f) => sum + countWords(String(values[f.key] ?? "")), 0);
    if (words > wordLimit) {
      ctx.addIssue({
        code: "custom",
        path: [counted[counted.length - 1].key],
        message: "errors.word_limit",
        params: { words, limit: wordLimit },
      });
    }
  });
}
