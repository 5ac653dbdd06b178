import type * as z from "zod";
import { isWeakPassword } from "../domain/common-passwords";
import { fieldError, refused, validateForm } from "../../kernel/forms/validate.server";

/**
 * Reads a form that sets a new password (registration, first setup, reset): a password on the
 * list of common ones is refused as that field's error, like any other rule it breaks.
 */
export async function validatePasswordForm<S extends z.ZodType<{ password: string }>>(request: Request, schema: S) {
  const form = await validateForm(request, schema);
  if (!form.ok) return { ok: false as const, refusal: refused(form.errors, form.values) };
  if (isWeakPassword(form.data.password))
    return { ok: false as const, refusal: refused(fieldError("password", "errors.password_common"), form.values) };
  return form;
}
