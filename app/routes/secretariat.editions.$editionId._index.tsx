import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { formatDateTime, localized, textsOf } from "../kernel/i18n";
import { nextPhase, previousPhase } from "../editions/domain/constants";
import { editionOr404 } from "../editions/server/secretariat.server";
import editionsCss from "../styles/editions.css";
import { routeHead } from "../kernel/components/route-head";
import { Notice } from "../kernel/components/notice";

export const { handle, links } = routeHead("editions.overview_title", editionsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const { edition: e, criteria, rules } = editionOr404(params.editionId);
  return {
    edition: {
      id: e.id,
      year: e.year,
      themeEn: e.themeEn,
      themeFr: e.themeFr,
      themeAr: e.themeAr,
      phase: e.phase,
      lockedAt: e.lockedAt?.getTime() ?? null,
      dates: [
        ["editions.call_opens_at", e.callOpensAt.getTime()],
        ["editions.deadline_at", e.deadlineAt.getTime()],
        ["editions.scoring_opens_at", e.scoringOpensAt.getTime()],
        ["editions.scoring_closes_at", e.scoringClosesAt.getTime()],
        ["editions.announcement_at", e.announcementAt.getTime()],
      ] as [string, number][],
      laureateCount: e.laureateCount,
      quotaPerEntity: e.quotaPerEntity,
      reviewersPerApplication: e.reviewersPerApplication,
      scaleMin: e.scaleMin,
      scaleMax: e.scaleMax,
      method: e.method,
    },
    criteriaCount: criteria.length,
    rulesCount: rules.length,
  };
}

export default function EditionOverview() {
  const t = useT();
  const { edition: e, criteriaCount, rulesCount } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const next = nextPhase(e.phase);
  const previous = previousPhase(e.phase);
  const notice = params.get("created")
    ? "editions.created"
    : params.get("saved")
      ? "editions.saved"
      : params.get("phase")
        ? "editions.phase_changed"
        : null;
  return (
    <>
      <p>
        <Link to="/secretariat/editions">{t("editions.list_title")}</Link>
      </p>
      <h1>{t("editions.overview_heading", { year: e.year })}</h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      <p className="lead">
        <bdi>{localized(t.locale, textsOf(e, "theme"))}</bdi>
      </p>
      <h2>{t("editions.phase")}</h2>
      <p>
        {t("editions.current_phase")} <strong>{t(`phase.${e.phase}`)}</strong>
        {e.lockedAt ? <> · {t("editions.locked_since", { date: formatDateTime(e.lockedAt, t.locale) })}</> : null}
      </p>
      <ul className="editions-actions">
        {next ? (
          <li>
            <Link to={`/secretariat/editions/${e.id}/phase?to=${next}`} className="button">
              {t("editions.move_to", { phase: t(`phase.${next}`) })}
            </Link>
          </li>
        ) : null}
        {previous ? (
          <li>
            <Link to={`/secretariat/editions/${e.id}/phase?to=${previous}`}>
              {t("editions.back_to", { phase: t(`phase.${previous}`) })}
            </Link>
          </li>
        ) : null}
      </ul>
      <h2>{t("editions.settings_title")}</h2>
      <dl className="editions-summary">
        {e.dates.map(([key, at]) => (
          <div key={key} className="editions-summary-row">
            <dt>{t(key)}</dt>
            <dd>{t("editions.paris_time", { date: formatDateTime(at, t.locale) })}</dd>
          </div>
        ))}
        {(
          [
            ["editions.laureate_count", e.laureateCount],
            ["editions.quota_per_entity", e.quotaPerEntity],
            ["editions.reviewers_per_application", e.reviewersPerApplication],
            [
              "editions.scale",
              <>
                {e.scaleMin}–{e.scaleMax}
              </>,
            ],
            ["editions.method", t(`editions.method_${e.method}`)],
          ] as const
        ).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ul className="editions-actions">
        <li>
          <Link to={`/secretariat/editions/${e.id}/settings`}>{t("editions.edit_settings")}</Link>
        </li>
        <li>
          <Link to={`/secretariat/editions/${e.id}/criteria`}>
            {t("editions.edit_criteria", { count: criteriaCount })}
          </Link>
        </li>
        <li>
          <Link to={`/secretariat/editions/${e.id}/eligibility`}>
            {t("editions.edit_rules", { count: rulesCount })}
          </Link>
        </li>
      </ul>
      <h2>{t("edition_links.title")}</h2>
      <ul className="editions-actions">
        {(["jury", "conflicts", "assignment", "progress", "results", "deliberation", "decision"] as const).map(
          (page) => (
            <li key={page}>
              <Link to={`/secretariat/editions/${e.id}/${page}`}>{t(`edition_links.${page}`)}</Link>
            </li>
          ),
        )}
        <li>
          <Link to={`/secretariat/screening?edition=${e.id}`}>{t("edition_links.screening")}</Link>
        </li>
      </ul>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
