import * as z from "zod";
import { newPassword } from "../../kernel/forms/fields";

export const resetPasswordSchema = z.object({ password: newPassword });
export type ResetPasswordForm = z.infer<typeof resetPasswordSchema>;
