// A post whose sender is no longer signed in (signed out in another tab, a password changed
// elsewhere, the session past its fourteen days). Sent to the sign-in page, an application's
// section or a review typed for an hour would be gone. Where the form's text is worth keeping,
// the answer is a 401 page that hands it back instead (docs/decisions/060-signed-out-post-hands-text-back.md).
import { data } from "@remix-run/node";
import { readForm } from "../../kernel/forms/validate.server";
import type { SignedOutPost } from "../../kernel/components/signed-out-post";

/**
 * Throws the 401 that hands back the text of the post's fields that `keep` names (those not
 * empty, in the order posted), when there is any; returns otherwise, and the caller sends to the
 * sign-in page as for any visitor. A body that cannot be read is left to that redirect too.
 */
export async function handBackText(request: Request, keep: (field: string) => boolean): Promise<void> {
  const body = await readForm(request).catch(() => null);
  if (!body) return;
  const texts: SignedOutPost["texts"] = [];
  for (const [name, value] of body.entries())
    if (typeof value === "string" && value.trim() !== "" && keep(name)) texts.push({ name, value });
  if (texts.length === 0) return;
  const url = new URL(request.url);
  const signIn = `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
  throw data({ signedOut: true, texts, signIn } satisfies SignedOutPost, { status: 401 });
}
