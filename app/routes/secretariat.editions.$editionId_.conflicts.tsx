import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/permissions.server";
import { SelectField, SubmitButton, TextField, ValidatedForm } from "../components/form";
import { useT } from "../components/i18n";
import { JurySecretariatNav } from "../components/jury-secretariat-nav";
import { manualConflictSchema } from "../forms/jury.server";
import { fieldError, validateForm } from "../forms/validate.server";
import { formatDate } from "../i18n";
import { addManualConflict, detectConflicts, getJuryEdition, listConflicts, listJury, assignmentOverview } from "../models/jury.server";
import juryCss from "../styles/jury.css";

export const handle = { title: "jury.conflicts_admin.title" };
export const links = () => [{ rel: "stylesheet", href: juryCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edition.manage");
  const edition = getJuryEdition({ editionId: params.editionId ?? "" });
  if (!edition) notFound();
  // Automatic detection runs each time the register is opened; it is idempotent.
  const detected = detectConflicts({ editionId: edition.id, actorId: user.id });
  const jury = listJury({ editionId: edition.id }).filter((j) => !j.replacedAt);
  return {
    edition: { id: edition.id, year: edition.year },
    detected,
    conflicts: listConflicts({ editionId: edition.id }).map((c) => ({ ...c, createdAt: c.createdAt.getTime() })),
    jurors: jury.map((j) => ({ id: j.id, name: j.name, declaredAt: j.conflictsDeclaredAt?.getTime() ?? null })),
    applications: assignmentOverview({ editionId: edition.id }).applications,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edition.manage");
  const edition = getJuryEdition({ editionId: params.editionId ?? "" });
  if (!edition) notFound();
  const form = await validateForm(request, manualConflictSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const done = addManualConflict({ editionId: edition.id, actorId: user.id, ...form.data });
  if (!done.ok) return data({ errors: fieldError(done.field, done.error), values: form.values }, { status: 400 });
  return redirect(`/secretariat/editions/${edition.id}/conflicts?added=1`);
}

export default function ConflictsRegister() {
  const t = useT();
  const { edition, detected, conflicts, jurors, applications } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
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
            <bdi>{j.name}</bdi>: {j.declaredAt ? t("jury.conflicts_admin.declared_on", { date: formatDate(j.declaredAt, t.locale) }) : t("jury.conflicts_admin.not_declared")}
          </li>
        ))}
      </ul>
      <h2>{t("jury.conflicts_admin.register")}</h2>
      {conflicts.length === 0 ? (
        <p className="panel">{t("jury.conflicts_admin.empty")}</p>
      ) : (
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
                    <bdi>{c.title}</bdi>
                  </td>
                  <td>{t(`jury.source.${c.source}`)}</td>
                  <td dir="auto">{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("jury.conflicts_admin.add_title")}</h2>
      <ValidatedForm id="conflict" schema={() => import("../forms/jury").then((m) => m.manualConflictSchema)} result={result}>
        <SelectField name="memberId" label={t("jury.juror")} placeholder={t("fields.choose")} options={jurors.map((j) => ({ value: j.id, label: j.name }))} />
        <SelectField name="applicationId" label={t("jury.application")} placeholder={t("fields.choose")} options={applications.map((a) => ({ value: a.id, label: a.title }))} />
        <TextField name="reason" label={t("jury.conflicts.reason")} multiline rows={2} dirAuto />
        <SubmitButton>{t("jury.conflicts_admin.add")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../components/error-boundary";
