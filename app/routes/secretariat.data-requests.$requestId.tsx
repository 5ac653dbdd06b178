// The secretariat answers one erasure request: what erasure would erase and keep, application by
// application; erasing asks for a confirmation first (two posts, so it works without JavaScript);
// declining needs a reason, which the person is sent.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { found, requireSecretariat } from "../accounts/server/permissions.server";
import { confirmErasure, declineErasure, erasureRequestBrief } from "../accounts/models/erasure.server";
import { erasureAnswerSchema } from "../accounts/forms/erasure.server";
import { SubmitButton, TextArea, ValidatedForm } from "../kernel/components/form";
import { PostButton } from "../kernel/components/post-button";
import { SecretariatHead } from "../kernel/components/secretariat-head";
import { useT } from "../kernel/components/i18n";
import { formatDateTime } from "../kernel/i18n";
import { failed, refused, validateForm } from "../kernel/forms/validate.server";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { ShownName } from "../kernel/components/i18n";

export const handle = { title: "data.request_title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const r = found(erasureRequestBrief({ requestId: params.requestId ?? "" }));
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    requestedAt: r.requestedAt.getTime(),
    files: r.files,
    applications: r.applications,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const requestId = found(erasureRequestBrief({ requestId: params.requestId ?? "" })).id;
  const form = await validateForm(request, erasureAnswerSchema);
  if (!form.ok) return refused(form.errors, form.values);
  if (form.data.intent === "check") return { confirm: true as const };
  const result =
    form.data.intent === "erase"
      ? confirmErasure({ requestId, actorId: user.id })
      : declineErasure({ requestId, actorId: user.id, reason: form.data.reason });
  if (!result.ok) return failed(result, form.values);
  return redirect(`/secretariat/data-requests?done=${form.data.intent === "erase" ? "erased" : "declined"}`);
});

export default function DataRequest() {
  const t = useT();
  const r = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const confirming = !!result && "confirm" in result;
  return (
    <>
      <p>
        <Link to="/secretariat/data-requests">{t("data.request_back")}</Link>
      </p>
      <SecretariatHead title={t("data.request_title")} />
      <p>
        <ShownName text={r.name} /> (<bdi>{r.email}</bdi>) — {t("data.requests_at")}{" "}
        {formatDateTime(r.requestedAt, t.locale)}
      </p>
      <h2>{t("data.request_apps")}</h2>
      {r.applications.length === 0 ? (
        <p>{t("data.request_no_apps")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("data.request_reference")}</th>
                <th scope="col">{t("data.request_app_title")}</th>
                <th scope="col">{t("data.request_edition")}</th>
                <th scope="col">{t("data.request_outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {r.applications.map((a) => (
                <tr key={a.id}>
                  <td dir="ltr">{a.reference}</td>
                  <td>
                    <ShownName text={a.title} />
                  </td>
                  <td>{a.year}</td>
                  <td>
                    {t(a.laureate ? "data.request_laureate" : "data.request_anonymised")}
                    {a.inProgress ? <p className="hint">{t("data.request_in_progress")}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>{t("data.request_files", { count: r.files })}</p>
      {confirming ? (
        <div className="panel">
          <p role="status">{t("data.request_confirm_text", { name: r.name })}</p>
          <PostButton fields={{ intent: "erase" }} className="button danger">
            {t("data.request_confirm")}
          </PostButton>
          <p>
            <Link to={`/secretariat/data-requests/${r.id}`}>{t("data.request_cancel")}</Link>
          </p>
        </div>
      ) : (
        <PostButton fields={{ intent: "check" }} className="button danger">
          {t("data.request_erase")}
        </PostButton>
      )}
      <h2>{t("data.request_decline_title")}</h2>
      <ValidatedForm
        intent="decline"
        schema={() => import("../accounts/forms/erasure").then((m) => m.erasureAnswerSchema)}
        result={result && "errors" in result ? result : null}
      >
        <TextArea name="reason" label={t("data.request_decline_reason")} rows={3} />
        <SubmitButton>{t("data.request_decline")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
