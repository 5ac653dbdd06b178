import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession, getSessionUser } from "../auth/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await getSessionUser(request);
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

export { RouteErrorBoundary as ErrorBoundary } from "../components/error-boundary";
