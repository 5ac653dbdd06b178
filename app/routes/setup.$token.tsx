import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { validatePasswordForm } from "../accounts/server/password-form.server";
import { getSessionUser, signIn } from "../accounts/server/session.server";
import { AccountForm, LinkInvalid } from "../accounts/components/account-page";
import { NewAccountFields } from "../accounts/components/account-fields";
import { useT } from "../kernel/components/i18n";
import { setupSchema } from "../accounts/forms/setup.server";
import { fieldError, refused } from "../kernel/forms/validate.server";
import { completeSetup, isSetupTokenValid } from "../accounts/models/setup.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "setup.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await getSessionUser(request);
  return { valid: isSetupTokenValid({ token: params.token ?? "" }) };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  await getSessionUser(request);
  const form = await validatePasswordForm(request, setupSchema);
  if (!form.ok) return form.refusal;
  const result = await completeSetup({ token: params.token ?? "", ...form.data });
  if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
  return signIn(request, result.userId, "/secretariat");
});

export default function Setup() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid && !result) return <LinkInvalid title="setup.invalid_title" text="setup.invalid_text" />;
  return (
    <AccountForm
      page="setup"
      schema={() => import("../accounts/forms/setup").then((m) => m.setupSchema)}
      result={result}
      defaultValues={{ locale: t.locale }}
    >
      <NewAccountFields />
    </AccountForm>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
