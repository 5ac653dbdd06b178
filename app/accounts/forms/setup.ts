import * as z from "zod";
import { email, locale, nameText, newPassword } from "../../kernel/forms/fields";

export const setupSchema = z.object({ name: nameText(120), email, password: newPassword, locale });
export type SetupForm = z.infer<typeof setupSchema>;
