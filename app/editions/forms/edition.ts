// The forms of the editions area: settings (create and edit), one criterion, one eligibility
// rule, a phase change, one application section's wording. Messages are catalogue keys. Dates
// are typed in Paris time.
import * as z from "zod";
import { parisLocalToInstant } from "../../kernel/domain/paris-time";
import { METHODS } from "../../../scoring/types";

import { postedRows } from "../../kernel/forms/fields";
import { WORD_LIMIT_SECTIONS, type DateField } from "../domain/settings";
import { LEVEL_KEYS } from "./edition-values";
import {
  SECTION_KEYS,
  WORDING_KINDS,
  WORDING_LANGUAGES,
  WORDING_MAX,
  type WordingField,
} from "../../applications/domain/sections";

export { LEVEL_KEYS, levelRows } from "./edition-values";

const text = (max: number) => z.string({ error: "errors.required" }).trim().max(max, { error: "errors.too_long" });
const required = (max: number) => text(max).min(1, { error: "errors.required" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "errors.too_long" })
    .optional()
    .transform((v) => v ?? "");
const whole = (min: number, max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .regex(/^-?\d+$/, { error: "errors.edition_whole_number" })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: "errors.edition_number_range", params: { min, max } });
const parisDate = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .transform((v, ctx) => {
    const instant = parisLocalToInstant(v);
    if (!instant) {
      ctx.addIssue({ code: "custom", message: "errors.edition_date_invalid" });
      return z.NEVER;
    }
    return instant;
  });

const wordLimitShape = Object.fromEntries(
  WORD_LIMIT_SECTIONS.map((key) => [`words_${key}`, whole(20, 5000)]),
) as Record<`words_${string}`, ReturnType<typeof whole>>;

export const editionSettingsSchema = z
  .object({
    editionId: z.string().optional(),
    version: z.string().optional(),
    year: whole(2000, 9999),
    themeEn: required(300),
    themeFr: required(300),
    themeAr: optionalText(300),
    callTextEn: optionalText(20000),
    callTextFr: optionalText(20000),
    callTextAr: optionalText(20000),
    callOpensAt: parisDate,
    deadlineAt: parisDate,
    scoringOpensAt: parisDate,
    scoringClosesAt: parisDate,
    announcementAt: parisDate,
    laureateCount: whole(1, 20),
    quotaPerEntity: whole(1, 50),
    reviewersPerApplication: whole(1, 20),
    reminderDaysBefore: whole(0, 30),
    scaleMin: whole(0, 100),
    scaleMax: whole(1, 100),
    method: z.enum(METHODS, { error: "errors.edition_method_invalid" }),
    maxFileMb: whole(1, 100),
    maxTotalMb: whole(1, 500),
    maxPdfPages: whole(1, 1000),
    ...wordLimitShape,
  })
  .superRefine((v, ctx) => {
    const order: [DateField, DateField, boolean, string][] = [
      ["callOpensAt", "deadlineAt", true, "errors.edition_deadline_order"],
      ["deadlineAt", "scoringOpensAt", false, "errors.edition_scoring_opens_order"],
      ["scoringOpensAt", "scoringClosesAt", true, "errors.edition_scoring_closes_order"],
      ["scoringClosesAt", "announcementAt", false, "errors.edition_announcement_order"],
    ];
    for (const [before, after, strict, message] of order) {
      const a: unknown = v[before];
      const b: unknown = v[after];
      // With errors in the fields themselves, zod still runs this check on what it has.
      if (!(a instanceof Date) || !(b instanceof Date)) continue;
      if (strict ? a.getTime() >= b.getTime() : a.getTime() > b.getTime())
        ctx.addIssue({ code: "custom", path: [after], message });
    }
    if (typeof v.scaleMin === "number" && typeof v.scaleMax === "number" && v.scaleMin >= v.scaleMax)
      ctx.addIssue({ code: "custom", path: ["scaleMax"], message: "errors.edition_scale_order" });
    if (typeof v.maxFileMb === "number" && typeof v.maxTotalMb === "number" && v.maxFileMb > v.maxTotalMb)
      ctx.addIssue({ code: "custom", path: ["maxTotalMb"], message: "errors.edition_total_smaller" });
  });
export type EditionSettingsForm = z.infer<typeof editionSettingsSchema>;

export type Scale = { min: number; max: number };
// Up to one row per score of the widest scale the settings allow (0 to 100).
const LEVEL_ROWS_MAX = 101;

/**
 * Level descriptor rows (`levels.<n>.score|en|fr|ar`) → the stored list, by score. A blank row is
 * dropped; any other needs a score of the scale, given once, and its English and French text.
 */
const levelsSchema = (scale: Scale) =>
  z
    .array(z.object({ score: z.string().trim(), en: text(500), fr: text(500), ar: text(500) }))
    .superRefine((rows, ctx) => {
      const seen = new Set<number>();
      rows.forEach((row, i) => {
        if (!row.score && !row.en && !row.fr && !row.ar) return;
        const score = /^-?\d+$/.test(row.score) ? Number(row.score) : NaN;
        if (!(score >= scale.min && score <= scale.max) || seen.has(score))
          ctx.addIssue({
            code: "custom",
            path: [i, "score"],
            message: "errors.levels_score",
            params: { min: scale.min, max: scale.max },
          });
        seen.add(score);
        if (!row.en) ctx.addIssue({ code: "custom", path: [i, "en"], message: "errors.required" });
        if (!row.fr) ctx.addIssue({ code: "custom", path: [i, "fr"], message: "errors.required" });
      });
    })
    .transform((rows) =>
      rows
        .filter((row) => row.score || row.en || row.fr || row.ar)
        .map((row) => ({ score: Number(row.score), en: row.en, fr: row.fr, ...(row.ar ? { ar: row.ar } : {}) }))
        .sort((a, b) => a.score - b.score),
    );

/**
 * The criteria page's posts: save one criterion (its level descriptors checked against the edition's scale), move one,
 * remove one.
 */
export const criterionSchema = (scale: Scale) =>
  z.preprocess(
    (data) =>
      data && typeof data === "object"
        ? { ...data, levels: postedRows(data as Record<string, unknown>, "levels", LEVEL_KEYS, LEVEL_ROWS_MAX) }
        : data,
    z.discriminatedUnion("intent", [
      z.object({
        intent: z.literal("save"),
        editionId: z.string().optional(),
        criterionId: z.string().optional(),
        key: required(40).regex(/^[a-z][a-z0-9_]*$/, { error: "errors.criterion_key_invalid" }),
        titleEn: required(200),
        titleFr: required(200),
        titleAr: optionalText(200),
        guidanceEn: optionalText(2000),
        guidanceFr: optionalText(2000),
        guidanceAr: optionalText(2000),
        weight: z
          .string({ error: "errors.required" })
          .trim()
          .min(1, { error: "errors.required" })
          .regex(/^\d+([.,]\d+)?$/, { error: "errors.criterion_weight_invalid" })
          .transform((v) => Number(v.replace(",", ".")))
          .refine((n) => n > 0 && n <= 100, { message: "errors.criterion_weight_invalid" }),
        levels: levelsSchema(scale),
      }),
      z.object({
        intent: z.literal("move"),
        editionId: z.string().optional(),
        criterionId: z.string().min(1),
        direction: z.enum(["up", "down"]),
      }),
      z.object({
        intent: z.literal("remove"),
        editionId: z.string().optional(),
        criterionId: z.string().min(1),
        confirm: z.literal("on", { error: "errors.edition_confirm_required" }),
      }),
    ]),
  );

export const ruleSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    editionId: z.string().optional(),
    ruleId: z.string().optional(),
    key: required(40).regex(/^[a-z][a-z0-9_]*$/, { error: "errors.criterion_key_invalid" }),
    textEn: required(1000),
    textFr: required(1000),
    textAr: optionalText(1000),
  }),
  z.object({
    intent: z.literal("remove"),
    editionId: z.string().optional(),
    ruleId: z.string().min(1),
    confirm: z.literal("on", { error: "errors.edition_confirm_required" }),
  }),
]);

export const phaseSchema = z.object({
  editionId: z.string().optional(),
  to: z.string().min(1),
  confirm: z.literal("on", { error: "errors.edition_confirm_required" }),
});

/** One section's title and prompt in English, French and Arabic; an empty text keeps the default wording. */
export const sectionWordingSchema = z.object({
  editionId: z.string().optional(),
  section: z.enum(SECTION_KEYS, { error: "errors.section_unknown" }),
  ...(Object.fromEntries(
    WORDING_KINDS.flatMap((kind) =>
      WORDING_LANGUAGES.map((lang) => [`${kind}${lang}`, optionalText(WORDING_MAX[kind])]),
    ),
  ) as Record<WordingField, ReturnType<typeof optionalText>>),
});
export type SectionWordingForm = z.infer<typeof sectionWordingSchema>;
