// The secretariat's revocation of a diploma: a reason, checked, then confirmed in a second post.
import * as z from "zod";
import { requiredText } from "../../kernel/forms/fields";

export const REVOCATION_REASON_MAX = 500;
export const revocationSchema = z.object({
  intent: z.enum(["check", "revoke"]),
  reason: requiredText(REVOCATION_REASON_MAX),
});
