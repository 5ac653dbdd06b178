import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/permissions.server";
import { ApplicationChoice } from "../components/application-choice";
import { SelectField, SubmitButton, TextField, ValidatedForm } from "../components/form";
import { useT } from "../components/i18n";
import { JurySecretariatNav } from "../components/jury-secretariat-nav";
import { Pager, pageParam } from "../components/pager";
import { manualConflictSchema } from "../forms/jury.server";
import { fieldError, validateForm } from "../forms/validate.server";
import { formatDate } from "../i18n";
import { addManualConflict, applicationOptions, detectConflicts, getJuryEdition, listConflicts, listJury, resolveApplication, type Failure } from "../models/jury.server";
import juryCss from "../styles/jury.css";

export const handle = { title: "jury.conflicts_admin.title" };
export const links = () => [{ rel: "stylesheet", href: juryCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edition.manage");
  const edition = getJuryEdition({ editionId: params.editionId ?? "" });
  if (!edition) notFound();
  const adding = !!new URL(request.url).searchParams.get("add");
  // Automatic detection runs each time the register is opened; it is idempotent.
  const detected = adding ? 0 : detectConflicts({ editionId: edition.id, actorId: user.id });
  const jury = listJury({ editionId: edition.id }).filter((j) => !j.replacedAt);
  const register = adding ? null : listConflicts({ editionId: edition.id, page: pageParam(request) });
  return {
    edition: { id: edition.id, year: edition.year },
    detected,
    adding,
    conflicts: register
      ? register.rows.map((c) => ({
          id: c.id,
          jurorName: c.jurorName,
          title: c.title,
          reference: c.reference,
          source: c.source,
          reason: c.reason,
        }))
      : [],
    total: register?.total ?? 0,
    page: Math.min(pageParam(request), register?.pages ?? 1),
    pages: register?.pages ?? 1,
    jurors: jury.map((j) => ({
      id: j.id,
      name: j.name,
      declaredAt: j.conflictsDeclaredAt?.getTime() ?? null,
    })),
    // One thing per page: the form, with its list of applications (or reference field), apart from the register.
    applicationOptions: adding ? applicationOptions({ editionId: edition.id }) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edition.manage");
  const edition = getJuryEdition({ editionId: params.editionId ?? "" });
  if (!edition) notFound();
  const form = await validateForm(request, manualConflictSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const { memberId, applicationId, reference, reason } = form.data;
  const refused = (failure: Failure) =>
    data(
      {
        errors: fieldError(failure.field === "applicationId" && reference !== undefined ? "reference" : failure.field, failure.error, failure.vars),
        values: form.values,
      },
      { status: 400 }
    );
  const application = resolveApplication({
    editionId: edition.id,
    applicationId,
    reference,
  });
  if (!application.ok) return refused(application);
  const done = addManualConflict({
    editionId: edition.id,
    actorId: user.id,
    memberId,
    applicationId: application.id,
    reason,
  });
  if (!done.ok) return refused(done);
  return redirect(`/secretariat/editions/${edition.id}/conflicts?added=1`);
}

export default function ConflictsRegister() {
  const t = useT();
  const { edition, detected, adding: addingParam, conflicts, total, page, pages, jurors, applicationOptions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const adding = addingParam || !!result?.errors;
  if (adding) {
    return (
      <>
        <JurySecretariatNav editionId={edition.id} year={edition.year} />
        <h1>{t("jury.conflicts_admin.title")}</h1>
        <p>
          <Link to=".">{t("jury.conflicts_admin.back")}</Link>
        </p>
        <h2>{t("jury.conflicts_admin.add_title")}</h2>
        <ValidatedForm id="conflict" schema={() => import("../forms/jury").then((m) => m.manualConflictSchema)} result={result}>
          <SelectField name="memberId" label={t("jury.juror")} placeholder={t("fields.choose")} options={jurors.map((j) => ({ value: j.id, label: j.name }))} />
          <ApplicationChoice options={applicationOptions} />
          <TextField name="reason" label={t("jury.conflicts.reason")} multiline rows={2} dirAuto />
          <SubmitButton>{t("jury.conflicts_admin.add")}</SubmitButton>
        </ValidatedForm>
      </>
    );
  }
  return (
    <>
      <JurySecretariatNav editionId={edition.id} year={edition.year} />
      <h1>{t("jury.conflicts_admin.title")}</h1>
      <p>{t("jury.conflicts_admin.intro")}</p>
      {params.get("added") ? (
        <p className="notice success" role="status">
          {t("jury.conflicts_admin.added")}
        </p>
      ) : detected > 0 ? (
        <p className="notice" role="status">
          {t("jury.conflicts_admin.detected", { count: detected })}
        </p>
      ) : null}
      <h2>{t("jury.conflicts_admin.declarations")}</h2>
      <ul>
        {jurors.map((j) => (
          <li key={j.id}>
            <bdi>{j.name}</bdi>:{" "}
            {j.declaredAt
              ? t("jury.conflicts_admin.declared_on", {
                  date: formatDate(j.declaredAt, t.locale),
                })
              : t("jury.conflicts_admin.not_declared")}
          </li>
        ))}
      </ul>
      <h2>{t("jury.conflicts_admin.register")}</h2>
      {total === 0 ? (
        <p className="panel">{t("jury.conflicts_admin.empty")}</p>
      ) : (
        <>
          <p>{t("jury.conflicts_admin.count", { count: total })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("jury.juror")}</th>
                  <th scope="col">{t("jury.application")}</th>
                  <th scope="col">{t("jury.conflicts_admin.source")}</th>
                  <th scope="col">{t("jury.conflicts.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {conflicts.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <bdi>{c.jurorName}</bdi>
                    </td>
                    <td>
                      <bdi>{c.title}</bdi> (<bdi>{c.reference}</bdi>)
                    </td>
                    <td>{t(`jury.source.${c.source}`)}</td>
                    <td dir="auto">{c.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pages={pages} search={params.toString()} />
        </>
      )}
      <p>
        <Link to="?add=1" className="button">
          {t("jury.conflicts_admin.add_title")}
        </Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../components/error-boundary";
