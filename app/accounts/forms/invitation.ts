import * as z from "zod";
import { INVITATION_ROLES } from "../../../db/enums";
import { email, locale, nameText } from "../../kernel/forms/fields";

export const invitationSchema = z
  .object({
    role: z.enum(INVITATION_ROLES, { error: "errors.role_invalid" }),
    name: nameText(120),
    email,
    locale,
    entityId: z.string().optional(),
    editionId: z.string().optional(),
    isChair: z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "nominator" && !value.entityId)
      ctx.addIssue({ code: "custom", path: ["entityId"], message: "errors.entity_required" });
    if ((value.role === "juror" || value.role === "observer") && !value.editionId)
      ctx.addIssue({ code: "custom", path: ["editionId"], message: "errors.edition_required" });
  });
export type InvitationForm = z.infer<typeof invitationSchema>;

/** The secretariat's confirmed withdrawal of an invitation not yet accepted. */
export const invitationWithdrawalSchema = z.object({
  intent: z.literal("withdraw"),
  invitationId: z.string().min(1, { error: "errors.required" }),
});
