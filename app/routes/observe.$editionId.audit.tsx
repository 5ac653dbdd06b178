// The edition's audit log as its observer reads it: what was done, by whom, when — the details
// (which may name an invitee's address) stay with the secretariat.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { found, requirePermission } from "../accounts/server/permissions.server";
import { ShownName, useT } from "../kernel/components/i18n";
import { Pager, pageParam } from "../kernel/components/pager";
import { DataTable } from "../kernel/components/table";
import { FilterSelect } from "../kernel/components/filter-select";
import { formatDateTime, formatNumber } from "../kernel/i18n";
import { ObserverHeading } from "../results/components/observer";
import { getEditionBrief } from "../results/models/results.server";
import { editionAuditLog } from "../results/models/observer.server";

export const handle = { title: "observer.audit_title" };

type T = ReturnType<typeof useT>;

/**
 * An audit row's action or object type in the reader's words (audit.action.<code> and
 * audit.object.<type> in audit.json), or null when the catalogue has none (an old
 * row's code, say): the page then shows the code itself, never a catalogue key.
 */
function inWords(t: T, key: string): string | null {
  const words = t(key);
  return words === key ? null : words;
}

/** An action's words, or its code when the catalogue has none. */
function actionWords(t: T, code: string): string {
  return inWords(t, `audit.action.${code}`) ?? code;
}

/** The action in words, with its code beside it: the code is what exports and `npm run audit:verify` name. */
function AuditAction({ t, code }: { t: T; code: string }) {
  const words = inWords(t, `audit.action.${code}`);
  if (!words) return <code dir="ltr">{code}</code>;
  return (
    <>
      {words}
      <br />
      <small className="muted">
        <code dir="ltr">{code}</code>
      </small>
    </>
  );
}

function AuditObject({ t, type }: { t: T; type: string }) {
  return inWords(t, `audit.object.${type}`) ?? <code dir="ltr">{type}</code>;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edition.observe", { editionId: params.editionId });
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  // `?action=<code>` shows one action's rows; a code the log does not hold shows them all.
  const action = new URL(request.url).searchParams.get("action");
  const log = editionAuditLog({ editionId: edition.id, page: pageParam(request), action });
  return {
    edition: { id: edition.id, year: edition.year },
    ...log,
    rows: log.rows.map((r) => ({ ...r, at: r.at.getTime() })),
  };
}

export default function ObserverAuditLog() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <ObserverHeading title="observer.audit_title_year" edition={d.edition} />
      {d.actions.length === 0 ? null : (
        <Form method="get" className="filters" aria-label={t("observer.audit_filter")}>
          <FilterSelect
            id="audit-action"
            name="action"
            label={t("observer.audit_filter_action")}
            value={d.action ?? ""}
            all={t("observer.audit_filter_all")}
            options={d.actions.map((a) => ({
              value: a.action,
              label: `${actionWords(t, a.action)} (${formatNumber(a.rows, t.locale)})`,
            }))}
          />
          <button type="submit" className="button">
            {t("observer.audit_filter_submit")}
          </button>
        </Form>
      )}
      {d.action ? (
        <p>
          <Link to={`/observe/${d.edition.id}/audit`}>{t("observer.audit_filter_reset")}</Link>
        </p>
      ) : null}
      <p role="status">
        {d.action
          ? t("observer.audit_lead_action", {
              entries: d.total,
              name: actionWords(t, d.action),
            })
          : t("observer.audit_lead", { entries: d.total })}
      </p>
      <DataTable
        rows={d.rows}
        empty="observer.audit_empty"
        columns={[
          { head: "observer.col_when", cell: (r) => formatDateTime(r.at, t.locale) },
          { head: "observer.col_action", cell: (r) => <AuditAction t={t} code={r.action} /> },
          { head: "observer.col_object", cell: (r) => <AuditObject t={t} type={r.objectType} /> },
          { head: "observer.col_actor", cell: (r) => (r.actor ? <ShownName text={r.actor} /> : "—") },
        ]}
      />
      <Pager page={d.page} pages={d.pages} search={params.toString()} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
