import * as z from "zod";
import { nameText, newPassword, password } from "../../kernel/forms/fields";
import { isCountryCode } from "../../kernel/i18n/countries";
import { expertiseList, languageList } from "../../jury/forms/jury";

// A new invitee chooses a password (strength rules); an existing account confirms its own.
export const acceptNewInvitationSchema = z.object({ name: nameText(120), password: newPassword });
export const acceptExistingInvitationSchema = z.object({ name: z.string().optional(), password });

// A juror also says where they come from and what they read: conflict detection and the
// assignment need both from the start. The same fields as the secretariat's juror form.
const jurorProfile = {
  country: z
    .string({ error: "errors.juror_country_required" })
    .trim()
    .min(1, { error: "errors.juror_country_required" })
    .refine(isCountryCode, { error: "errors.country_invalid" }),
  languages: languageList,
  expertise: expertiseList,
};
export const acceptNewJurorInvitationSchema = acceptNewInvitationSchema.extend(jurorProfile);
export const acceptExistingJurorInvitationSchema = acceptExistingInvitationSchema.extend(jurorProfile);

/** What the acceptance form gives once valid, whichever of the four it was. */
export interface AcceptInvitationForm {
  name?: string;
  password: string;
  country?: string;
  languages?: string;
  expertise?: string;
}

/** The acceptance form of an invitation: by whether the invitee has an account, and whether they join a jury. */
export function acceptInvitationSchema({
  existingAccount,
  juror,
}: {
  existingAccount: boolean;
  juror: boolean;
}): z.ZodType<AcceptInvitationForm> {
  if (juror) return existingAccount ? acceptExistingJurorInvitationSchema : acceptNewJurorInvitationSchema;
  return existingAccount ? acceptExistingInvitationSchema : acceptNewInvitationSchema;
}
