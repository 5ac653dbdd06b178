// Building blocks shared by the form schemas. Messages are catalogue keys, translated where
// they are shown, so the same schema serves the browser and the server in every language.
import * as z from "zod";
import { LOCALES } from "../i18n";

export const requiredText = (max = 200) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(max, { error: "errors.too_long" });

/**
 * A person's or an organisation's name: shown in lists, e-mails and PDFs beside other names, so
 * no control characters and no bidirectional overrides, embeddings or isolates ("\u202E" turns
 * the rest of a line around, and a name could pass for another). Marks of direction (U+200E,
 * U+200F) stay: Arabic names may need them.
 */
export const nameText = (max = 120) =>
  requiredText(max).refine((value) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(value), {
    error: "errors.name_characters",
  });

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

export const password = z
  .string({ error: "errors.required" })
  .min(1, { error: "errors.required" })
  .max(200, { error: "errors.too_long" });

/** A file input's value as FormData gives it (a File in the browser, Remix's File on the server). */
export type ChosenFile = { name: string; size: number };
export const isFile = (v: unknown): v is ChosenFile =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as ChosenFile).size === "number" &&
  typeof (v as ChosenFile).name === "string";

/**
 * A file field checked in the browser before a long upload on a slow line: chosen, not empty, and
 * at most `maxBytes`. Where the action reads the file apart (validateForm passes strings only), the
 * field is absent and passes here; the action's own checks of the bytes then apply.
 */
export function fileField({
  maxBytes,
  required,
  empty,
  tooBig,
  vars,
  optionalWhenAbsent = false,
}: {
  maxBytes: number;
  required: string;
  /** A file chosen but of no bytes: told apart from none chosen, which the form sends nameless. */
  empty: string;
  tooBig: string;
  vars?: Record<string, string | number>;
  optionalWhenAbsent?: boolean;
}) {
  const chosen = z
    .custom<ChosenFile>((v) => isFile(v) && (v.size > 0 || v.name !== ""), { error: required })
    .refine((v) => v.size > 0, { error: empty })
    .refine((v) => v.size <= maxBytes, { error: tooBig, params: vars });
  return optionalWhenAbsent ? chosen.optional() : chosen;
}

/**
 * The rows a post sends as `name.<index>.<key>` (a list of inputs, e.g. level descriptors), in
 * index order, each with every key ("" when absent). Indexes from `max` on are not read, so a
 * forged index cannot make a huge list.
 */
export function postedRows(
  data: Record<string, unknown>,
  name: string,
  keys: readonly string[],
  max: number,
): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const pattern = new RegExp(`^${name}\\.(\\d+)\\.(\\w+)$`);
  for (const [field, value] of Object.entries(data)) {
    const m = pattern.exec(field);
    if (!m || typeof value !== "string" || !keys.includes(m[2]) || Number(m[1]) >= max) continue;
    const index = Number(m[1]);
    for (let i = rows.length; i <= index; i++) rows.push(Object.fromEntries(keys.map((k) => [k, ""])));
    rows[index][m[2]] = value;
  }
  return rows;
}
