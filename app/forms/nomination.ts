// Forms of the nominating entity: return, decline, nominate (one per confirmation page), and
// the entity's internal deadline. Hidden ids are checked against the page's own on the server.
import * as z from "zod";
import { requiredText } from "./fields";

const ids = { applicationId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }), entityId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }) };
const confirm = z.literal("on", { error: "errors.confirm_required" });

export const returnSchema = z.object({ intent: z.literal("return"), ...ids, comment: requiredText(5000) });
export const declineSchema = z.object({ intent: z.literal("decline"), ...ids, reason: requiredText(5000), confirm });
/** The letter file is checked on the server (type sniffed from its bytes, size, name). */
export const nominateSchema = z.object({ intent: z.literal("nominate"), ...ids, confirm });

export const nominationDecisionSchema = z.discriminatedUnion("intent", [returnSchema, declineSchema, nominateSchema], { error: "errors.intent_invalid" });

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/;
export const internalDeadlineSchema = z.object({
  entityId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }),
  editionId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }),
  internalDeadline: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || DATETIME.test(v), { message: "errors.datetime_invalid" }),
});
