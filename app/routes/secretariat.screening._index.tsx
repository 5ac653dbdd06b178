import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { FilterSelects } from "../kernel/components/filter-select";
import { useT } from "../kernel/components/i18n";
import { SecretariatHead } from "../kernel/components/secretariat-head";
import { formatDate } from "../kernel/i18n";
import { countryName } from "../kernel/i18n/countries";
import { filterQuery, readFilters } from "../nominations/forms/screening-filters";
import { SCREENING_STATES } from "../nominations/domain/screening";
import { filterOptions, listEditionsForScreening, listNominated } from "../nominations/models/screening.server";
import areaCss from "../styles/nominations.css";
import { DataTable } from "../kernel/components/table";
import { shownPseudonym } from "../kernel/components/i18n";

export const handle = { title: "screening.title" };
export const links = () => [{ rel: "stylesheet", href: areaCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const editions = listEditionsForScreening();
  const filters = readFilters(new URL(request.url), editions);
  if (!filters.editionId) return { editions, filters, list: null, options: null };
  const { editionId, ...rest } = filters;
  return { editions, filters, list: listNominated({ editionId, ...rest }), options: filterOptions({ editionId }) };
}

// A language's own name, whatever the page's.
const LANGUAGES = [
  { value: "en", label: "English", lang: "en" },
  { value: "fr", label: "Français", lang: "fr" },
];

export default function Screening() {
  const t = useT();
  const { editions, filters, list, options } = useLoaderData<typeof loader>();
  if (!list || !options) {
    return (
      <>
        <h1>{t("screening.title")}</h1>
        <p className="panel">{t("screening.no_edition")}</p>
      </>
    );
  }
  const query = filterQuery(filters);
  const all = t("screening.all");
  const editionOptions = editions.map((e) => ({ value: e.id, label: `${e.year} (${t(`phase.${e.phase}`)})` }));
  const countryOptions = options.countries
    .map((c) => ({ value: c, label: countryName(c, t.locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, t.locale));
  const entityOptions = options.entities.map((e) => ({ value: e.id, label: e.name }));
  const stateOptions = SCREENING_STATES.map((s) => ({ value: s, label: t(`nominations.state.${s}`) }));
  return (
    <>
      <SecretariatHead title={t("screening.title")} />
      <Form method="get" className="filters" aria-label={t("screening.filters")}>
        <FilterSelects
          idPrefix="f-"
          filters={[
            { name: "edition", label: t("screening.edition"), value: filters.editionId, options: editionOptions },
            { name: "country", label: t("fields.country"), value: filters.country, all, options: countryOptions },
            { name: "entity", label: t("screening.entity"), value: filters.entityId, all, options: entityOptions },
            { name: "language", label: t("screening.language"), value: filters.language, all, options: LANGUAGES },
            { name: "state", label: t("screening.state"), value: filters.state, all, options: stateOptions },
          ]}
        />
        <button type="submit" className="button">
          {t("screening.filter_submit")}
        </button>
      </Form>
      <p>
        <Link to={`/secretariat/screening?${filterQuery({ editionId: filters.editionId })}`}>
          {t("screening.filter_reset")}
        </Link>
      </p>
      <p role="status">{t("screening.count", { count: list.total })}</p>
      <ul className="actions-list">
        <li>
          <a href={`/secretariat/screening/export.csv?${query}`} download>
            {t("screening.export_csv")}
          </a>
        </li>
        <li>
          <a href={`/secretariat/screening/export.xlsx?${query}`} download>
            {t("screening.export_xlsx")}
          </a>
        </li>
      </ul>
      <DataTable
        rows={list.rows}
        empty="screening.empty"
        columns={[
          {
            head: "nominations.col.reference",
            cell: (r) => <Link to={`/secretariat/screening/${r.id}`}>{r.reference}</Link>,
          },
          { head: "nominations.col.title", cell: (r) => shownPseudonym(r.title, t), dir: "auto" },
          { head: "nominations.col.country", cell: (r) => countryName(r.country, t.locale) },
          { head: "screening.col.entity", cell: (r) => r.entityName, dir: "auto" },
          { head: "nominations.col.state", cell: (r) => t(`nominations.state.${r.state}`) },
          {
            head: "screening.col.nominated",
            cell: (r) => (r.nominatedAt ? formatDate(new Date(r.nominatedAt), t.locale) : ""),
          },
          {
            head: "screening.col.flags",
            cell: (r) =>
              r.duplicates.map((d) => (
                <Link key={d.id} className="flag" to={`/secretariat/screening/${d.id}`}>
                  {t("screening.duplicate", { reference: d.reference })}
                </Link>
              )),
          },
        ]}
      />
      {list.pages > 1 ? (
        <nav className="pagination" aria-label={t("screening.pagination")}>
          {list.page > 1 ? (
            <Link to={`/secretariat/screening?${filterQuery(filters, { page: String(list.page - 1) })}`}>
              {t("screening.previous")}
            </Link>
          ) : null}
          <span>{t("screening.page", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? (
            <Link to={`/secretariat/screening?${filterQuery(filters, { page: String(list.page + 1) })}`}>
              {t("screening.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
