import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createSession, getSessionUser } from "../accounts/server/session.server";
import { useT } from "../kernel/components/i18n";
import { confirmRegistration, findPendingRegistration } from "../accounts/models/account.server";

export const handle = { title: "register.confirm_title" };

// Reading the link changes nothing (mail scanners open links); the button's POST activates.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  const pending = findPendingRegistration({ token: params.token ?? "" });
  return { email: pending?.email ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  const result = confirmRegistration({ token: params.token ?? "" });
  if (!result.ok) return data({ invalid: true }, { status: 400 });
  const cookie = await createSession({ userId: result.userId, userAgent: request.headers.get("User-Agent") });
  return redirect("/dashboard?welcome=1", { headers: { "Set-Cookie": cookie } });
}

export default function ConfirmRegistration() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!email || result?.invalid) {
    return (
      <>
        <h1>{t("register.confirm_invalid_title")}</h1>
        <p>{t("errors.link_invalid")}</p>
        <p>
          <Link to="/register">{t("register.start_again")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("register.confirm_title")}</h1>
      <p>{t("register.confirm_intro", { email })}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("register.confirm_submit")}
        </button>
      </Form>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
