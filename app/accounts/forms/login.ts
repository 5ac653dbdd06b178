import * as z from "zod";
import { email, password } from "../../kernel/forms/fields";

export const loginSchema = z.object({ email, password, redirectTo: z.string().optional() });
export type LoginForm = z.infer<typeof loginSchema>;
