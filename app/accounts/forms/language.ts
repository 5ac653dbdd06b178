import * as z from "zod";
import { locale } from "../../kernel/forms/fields";

export const languageSchema = z.object({ lang: locale, redirectTo: z.string().optional() });
