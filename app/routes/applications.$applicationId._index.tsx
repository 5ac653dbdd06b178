import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../accounts/server/permissions.server";
import { ApplicationsDeadline, ApplicationsStateTag, LaureateFacts } from "../applications/components/lists";
import { useT } from "../kernel/components/i18n";
import { SECTION_KEYS, sectionStatus, sectionText, sectionWordingOf } from "../applications/domain/sections";
import { editBlocker, isEditable, isWithdrawable } from "../applications/models/application.server";
import { attachmentTotals, listAttachments } from "../applications/models/attachment.server";
import { applicantView } from "../results/models/outcome.server";
import { laureateFactsFor } from "../applications/server/laureate-facts.server";
import { ownApplication, rulesDeclared } from "../applications/server/route.server";
import areaCss from "../styles/applications.css";
import { routeHead } from "../kernel/components/route-head";
import { LOCALE_NAMES, localized } from "../kernel/i18n";
import { Notice } from "../kernel/components/notice";

export const { handle, links } = routeHead("applications.task_list_title", areaCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const rules = rulesDeclared(application);
  const files = attachmentTotals(listAttachments({ applicationId: application.id, applicantId: user.id }));
  return {
    application: {
      id: application.id,
      reference: application.reference,
      // The outcome from the announcement instant on, as on the public page, even before the job has run.
      state: applicantView([{ ...application, deadlineAt: application.edition.deadlineAt }])[0].state,
      language: application.language,
      title: application.title,
      version: application.version,
      nominatorComment: application.nominatorComment,
      entityName: application.entityName,
      sentAt: application.sentAt,
      deadlineAt: application.edition.deadlineAt,
      year: application.edition.year,
    },
    laureate: laureateFactsFor(user, application.id),
    wording: sectionWordingOf(application.edition.sectionWording),
    statuses: SECTION_KEYS.map((key) => ({ key, status: sectionStatus(application.content, key) })),
    declarations: { total: rules.length, declared: rules.filter((r) => r.declared).length },
    files,
    editable: isEditable(application),
    blocker: editBlocker(application),
    canWithdraw: isWithdrawable(application),
  };
}

function statusClass(status: string) {
  return `tag applications-status applications-status-${status}`;
}

export default function TaskList() {
  const t = useT();
  const {
    application: a,
    statuses,
    declarations,
    files,
    editable,
    blocker,
    canWithdraw,
    laureate,
    wording,
  } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const base = `/applications/${a.id}`;
  const completed = statuses.filter((s) => s.status === "completed").length;
  return (
    <>
      <p>
        <Link to="/applications">{t("applications.list_title")}</Link>
      </p>
      <h1>{t("applications.task_list_title")}</h1>
      <p className="lead">
        <bdi>{a.title || t("applications.untitled")}</bdi>
      </p>
      <dl className="summary">
        <dt>{t("applications.reference")}</dt>
        <dd>{a.reference}</dd>
        <dt>{t("applications.status")}</dt>
        <dd>
          <ApplicationsStateTag state={a.state} />
        </dd>
        {laureate ? <LaureateFacts applicationId={a.id} laureate={laureate} /> : null}
        <dt>{t("applications.language_label")}</dt>
        <dd>{localized(a.language, LOCALE_NAMES)}</dd>
        <dt>{t("applications.deadline")}</dt>
        <dd>
          <ApplicationsDeadline at={a.deadlineAt} />
        </dd>
      </dl>
      {params.get("sent") ? <Notice>{t("applications.sent_notice", { reference: a.reference })}</Notice> : null}
      {params.get("saved") ? <Notice>{t("applications.saved_notice")}</Notice> : null}
      {a.state === "returned" || a.state === "declined" ? (
        // The entity's answer, with its comments (returned) or reason (declined).
        <div className={`notice applications-${a.state}`}>
          <h2>{t(`applications.${a.state}_title`)}</h2>
          <p>{t(`applications.${a.state}_text`, { entity: a.entityName ?? "" })}</p>
          {a.nominatorComment ? (
            <blockquote dir="auto" className="applications-comment">
              {a.nominatorComment}
            </blockquote>
          ) : null}
          {a.state === "declined" ? (
            <p>
              {t("applications.declined_next")} <Link to="/call">{t("nav.call")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {a.state === "awaiting_nominator" ? (
        <p className="notice">{t("applications.awaiting_text", { entity: a.entityName ?? "" })}</p>
      ) : null}
      {a.state === "withdrawn" ? <p className="notice">{t("applications.withdrawn_text")}</p> : null}
      {a.state === "not_nominated" ? (
        <p className="notice">{t("applications.not_nominated_text", { entity: a.entityName ?? "" })}</p>
      ) : null}
      {!editable && blocker === "errors.deadline_passed" ? (
        <p className="notice">{t("applications.deadline_passed_text")}</p>
      ) : null}

      <h2>{t("applications.sections_title")}</h2>
      <p>{t("applications.sections_progress", { done: completed, total: statuses.length })}</p>
      <ol className="applications-tasks">
        {statuses.map((s) => (
          <li key={s.key}>
            <Link to={`${base}/sections/${s.key}`} aria-describedby={`status-${s.key}`}>
              {sectionText(t, wording, s.key, "title")}
            </Link>
            <span id={`status-${s.key}`} className={statusClass(s.status)}>
              {t(`applications.status.${s.status}`)}
            </span>
          </li>
        ))}
        <li>
          <Link to={`${base}/attachments`} aria-describedby="status-attachments">
            {t("applications.attachments_title")}
          </Link>
          <span id="status-attachments" className="tag applications-status">
            {t("applications.files_count", { count: files.count })}
          </span>
        </li>
        <li>
          <Link to={`${base}/declarations`} aria-describedby="status-declarations">
            {t("applications.declarations_title")}
          </Link>
          <span
            id="status-declarations"
            className={statusClass(
              declarations.declared === declarations.total && declarations.total > 0
                ? "completed"
                : declarations.declared > 0
                  ? "in_progress"
                  : "not_started",
            )}
          >
            {t("applications.declared_count", { done: declarations.declared, total: declarations.total })}
          </span>
        </li>
      </ol>

      {editable ? (
        <>
          <h2>{t("applications.send_title")}</h2>
          <p>
            <Link className="button" to={`${base}/check`}>
              {t("applications.check_link")}
            </Link>
          </p>
        </>
      ) : null}
      {canWithdraw ? (
        <p>
          <Link to={`${base}/withdraw`}>{t("applications.withdraw_link")}</Link>
        </p>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
