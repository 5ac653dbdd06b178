import { data } from "@remix-run/node";
import { fieldError, validateForm } from "../../kernel/forms/validate.server";
import { closeBallotSchema, closeRunoffSchema } from "../forms/deliberation";
import { closeBallot } from "../models/deliberation.server";
import { closeRunoff } from "../models/tie-break-votes.server";

const VOTES = {
  close: { schema: closeBallotSchema, close: closeBallot },
  close_runoff: { schema: closeRunoffSchema, close: closeRunoff },
};

/**
 * The post that closes an edition's ballot (`close`) or its tie-break's run-off (`close_runoff`),
 * whether the chair or the secretariat sends it: the refused form's answer, or null once the vote
 * is closed (the caller redirects to its page).
 */
export async function closeVotePost(
  request: Request,
  formData: FormData,
  { intent, editionId, actorId }: { intent: keyof typeof VOTES; editionId: string; actorId: string },
) {
  const vote = VOTES[intent];
  const form = await validateForm(request, vote.schema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = vote.close({ editionId, actorId });
  if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
  return null;
}
