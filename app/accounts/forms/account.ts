import * as z from "zod";
import { locale, nameText } from "../../kernel/forms/fields";

export const profileSchema = z.object({ intent: z.literal("profile"), name: nameText(120), locale });
export const revokeSessionSchema = z.object({ intent: z.literal("revoke"), sessionId: z.string().min(1) });
export const accountSchema = z.discriminatedUnion("intent", [profileSchema, revokeSessionSchema], {
  error: "errors.intent_invalid",
});
export type ProfileForm = z.infer<typeof profileSchema>;
