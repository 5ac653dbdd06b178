// A draft saved through a fetcher after the session ended (signed out in another tab, expired).
// The server answers it as any signed-out post: a redirect to the sign-in page, which a fetcher
// follows, or the page that hands the text back (signed-out-post.tsx), which would replace the
// form: either way the page and everything typed since the last save would go. In the browser
// the draft answers `{ signedOut: true }` instead, and the page says so and keeps the text.
import type { ClientActionFunctionArgs } from "@remix-run/react";
import { signedOutPostOf } from "./signed-out-post";

/** A draft's answer when no one is signed in any more. */
export interface SignedOutDraft {
  signedOut: true;
}

/** Whether a thrown answer sends to the sign-in page (app/accounts/server/session.server.ts). */
export function sendsToSignIn(thrown: unknown): boolean {
  if (!(thrown instanceof Response) || thrown.status < 300 || thrown.status >= 400) return false;
  const location = thrown.headers.get("Location") ?? "";
  return location === "/login" || location.startsWith("/login?");
}

/**
 * A route's `clientAction`: posts go to the server's action as they are, but a draft (as
 * `isDraft` tells from its body) sent to the sign-in page answers `{ signedOut: true }`.
 */
export function keepPageOnSignedOutDraft(isDraft: (body: FormData) => boolean) {
  return async ({ request, serverAction }: ClientActionFunctionArgs) => {
    // In the browser, on the page's own post: readForm's limits are the server's, which still reads it.
    // eslint-disable-next-line no-restricted-syntax -- a browser-side copy of the post, not the server's reading
    const draft = isDraft(await request.clone().formData());
    try {
      return await serverAction();
    } catch (thrown) {
      if (draft && (sendsToSignIn(thrown) || signedOutPostOf(thrown)))
        return { signedOut: true } satisfies SignedOutDraft;
      throw thrown;
    }
  };
}
