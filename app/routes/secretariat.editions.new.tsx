import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { EditionSettingsFields, newEditionDefaults } from "../editions/components/edition-forms";
import { SubmitButton, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { editionSettingsSchema } from "../editions/forms/edition.server";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import { createEdition } from "../editions/models/edition.server";
import editionsCss from "../styles/editions.css";
import { routeHead } from "../kernel/components/route-head";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("editions.new_title", editionsCss);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  return { year: new Date().getUTCFullYear() + 1 };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const form = await validateForm(request, editionSettingsSchema);
  if (!form.ok) return refused(form.errors, form.values);
  const result = createEdition({ actorId: user.id, input: form.data });
  if (!result.ok) return refused(fieldError(result.field, result.error, result.vars), form.values);
  return redirect(`/secretariat/editions/${result.editionId}?created=1`);
});

export default function NewEdition() {
  const t = useT();
  const { year } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/secretariat/editions">{t("editions.list_title")}</Link>
      </p>
      <h1>{t("editions.new_title")}</h1>
      <p>{t("editions.new_intro")}</p>
      <ValidatedForm
        id="edition"
        schema={() => import("../editions/forms/edition").then((m) => m.editionSettingsSchema)}
        result={result}
        defaultValues={newEditionDefaults(year)}
      >
        <EditionSettingsFields locked={false} />
        <SubmitButton>{t("editions.create_submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
