import { data } from "@remix-run/node";
import { fieldError, validateForm } from "../../kernel/forms/validate.server";
import { closeBallotSchema } from "../forms/deliberation";
import { closeBallot } from "../models/deliberation.server";

/**
 * The post that closes an edition's ballot, whether the chair or the secretariat sends it: the
 * refused form's answer, or null once the ballot is closed (the caller redirects to its page).
 */
export async function closeBallotPost(
  request: Request,
  formData: FormData,
  { editionId, actorId }: { editionId: string; actorId: string },
) {
  const form = await validateForm(request, closeBallotSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = closeBallot({ editionId, actorId });
  if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
  return null;
}
