// Signing out: a resource route (POST ends the session, GET goes home), so no component and no
// ErrorBoundary — exporting one would make Remix render an empty page for it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession, getSessionUser } from "../accounts/server/session.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export async function loader() {
  return redirect("/");
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  await getSessionUser(request);
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
});
