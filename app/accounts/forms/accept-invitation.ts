import * as z from "zod";
import { newPassword, password, requiredText } from "../../kernel/forms/fields";

// A new invitee chooses a password (strength rules); an existing account confirms its own.
export const acceptNewInvitationSchema = z.object({ name: requiredText(120), password: newPassword });
export const acceptExistingInvitationSchema = z.object({ name: z.string().optional(), password });
