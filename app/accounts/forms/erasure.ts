// The forms of an erasure: the person's request (a box ticked to confirm) or its withdrawal, the secretariat's
// answer (erase after a confirmation, or decline with a reason) and the retention schedule.
import * as z from "zod";
import { requiredText } from "../../kernel/forms/fields";
import { RETENTION_CLASSES, type RetentionClassKey } from "../../kernel/domain/retention";

export const DECLINE_REASON_MAX = 1000;

/** The person's page: ask (with the box ticked), or withdraw a request not yet answered. */
export const erasureRequestSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("request"),
      confirm: z.literal("on", { error: "errors.erasure_confirm_required" }),
    }),
    z.object({ intent: z.literal("withdraw") }),
  ],
  { error: "errors.intent_invalid" },
);

export const erasureAnswerSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("check") }),
    z.object({ intent: z.literal("erase") }),
    z.object({ intent: z.literal("decline"), reason: requiredText(DECLINE_REASON_MAX) }),
  ],
  { error: "errors.intent_invalid" },
);

const amount = (key: RetentionClassKey) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .regex(/^\d+$/, { error: "errors.retention_whole_number" })
    .transform(Number)
    .refine((n) => n >= RETENTION_CLASSES[key].min && n <= RETENTION_CLASSES[key].max, {
      message: "errors.retention_range",
    });

export const retentionSchema = z.object({
  unsuccessful_applications: amount("unsuccessful_applications"),
  emails: amount("emails"),
  registrations: amount("registrations"),
  /** "confirm": the second post, once told what a shorter period removes at once. */
  intent: z.enum(["save", "confirm"], { error: "errors.intent_invalid" }).optional(),
});
