import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { validatePasswordForm } from "../accounts/server/password-form.server";
import { createSession, getSessionUser } from "../accounts/server/session.server";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { EmailField, LanguageField, NewPasswordField } from "../accounts/components/account-fields";
import { useT } from "../kernel/components/i18n";
import { setupSchema } from "../accounts/forms/setup.server";
import { fieldError, refused } from "../kernel/forms/validate.server";
import { completeSetup, isSetupTokenValid } from "../accounts/models/setup.server";

export const handle = { title: "setup.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await getSessionUser(request);
  return { valid: isSetupTokenValid({ token: params.token ?? "" }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await getSessionUser(request);
  const form = await validatePasswordForm(request, setupSchema);
  if (!form.ok) return form.refusal;
  const result = await completeSetup({ token: params.token ?? "", ...form.data });
  if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
  const cookie = await createSession({ userId: result.userId, userAgent: request.headers.get("User-Agent") });
  return redirect("/secretariat", { headers: { "Set-Cookie": cookie } });
}

export default function Setup() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid && !result) {
    return (
      <>
        <h1>{t("setup.invalid_title")}</h1>
        <p>{t("setup.invalid_text")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("setup.title")}</h1>
      <p>{t("setup.intro")}</p>
      <ValidatedForm
        id="setup"
        schema={() => import("../accounts/forms/setup").then((m) => m.setupSchema)}
        result={result}
        defaultValues={{ locale: t.locale }}
      >
        <TextField name="name" label={t("fields.full_name")} autoComplete="name" dirAuto />
        <EmailField />
        <NewPasswordField />
        <LanguageField />
        <SubmitButton>{t("setup.submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
