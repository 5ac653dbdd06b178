import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { createSession, getSessionUser } from "../accounts/server/session.server";
import { TextField, ValidatedForm, SubmitButton } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { loginSchema } from "../accounts/forms/login.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { attemptLogin } from "../accounts/models/account.server";
import { clientAddress, safeRedirect } from "../kernel/server/http.server";

export const handle = { title: "login.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  // An object, not null: a legacy ?_data request answers 500 on a null loader value.
  return {};
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  const form = await validateForm(request, loginSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await attemptLogin({
    email: form.data.email,
    password: form.data.password,
    address: clientAddress(context),
  });
  if (!result.ok) {
    return data(
      { errors: fieldError(result.field, result.error, result.vars), values: form.values },
      { status: result.error === "errors.login_locked" ? 429 : 400 },
    );
  }
  const cookie = await createSession({ userId: result.userId, userAgent: request.headers.get("User-Agent") });
  return redirect(safeRedirect(form.data.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("login.title")}</h1>
      <ValidatedForm
        id="login"
        schema={() => import("../accounts/forms/login").then((m) => m.loginSchema)}
        result={result}
        defaultValues={{ redirectTo: params.get("redirectTo") ?? "" }}
      >
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField name="email" label={t("fields.email")} type="email" autoComplete="username" />
        <TextField name="password" label={t("fields.password")} type="password" autoComplete="current-password" />
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </ValidatedForm>
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
