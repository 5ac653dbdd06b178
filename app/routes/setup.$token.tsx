import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { isWeakPassword } from "../accounts/domain/common-passwords";
import { createSession, getSessionUser } from "../accounts/server/session.server";
import { SelectField, SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { setupSchema } from "../accounts/forms/setup.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { LOCALE_NAMES, LOCALES } from "../kernel/i18n";
import { completeSetup, isSetupTokenValid } from "../accounts/models/setup.server";

export const handle = { title: "setup.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await getSessionUser(request);
  return { valid: isSetupTokenValid({ token: params.token ?? "" }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await getSessionUser(request);
  const form = await validateForm(request, setupSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  if (isWeakPassword(form.data.password))
    return data({ errors: fieldError("password", "errors.password_common"), values: form.values }, { status: 400 });
  const result = await completeSetup({ token: params.token ?? "", ...form.data });
  if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
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
        <TextField name="email" label={t("fields.email")} type="email" autoComplete="email" />
        <TextField
          name="password"
          label={t("fields.new_password")}
          type="password"
          autoComplete="new-password"
          hint={t("fields.password_hint")}
        />
        <SelectField
          name="locale"
          label={t("fields.language")}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
        />
        <SubmitButton>{t("setup.submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
