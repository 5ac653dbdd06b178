// The secretariat revokes a laureate's diploma: a reason, then a confirmation (two posts, so it
// works without JavaScript), then the verification page, which says it is revoked and why.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { found, requirePermission } from "../accounts/server/permissions.server";
import { SubmitButton, TextArea, ValidatedForm } from "../kernel/components/form";
import { PostButton } from "../kernel/components/post-button";
import { useT } from "../kernel/components/i18n";
import { routeHead } from "../kernel/components/route-head";
import { failed, refused, validateForm } from "../kernel/forms/validate.server";
import { revocationSchema } from "../results/forms/revocation.server";
import { verificationOf } from "../results/models/diploma-codes.server";
import { revokeDiploma } from "../results/models/diploma-revocation.server";
import resultsCss from "../styles/results.css";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("diplomas.revoke_title", resultsCss);

function diploma(code: string | undefined) {
  const v = found(verificationOf({ code: code ?? "" }));
  return { code: v.code, laureate: v.statement.laureate, year: v.statement.edition, revoked: !!v.revoked };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "diploma.revoke");
  return diploma(params.code);
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "diploma.revoke");
  const { code } = diploma(params.code);
  const form = await validateForm(request, revocationSchema);
  if (!form.ok) return refused(form.errors, form.values);
  if (form.data.intent === "check") return { confirm: form.data.reason, values: form.values };
  const result = revokeDiploma({ code, actorId: user.id, reason: form.data.reason });
  if (!result.ok) return failed(result, form.values);
  return redirect(`/verify/${code}`);
});

export default function RevokeDiploma() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const confirm = result && "confirm" in result ? result.confirm : null;
  return (
    <>
      <p>
        <Link to={`/verify/${d.code}`}>{t("diplomas.title")}</Link>
      </p>
      <h1>{t("diplomas.revoke_title")}</h1>
      <p>{t("diplomas.revoke_lead")}</p>
      {d.revoked ? (
        <p className="notice">{t("diplomas.revoked_already")}</p>
      ) : confirm ? (
        <>
          <p role="status">{t("diplomas.revoke_confirm_text", { code: d.code, laureate: d.laureate, year: d.year })}</p>
          <blockquote>
            <p dir="auto">{confirm}</p>
          </blockquote>
          <PostButton fields={{ intent: "revoke", reason: confirm }} className="button danger">
            {t("diplomas.revoke_confirm")}
          </PostButton>
          <p>
            <Link to={`/secretariat/diplomas/${d.code}`}>{t("diplomas.revoke_back")}</Link>
          </p>
        </>
      ) : (
        <ValidatedForm
          intent="check"
          schema={() => import("../results/forms/revocation").then((m) => m.revocationSchema)}
          result={result && "errors" in result ? result : null}
        >
          <TextArea name="reason" label={t("diplomas.revoke_reason")} rows={3} />
          <SubmitButton>{t("diplomas.revoke_continue")}</SubmitButton>
        </ValidatedForm>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
