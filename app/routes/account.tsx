import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { PostButton } from "../kernel/components/post-button";
import { can, requireUser } from "../accounts/server/permissions.server";
import { listSessions, revokeSession } from "../accounts/server/session.server";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { LanguageField } from "../accounts/components/account-fields";
import { useT } from "../kernel/components/i18n";
import { accountSchema } from "../accounts/forms/account.server";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import { formatDateTime } from "../kernel/i18n";
import { localeCookie } from "../kernel/i18n/locale.server";
import { updateProfile } from "../accounts/models/account.server";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "account.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    email: user.email,
    locale: user.locale,
    currentSessionId: user.sessionId,
    mayErase: can(user, "erasure.request"),
    sessions: listSessions({ userId: user.id }).map((s) => ({
      id: s.id,
      createdAt: s.createdAt.getTime(),
      userAgent: s.userAgent,
    })),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  const user = await requireUser(request);
  const form = await validateForm(request, accountSchema);
  if (!form.ok) return refused(form.errors, form.values);
  if (form.data.intent === "profile") {
    updateProfile({ userId: user.id, name: form.data.name, locale: form.data.locale });
    return redirect("/account?saved=1", { headers: { "Set-Cookie": await localeCookie.serialize(form.data.locale) } });
  }
  if (!revokeSession({ userId: user.id, sessionId: form.data.sessionId })) {
    return data({ errors: fieldError("sessionId", "errors.session_unknown"), values: {} }, { status: 404 });
  }
  return redirect(form.data.sessionId === user.sessionId ? "/login" : "/account?revoked=1");
});

export default function Account() {
  const t = useT();
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("account.title")}</h1>
      {params.get("saved") ? <Notice>{t("account.saved")}</Notice> : null}
      {params.get("revoked") ? <Notice>{t("account.revoked")}</Notice> : null}
      <p>
        {t("fields.labelled", { label: t("fields.email") })} <bdi>{account.email}</bdi>
      </p>
      <h2>{t("account.profile")}</h2>
      <ValidatedForm
        id="profile"
        schema={() => import("../accounts/forms/account").then((m) => m.profileSchema)}
        result={result}
        defaultValues={{ name: account.name, locale: account.locale }}
      >
        <input type="hidden" name="intent" value="profile" />
        <TextField name="name" label={t("fields.full_name")} autoComplete="name" dirAuto />
        <LanguageField />
        <SubmitButton>{t("account.save")}</SubmitButton>
      </ValidatedForm>
      <h2>{t("account.sessions")}</h2>
      <p>{t("account.sessions_intro")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("account.session_started")}</th>
              <th scope="col">{t("account.session_device")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("account.session_actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {account.sessions.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(s.createdAt, t.locale)}</td>
                <td dir="ltr">{s.userAgent ?? "—"}</td>
                <td>
                  {s.id === account.currentSessionId ? (
                    <span className="tag">{t("account.this_session")}</span>
                  ) : (
                    <PostButton fields={{ intent: "revoke", sessionId: s.id }} className="link-button">
                      {t("account.revoke")}
                    </PostButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="your-data">{t("account.data_title")}</h2>
      <p>{t("account.data_text")}</p>
      <p>
        <a href="/account/data.zip" download className="button">
          {t("account.data_download")}
        </a>
      </p>
      {account.mayErase ? (
        <p>
          <Link to="/account/erasure">{t("account.erase_link")}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/privacy">{t("account.data_privacy")}</Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
