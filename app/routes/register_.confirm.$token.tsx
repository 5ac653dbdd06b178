import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostButton } from "../kernel/components/post-button";
import { getSessionUser, signIn } from "../accounts/server/session.server";
import { LinkInvalid } from "../accounts/components/account-page";
import { useT } from "../kernel/components/i18n";
import { confirmRegistration, findPendingRegistration } from "../accounts/models/account.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "register.confirm_title" };

// Reading the link changes nothing (mail scanners open links); the button's POST activates.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  const pending = findPendingRegistration({ token: params.token ?? "" });
  return { email: pending?.email ?? null };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await getSessionUser(request);
  if (user) throw redirect("/dashboard");
  const result = confirmRegistration({ token: params.token ?? "" });
  if (!result.ok) return data({ invalid: true }, { status: 400 });
  return signIn(request, result.userId, "/dashboard?welcome=1");
});

export default function ConfirmRegistration() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!email || result?.invalid)
    return (
      <LinkInvalid title="register.confirm_invalid_title" again={{ to: "/register", label: "register.start_again" }} />
    );
  return (
    <>
      <h1>{t("register.confirm_title")}</h1>
      <p>{t("register.confirm_intro", { email })}</p>
      <PostButton>{t("register.confirm_submit")}</PostButton>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
