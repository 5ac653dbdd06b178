// Form errors as the pages show them: one catalogue key per field, with the values of its
// placeholders. Built here from zod issues on the server and, before a post, in the browser.
import type * as z from "zod";

export type FieldErrors = Record<string, { message: string; vars?: Record<string, string | number> }>;

/**
 * Turns zod issues into one message per field (the first one found). A message that is not a
 * catalogue key is zod's own English ("Invalid input", where a schema gave none, as a union does
 * for itself): the reader gets the catalogue's general one instead, in their language.
 */
export function zodErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    if (errors[key]) continue;
    if (!issue.message.startsWith("errors.")) {
      errors[key] = { message: "errors.value_invalid" };
      continue;
    }
    // A text over its length says how long it may be: "This is too long" alone leaves the
    // writer guessing how much to cut.
    const maximum = (issue as { maximum?: unknown }).maximum;
    if (issue.code === "too_big" && issue.message === "errors.too_long" && typeof maximum === "number") {
      errors[key] = { message: "errors.too_long_max", vars: { max: maximum } };
      continue;
    }
    // Custom issues may carry values for the message's placeholders (e.g. {words}, {limit}).
    const params = (issue as { params?: Record<string, string | number> }).params;
    errors[key] = params ? { message: issue.message, vars: params } : { message: issue.message };
  }
  return errors;
}
