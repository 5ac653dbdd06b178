import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../accounts/server/permissions.server";
import { Checkbox, SubmitButton, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { withdrawSchema } from "../applications/forms/application.server";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import { isWithdrawable, withdrawApplication } from "../applications/models/application.server";
import { ownApplication } from "../applications/server/route.server";
import areaCss from "../styles/applications.css";
import { routeHead } from "../kernel/components/route-head";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("applications.withdraw_title", areaCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  return {
    applicationId: application.id,
    reference: application.reference,
    title: application.title,
    possible: isWithdrawable(application),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const form = await validateForm(request, withdrawSchema);
  if (!form.ok) return refused(form.errors, form.values);
  const result = withdrawApplication({ applicationId: application.id, applicantId: user.id });
  if (!result.ok) return refused(fieldError("confirm", result.error), form.values);
  return redirect(`/applications/${application.id}`);
});

export default function Withdraw() {
  const t = useT();
  const { applicationId, reference, title, possible } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/applications/${applicationId}`}>{t("applications.back_to_task_list")}</Link>
      </p>
      <h1>{t("applications.withdraw_title")}</h1>
      <p>
        {reference} — <bdi>{title || t("applications.untitled")}</bdi>
      </p>
      {possible ? (
        <>
          <p>{t("applications.withdraw_text")}</p>
          <ValidatedForm
            id="withdraw"
            schema={() => import("../applications/forms/application").then((m) => m.withdrawSchema)}
            result={result}
          >
            <Checkbox name="confirm" label={t("applications.withdraw_confirm")} />
            <SubmitButton danger>{t("applications.withdraw_submit")}</SubmitButton>
          </ValidatedForm>
        </>
      ) : (
        <p className="notice">{t("applications.withdraw_impossible")}</p>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
