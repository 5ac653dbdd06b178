import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostButton } from "../kernel/components/post-button";
import { requirePermission } from "../accounts/server/permissions.server";
import { ApplicationsDeadline, ApplicationsStateTag } from "../applications/components/lists";
import { useT } from "../kernel/components/i18n";
import { startApplicationSchema } from "../applications/forms/application.server";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import {
  callIsOpen,
  getOpenEdition,
  listApplicationsForApplicant,
  startApplication,
} from "../applications/models/application.server";
import areaCss from "../styles/applications.css";
import { localized, textsOf } from "../kernel/i18n";
import { DataTable } from "../kernel/components/table";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "applications.list_title" };
export const links = () => [{ rel: "stylesheet", href: areaCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "application.create");
  const edition = getOpenEdition();
  const open = edition && callIsOpen(edition) ? edition : null;
  const applications = listApplicationsForApplicant({ applicantId: user.id });
  const hasOne = open ? applications.some((a) => a.editionId === open.id) : false;
  return {
    applications,
    open: open
      ? {
          id: open.id,
          year: open.year,
          themeEn: open.themeEn,
          themeFr: open.themeFr,
          themeAr: open.themeAr,
          deadlineAt: open.deadlineAt,
        }
      : null,
    hasOne,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "application.create");
  const form = await validateForm(request, startApplicationSchema);
  if (!form.ok) return refused(form.errors, form.values);
  const edition = getOpenEdition();
  if (!edition || edition.id !== form.data.editionId)
    return data(
      { errors: fieldError("form", "errors.application_edition_mismatch"), values: form.values },
      { status: 400 },
    );
  const result = startApplication({
    applicantId: user.id,
    editionId: edition.id,
    language: localized(user.locale, { en: "en", fr: "fr" }),
  });
  if (!result.ok) return refused(fieldError("form", result.error), form.values);
  return redirect(`/applications/${result.applicationId}`);
});

export default function Applications() {
  const t = useT();
  const { applications, open, hasOne } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const theme = open ? localized(t.locale, textsOf(open, "theme")) : "";
  return (
    <>
      <h1>{t("applications.list_title")}</h1>
      {result?.errors ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t("errors.summary_title")}</h2>
          <p>{t(Object.values(result.errors)[0].message)}</p>
        </div>
      ) : null}
      {open ? (
        <div className="panel">
          <h2>{t("applications.call_open", { year: open.year })}</h2>
          <p>
            <bdi>{theme}</bdi>
          </p>
          <p>
            {t("applications.deadline")} <ApplicationsDeadline at={open.deadlineAt} />
          </p>
          <p>{t("applications.one_per_edition")}</p>
          {hasOne ? null : <PostButton fields={{ editionId: open.id }}>{t("applications.start")}</PostButton>}
        </div>
      ) : (
        <p className="panel">{t("applications.no_call")}</p>
      )}
      {applications.length === 0 ? (
        <p>{open ? t("applications.empty_open") : t("applications.empty_closed")}</p>
      ) : (
        <DataTable
          caption={t("applications.list_title")}
          rows={applications}
          columns={[
            { head: "applications.reference", cell: (a) => <Link to={`/applications/${a.id}`}>{a.reference}</Link> },
            { head: "applications.project_title", cell: (a) => <bdi>{a.title || t("applications.untitled")}</bdi> },
            { head: "applications.edition", cell: (a) => a.year },
            { head: "applications.status", cell: (a) => <ApplicationsStateTag state={a.state} /> },
          ]}
        />
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
