import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "../accounts/server/session.server";
import { notFound } from "../accounts/server/permissions.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "errors.page_not_found" };

// Any unknown address: answered as a 404 inside the layout, in the visitor's language.
export async function loader({ request }: LoaderFunctionArgs) {
  await getSessionUser(request);
  notFound();
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: LoaderFunctionArgs) => {
  await getSessionUser(request);
  notFound();
});

export default function NotFound() {
  return null;
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
