import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../accounts/server/permissions.server";
import { Checkbox, SubmitButton, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { declarationsSchema } from "../applications/forms/application.server";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import { editBlocker, saveDeclarations } from "../applications/models/application.server";
import { ownApplication, rulesDeclared } from "../applications/server/route.server";
import areaCss from "../styles/applications.css";
import { routeHead } from "../kernel/components/route-head";
import { localized, textsOf } from "../kernel/i18n";
import { ApplicationTaskHead } from "../applications/components/lists";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("applications.declarations_title", areaCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  return {
    applicationId: application.id,
    reference: application.reference,
    version: application.version,
    rules: rulesDeclared(application),
    blocker: editBlocker(application),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const form = await validateForm(request, declarationsSchema);
  if (!form.ok) return refused(form.errors, form.values);
  const declared = Object.entries(form.values)
    .filter(([key, value]) => key.startsWith("rule.") && value === "on")
    .map(([key]) => key.slice("rule.".length));
  const result = saveDeclarations({
    applicationId: application.id,
    applicantId: user.id,
    declared,
    version: form.data.version,
  });
  if (!result.ok)
    return data(
      { errors: fieldError("form", result.error), values: form.values },
      { status: result.error === "errors.version_conflict" ? 409 : 400 },
    );
  return redirect(`/applications/${application.id}?saved=1`);
});

export default function Declarations() {
  const t = useT();
  const { applicationId, reference, version, rules, blocker } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const ruleText = (r: (typeof rules)[number]) => localized(t.locale, textsOf(r, "text"));
  const defaults = Object.fromEntries(rules.filter((r) => r.declared).map((r) => [`rule.${r.key}`, "on"]));
  return (
    <>
      <ApplicationTaskHead
        applicationId={applicationId}
        reference={reference}
        title={t("applications.declarations_title")}
      />
      <p>{t("applications.declarations_intro")}</p>
      {blocker ? <p className="notice">{t(blocker)}</p> : null}
      {rules.length === 0 ? (
        <p className="panel">{t("applications.declarations_none")}</p>
      ) : (
        <ValidatedForm
          id="declarations"
          schema={() => import("../applications/forms/application").then((m) => m.declarationsSchema)}
          result={result}
          defaultValues={defaults}
        >
          <input type="hidden" name="version" value={version} />
          <fieldset className="plain">
            <legend>{t("applications.declarations_legend")}</legend>
            {rules.map((r) => (
              <Checkbox key={r.key} name={`rule.${r.key}`} label={ruleText(r)} />
            ))}
          </fieldset>
          {blocker ? null : <SubmitButton>{t("applications.declarations_save")}</SubmitButton>}
        </ValidatedForm>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
