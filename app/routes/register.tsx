import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { validatePasswordForm } from "../accounts/server/password-form.server";
import { getSessionUser } from "../accounts/server/session.server";
import { AccountForm, AccountMailSent } from "../accounts/components/account-page";
import { NewAccountFields } from "../accounts/components/account-fields";
import { useT } from "../kernel/components/i18n";
import { registerSchema } from "../accounts/forms/register.server";
import { failed } from "../kernel/forms/validate.server";
import { resolveLocale } from "../kernel/i18n/locale.server";
import { registerApplicant } from "../accounts/models/account.server";
import { clientAddress } from "../kernel/server/http.server";
import { siteOrigin } from "../kernel/server/site.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "register.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  return { locale: await resolveLocale(request), sent: new URL(request.url).searchParams.has("sent") };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, context }: ActionFunctionArgs) => {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  const form = await validatePasswordForm(request, registerSchema);
  if (!form.ok) return form.refusal;
  const result = await registerApplicant({ ...form.data, address: clientAddress(context), origin: siteOrigin() });
  if (!result.ok) return failed(result, form.values, "errors.too_many_requests");
  // The same answer whether the address is new or has an account (decision 007).
  return redirect("/register?sent=1");
});

export default function Register() {
  const t = useT();
  const result = useActionData<typeof action>();
  const { sent } = useLoaderData<typeof loader>();
  if (sent && !result) return <AccountMailSent page="register" />;
  return (
    <>
      <AccountForm
        page="register"
        schema={() => import("../accounts/forms/register").then((m) => m.registerSchema)}
        result={result}
        defaultValues={{ locale: t.locale }}
      >
        <NewAccountFields emailHint={t("fields.email_hint")} />
        <p>
          {t("register.privacy")} <Link to="/privacy">{t("footer.privacy")}</Link>
        </p>
      </AccountForm>
      <p>
        {t("register.have_account")} <Link to="/login">{t("nav.login")}</Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
