// An edition's process as its observer sees it: assignment and progress in figures, the
// deliberation's outcome and the decision once recorded, and the observer's own note. Read-only
// but for the note; applications appear by reference and title, never with contact details.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { found, requirePermission } from "../accounts/server/permissions.server";
import { SubmitButton, TextArea, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { Notice } from "../kernel/components/notice";
import { DataTable } from "../kernel/components/table";
import { refused, validateForm } from "../kernel/forms/validate.server";
import { formatDateTime } from "../kernel/i18n";
import { observerNoteSchema } from "../results/forms/observer-note.server";
import { getObserverNote, observerOverview, saveObserverNote } from "../results/models/observer.server";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { ShownName } from "../kernel/components/i18n";

export const handle = { title: "observer.title" };

const at = (d: Date | null | undefined) => d?.getTime() ?? null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edition.observe", { editionId: params.editionId });
  const o = found(await observerOverview({ editionId: params.editionId ?? "" }));
  const note = getObserverNote({ editionId: o.edition.id, userId: user.id });
  return {
    edition: { id: o.edition.id, year: o.edition.year, phase: o.edition.phase },
    scoringState: o.scoringState,
    jurors: o.jurors,
    applicationTotals: o.applicationTotals,
    publishedAssignments: o.publishedAssignments,
    deliberation: o.deliberation
      ? { ...o.deliberation, openedAt: at(o.deliberation.openedAt), closedAt: at(o.deliberation.closedAt) }
      : null,
    recommendation: o.recommendation ? { ...o.recommendation, at: at(o.recommendation.at) } : null,
    decision: o.decision ? { ...o.decision, at: at(o.decision.at) } : null,
    note: { text: note?.note ?? "", updatedAt: at(note?.updatedAt) },
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "edition.observe", { editionId: params.editionId });
  const editionId = params.editionId ?? "";
  const form = await validateForm(request, observerNoteSchema);
  if (!form.ok) return refused(form.errors, form.values);
  found(saveObserverNote({ editionId, userId: user.id, note: form.data.note }));
  return redirect(`/observe/${editionId}?saved=1#note`);
});

function Applications({ rows }: { rows: { id: string; reference: string; title: string }[] }) {
  return (
    <ul>
      {rows.map((a) => (
        <li key={a.id}>
          <span dir="ltr">{a.reference}</span> — <ShownName text={a.title} />
        </li>
      ))}
    </ul>
  );
}

export default function ObserverOverview() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const totals = d.applicationTotals;
  return (
    <>
      <h1>{t("observer.title_year", { year: d.edition.year })}</h1>
      <p className="lead">{t("observer.lead")}</p>
      <nav aria-label={t("observer.pages")}>
        <ul>
          <li>
            <Link to={`/observe/${d.edition.id}/results`}>{t("observer.results_link")}</Link>
          </li>
          <li>
            <Link to={`/observe/${d.edition.id}/integrity`}>{t("observer.integrity_link")}</Link>
          </li>
          <li>
            <Link to={`/observe/${d.edition.id}/audit`}>{t("observer.audit_link")}</Link>
          </li>
        </ul>
      </nav>
      <h2>{t("observer.assignment_title")}</h2>
      <p>{t("observer.assignment_text", { assignments: d.publishedAssignments })}</p>
      <h2>{t("observer.progress_title")}</h2>
      <p>
        {t("observer.progress_text", {
          applications: totals.total,
          done: totals.done,
          open: totals.open,
          unreviewed: totals.unreviewed,
        })}
      </p>
      <p>{t(`observer.scoring_${d.scoringState}`)}</p>
      <DataTable
        rows={d.jurors}
        empty="observer.no_jurors"
        columns={[
          { head: "observer.col_juror", cell: (j) => <ShownName text={j.name} />, rowHeader: true },
          { head: "observer.col_assigned", cell: (j) => j.assigned + j.draft },
          { head: "observer.col_submitted", cell: (j) => j.submitted },
          { head: "observer.col_recused", cell: (j) => j.recused },
          { head: "observer.col_late", cell: (j) => (j.late ? t("observer.yes") : t("observer.no")) },
        ]}
      />
      <h2>{t("observer.deliberation_title")}</h2>
      {d.deliberation ? (
        <>
          <p>
            {d.deliberation.closedAt
              ? t("observer.ballot_closed", { date: formatDateTime(d.deliberation.closedAt, t.locale) })
              : t("observer.ballot_open", { date: formatDateTime(d.deliberation.openedAt ?? 0, t.locale) })}
          </p>
          <h3>{t("observer.shortlist")}</h3>
          <Applications rows={d.deliberation.shortlist} />
        </>
      ) : (
        <p>{t("observer.no_deliberation")}</p>
      )}
      {d.recommendation ? (
        <>
          <h3>{t("observer.recommendation", { date: formatDateTime(d.recommendation.at ?? 0, t.locale) })}</h3>
          <Applications rows={d.recommendation.applications} />
        </>
      ) : null}
      <h2>{t("observer.decision_title")}</h2>
      {d.decision ? (
        <>
          <p>{t("observer.decided", { date: formatDateTime(d.decision.at ?? 0, t.locale) })}</p>
          <Applications rows={d.decision.laureates} />
          {d.decision.sha256 ? (
            <p>
              {t("observer.snapshot_hash")} <code dir="ltr">{d.decision.sha256}</code>
            </p>
          ) : null}
        </>
      ) : (
        <p>{t("observer.no_decision")}</p>
      )}
      <h2 id="note">{t("observer.note_title")}</h2>
      {params.get("saved") ? <Notice>{t("observer.note_saved")}</Notice> : null}
      <p>{d.decision ? t("observer.note_after_decision") : t("observer.note_hint")}</p>
      {d.note.updatedAt ? (
        <p className="muted">{t("observer.note_updated", { date: formatDateTime(d.note.updatedAt, t.locale) })}</p>
      ) : null}
      <ValidatedForm
        id="observer-note"
        schema={() => import("../results/forms/observer-note").then((m) => m.observerNoteSchema)}
        result={result}
        defaultValues={{ note: d.note.text }}
      >
        <TextArea name="note" label={t("observer.note_label")} rows={8} />
        <SubmitButton>{t("observer.note_submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
