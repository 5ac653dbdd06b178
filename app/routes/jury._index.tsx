import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { formatDateTime } from "../kernel/i18n";
import { jurorWorkspace } from "../jury/models/reviews.server";
import { editionTheme, scoringDeadlineKey } from "../jury/models/shared.server";
import juryCss from "../styles/jury.css";
import { DataTable } from "../kernel/components/table";
import { Notice } from "../kernel/components/notice";
import { ShownName } from "../kernel/components/i18n";

export const handle = { title: "jury.dashboard.title" };
export const links = () => [{ rel: "stylesheet", href: juryCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "jury.workspace");
  return {
    editions: jurorWorkspace({ userId: user.id }).map((e) => ({
      id: e.id,
      year: e.year,
      theme: editionTheme(e, user.locale),
      isChair: e.isChair,
      phase: e.phase,
      closesAt: e.scoringClosesAt.getTime(),
      deadline: scoringDeadlineKey(e),
      declared: !!e.conflictsDeclaredAt,
      reviews: e.reviews.map((r) => ({ id: r.reviewId, state: r.state, title: r.title, reference: r.reference })),
    })),
  };
}

export default function JuryDashboard() {
  const t = useT();
  const { editions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("jury.dashboard.title")}</h1>
      {params.get("recused") ? <Notice>{t("jury.dashboard.recused")}</Notice> : null}
      {editions.map((e) => {
        const submitted = e.reviews.filter((r) => r.state === "submitted").length;
        return (
          <section key={e.id} aria-labelledby={`edition-${e.id}`}>
            <h2 id={`edition-${e.id}`}>
              {t("jury.dashboard.edition", { year: e.year })} — <bdi>{e.theme}</bdi>
            </h2>
            <p>
              {e.isChair ? t("dashboard.juror_chair") : t("dashboard.juror_member")}{" "}
              {t(e.deadline, { date: formatDateTime(e.closesAt, t.locale) })}
            </p>
            <p>
              {e.declared ? t("jury.dashboard.declared") : t("jury.dashboard.declare_first")}{" "}
              <Link to={`/jury/${e.id}/conflicts`}>{t("jury.dashboard.declare_link")}</Link>
            </p>
            <p className="button-row">
              <Link to={`/jury/${e.id}/results`}>{t("jury_links.results")}</Link>
              <Link to={`/jury/${e.id}/ballot`}>{t("jury_links.ballot")}</Link>
            </p>
            {e.reviews.length === 0 ? (
              <p className="panel">{t("dashboard.juror_empty")}</p>
            ) : (
              <>
                <p>
                  <label htmlFor={`progress-${e.id}`}>
                    {t("jury.dashboard.progress", { done: submitted, total: e.reviews.length })}
                  </label>{" "}
                  <progress id={`progress-${e.id}`} max={e.reviews.length} value={submitted} />
                </p>
                <DataTable
                  rows={e.reviews}
                  columns={[
                    {
                      head: "jury.application",
                      cell: (r) => (
                        <Link to={`/jury/reviews/${r.id}`}>
                          <ShownName text={r.title} />
                        </Link>
                      ),
                    },
                    { head: "jury.status", cell: (r) => t(`jury.state.${r.state}`) },
                  ]}
                />
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
