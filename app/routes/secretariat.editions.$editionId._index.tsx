import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireSecretariat } from "../accounts/server/permissions.server";
import { ShownName, shownPseudonym, useT } from "../kernel/components/i18n";
import { formatDate, formatDateTime, localized, textsOf } from "../kernel/i18n";
import { nextPhase, previousPhase } from "../editions/domain/constants";
import { backwardsBlocker, isAdjacentPhase } from "../editions/models/edition.server";
import { editionOr404, editionPost } from "../editions/server/secretariat.server";
import { editionObserverList, leftObserverList, removeEditionObserver } from "../results/models/observer.server";
import { observerRemovalSchema } from "../results/forms/observer-note.server";
import { SubmitButton, ValidatedForm } from "../kernel/components/form";
import { DataTable, type Column } from "../kernel/components/table";
import editionsCss from "../styles/editions.css";
import { routeHead } from "../kernel/components/route-head";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("editions.overview_title", editionsCss);

/** `to`, if the phase page may make that move from `from`. */
const byHand = (from: string, to: string | null) => (to !== null && isAdjacentPhase(from, to) ? to : null);

/** The move back, unless the jury's work forbids it now: then why, in place of the link. */
function previousMove(editionId: string, from: string) {
  const previous = byHand(from, previousPhase(from));
  const blocker = previous ? backwardsBlocker({ editionId, from, to: previous }) : null;
  return blocker ? { previous: null, previousBlocker: blocker } : { previous, previousBlocker: null };
}

/**
 * A removal that names an observer or invitation no longer on the list (removed from another tab,
 * accepted or expired meanwhile) goes back to the list, which says so; an id this edition's list
 * never held is no page, so another edition's observer stays out of reach.
 */
function staleOrUnknown(editionId: string, id: string): never {
  if (leftObserverList({ editionId, id })) throw redirect(`/secretariat/editions/${editionId}?not_removed=1#observers`);
  notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const { edition: e, criteria, rules } = editionOr404(params.editionId);
  const { observers, pending } = editionObserverList({ editionId: e.id });
  // `?remove=<id>` is the confirmation step of removing an observer or withdrawing an invitation;
  // an id this edition's lists do not hold is no page, so another edition's observer stays out of reach.
  const removeId = new URL(request.url).searchParams.get("remove");
  const removingObserver = removeId ? observers.find((o) => o.id === removeId) : undefined;
  const removingInvitation = removeId ? pending.find((i) => i.id === removeId) : undefined;
  if (removeId && !removingObserver && !removingInvitation) staleOrUnknown(e.id, removeId);
  const removing = removingObserver ?? removingInvitation;
  return {
    observers: observers.map((o) => ({
      id: o.id,
      name: o.name,
      email: o.email,
      since: o.since.getTime(),
      noteFiledAt: o.noteFiledAt?.getTime() ?? null,
    })),
    pending: pending.map((i) => ({
      id: i.id,
      name: i.name,
      email: i.email,
      sentAt: i.sentAt.getTime(),
      expiresAt: i.expiresAt.getTime(),
    })),
    removing: removing
      ? { id: removing.id, name: removing.name, email: removing.email, invitation: !removingObserver }
      : null,
    edition: {
      id: e.id,
      year: e.year,
      themeEn: e.themeEn,
      themeFr: e.themeFr,
      themeAr: e.themeAr,
      phase: e.phase,
      lockedAt: e.lockedAt?.getTime() ?? null,
      dates: [
        ["editions.call_opens_at", e.callOpensAt.getTime()],
        ["editions.deadline_at", e.deadlineAt.getTime()],
        ["editions.scoring_opens_at", e.scoringOpensAt.getTime()],
        ["editions.scoring_closes_at", e.scoringClosesAt.getTime()],
        ["editions.announcement_at", e.announcementAt.getTime()],
      ] as [string, number][],
      laureateCount: e.laureateCount,
      quotaPerEntity: e.quotaPerEntity,
      reviewersPerApplication: e.reviewersPerApplication,
      reminderDaysBefore: e.reminderDaysBefore,
      scaleMin: e.scaleMin,
      scaleMax: e.scaleMax,
      method: e.method,
    },
    criteriaCount: criteria.length,
    rulesCount: rules.length,
    // The moves the phase page makes (the decision and the announcement move on their own pages).
    moves: { next: byHand(e.phase, nextPhase(e.phase)), ...previousMove(e.id, e.phase) },
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const form = await editionPost(request, params.editionId, observerRemovalSchema);
  if (!form.ok) return form.refusal;
  const done = removeEditionObserver({ editionId: form.editionId, id: form.data.id, actorId: user.id });
  if (!done) staleOrUnknown(form.editionId, form.data.id);
  return redirect(
    `/secretariat/editions/${form.editionId}?${done === "observer" ? "removed" : "withdrawn"}=1#observers`,
  );
});

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/** The confirmation step of a removal, on a page of its own so that it works without JavaScript. */
function RemovalStep({ edition, removing }: { edition: Loaded["edition"]; removing: NonNullable<Loaded["removing"]> }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const vars = { name: shownPseudonym(removing.name, t), email: removing.email, year: edition.year };
  return (
    <>
      <p>
        <Link to={`/secretariat/editions/${edition.id}`}>{t("editions.overview_heading", { year: edition.year })}</Link>
      </p>
      <h1>{t(removing.invitation ? "editions.observers_withdraw_title" : "editions.observers_remove_title")}</h1>
      <p className="lead">
        {t(removing.invitation ? "editions.observers_withdraw_confirm" : "editions.observers_remove_confirm", vars)}
      </p>
      <ValidatedForm
        id="observer-removal"
        schema={() => import("../results/forms/observer-note").then((m) => m.observerRemovalSchema)}
        result={result}
      >
        <input type="hidden" name="editionId" value={edition.id} />
        <input type="hidden" name="id" value={removing.id} />
        <div className="button-row">
          <SubmitButton>
            {t(removing.invitation ? "editions.observers_withdraw_submit" : "editions.observers_remove_submit")}
          </SubmitButton>
          <Link to={`/secretariat/editions/${edition.id}#observers`}>{t("editions.cancel")}</Link>
        </div>
      </ValidatedForm>
    </>
  );
}

/** An observer or an open invitation: named, reached at an address, removable. */
type Person = { id: string; name: string; email: string };

/** The edition's observers and open observer invitations, each with its removal step. */
function ObserverList({ observers, pending }: Pick<Loaded, "observers" | "pending">) {
  const t = useT();
  // Who, at which address, and what comes between them and the removal step.
  const columns = <R extends Person>(...between: Column<R>[]): Column<R>[] => [
    { head: "editions.observers_col_name", cell: (r) => <ShownName text={r.name} />, rowHeader: true },
    { head: "editions.observers_col_email", cell: (r) => r.email, dir: "ltr" },
    ...between,
    {
      head: "editions.observers_col_remove",
      cell: (r) => <Link to={`?remove=${r.id}`}>{t("editions.observers_remove")}</Link>,
    },
  ];
  return (
    <>
      <h2 id="observers">{t("editions.observers_list_title")}</h2>
      {observers.length === 0 && pending.length === 0 ? <p>{t("editions.observers_list_empty")}</p> : null}
      {observers.length ? (
        <DataTable
          rows={observers}
          columns={columns<(typeof observers)[number]>(
            { head: "editions.observers_col_since", cell: (o) => formatDate(o.since, t.locale) },
            {
              head: "editions.observers_col_note",
              cell: (o) =>
                o.noteFiledAt
                  ? t("editions.observers_note_filed_on", { date: formatDate(o.noteFiledAt, t.locale) })
                  : t("editions.observers_note_none"),
            },
          )}
        />
      ) : null}
      {pending.length ? (
        <>
          <h3>{t("editions.observers_pending_title")}</h3>
          <DataTable
            rows={pending}
            columns={columns<(typeof pending)[number]>(
              { head: "editions.observers_col_sent", cell: (i) => formatDate(i.sentAt, t.locale) },
              { head: "editions.observers_col_expires", cell: (i) => formatDate(i.expiresAt, t.locale) },
            )}
          />
        </>
      ) : null}
      <p>
        <Link to="/secretariat/invitations?new=observer">{t("editions.observers_list_invite")}</Link>
      </p>
    </>
  );
}

export default function EditionOverview() {
  const t = useT();
  const { edition: e, criteriaCount, rulesCount, observers, pending, removing, moves } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (removing) return <RemovalStep edition={e} removing={removing} />;
  const { next, previous, previousBlocker } = moves;
  const notice = params.get("created")
    ? "editions.created"
    : params.get("saved")
      ? "editions.saved"
      : params.get("phase")
        ? "editions.phase_changed"
        : params.get("phase_already")
          ? "editions.phase_already"
          : params.get("removed")
            ? "editions.observers_removed"
            : params.get("withdrawn")
              ? "editions.observers_withdrawn"
              : params.get("not_removed")
                ? "editions.observers_not_removed"
                : null;
  return (
    <>
      <p>
        <Link to="/secretariat/editions">{t("editions.list_title")}</Link>
      </p>
      <h1>{t("editions.overview_heading", { year: e.year })}</h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      <p className="lead">
        <bdi>{localized(t.locale, textsOf(e, "theme"))}</bdi>
      </p>
      <h2>{t("editions.phase")}</h2>
      <p>
        {t("editions.current_phase")} <strong>{t(`phase.${e.phase}`)}</strong>
        {e.lockedAt ? <> · {t("editions.locked_since", { date: formatDateTime(e.lockedAt, t.locale) })}</> : null}
      </p>
      <ul className="editions-actions">
        {next ? (
          <li>
            <Link to={`/secretariat/editions/${e.id}/phase?to=${next}`} className="button">
              {t("editions.move_to", { phase: t(`phase.${next}`) })}
            </Link>
          </li>
        ) : null}
        {previous ? (
          <li>
            <Link to={`/secretariat/editions/${e.id}/phase?to=${previous}`}>
              {t("editions.back_to", { phase: t(`phase.${previous}`) })}
            </Link>
          </li>
        ) : null}
      </ul>
      {previousBlocker ? <p className="hint">{t(previousBlocker)}</p> : null}
      <h2>{t("editions.settings_title")}</h2>
      <dl className="editions-summary">
        {e.dates.map(([key, at]) => (
          <div key={key} className="editions-summary-row">
            <dt>{t(key)}</dt>
            <dd>{t("editions.paris_time", { date: formatDateTime(at, t.locale) })}</dd>
          </div>
        ))}
        {(
          [
            ["editions.laureate_count", e.laureateCount],
            ["editions.quota_per_entity", e.quotaPerEntity],
            ["editions.reviewers_per_application", e.reviewersPerApplication],
            ["editions.reminder_days", e.reminderDaysBefore > 0 ? e.reminderDaysBefore : t("editions.reminder_off")],
            [
              "editions.scale",
              // A range of numbers reads left to right: in an Arabic paragraph "1–10" would show "10–1".
              <bdi dir="ltr">{`${e.scaleMin}–${e.scaleMax}`}</bdi>,
            ],
            ["editions.method", t(`editions.method_${e.method}`)],
          ] as const
        ).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ul className="editions-actions">
        <li>
          <Link to={`/secretariat/editions/${e.id}/settings`}>{t("editions.edit_settings")}</Link>
        </li>
        <li>
          <Link to={`/secretariat/editions/${e.id}/criteria`}>
            {t("editions.edit_criteria", { count: criteriaCount })}
          </Link>
        </li>
        <li>
          <Link to={`/secretariat/editions/${e.id}/eligibility`}>
            {t("editions.edit_rules", { count: rulesCount })}
          </Link>
        </li>
        <li>
          <Link to={`/secretariat/editions/${e.id}/sections`}>{t("editions.edit_sections")}</Link>
        </li>
      </ul>
      <h2>{t("edition_links.title")}</h2>
      <ul className="editions-actions">
        {(["jury", "conflicts", "assignment", "progress", "results", "deliberation", "decision"] as const).map(
          (page) => (
            <li key={page}>
              <Link to={`/secretariat/editions/${e.id}/${page}`}>{t(`edition_links.${page}`)}</Link>
            </li>
          ),
        )}
        <li>
          <Link to={`/secretariat/screening?edition=${e.id}`}>{t("edition_links.screening")}</Link>
        </li>
      </ul>
      <ObserverList observers={observers} pending={pending} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
