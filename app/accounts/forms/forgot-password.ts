import * as z from "zod";
import { email } from "../../kernel/forms/fields";

export const forgotPasswordSchema = z.object({ email });
export type ForgotPasswordForm = z.infer<typeof forgotPasswordSchema>;
