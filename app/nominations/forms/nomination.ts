// Forms of the nominating entity: return, decline, nominate (one per confirmation page), and
// the entity's internal deadline. Hidden ids are checked against the page's own on the server.
import * as z from "zod";
import { fileField, requiredText } from "../../kernel/forms/fields";
import { MAX_LETTER_BYTES } from "../domain/nomination";

const ids = {
  applicationId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }),
  entityId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }),
};
const confirm = z.literal("on", { error: "errors.confirm_required" });

export const returnSchema = z.object({ intent: z.literal("return"), ...ids, comment: requiredText(5000) });
export const declineSchema = z.object({ intent: z.literal("decline"), ...ids, reason: requiredText(5000), confirm });
/** The letter is checked in the browser when chosen, and on the server from its bytes (checkLetter). */
export const nominateSchema = z.object({
  intent: z.literal("nominate"),
  ...ids,
  letter: fileField({
    maxBytes: MAX_LETTER_BYTES,
    required: "errors.letter_required",
    empty: "errors.letter_empty",
    tooBig: "errors.letter_too_big",
    optionalWhenAbsent: true,
  }),
  confirm,
});

export const nominationDecisionSchema = z.discriminatedUnion("intent", [returnSchema, declineSchema, nominateSchema], {
  error: "errors.intent_invalid",
});

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/;
export const internalDeadlineSchema = z.object({
  entityId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }),
  editionId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }),
  internalDeadline: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || DATETIME.test(v), { message: "errors.datetime_invalid" })
    // A space is accepted where the datetime-local value has a "T" (typed by hand without JS).
    .transform((v) => v.replace(" ", "T")),
});
