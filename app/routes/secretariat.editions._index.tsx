import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { formatDateTime, localized, textsOf } from "../kernel/i18n";
import { listEditions } from "../editions/models/edition.server";
import editionsCss from "../styles/editions.css";
import { DataTable } from "../kernel/components/table";
import { ActionLink } from "../kernel/components/action-link";

export const handle = { title: "editions.list_title" };
export const links = () => [{ rel: "stylesheet", href: editionsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  return { editions: listEditions().map((e) => ({ ...e, deadlineAt: e.deadlineAt.getTime() })) };
}

export default function EditionsList() {
  const t = useT();
  const { editions } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/secretariat">{t("secretariat.title")}</Link>
      </p>
      <h1>{t("editions.list_title")}</h1>
      <ActionLink to="/secretariat/editions/new">{t("editions.create")}</ActionLink>
      <DataTable
        rows={editions}
        empty="editions.empty"
        columns={[
          { head: "editions.year", cell: (e) => <Link to={`/secretariat/editions/${e.id}`}>{e.year}</Link> },
          { head: "editions.theme", cell: (e) => <bdi>{localized(t.locale, textsOf(e, "theme"))}</bdi> },
          { head: "editions.phase", cell: (e) => t(`phase.${e.phase}`) },
          { head: "editions.deadline_at", cell: (e) => formatDateTime(e.deadlineAt, t.locale) },
        ]}
      />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
