import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/permissions.server";
import { Checkbox, SelectField, SubmitButton, TextField, ValidatedForm } from "../components/form";
import { useT } from "../components/i18n";
import { JurySecretariatNav } from "../components/jury-secretariat-nav";
import { assignmentSchema } from "../forms/jury.server";
import { fieldError, validateForm } from "../forms/validate.server";
import { addAssignment, assignmentOverview, defaultMaxLoad, getJuryEdition, publishAssignments, removeAssignment, runAssignment, swapAssignment, type Explanation } from "../models/jury.server";
import juryCss from "../styles/jury.css";
import { appOrigin } from "../utils/http.server";

export const handle = { title: "jury.assignment.title" };
export const links = () => [{ rel: "stylesheet", href: juryCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edition.manage");
  const edition = getJuryEdition({ editionId: params.editionId ?? "" });
  if (!edition) notFound();
  const overview = assignmentOverview({ editionId: edition.id });
  const reviewers = Math.min(edition.reviewersPerApplication, Math.max(1, overview.jurors.length));
  return {
    edition: { id: edition.id, year: edition.year },
    overview,
    defaults: { reviewers: String(reviewers), maxLoad: String(defaultMaxLoad(overview.applications.length, reviewers, overview.jurors.length)), minLoad: "0" },
  };
}

type Result = { errors: Record<string, { message: string; vars?: Record<string, string | number> }>; values: Record<string, unknown>; intent?: unknown; explanation?: Explanation; technical?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edition.manage");
  const edition = getJuryEdition({ editionId: params.editionId ?? "" });
  if (!edition) notFound();
  const form = await validateForm(request, assignmentSchema);
  const bad = (result: Result) => data(result, { status: 400 });
  if (!form.ok) return bad({ errors: form.errors, values: form.values, intent: form.values.intent });
  const input = form.data;
  const here = `/secretariat/editions/${edition.id}/assignment`;
  switch (input.intent) {
    case "run": {
      const done = runAssignment({ editionId: edition.id, actorId: user.id, reviewers: input.reviewers, maxLoad: input.maxLoad, minLoad: input.minLoad });
      if (!done.ok) return bad({ errors: fieldError("reviewers", "errors.jury_assignment_infeasible"), values: form.values, intent: "run", explanation: done.explanation, technical: done.technical });
      return redirect(`${here}?generated=${done.pairs}`);
    }
    case "add": {
      const done = addAssignment({ editionId: edition.id, actorId: user.id, memberId: input.memberId, applicationId: input.applicationId, maxLoad: input.maxLoad });
      if (!done.ok) return bad({ errors: fieldError(done.field, done.error, done.vars), values: form.values, intent: "add" });
      return redirect(`${here}?adjusted=1`);
    }
    case "remove": {
      const done = removeAssignment({ editionId: edition.id, actorId: user.id, assignmentId: input.assignmentId });
      if (!done.ok) return bad({ errors: fieldError(done.field, done.error), values: form.values, intent: "remove" });
      return redirect(`${here}?adjusted=1`);
    }
    case "swap": {
      const done = swapAssignment({ editionId: edition.id, actorId: user.id, assignmentId: input.assignmentId, memberId: input.memberId, maxLoad: input.maxLoad });
      if (!done.ok) return bad({ errors: fieldError(done.field, done.error, done.vars), values: form.values, intent: "swap" });
      return redirect(`${here}?adjusted=1`);
    }
    case "publish": {
      const done = publishAssignments({ editionId: edition.id, actorId: user.id, origin: appOrigin(request) });
      if (!done.ok) return bad({ errors: fieldError(done.field, done.error), values: form.values, intent: "publish" });
      return redirect(`${here}?published=${done.published}`);
    }
  }
}

export default function AssignmentPage() {
  const t = useT();
  const { edition, overview, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const [params] = useSearchParams();
  const resultFor = (intent: string) => (result?.intent === intent ? result : undefined);
  const notice = params.get("published") ? t("jury.assignment.published", { count: params.get("published")! }) : params.get("generated") ? t("jury.assignment.generated", { count: params.get("generated")! }) : params.get("adjusted") ? t("jury.assignment.adjusted") : null;
  const jurorOptions = overview.jurors.map((j) => ({ value: j.id, label: j.name }));
  const removable = overview.assignments.filter((a) => !a.submitted).map((a) => ({ value: a.id, label: `${a.title} — ${a.juror}` }));
  return (
    <>
      <JurySecretariatNav editionId={edition.id} year={edition.year} />
      <h1>{t("jury.assignment.title")}</h1>
      <p>{t("jury.assignment.intro")}</p>
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {result?.explanation ? (
        <div className="notice" role="alert">
          <h2>{t("jury.assignment.infeasible_title")}</h2>
          <ul>
            {result.explanation.map((e, i) => (
              <li key={i}>{t(e.key, e.vars)}</li>
            ))}
          </ul>
          <details>
            <summary>{t("jury.assignment.technical")}</summary>
            <p dir="ltr">{result.technical}</p>
          </details>
        </div>
      ) : null}
      <h2>{t("jury.assignment.run_title")}</h2>
      <ValidatedForm id="run" schema={() => import("../forms/jury").then((m) => m.runAssignmentSchema)} result={resultFor("run")} defaultValues={defaults}>
        <input type="hidden" name="intent" value="run" />
        <TextField name="reviewers" type="number" label={t("jury.assignment.reviewers")} hint={t("jury.assignment.reviewers_hint", { jurors: overview.jurors.length })} />
        <TextField name="maxLoad" type="number" label={t("jury.assignment.max_load")} />
        <TextField name="minLoad" type="number" label={t("jury.assignment.min_load")} />
        <SubmitButton>{t("jury.assignment.run")}</SubmitButton>
      </ValidatedForm>

      <h2>{t("jury.assignment.preview_title")}</h2>
      {overview.assignments.length === 0 ? (
        <p className="panel">{t("jury.assignment.empty")}</p>
      ) : (
        <>
          <h3>{t("jury.assignment.loads")}</h3>
          <ul>
            {overview.loads.map((l) => (
              <li key={l.id}>
                <bdi>{l.name}</bdi>: {l.load}
              </li>
            ))}
          </ul>
          <h3>{t("jury.assignment.coverage")}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("jury.application")}</th>
                  <th scope="col">{t("jury.assignment.jurors")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.coverage.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <bdi>{c.title}</bdi> ({c.language})
                    </td>
                    <td>{c.jurors.length === 0 ? t("jury.assignment.nobody") : c.jurors.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t("jury.assignment.pairs")}</h3>
          <ul>
            {overview.pairs.map((p, i) => (
              <li key={i}>{t("jury.assignment.pair", { a: p.a, b: p.b, count: p.count })}</li>
            ))}
          </ul>
        </>
      )}
      {overview.recused.length > 0 ? (
        <>
          <h3>{t("jury.assignment.recused_title")}</h3>
          <ul>
            {overview.recused.map((r) => (
              <li key={r.id}>
                <bdi>{r.title}</bdi> — <bdi>{r.juror}</bdi>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("jury.assignment.adjust_title")}</h2>
      <ValidatedForm id="add" schema={() => import("../forms/jury").then((m) => m.addAssignmentSchema)} result={resultFor("add")} defaultValues={{ maxLoad: defaults.maxLoad }}>
        <input type="hidden" name="intent" value="add" />
        <SelectField name="memberId" label={t("jury.juror")} placeholder={t("fields.choose")} options={jurorOptions} />
        <SelectField name="applicationId" label={t("jury.application")} placeholder={t("fields.choose")} options={overview.applications.map((a) => ({ value: a.id, label: a.title }))} />
        <TextField name="maxLoad" type="number" label={t("jury.assignment.max_load")} />
        <SubmitButton secondary>{t("jury.assignment.add")}</SubmitButton>
      </ValidatedForm>
      {removable.length > 0 ? (
        <>
          <ValidatedForm id="swap" schema={() => import("../forms/jury").then((m) => m.swapAssignmentSchema)} result={resultFor("swap")} defaultValues={{ maxLoad: defaults.maxLoad }}>
            <input type="hidden" name="intent" value="swap" />
            <SelectField name="assignmentId" label={t("jury.assignment.which")} placeholder={t("fields.choose")} options={removable} />
            <SelectField name="memberId" label={t("jury.assignment.swap_to")} placeholder={t("fields.choose")} options={jurorOptions} />
            <TextField name="maxLoad" type="number" label={t("jury.assignment.max_load")} />
            <SubmitButton secondary>{t("jury.assignment.swap")}</SubmitButton>
          </ValidatedForm>
          <ValidatedForm id="remove" schema={() => import("../forms/jury").then((m) => m.removeAssignmentSchema)} result={resultFor("remove")}>
            <input type="hidden" name="intent" value="remove" />
            <SelectField name="assignmentId" label={t("jury.assignment.which")} placeholder={t("fields.choose")} options={removable} />
            <SubmitButton secondary>{t("jury.assignment.remove")}</SubmitButton>
          </ValidatedForm>
        </>
      ) : null}

      <h2>{t("jury.assignment.publish_title")}</h2>
      <p>{overview.unpublished > 0 ? t("jury.assignment.unpublished", { count: overview.unpublished }) : t("jury.assignment.nothing_unpublished")}</p>
      <ValidatedForm id="publish" schema={() => import("../forms/jury").then((m) => m.publishSchema)} result={resultFor("publish")}>
        <input type="hidden" name="intent" value="publish" />
        <Checkbox name="confirm" label={t("jury.assignment.publish_confirm")} />
        <SubmitButton>{t("jury.assignment.publish")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../components/error-boundary";
