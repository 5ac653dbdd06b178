import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../accounts/server/permissions.server";
import { Checkbox, SelectField, SubmitButton, TextArea, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { declarationSchema } from "../jury/forms/jury.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { countryName } from "../kernel/i18n/countries";
import {
  confirmDeclarations,
  conflictDeclarationsOpen,
  declareConflict,
  declaredConflictsOpen,
  listApplicationsForDeclaration,
  withdrawDeclaredConflict,
} from "../jury/models/conflict-declarations.server";
import { getJuryEdition } from "../jury/models/shared.server";
import juryCss from "../styles/jury.css";
import { routeHead } from "../kernel/components/route-head";
import { DataTable } from "../kernel/components/table";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { ShownName } from "../kernel/components/i18n";
import { shownPseudonym } from "../kernel/components/i18n";

export const { handle, links } = routeHead("jury.conflicts.title", juryCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "jury.conflicts", { editionId: params.editionId });
  const list = listApplicationsForDeclaration({ editionId: params.editionId ?? "", userId: user.id });
  const edition = getJuryEdition({ editionId: params.editionId ?? "" });
  if (!list || !edition) notFound();
  const canWithdraw = declaredConflictsOpen({ editionId: edition.id });
  // "?withdraw=<application>" is the confirmation step for one declared conflict (works without JavaScript).
  const withdrawId = new URL(request.url).searchParams.get("withdraw");
  const withdrawing = canWithdraw
    ? (list.applications.find((a) => a.id === withdrawId && a.conflict !== null) ?? null)
    : null;
  return {
    year: edition.year,
    declaredAt: list.member.conflictsDeclaredAt?.getTime() ?? null,
    applications: list.applications,
    canDeclare: conflictDeclarationsOpen({ editionId: edition.id }),
    canWithdraw,
    withdrawing,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "jury.conflicts", { editionId: params.editionId });
  const editionId = params.editionId ?? "";
  const form = await validateForm(request, declarationSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values, intent: form.values.intent }, { status: 400 });
  if (form.data.intent === "declare") {
    const done = declareConflict({
      editionId,
      userId: user.id,
      applicationId: form.data.applicationId,
      reason: form.data.reason,
      withdrawSubmitted: !!form.data.withdrawSubmitted,
    });
    if (!done.ok)
      return data(
        { errors: fieldError(done.field, done.error), values: form.values, intent: "declare" },
        { status: 400 },
      );
    return redirect(`/jury/${editionId}/conflicts?declared=1`);
  }
  if (form.data.intent === "withdraw") {
    const done = withdrawDeclaredConflict({ editionId, userId: user.id, applicationId: form.data.applicationId });
    if (!done.ok)
      return data(
        { errors: fieldError(done.field, done.error), values: form.values, intent: "withdraw" },
        { status: 400 },
      );
    return redirect(`/jury/${editionId}/conflicts?withdrawn=1`);
  }
  const done = confirmDeclarations({ editionId, userId: user.id });
  if (!done.ok)
    return data(
      { errors: fieldError(done.field, done.error), values: form.values, intent: "confirm" },
      { status: 400 },
    );
  return redirect(`/jury/${editionId}/conflicts?confirmed=1`);
});

export default function DeclareConflicts() {
  const t = useT();
  const { year, declaredAt, applications, canDeclare, canWithdraw, withdrawing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  // Declared, or already in the register: nothing to declare.
  const open = applications.filter((a) => a.conflict === null && a.recorded === null);
  return (
    <>
      <p>
        <Link to="/jury">{t("jury.dashboard.title")}</Link>
      </p>
      <h1>{t("jury.conflicts.title")}</h1>
      <p>{t("jury.conflicts.intro", { year })}</p>
      {params.get("declared") ? (
        <Notice>{t("jury.conflicts.declared_notice")}</Notice>
      ) : params.get("confirmed") ? (
        <Notice>{t("jury.conflicts.confirmed_notice")}</Notice>
      ) : params.get("withdrawn") ? (
        <Notice>{t("jury.conflicts.withdrawn_notice")}</Notice>
      ) : null}
      {withdrawing ? (
        <section className="panel" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t("jury.conflicts.withdraw_title")}</h2>
          <p>
            <ShownName text={withdrawing.title} /> — <bdi>{withdrawing.organisation}</bdi>
          </p>
          <p>{t("jury.conflicts.withdraw_intro")}</p>
          <ValidatedForm
            schema={() => import("../jury/forms/jury").then((m) => m.withdrawConflictSchema)}
            intent="withdraw"
            result={result}
          >
            <input type="hidden" name="applicationId" value={withdrawing.id} />
            <Checkbox name="confirm" label={t("jury.conflicts.withdraw_confirm")} />
            <div className="button-row">
              <SubmitButton>{t("jury.conflicts.withdraw")}</SubmitButton>
              <Link to=".">{t("jury.conflicts.keep")}</Link>
            </div>
          </ValidatedForm>
        </section>
      ) : null}
      <DataTable
        rows={applications}
        empty="jury.conflicts.empty"
        columns={[
          { head: "jury.application", cell: (a) => <ShownName text={a.title} /> },
          { head: "jury.organisation", cell: (a) => <bdi>{a.organisation}</bdi> },
          { head: "fields.country", cell: (a) => countryName(a.country, t.locale) },
          {
            head: "jury.conflicts.your_declaration",
            cell: (a) =>
              a.conflict === null ? (
                a.recorded ? (
                  t("jury.conflicts.recorded", { source: t(`jury.source.${a.recorded}`) })
                ) : (
                  t("jury.conflicts.none")
                )
              ) : (
                <>
                  {t("fields.labelled", { label: t("jury.conflicts.conflict") })} <bdi>{a.conflict}</bdi>
                  {canWithdraw && withdrawing?.id !== a.id ? (
                    <>
                      {" "}
                      <Link to={`?withdraw=${a.id}#withdraw-title`}>
                        {t("jury.conflicts.withdraw_link")}
                        <span className="visually-hidden"> — {shownPseudonym(a.title, t)}</span>
                      </Link>
                    </>
                  ) : null}
                </>
              ),
          },
        ]}
      />
      {!canDeclare ? (
        <>
          <h2>{t("jury.conflicts.declare_title")}</h2>
          <p>{t("errors.jury_declarations_closed")}</p>
        </>
      ) : open.length > 0 ? (
        <>
          <h2>{t("jury.conflicts.declare_title")}</h2>
          <ValidatedForm
            schema={() => import("../jury/forms/jury").then((m) => m.declareConflictSchema)}
            intent="declare"
            result={result}
          >
            <SelectField
              name="applicationId"
              label={t("jury.application")}
              placeholder={t("fields.choose")}
              options={open.map((a) => ({
                value: a.id,
                label: a.reviewSubmitted
                  ? t("jury.conflicts.option_submitted", { title: shownPseudonym(a.title, t) })
                  : shownPseudonym(a.title, t),
              }))}
            />
            <TextArea
              name="reason"
              label={t("jury.conflicts.reason")}
              hint={t("jury.conflicts.reason_hint")}
              rows={3}
            />
            {/* Asked once the choice is known to be a submitted review (the server's refusal says so). */}
            {result?.intent === "declare" && result.errors && "withdrawSubmitted" in result.errors ? (
              <Checkbox name="withdrawSubmitted" label={t("jury.conflicts.withdraw_submitted")} />
            ) : null}
            <SubmitButton>{t("jury.conflicts.declare")}</SubmitButton>
          </ValidatedForm>
        </>
      ) : null}
      <h2>{t("jury.conflicts.confirm_title")}</h2>
      {declaredAt ? <p>{t("jury.conflicts.confirmed_on")}</p> : null}
      <ValidatedForm
        schema={() => import("../jury/forms/jury").then((m) => m.confirmDeclarationsSchema)}
        intent="confirm"
        result={result}
      >
        <Checkbox name="confirm" label={t("jury.conflicts.confirm_label")} />
        <SubmitButton secondary>{t("jury.conflicts.confirm")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
