import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { getSessionUser } from "../accounts/server/session.server";
import { TextField } from "../kernel/components/form";
import { AccountForm, AccountMailSent } from "../accounts/components/account-page";
import { useT } from "../kernel/components/i18n";
import { forgotPasswordSchema } from "../accounts/forms/forgot-password.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { requestPasswordReset } from "../accounts/models/password-resets.server";
import { clientAddress } from "../kernel/server/http.server";
import { siteOrigin } from "../kernel/server/site.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "forgot.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  await getSessionUser(request);
  // An object, not null: a legacy ?_data request answers 500 on a null loader value.
  return {};
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, context }: ActionFunctionArgs) => {
  await getSessionUser(request);
  const form = await validateForm(request, forgotPasswordSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values, sent: false }, { status: 400 });
  const result = requestPasswordReset({
    email: form.data.email,
    origin: siteOrigin(),
    address: clientAddress(context),
  });
  if (!result.ok)
    return data(
      { errors: fieldError(result.field, result.error, result.vars), values: form.values, sent: false },
      { status: 429 },
    );
  return { sent: true, errors: undefined, values: form.values };
});

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  if (result?.sent) return <AccountMailSent page="forgot" />;
  return (
    <AccountForm
      page="forgot"
      schema={() => import("../accounts/forms/forgot-password").then((m) => m.forgotPasswordSchema)}
      result={result}
    >
      <TextField name="email" label={t("fields.email")} type="email" autoComplete="email" />
    </AccountForm>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
