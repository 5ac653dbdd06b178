// The jury's forms: conflict declarations, the scoring form, recusal, and the secretariat's
// jury, conflicts, assignment and progress forms. Messages are catalogue keys.
import * as z from "zod";
import { email, locale, nameText, requiredText } from "../../kernel/forms/fields";

const id = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .max(100, { error: "errors.too_long" });
const confirm = z.literal("on", { error: "errors.jury_confirm_required" });
const checkbox = z.union([z.literal("on"), z.literal("true")], { error: "errors.option_invalid" }).optional();

/** A whole number written in a form, within [min, max]. */
export const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .regex(/^\d+$/, { error: "errors.jury_number_invalid" })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: "errors.jury_number_range" });

// ---- the juror

export const declareConflictSchema = z.object({
  intent: z.literal("declare"),
  applicationId: id,
  reason: requiredText(1000),
  withdrawSubmitted: checkbox,
});
export const confirmDeclarationsSchema = z.object({ intent: z.literal("confirm"), confirm });
export const withdrawConflictSchema = z.object({ intent: z.literal("withdraw"), applicationId: id, confirm });
export const declarationSchema = z.discriminatedUnion(
  "intent",
  [declareConflictSchema, confirmDeclarationsSchema, withdrawConflictSchema],
  { error: "errors.intent_invalid" },
);

import { CONFIDENCE_LEVELS, JUROR_LANGUAGES } from "../domain/jury";

export { splitList } from "../../kernel/forms/form-values";

/**
 * The scoring form. Which criteria exist and the scale come from the edition, so the schema is
 * built per page. Completeness for a submission is checked on the server (saveReview), which
 * also knows the stored draft; autosave posts without an intent.
 */
export function reviewSchema({ keys, min, max }: { keys: string[]; min: number; max: number }) {
  const shape: Record<string, z.ZodType> = {
    intent: z.enum(["save_draft", "submit"], { error: "errors.intent_invalid" }).optional(),
    version: z.string().regex(/^\d+$/, { error: "errors.jury_version_conflict" }),
    confidence: z
      .union([z.literal(""), z.enum(CONFIDENCE_LEVELS)], { error: "errors.jury_confidence_invalid" })
      .optional(),
    overallComment: z.string().max(5000, { error: "errors.too_long" }).optional(),
  };
  for (const key of keys) {
    shape[`score.${key}`] = z
      .string()
      .optional()
      .refine((v) => !v || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), {
        error: "errors.jury_score_out_of_scale",
      });
    shape[`comment.${key}`] = z.string().max(3000, { error: "errors.too_long" }).optional();
  }
  return z.object(shape);
}

export const recuseSchema = z.object({ intent: z.literal("recuse"), reason: requiredText(1000), confirm });
export const reopenReviewSchema = z.object({
  intent: z.literal("reopen"),
  version: z.string().regex(/^\d+$/, { error: "errors.jury_version_conflict" }),
});

// ---- the secretariat

/** The languages a juror reads, as typed: codes separated by commas or spaces. */
export const languageList = z
  .string()
  .trim()
  .min(1, { error: "errors.jury_languages_required" })
  .max(100, { error: "errors.too_long" })
  .refine(
    (v) =>
      v
        .split(/[\s,]+/)
        .filter(Boolean)
        .every((l) => (JUROR_LANGUAGES as readonly string[]).includes(l.toLowerCase())),
    { error: "errors.jury_languages_invalid" },
  );
const country = z.string().trim().max(2, { error: "errors.country_invalid" }).optional();
/** A juror's areas of expertise, as typed: separated by commas or lines. */
export const expertiseList = z.string().max(1000, { error: "errors.too_long" }).optional();

export const updateJurorSchema = z.object({
  intent: z.literal("update"),
  memberId: id,
  country,
  languages: languageList,
  expertise: expertiseList,
  isChair: checkbox,
});
export const inviteJurorSchema = z.object({
  intent: z.literal("invite"),
  name: nameText(120),
  email,
  locale,
  country,
  languages: languageList,
  isChair: checkbox,
});
export const replaceJurorSchema = z.object({
  intent: z.literal("replace"),
  memberId: id,
  name: nameText(120),
  email,
  locale,
  confirm,
});
export const jurySchema = z.discriminatedUnion("intent", [updateJurorSchema, inviteJurorSchema, replaceJurorSchema], {
  error: "errors.intent_invalid",
});

/**
 * An application named by a form: chosen in a list (applicationId) when the edition has few, or
 * typed by its reference number (reference) when it has many. Whichever field the form shows
 * must be filled in; the server checks that the application exists.
 */
const applicationChoice = {
  applicationId: z.string().trim().max(100).optional(),
  reference: z.string().trim().max(100, { error: "errors.too_long" }).optional(),
};
function requireApplication(value: { applicationId?: string; reference?: string }, ctx: z.RefinementCtx) {
  if (value.reference === undefined ? !value.applicationId : !value.reference)
    ctx.addIssue({
      code: "custom",
      path: [value.reference === undefined ? "applicationId" : "reference"],
      message: "errors.required",
    });
}

export const manualConflictSchema = z
  .object({ intent: z.literal("add"), memberId: id, ...applicationChoice, reason: requiredText(1000) })
  .superRefine(requireApplication);
export const detectConflictsSchema = z.object({ intent: z.literal("detect") });
// `acknowledge` is the confirmation step's box: required on the server only when the conflict touches a submitted
// review.
export const confirmConflictSchema = z.object({ intent: z.literal("confirm"), conflictId: id, acknowledge: checkbox });
export const confirmProposalsSchema = z.object({ intent: z.literal("confirm_safe") });
export const dismissConflictSchema = z.object({ intent: z.literal("dismiss"), conflictId: id });
export const conflictsSchema = z.discriminatedUnion(
  "intent",
  [manualConflictSchema, detectConflictsSchema, confirmConflictSchema, confirmProposalsSchema, dismissConflictSchema],
  { error: "errors.intent_invalid" },
);

export const runAssignmentSchema = z
  .object({
    intent: z.literal("run"),
    reviewers: wholeNumber(1, 50),
    maxLoad: wholeNumber(1, 1000),
    minLoad: wholeNumber(0, 1000),
  })
  .refine((v) => v.minLoad <= v.maxLoad, { path: ["minLoad"], error: "errors.jury_min_above_max" });
export const addAssignmentSchema = z
  .object({
    intent: z.literal("add"),
    memberId: id,
    ...applicationChoice,
    maxLoad: wholeNumber(1, 1000),
  })
  .superRefine(requireApplication);
// An assignment is named by its application and its current juror (fromMemberId).
export const removeAssignmentSchema = z
  .object({
    intent: z.literal("remove"),
    ...applicationChoice,
    fromMemberId: id,
  })
  .superRefine(requireApplication);
export const swapAssignmentSchema = z
  .object({
    intent: z.literal("swap"),
    ...applicationChoice,
    fromMemberId: id,
    memberId: id,
    maxLoad: wholeNumber(1, 1000),
  })
  .superRefine(requireApplication);
export const publishSchema = z.object({ intent: z.literal("publish"), confirm });
export const assignmentSchema = z.discriminatedUnion(
  "intent",
  [runAssignmentSchema, addAssignmentSchema, removeAssignmentSchema, swapAssignmentSchema, publishSchema],
  { error: "errors.intent_invalid" },
);

export const remindSchema = z.object({ intent: z.literal("remind"), memberId: z.string().trim().max(100).optional() });
export const reopenScoringSchema = z.object({ intent: z.literal("reopen_scoring"), days: wholeNumber(1, 60) });
export const progressSchema = z.discriminatedUnion("intent", [remindSchema, reopenScoringSchema], {
  error: "errors.intent_invalid",
});
