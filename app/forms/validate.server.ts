import type * as z from "zod";
import { zodErrors, type FieldErrors } from "../components/form";

const SECRET_FIELDS = new Set(["password", "currentPassword"]);

/** Values to send back after a failed post: everything typed except passwords. */
export function keptValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)));
}

export type Validated<T> = { ok: true; data: T; values: Record<string, unknown> } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/** Reads a url-encoded or multipart body as strings and validates it with a form's schema. */
export async function validateForm<S extends z.ZodType>(request: Request, schema: S, formData?: FormData): Promise<Validated<z.infer<S>>> {
  const body = formData ?? (await request.formData());
  const values: Record<string, unknown> = {};
  for (const [key, value] of body.entries()) if (typeof value === "string") values[key] = value;
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error), values: keptValues(values) };
  return { ok: true, data: parsed.data, values: keptValues(values) };
}

export function fieldError(field: string, message: string, vars?: Record<string, string | number>): FieldErrors {
  return { [field]: { message, vars } };
}
