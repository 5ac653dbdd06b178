import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getSessionUser } from "../accounts/server/session.server";
import { useT } from "../kernel/components/i18n";
import { languageSchema } from "../accounts/forms/language.server";
import { refuse, validateForm } from "../kernel/forms/validate.server";
import { localeCookie } from "../kernel/i18n/locale.server";
import { setUserLocale } from "../accounts/models/account.server";
import { safeRedirect } from "../kernel/server/http.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "language.title" };

export async function loader() {
  return redirect("/");
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  const user = await getSessionUser(request);
  const form = await validateForm(request, languageSchema);
  // The switch offers only the site's languages, so another is a forged post. Answered with data,
  // it was never seen: a page posted to here is rendered by this route's loader, which sends
  // everyone home. Thrown, it is the error page saying nothing was changed.
  if (!form.ok) refuse(400, "Bad Request: not one of the site's languages");
  // A signed-in user's profile wins over the cookie, so the switch updates the profile too.
  if (user) setUserLocale({ userId: user.id, locale: form.data.lang });
  return redirect(safeRedirect(form.data.redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(form.data.lang) },
  });
});

export default function Language() {
  const t = useT();
  return (
    <>
      <h1>{t("language.title")}</h1>
      <p>
        <Link to="/">{t("nav.home")}</Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
