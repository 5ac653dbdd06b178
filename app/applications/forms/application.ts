// Forms of the applicant's application (besides the sections' own fields, in
// application-sections.ts). Messages are catalogue keys; the same schemas run in the browser.
import * as z from "zod";
import { ENTITY_KINDS } from "../../../db/enums";
import { COUNTRY_CODES } from "../../kernel/i18n/countries";
import { type SectionDefinition } from "../domain/sections";
import { sectionSchema } from "./section-schema";
import { fileField } from "../../kernel/forms/fields";

const id = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .max(100, { error: "errors.too_long" });
const version = z.coerce
  .number({ error: "errors.version_conflict" })
  .int({ error: "errors.version_conflict" })
  .min(1, { error: "errors.version_conflict" });

export const startApplicationSchema = z.object({ editionId: id });

export const SECTION_INTENTS = ["save", "complete", "autosave"] as const;

/**
 * One section's form: the section's fields (their checks are strict only when the applicant
 * marks the section completed), the intent of the button pressed and the version read.
 * The browser posts the button pressed too, so "completed" is checked strictly there as well.
 */
export function sectionFormSchema(section: SectionDefinition, wordLimit: number | null) {
  return z
    .looseObject({
      intent: z.enum(SECTION_INTENTS, { error: "errors.intent_invalid" }).optional(),
      version: version.optional(),
      language: z.string().optional(),
    })
    .superRefine((value, ctx) => {
      const parsed = sectionSchema(section, wordLimit, value.intent === "complete").safeParse(value);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({ ...issue, code: "custom", message: issue.message, path: issue.path } as never);
      if (value.language !== undefined && value.language !== "en" && value.language !== "fr")
        ctx.addIssue({ code: "custom", path: ["language"], message: "errors.application_language_invalid" });
      for (const field of section.fields) {
        const v = value[field.key];
        if (field.kind === "country" && typeof v === "string" && v !== "" && !COUNTRY_CODES.includes(v))
          ctx.addIssue({ code: "custom", path: [field.key], message: "errors.country_invalid" });
      }
    });
}

export { sectionValues } from "./section-values";

export const declarationsSchema = z.looseObject({ version });

export const sendSchema = z
  .object({
    editionId: id,
    version,
    kind: z.enum(ENTITY_KINDS, { error: "errors.entity_kind_choose" }),
    commission: z.string().optional(),
    ngo: z.string().optional(),
    confirm: z.literal("on", { error: "errors.confirm_send" }),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "national_commission" && !value.commission)
      ctx.addIssue({ code: "custom", path: ["commission"], message: "errors.commission_required" });
    if (value.kind === "ngo" && !value.ngo)
      ctx.addIssue({ code: "custom", path: ["ngo"], message: "errors.ngo_required" });
  });

export const withdrawSchema = z.object({ confirm: z.literal("on", { error: "errors.confirm_withdraw" }) });

export const deleteAttachmentSchema = z.object({
  intent: z.literal("delete"),
  attachmentId: id,
  confirm: z.literal("on", { error: "errors.confirm_delete" }),
});

/**
 * The upload form: a file is chosen and is not over the edition's limit per file. Its type is
 * sniffed from the bytes and the application's totals are checked on the server (addAttachment).
 */
export function uploadSchema({ maxFileBytes, limitLabel }: { maxFileBytes: number; limitLabel: string }) {
  return z.object({
    file: fileField({
      maxBytes: maxFileBytes,
      required: "errors.file_required",
      empty: "errors.file_empty",
      tooBig: "errors.file_too_big",
      vars: { limit: limitLabel },
    }),
  });
}
