import * as z from "zod";
import { email, locale, newPassword, requiredText } from "../../kernel/forms/fields";

export const registerSchema = z.object({ name: requiredText(120), email, password: newPassword, locale });
export type RegisterForm = z.infer<typeof registerSchema>;
