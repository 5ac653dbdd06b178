import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { found, notFound, requireSecretariat } from "../accounts/server/permissions.server";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { PostForm, useT } from "../kernel/components/i18n";
import { JurySecretariatNav } from "../jury/components/secretariat-nav";
import { Pager, pageParam } from "../kernel/components/pager";
import { progressSchema } from "../jury/forms/jury.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { formatDateTime } from "../kernel/i18n";
import { editionProgress, reopenScoring, sendReminders } from "../jury/models/progress.server";
import { getJuryEdition, JURY_PAGE_SIZE, scoringDeadlineKey } from "../jury/models/shared.server";
import juryCss from "../styles/jury.css";
import { siteOrigin } from "../kernel/server/site.server";
import { DataTable, type Column } from "../kernel/components/table";
import { REVIEW_STATES } from "../jury/domain/jury";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { ShownName, shownPseudonym } from "../kernel/components/i18n";

export const handle = { title: "jury.progress.title" };
export const links = () => [{ rel: "stylesheet", href: juryCss }];

/** A column for each state a review can be in, counting the row's reviews in that state. */
function stateColumns<Row extends Record<(typeof REVIEW_STATES)[number], number>>(): Column<Row>[] {
  return REVIEW_STATES.map((state) => ({ head: `jury.state.${state}`, cell: (row) => row[state] }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const progress = await editionProgress({
    editionId: params.editionId ?? "",
    page: pageParam(request),
  });
  if (!progress) notFound();
  const { edition, jurors: all, ...applicationsAndScoring } = progress;
  // The jury is small (five at the prize's scale); a large one is shown a page at a time, late jurors first.
  const ordered = [...all.filter((j) => j.late), ...all.filter((j) => !j.late)];
  const jurorPages = Math.max(1, Math.ceil(ordered.length / JURY_PAGE_SIZE));
  const jurorPage = Math.min(pageParam(request, "jurors"), jurorPages);
  const jurors = ordered
    .slice((jurorPage - 1) * JURY_PAGE_SIZE, jurorPage * JURY_PAGE_SIZE)
    .map(({ remindedAt, nextReminderAt, ...j }) => ({
      ...j,
      remindedAt: remindedAt?.getTime() ?? null,
      // Reminded less than a day ago: the row says when the next can go, not a button that is refused.
      nextReminderAt: nextReminderAt?.getTime() ?? null,
    }));
  return {
    edition: {
      id: edition.id,
      year: edition.year,
      closesAt: edition.scoringClosesAt.getTime(),
      deadline: scoringDeadlineKey(edition),
      phase: edition.phase,
      reminderDays: edition.reminderDaysBefore,
    },
    jurors,
    late: ordered.filter((j) => j.late).length,
    withReviewsLeft: ordered.filter((j) => j.assigned + j.draft > 0).length,
    jurorPage,
    jurorPages,
    ...applicationsAndScoring,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const edition = found(getJuryEdition({ editionId: params.editionId ?? "" }));
  const form = await validateForm(request, progressSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values, intent: form.values.intent }, { status: 400 });
  const here = `/secretariat/editions/${edition.id}/progress`;
  if (form.data.intent === "remind") {
    const done = sendReminders({
      editionId: edition.id,
      actorId: user.id,
      memberId: form.data.memberId || undefined,
      origin: siteOrigin(),
    });
    if (!done.ok)
      return data(
        {
          errors: fieldError("form", done.error),
          values: form.values,
          intent: "remind",
        },
        { status: 400 },
      );
    return redirect(`${here}?reminded=${done.sent}${done.recent > 0 ? `&recent=${done.recent}` : ""}`);
  }
  const done = reopenScoring({
    editionId: edition.id,
    actorId: user.id,
    days: form.data.days,
  });
  if (!done.ok)
    return data(
      {
        errors: fieldError(done.field, done.error),
        values: form.values,
        intent: "reopen_scoring",
      },
      { status: 400 },
    );
  return redirect(`${here}?reopened=1`);
});

export default function ProgressPage() {
  const t = useT();
  const {
    edition,
    jurors,
    withReviewsLeft,
    jurorPage,
    jurorPages,
    applications,
    applicationTotals,
    page,
    pages,
    open,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const remindError = result?.intent === "remind" ? result.errors.form : undefined;
  return (
    <>
      <JurySecretariatNav editionId={edition.id} year={edition.year} />
      <h1>{t("jury.progress.title")}</h1>
      <p>
        {t(edition.deadline, {
          date: formatDateTime(edition.closesAt, t.locale),
        })}{" "}
        {open ? t("jury.progress.open") : t("jury.progress.closed")}
      </p>
      {params.get("reminded") ? (
        <Notice>
          {t("jury.progress.reminded", { count: params.get("reminded")! })}
          {Number(params.get("recent")) > 0
            ? ` ${t("jury.progress.reminded_lately", { count: Number(params.get("recent")) })}`
            : null}
        </Notice>
      ) : params.get("reopened") ? (
        <Notice>{t("jury.progress.reopened")}</Notice>
      ) : null}
      {remindError ? (
        <p className="notice" role="alert">
          {t(remindError.message)}
        </p>
      ) : null}
      {edition.phase === "scoring" && applicationTotals.done > 0 && applicationTotals.open === 0 ? (
        <p className="panel">
          {t("jury.progress.all_in")}{" "}
          <Link to={`/secretariat/editions/${edition.id}/phase?to=deliberation`}>
            {t("jury.progress.close_scoring_now")}
          </Link>
        </p>
      ) : null}
      <h2>{t("jury.progress.by_juror")}</h2>
      <p className="hint">
        {edition.reminderDays > 0
          ? t("jury.progress.late_hint", { days: edition.reminderDays })
          : t("jury.progress.late_off")}
      </p>
      <DataTable
        rows={jurors}
        empty="jury.progress.no_jurors"
        rowClassName={(j) => (j.late ? "jury-late" : undefined)}
        columns={[
          {
            head: "jury.juror",
            cell: (j) => (
              <>
                <ShownName text={j.name} />
                {j.late ? <> — {t("jury.progress.late")}</> : null}
              </>
            ),
          },
          ...stateColumns(),
          {
            head: "jury.progress.last_reminder",
            cell: (j) =>
              j.remindedAt === null
                ? t("jury.progress.reminder_none")
                : t(`jury.progress.reminder_${j.remindedKind ?? "manual"}`, {
                    date: formatDateTime(j.remindedAt, t.locale),
                  }),
          },
          {
            head: "jury.progress.actions",
            // Reminders only while scoring is open (they ask to finish it), and a day apart.
            cell: (j) =>
              !open || j.assigned + j.draft === 0 ? null : j.nextReminderAt !== null ? (
                t("jury.progress.remind_next", { date: formatDateTime(j.nextReminderAt, t.locale) })
              ) : (
                <PostForm place={`remind-${j.id}`} className="jury-inline-form">
                  <input type="hidden" name="intent" value="remind" />
                  <input type="hidden" name="memberId" value={j.id} />
                  <button
                    type="submit"
                    className="button secondary"
                    aria-label={t("jury.progress.remind_one", {
                      name: shownPseudonym(j.name, t),
                    })}
                  >
                    {t("jury.progress.remind")}
                  </button>
                </PostForm>
              ),
          },
        ]}
      />
      <Pager
        page={jurorPage}
        pages={jurorPages}
        search={params.toString()}
        param="jurors"
        label={t("jury.progress.juror_pages")}
      />
      {open && withReviewsLeft > 0 ? (
        <PostForm place="remind-all">
          <input type="hidden" name="intent" value="remind" />
          <SubmitButton>{t("jury.progress.remind_all")}</SubmitButton>
        </PostForm>
      ) : null}
      <h2>{t("jury.progress.by_application")}</h2>
      {applicationTotals.total === 0 ? (
        <p className="panel">{t("jury.progress.no_applications")}</p>
      ) : (
        <>
          <p>
            {t("jury.progress.application_summary", {
              total: applicationTotals.total,
              open: applicationTotals.open,
              done: applicationTotals.done,
              unreviewed: applicationTotals.unreviewed,
            })}
          </p>
          <DataTable
            rows={applications}
            columns={[
              {
                head: "jury.application",
                cell: (a) => (
                  <>
                    <ShownName text={a.title} /> (<bdi>{a.reference}</bdi>)
                  </>
                ),
              },
              ...stateColumns(),
            ]}
          />
          <Pager page={page} pages={pages} search={params.toString()} label={t("jury.progress.application_pages")} />
        </>
      )}
      {/* Scoring is extended only in its own phase (reopenScoring refuses any other). */}
      {edition.phase === "scoring" ? (
        <>
          <h2>{t("jury.progress.reopen_title")}</h2>
          <p>{t("jury.progress.reopen_text")}</p>
          <ValidatedForm
            id="reopen"
            schema={() => import("../jury/forms/jury").then((m) => m.reopenScoringSchema)}
            intent="reopen_scoring"
            result={result}
            defaultValues={{ days: "7" }}
          >
            <TextField name="days" type="number" label={t("jury.progress.days")} />
            <SubmitButton secondary>{t("jury.progress.reopen")}</SubmitButton>
          </ValidatedForm>
        </>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
