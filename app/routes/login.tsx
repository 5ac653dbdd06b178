import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { getSessionUser, signIn } from "../accounts/server/session.server";
import { TextField } from "../kernel/components/form";
import { AccountForm } from "../accounts/components/account-page";
import { useT } from "../kernel/components/i18n";
import { Notice } from "../kernel/components/notice";
import { loginSchema } from "../accounts/forms/login.server";
import { failed, refused, validateForm } from "../kernel/forms/validate.server";
import { attemptLogin } from "../accounts/models/account.server";
import { clientAddress, safeRedirect } from "../kernel/server/http.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "login.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  // An object, not null: a legacy ?_data request answers 500 on a null loader value.
  return {};
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, context }: ActionFunctionArgs) => {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  const form = await validateForm(request, loginSchema);
  if (!form.ok) return refused(form.errors, form.values);
  const result = await attemptLogin({
    email: form.data.email,
    password: form.data.password,
    address: clientAddress(context),
  });
  if (!result.ok) return failed(result, form.values, "errors.login_locked");
  return signIn(request, result.userId, safeRedirect(form.data.redirectTo));
});

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <AccountForm
        page="login"
        schema={() => import("../accounts/forms/login").then((m) => m.loginSchema)}
        result={result}
        defaultValues={{ redirectTo: params.get("redirectTo") ?? "" }}
        // The reset page sends here once the new password is saved.
        notice={params.get("reset") ? <Notice>{t("login.password_changed")}</Notice> : null}
      >
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField name="email" label={t("fields.email")} type="email" autoComplete="username" />
        <TextField name="password" label={t("fields.password")} type="password" autoComplete="current-password" />
      </AccountForm>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p>
        {t("login.no_account")} <Link to="/register">{t("nav.register")}</Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
