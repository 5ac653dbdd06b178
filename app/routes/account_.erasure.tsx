// The signed-in person asks for the erasure of their personal data: what will be erased and what
// kept, then a box to tick and one post (it works without JavaScript); a request not yet answered
// can be withdrawn. The secretariat answers
// on /secretariat/data-requests; both steps are told by e-mail.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "../accounts/server/permissions.server";
import { lastDeclinedOf, pendingRequestOf, requestErasure, withdrawErasure } from "../accounts/models/erasure.server";
import { erasureRequestSchema } from "../accounts/forms/erasure.server";
import { Checkbox, SubmitButton, ValidatedForm } from "../kernel/components/form";
import { Notice } from "../kernel/components/notice";
import { PostForm, useT } from "../kernel/components/i18n";
import { formatDate } from "../kernel/i18n";
import { refused, validateForm } from "../kernel/forms/validate.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "data.erase_title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "erasure.request");
  const pending = pendingRequestOf({ userId: user.id });
  const declined = pending ? null : lastDeclinedOf({ userId: user.id });
  return {
    pendingAt: pending?.requestedAt.getTime() ?? null,
    declined: declined ? { at: declined.decidedAt?.getTime() ?? 0, reason: declined.reason ?? "" } : null,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "erasure.request");
  const form = await validateForm(request, erasureRequestSchema);
  if (!form.ok) return refused(form.errors, form.values);
  if (form.data.intent === "withdraw")
    // Nothing waiting (answered meanwhile, or a second click): the page says where things stand.
    return redirect(withdrawErasure({ userId: user.id }) ? "/account/erasure?withdrawn=1" : "/account/erasure");
  requestErasure({ userId: user.id });
  return redirect("/account/erasure?sent=1");
});

const WILL = ["account", "contact", "content", "files", "traces"];
const KEPT = ["laureate", "record", "audit"];

export default function Erasure() {
  const t = useT();
  const { pendingAt, declined } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/account">{t("data.erase_back")}</Link>
      </p>
      <h1>{t("data.erase_title")}</h1>
      {params.get("sent") ? <Notice>{t("data.erase_sent")}</Notice> : null}
      {params.get("withdrawn") ? <Notice>{t("data.erase_withdrawn")}</Notice> : null}
      <p>{t("data.erase_lead")}</p>
      <h2>{t("data.erase_will_title")}</h2>
      <ul>
        {WILL.map((k) => (
          <li key={k}>{t(`data.erase_will_${k}`)}</li>
        ))}
      </ul>
      <h2>{t("data.erase_kept_title")}</h2>
      <ul>
        {KEPT.map((k) => (
          <li key={k}>{t(`data.erase_kept_${k}`)}</li>
        ))}
      </ul>
      <p>{t("data.erase_how")}</p>
      {pendingAt ? (
        <div className="panel">
          <p role="status">{t("data.erase_pending", { date: formatDate(pendingAt, t.locale) })}</p>
          <PostForm place="withdraw">
            <input type="hidden" name="intent" value="withdraw" />
            <SubmitButton>{t("data.erase_withdraw")}</SubmitButton>
          </PostForm>
        </div>
      ) : (
        <>
          {declined ? (
            <div className="panel">
              <p>{t("data.erase_declined", { date: formatDate(declined.at, t.locale) })}</p>
              <blockquote>
                <p dir="auto">{declined.reason}</p>
              </blockquote>
            </div>
          ) : null}
          <ValidatedForm
            intent="request"
            schema={() => import("../accounts/forms/erasure").then((m) => m.erasureRequestSchema)}
            result={result}
          >
            <Checkbox name="confirm" label={t("data.erase_confirm")} />
            <SubmitButton danger>{t("data.erase_submit")}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
