import * as z from "zod";
import { locale } from "./fields";

export const languageSchema = z.object({ lang: locale, redirectTo: z.string().optional() });
