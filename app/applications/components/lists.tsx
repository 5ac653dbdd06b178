// Small pieces shared by the applicant's pages (and, for a laureate, the nominating entity's).
import { Link } from "@remix-run/react";
import { formatDate, formatDateTime, localized, localizedLang } from "../../kernel/i18n";
import { useT } from "../../kernel/components/i18n";
import { LocalTime } from "../../kernel/components/local-time";

/** The deadline in Paris time, and, with JavaScript, also in the viewer's own time zone. */
export function ApplicationsDeadline({ at }: { at: string | Date }) {
  const t = useT();
  const instant = new Date(at);
  return (
    <>
      <time dateTime={instant.toISOString()}>{formatDateTime(instant, t.locale)}</time> {t("applications.paris_time")}
      <LocalTime at={instant} />
    </>
  );
}

export function ApplicationsBack({ to, label }: { to: string; label: string }) {
  return (
    <p>
      <Link to={to}>{label}</Link>
    </p>
  );
}

/**
 * The head of a page of an application's task list: the way back to the list, the reference, and the
 * title (already in the viewer's language: a section's title may be the edition's own wording).
 */
export function ApplicationTaskHead({
  applicationId,
  reference,
  title,
}: {
  applicationId: string;
  reference: string;
  title: string;
}) {
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/applications/${applicationId}`}>{t("applications.back_to_task_list")}</Link>
      </p>
      <p className="muted">{reference}</p>
      <h1>{title}</h1>
    </>
  );
}

export function ApplicationsStateTag({ state }: { state: string }) {
  const t = useT();
  return (
    <strong className={`tag applications-state applications-state-${state}`}>{t(`applications.state.${state}`)}</strong>
  );
}

/**
 * What a laureate's own pages add to the summary once the outcome is public: the announcement
 * date, the jury's citation in the reader's language (English when it has none in theirs) and,
 * for whom may download it, the diploma (or, once revoked, when and why).
 */
export function LaureateFacts({
  applicationId,
  laureate,
}: {
  applicationId: string;
  laureate: {
    announcementAt: string | Date;
    citation: { en: string; fr: string } | null;
    diploma: boolean;
    revoked: { at: number; reason: string } | null;
  };
}) {
  const t = useT();
  const at = new Date(laureate.announcementAt);
  return (
    <>
      <dt>{t("applications.laureate_announced")}</dt>
      <dd>
        <time dateTime={at.toISOString()}>{formatDate(at, t.locale)}</time>
      </dd>
      {laureate.citation ? (
        <>
          <dt>{t("applications.laureate_citation")}</dt>
          <dd lang={localizedLang(t.locale, laureate.citation)} dir="auto">
            {localized(t.locale, laureate.citation)}
          </dd>
        </>
      ) : null}
      {laureate.revoked ? (
        <>
          <dt>{t("applications.laureate_diploma")}</dt>
          <dd>
            {t("applications.diploma_revoked", { date: formatDate(laureate.revoked.at, t.locale) })}{" "}
            <bdi>{laureate.revoked.reason}</bdi>
          </dd>
        </>
      ) : laureate.diploma ? (
        <>
          <dt>{t("applications.laureate_diploma")}</dt>
          <dd>
            <a href={`/diplomas/${applicationId}`} download>
              {t("applications.diploma_download")}
            </a>
          </dd>
        </>
      ) : null}
    </>
  );
}
