import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { authorize, can, requirePermission } from "../accounts/server/permissions.server";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { LocalTime } from "../kernel/components/local-time";
import { internalDeadlineSchema } from "../nominations/forms/nomination.server";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import { formatDate, formatDateTime, localized, textsOf } from "../kernel/i18n";
import { countryName } from "../kernel/i18n/countries";
import {
  currentNominationEdition,
  getInternalDeadline,
  latestEntityEdition,
  listApplicationsForEntity,
  quotaUsage,
  setInternalDeadline,
} from "../nominations/models/nomination.server";
import areaCss from "../styles/nominations.css";
import { parisLocalToInstant, toLocal } from "../kernel/domain/paris-time";
import { DataTable } from "../kernel/components/table";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { shownPseudonym } from "../kernel/components/i18n";

export const handle = { title: "nominations.title" };
export const links = () => [{ rel: "stylesheet", href: areaCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "nomination.workspace");
  const url = new URL(request.url);
  const wanted = url.searchParams.get("entity");
  if (wanted) authorize(user, "entity.act", { entityId: wanted });
  const entity = wanted
    ? user.entities.find((e) => e.id === wanted)
    : user.entities.length === 1
      ? user.entities[0]
      : undefined;
  if (!entity)
    return { choose: user.entities.map((e) => ({ id: e.id, name: e.name })), entity: null, edition: null } as const;
  const edition = currentNominationEdition(url.searchParams.get("edition"));
  // The entity's latest earlier edition stays in reach, call open or not: its laureates, citations.
  const past = latestEntityEdition(entity.id, edition?.id);
  const earlier = past
    ? { ...past, applications: listApplicationsForEntity({ entityId: entity.id, editionId: past.id }) }
    : null;
  if (!edition) return { choose: null, entity, edition: null, earlier } as const;
  const internalDeadline = getInternalDeadline({ entityId: entity.id, editionId: edition.id });
  return {
    choose: null,
    entity,
    earlier,
    edition: { ...edition, deadlinePassed: edition.deadlineAt.getTime() <= Date.now() },
    applications: listApplicationsForEntity({ entityId: entity.id, editionId: edition.id }),
    quota: quotaUsage({ entityId: entity.id, editionId: edition.id }),
    internalDeadline,
    internalDeadlineValue: internalDeadline ? toLocal(internalDeadline) : "",
  } as const;
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "nomination.workspace");
  const form = await validateForm(request, internalDeadlineSchema);
  if (!form.ok) return refused(form.errors, form.values);
  const edition = currentNominationEdition(form.data.editionId);
  // Another entity's id is a tampered form (400), like an edition that is not the current one.
  const entity = can(user, "entity.act", { entityId: form.data.entityId })
    ? user.entities.find((e) => e.id === form.data.entityId)
    : undefined;
  if (!entity || !edition || edition.id !== form.data.editionId) {
    return data(
      { errors: fieldError("internalDeadline", "errors.form_tampered"), values: form.values },
      { status: 400 },
    );
  }
  const deadline = form.data.internalDeadline ? parisLocalToInstant(form.data.internalDeadline) : null;
  if (form.data.internalDeadline && !deadline)
    return data(
      { errors: fieldError("internalDeadline", "errors.datetime_invalid"), values: form.values },
      { status: 400 },
    );
  // An earlier date than UNESCO's, still ahead: a later one would tell candidates less than the
  // call does, a past one nothing.
  const refusal =
    deadline && deadline.getTime() <= Date.now()
      ? "errors.internal_deadline_past"
      : deadline && deadline.getTime() >= new Date(edition.deadlineAt).getTime()
        ? "errors.internal_deadline_after"
        : null;
  if (refusal)
    return data(
      {
        errors: fieldError("internalDeadline", refusal, { date: toLocal(edition.deadlineAt).replace("T", " ") }),
        values: form.values,
      },
      { status: 400 },
    );
  setInternalDeadline({ entityId: entity.id, editionId: edition.id, actorId: user.id, deadline });
  return redirect(
    `/nominations?entity=${encodeURIComponent(entity.id)}&edition=${encodeURIComponent(edition.id)}&saved=1`,
  );
});

type Listed = ReturnType<typeof listApplicationsForEntity>;

/** The applications sent to the entity, each linked to its page. */
function ApplicationTable({
  rows,
  entityId,
  deadlinePassed,
}: {
  rows: Listed;
  entityId: string;
  /** Past the UNESCO deadline, one still waiting was not nominated (its applicant reads the same). */
  deadlinePassed: boolean;
}) {
  const t = useT();
  const q = `?entity=${encodeURIComponent(entityId)}`;
  return (
    <DataTable
      rows={rows}
      empty="nominations.empty"
      columns={[
        { head: "nominations.col.reference", cell: (a) => a.reference },
        {
          head: "nominations.col.title",
          cell: (a) => <Link to={`/nominations/${a.id}${q}`}>{shownPseudonym(a.title, t)}</Link>,
          dir: "auto",
        },
        { head: "nominations.col.country", cell: (a) => countryName(a.country, t.locale) },
        {
          head: "nominations.col.state",
          cell: (a) =>
            t(
              deadlinePassed && a.state === "awaiting_nominator"
                ? "nominations.state.not_nominated_in_time"
                : `nominations.state.${a.state}`,
            ),
        },
        { head: "nominations.col.sent", cell: (a) => (a.sentAt ? formatDate(new Date(a.sentAt), t.locale) : "") },
      ]}
    />
  );
}

export default function NominationsWorkspace() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (loaded.choose) {
    return (
      <>
        <h1>{t("nominations.choose_entity")}</h1>
        <p>{t("nominations.choose_entity_intro")}</p>
        <ul>
          {loaded.choose.map((e) => (
            <li key={e.id}>
              <Link to={`/nominations?entity=${encodeURIComponent(e.id)}`}>
                <bdi>{e.name}</bdi>
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const { entity, edition } = loaded;
  if (!entity || !edition || !("applications" in loaded)) {
    const earlier = "earlier" in loaded ? loaded.earlier : null;
    return (
      <>
        <h1>{t("nominations.title")}</h1>
        <p className="panel">{t(entity && earlier ? "nominations.no_edition_earlier" : "nominations.no_edition")}</p>
        {entity && earlier ? <EarlierEdition earlier={earlier} entityId={entity.id} /> : null}
      </>
    );
  }
  const { applications, quota, internalDeadline, internalDeadlineValue } = loaded;
  const theme = localized(t.locale, textsOf(edition, "theme"));
  return (
    <>
      <h1>{t("nominations.title")}</h1>
      {params.get("saved") ? <Notice>{t("nominations.internal_deadline_saved")}</Notice> : null}
      <p className="lead">{t("nominations.edition", { year: edition.year, theme })}</p>
      <p>
        {t("nominations.deadline", { date: formatDateTime(new Date(edition.deadlineAt), t.locale) })}
        <LocalTime at={edition.deadlineAt} />
      </p>
      {edition.deadlinePassed ? <p className="notice">{t("nominations.deadline_passed")}</p> : null}
      <p className="quota">{t("nominations.quota", { used: quota.used, quota: quota.quota })}</p>
      {quota.used >= quota.quota && !edition.deadlinePassed ? (
        // Said before a nominator opens a waiting application, whose page no longer offers to nominate it.
        <p className="notice">{t("nominations.quota_full_list", { quota: quota.quota })}</p>
      ) : (
        <p className="hint">{t("nominations.quota_hint", { quota: quota.quota })}</p>
      )}
      <h2>{t("nominations.list_title", { entity: entity.name })}</h2>
      <ApplicationTable rows={applications} entityId={entity.id} deadlinePassed={edition.deadlinePassed} />
      <h2>{t("nominations.internal_deadline_title")}</h2>
      <p>
        {internalDeadline ? (
          <>
            {t("nominations.internal_deadline_current", { date: formatDateTime(new Date(internalDeadline), t.locale) })}
            <LocalTime at={internalDeadline} />
          </>
        ) : (
          t("nominations.internal_deadline_none")
        )}
      </p>
      <ValidatedForm
        id="internal-deadline"
        result={result}
        defaultValues={{ internalDeadline: internalDeadlineValue }}
        schema={() => import("../nominations/forms/nomination").then((m) => m.internalDeadlineSchema)}
      >
        <input type="hidden" name="entityId" value={entity.id} />
        <input type="hidden" name="editionId" value={edition.id} />
        <TextField
          name="internalDeadline"
          type="datetime-local"
          label={t("nominations.internal_deadline_field")}
          hint={t("nominations.internal_deadline_hint")}
        />
        <SubmitButton>{t("nominations.internal_deadline_submit")}</SubmitButton>
      </ValidatedForm>
      {loaded.earlier ? <EarlierEdition earlier={loaded.earlier} entityId={entity.id} /> : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

/** The entity's applications of its latest earlier edition, with their outcome. */
function EarlierEdition({
  earlier,
  entityId,
}: {
  earlier: NonNullable<SerializeFrom<typeof loader>["earlier"]>;
  entityId: string;
}) {
  const t = useT();
  return (
    <>
      <h2>
        {t("nominations.earlier_title", { year: earlier.year, theme: localized(t.locale, textsOf(earlier, "theme")) })}
      </h2>
      <ApplicationTable rows={earlier.applications} entityId={entityId} deadlinePassed />
    </>
  );
}
