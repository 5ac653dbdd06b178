import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "../accounts/server/permissions.server";
import { getSessionUser } from "../accounts/server/session.server";
import { DeadlineCountdown } from "../editions/components/countdown";
import { useT } from "../kernel/components/i18n";
import { formatDateTime, localized, localizedLang, textsOf } from "../kernel/i18n";
import { getOpenEdition, isBeforeDeadline } from "../editions/models/edition.server";
import editionsCss from "../styles/editions.css";

export const handle = { title: "editions.call_title" };
export const links = () => [{ rel: "stylesheet", href: editionsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  // Only an applicant's account has the applications' area: anyone else signed in would follow the
  // way to it to a 404.
  const mayApply = can(user, "application.create");
  const open = getOpenEdition();
  if (!open) return { signedIn: !!user, mayApply, call: null };
  const now = new Date();
  const deadlineAt = open.edition.deadlineAt.getTime();
  return {
    signedIn: !!user,
    mayApply,
    call: {
      edition: { ...open.edition, callOpensAt: open.edition.callOpensAt.getTime(), deadlineAt },
      criteria: open.criteria,
      rules: open.rules,
      closed: !isBeforeDeadline(open.edition, now),
      daysLeft: Math.max(0, Math.floor((deadlineAt - now.getTime()) / 864e5)),
    },
  };
}

export default function Call() {
  const t = useT();
  const { call, signedIn, mayApply } = useLoaderData<typeof loader>();
  if (!call) {
    return (
      <>
        <h1>{t("editions.call_title")}</h1>
        <p className="panel">{t("editions.call_none")}</p>
        <p>{t("editions.call_none_next")}</p>
        {!signedIn ? (
          <p>
            <Link to="/register">{t("editions.call_register")}</Link>
          </p>
        ) : null}
      </>
    );
  }
  const { edition: e, criteria, rules, closed, daysLeft } = call;
  const callText = localized(t.locale, textsOf(e, "callText"));
  return (
    <>
      <h1>{t("editions.call_heading", { year: e.year })}</h1>
      <p className="lead" lang={localizedLang(t.locale, textsOf(e, "theme"))}>
        <bdi>{localized(t.locale, textsOf(e, "theme"))}</bdi>
      </p>
      {closed ? (
        <p className="notice" role="status">
          {t("editions.call_closed", { date: formatDateTime(e.deadlineAt, t.locale) })}
        </p>
      ) : (
        <DeadlineCountdown deadlineAt={e.deadlineAt} daysLeft={daysLeft} />
      )}
      {callText ? (
        <div className="editions-call-text" dir="auto" lang={localizedLang(t.locale, textsOf(e, "callText"))}>
          {callText}
        </div>
      ) : null}
      <h2>{t("editions.call_eligibility")}</h2>
      <p>{t("editions.call_eligibility_intro")}</p>
      <ol>
        {rules.map((r) => (
          <li key={r.id} lang={localizedLang(t.locale, textsOf(r, "text"))} dir="auto">
            {localized(t.locale, textsOf(r, "text"))}
          </li>
        ))}
      </ol>
      <h2>{t("editions.call_criteria")}</h2>
      <p>{t("editions.call_criteria_intro", { min: e.scaleMin, max: e.scaleMax })}</p>
      <ul className="editions-criteria">
        {criteria.map((c) => (
          <li key={c.id}>
            <h3 lang={localizedLang(t.locale, textsOf(c, "title"))} dir="auto">
              {localized(t.locale, textsOf(c, "title"))}
            </h3>
            <p lang={localizedLang(t.locale, textsOf(c, "guidance"))} dir="auto">
              {localized(t.locale, textsOf(c, "guidance"))}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t("editions.call_how")}</h2>
      <ol className="editions-steps">
        <li>{t("editions.call_step_account")}</li>
        <li>{t("editions.call_step_form")}</li>
        <li>{t("editions.call_step_entity", { quota: e.quotaPerEntity })}</li>
        <li>{t("editions.call_step_deadline")}</li>
      </ol>
      {!closed && signedIn && !mayApply ? <p>{t("editions.call_not_applicant")}</p> : null}
      {!closed && (mayApply || !signedIn) ? (
        <p className="button-row">
          {mayApply ? (
            <Link to="/applications" className="button">
              {t("editions.call_apply")}
            </Link>
          ) : (
            <>
              <Link to="/register" className="button">
                {t("editions.call_register")}
              </Link>
              <Link to="/login?redirectTo=%2Fapplications">{t("editions.call_signin")}</Link>
            </>
          )}
        </p>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
