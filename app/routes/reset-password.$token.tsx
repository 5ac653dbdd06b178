import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { validatePasswordForm } from "../accounts/server/password-form.server";
import { getSessionUser } from "../accounts/server/session.server";
import { AccountForm, LinkInvalid } from "../accounts/components/account-page";
import { NewPasswordField } from "../accounts/components/account-fields";
import { resetPasswordSchema } from "../accounts/forms/reset-password.server";
import { fieldError, refused } from "../kernel/forms/validate.server";
import { findPasswordReset, resetPassword } from "../accounts/models/password-resets.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "reset.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await getSessionUser(request);
  return { valid: !!findPasswordReset({ token: params.token ?? "" }) };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  await getSessionUser(request);
  const form = await validatePasswordForm(request, resetPasswordSchema);
  if (!form.ok) return form.refusal;
  const result = await resetPassword({ token: params.token ?? "", password: form.data.password });
  if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
  return redirect("/login?reset=1");
});

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid && !result)
    return <LinkInvalid title="reset.invalid_title" again={{ to: "/forgot-password", label: "reset.ask_again" }} />;
  return (
    <AccountForm
      page="reset"
      schema={() => import("../accounts/forms/reset-password").then((m) => m.resetPasswordSchema)}
      result={result}
    >
      <NewPasswordField />
    </AccountForm>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
