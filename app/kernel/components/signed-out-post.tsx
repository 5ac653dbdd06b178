// The page that hands back what someone typed when their post came after their session ended
// (app/accounts/server/signed-out-post.server.ts): the text, to copy, and the way to sign in
// again and come back to the form. Works the same with and without JavaScript.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { RouteErrorBoundary } from "./error-boundary";
import { useT } from "./i18n";

/** The 401's data: the texts posted (non-empty, in the order posted) and the sign-in page's address. */
export interface SignedOutPost {
  signedOut: true;
  texts: { name: string; value: string }[];
  /** The sign-in page, which comes back to the page the form is on. */
  signIn: string;
}

/** The hand-back in a thrown answer, as a route's boundary or a `clientAction` catches it. */
export function signedOutPostOf(thrown: unknown): SignedOutPost | null {
  if (!isRouteErrorResponse(thrown) || thrown.status !== 401) return null;
  const post = thrown.data as Partial<SignedOutPost> | null;
  return post?.signedOut === true && Array.isArray(post.texts) ? (post as SignedOutPost) : null;
}

/**
 * A route's ErrorBoundary for forms whose text is handed back: the texts, each under its field's
 * label (`labelOf`), read-only and ready to copy; any other error is the usual error page.
 */
export function SignedOutPostBoundary({ labelOf }: { labelOf: (field: string, t: ReturnType<typeof useT>) => string }) {
  const t = useT();
  const post = signedOutPostOf(useRouteError());
  if (!post) return <RouteErrorBoundary />;
  return (
    <>
      <h1>{t("forms.signed_out_title")}</h1>
      <p>{t("forms.signed_out_post")}</p>
      {post.texts.map((text, i) => (
        <div className="field" key={`${text.name}-${i}`}>
          <label htmlFor={`kept-${i}`}>{labelOf(text.name, t)}</label>
          <textarea
            id={`kept-${i}`}
            readOnly
            rows={Math.min(12, text.value.split("\n").length + Math.ceil(text.value.length / 80))}
            dir="auto"
            defaultValue={text.value}
          />
        </div>
      ))}
      <p>
        <Link to={post.signIn} className="button">
          {t("forms.signed_out_sign_in")}
        </Link>
      </p>
    </>
  );
}
