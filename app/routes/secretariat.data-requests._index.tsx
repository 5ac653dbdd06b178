// The erasure requests waiting for the secretariat, oldest first, each linked to its answer.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { listPendingRequests } from "../accounts/models/erasure.server";
import { SecretariatHead } from "../kernel/components/secretariat-head";
import { useT } from "../kernel/components/i18n";
import { formatDateTime } from "../kernel/i18n";

export const handle = { title: "data.requests_title" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  return {
    requests: listPendingRequests().map((r) => ({ id: r.id, name: r.name, requestedAt: r.requestedAt.getTime() })),
  };
}

export default function DataRequests() {
  const t = useT();
  const { requests } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const notice = done === "erased" || done === "declined" ? t(`data.requests_done_${done}`) : null;
  return (
    <>
      <SecretariatHead title={t("data.requests_title")} notice={notice} />
      <p>{t("data.requests_lead")}</p>
      {requests.length === 0 ? (
        <p className="panel">{t("data.requests_none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("data.requests_at")}</th>
                <th scope="col">{t("data.requests_person")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("data.requests_open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.requestedAt, t.locale)}</td>
                  <td>
                    <bdi>{r.name}</bdi>
                  </td>
                  <td>
                    <Link to={`/secretariat/data-requests/${r.id}`}>{t("data.requests_open")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/secretariat/retention">{t("data.retention_title")}</Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
