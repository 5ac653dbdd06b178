import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { EditionBackLink, EditionSettingsFields, settingsFormValues } from "../editions/components/edition-forms";
import { SubmitButton, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { editionSettingsSchema } from "../editions/forms/edition.server";
import { fieldError, refused } from "../kernel/forms/validate.server";
import { editionOr404, editionPost } from "../editions/server/secretariat.server";
import { updateEdition } from "../editions/models/edition.server";
import { jurySize } from "../jury/models/counts.server";
import editionsCss from "../styles/editions.css";
import { routeHead } from "../kernel/components/route-head";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("editions.settings_title", editionsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const { edition: e } = editionOr404(params.editionId);
  const jurors = jurySize({ editionId: e.id });
  return {
    crowdedJury: jurors > 0 && e.reviewersPerApplication >= jurors ? jurors : null,
    edition: {
      id: e.id,
      year: e.year,
      version: e.version,
      locked: !!e.lockedAt,
      scaleMin: e.scaleMin,
      scaleMax: e.scaleMax,
      method: e.method,
    },
    values: settingsFormValues({
      ...e,
      callOpensAt: e.callOpensAt.getTime(),
      deadlineAt: e.deadlineAt.getTime(),
      scoringOpensAt: e.scoringOpensAt.getTime(),
      scoringClosesAt: e.scoringClosesAt.getTime(),
      announcementAt: e.announcementAt.getTime(),
    }),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const form = await editionPost(request, params.editionId, editionSettingsSchema);
  if (!form.ok) return form.refusal;
  const { editionId } = form;
  const version = Number(form.data.version);
  const result = updateEdition({
    actorId: user.id,
    editionId,
    version: Number.isInteger(version) ? version : -1,
    input: form.data,
  });
  if (!result.ok) {
    const errors = fieldError(result.field, result.error, result.vars);
    // Saved meanwhile by a colleague: each such field says so, and what it now holds, beside what was typed.
    for (const [field, saved] of Object.entries(result.meanwhile ?? {}))
      errors[field] =
        saved === null
          ? { message: "errors.edition_changed_meanwhile" }
          : { message: "errors.edition_saved_meanwhile", vars: { saved } };
    return refused(errors, form.values);
  }
  return redirect(`/secretariat/editions/${editionId}?saved=1`);
});

export default function EditionSettings() {
  const t = useT();
  const { edition, values, crowdedJury } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <EditionBackLink editionId={edition.id} year={edition.year} />
      <h1>{t("editions.settings_title")}</h1>
      <p>
        <Link to={`/secretariat/editions/${edition.id}/sections`}>{t("editions.edit_sections")}</Link>
      </p>
      <ValidatedForm
        id="edition"
        schema={() => import("../editions/forms/edition").then((m) => m.editionSettingsSchema)}
        result={result}
        defaultValues={values}
      >
        <input type="hidden" name="editionId" value={edition.id} />
        <input type="hidden" name="version" value={edition.version} />
        <EditionSettingsFields locked={edition.locked} lockedValues={edition} crowdedJury={crowdedJury} />
        <SubmitButton>{t("editions.save")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
