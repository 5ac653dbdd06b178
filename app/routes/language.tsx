import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { getSessionUser } from "../accounts/server/session.server";
import { useT } from "../kernel/components/i18n";
import { languageSchema } from "../accounts/forms/language.server";
import { refused, validateForm } from "../kernel/forms/validate.server";
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
  if (!form.ok) return refused(form.errors, form.values);
  // A signed-in user's profile wins over the cookie, so the switch updates the profile too.
  if (user) setUserLocale({ userId: user.id, locale: form.data.lang });
  return redirect(safeRedirect(form.data.redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(form.data.lang) },
  });
});

export default function Language() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("language.title")}</h1>
      {result?.errors ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t("errors.summary_title")}</h2>
          <p>{t("errors.locale_invalid")}</p>
        </div>
      ) : null}
      <p>
        <Link to="/">{t("nav.home")}</Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
