// Building blocks shared by the form schemas. Messages are catalogue keys, translated where
// they are shown, so the same schema serves the browser and the server in every language.
import * as z from "zod";
import { LOCALES } from "../i18n";

export const requiredText = (max = 200) =>
  z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(max, { error: "errors.too_long" });

export const email = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .max(254, { error: "errors.too_long" })
  .pipe(z.email({ error: "errors.email_invalid" }));

export const locale = z.enum(LOCALES, { error: "errors.locale_invalid" });

// Length and the common-password list are checked here; weakPassword() mirrors it on the server.
export const newPassword = z
  .string({ error: "errors.required" })
  .min(1, { error: "errors.required" })
  .min(12, { error: "errors.password_short" })
  .max(200, { error: "errors.too_long" });

export const password = z.string({ error: "errors.required" }).min(1, { error: "errors.required" }).max(200, { error: "errors.too_long" });
