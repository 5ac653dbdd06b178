import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { isWeakPassword } from "../accounts/domain/common-passwords";
import { getSessionUser } from "../accounts/server/session.server";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { resetPasswordSchema } from "../accounts/forms/reset-password.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { findPasswordReset, resetPassword } from "../accounts/models/password-resets.server";

export const handle = { title: "reset.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await getSessionUser(request);
  return { valid: !!findPasswordReset({ token: params.token ?? "" }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await getSessionUser(request);
  const form = await validateForm(request, resetPasswordSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  if (isWeakPassword(form.data.password))
    return data({ errors: fieldError("password", "errors.password_common"), values: form.values }, { status: 400 });
  const result = await resetPassword({ token: params.token ?? "", password: form.data.password });
  if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid && !result) {
    return (
      <>
        <h1>{t("reset.invalid_title")}</h1>
        <p>{t("errors.link_invalid")}</p>
        <p>
          <Link to="/forgot-password">{t("reset.ask_again")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("reset.title")}</h1>
      <ValidatedForm
        id="reset"
        schema={() => import("../accounts/forms/reset-password").then((m) => m.resetPasswordSchema)}
        result={result}
      >
        <TextField
          name="password"
          label={t("fields.new_password")}
          type="password"
          autoComplete="new-password"
          hint={t("fields.password_hint")}
        />
        <SubmitButton>{t("reset.submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
