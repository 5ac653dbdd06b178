import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getSessionUser } from "../accounts/server/session.server";
import { FilterSelects } from "../kernel/components/filter-select";
import { useT } from "../kernel/components/i18n";
import { countryName } from "../kernel/i18n/countries";
import { archiveFacets, listArchive } from "../results/models/archive.server";
import resultsCss from "../styles/results.css";
import { DataTable } from "../kernel/components/table";

export const handle = { title: "results.archive_title" };
export const links = () => [{ rel: "stylesheet", href: resultsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  await getSessionUser(request);
  const url = new URL(request.url);
  const year = Number.parseInt(url.searchParams.get("year") ?? "", 10) || undefined;
  const country = /^[A-Z]{2}$/.test(url.searchParams.get("country") ?? "")
    ? url.searchParams.get("country")!
    : undefined;
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1;
  return {
    ...listArchive({ year, country, page }),
    facets: archiveFacets(),
    year: year ?? null,
    country: country ?? null,
  };
}

export default function Archive() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const years = d.facets.years.map((y) => ({ value: String(y), label: y }));
  const countries = d.facets.countries
    .map((c) => ({ value: c, label: countryName(c, t.locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, t.locale));
  const query = (page: number) => {
    const p = new URLSearchParams();
    if (d.year) p.set("year", String(d.year));
    if (d.country) p.set("country", d.country);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  return (
    <>
      <h1>{t("results.archive_title")}</h1>
      <p className="lead">{t("results.archive_lead")}</p>
      <Form method="get" className="results-filters">
        <FilterSelects
          idPrefix="archive-"
          filters={[
            {
              name: "year",
              label: t("results.filter_year"),
              value: d.year,
              all: t("results.filter_all_years"),
              options: years,
            },
            {
              name: "country",
              label: t("results.filter_country"),
              value: d.country,
              all: t("results.filter_all_countries"),
              options: countries,
            },
          ]}
        />
        <div className="field">
          <button type="submit" className="button secondary">
            {t("results.filter_submit")}
          </button>
        </div>
      </Form>
      <p role="status">{t("results.archive_count", { count: d.total })}</p>
      <DataTable
        rows={d.rows}
        empty="results.archive_empty"
        columns={[
          { head: "results.col_edition", cell: (r) => <Link to={`/laureates/${r.year}`}>{r.year}</Link> },
          { head: "results.col_title", cell: (r) => <bdi>{r.project}</bdi> },
          { head: "results.col_organisation", cell: (r) => <bdi>{r.organisation ?? ""}</bdi> },
          { head: "results.col_country", cell: (r) => countryName(r.country, t.locale) },
        ]}
      />
      {d.pages > 1 ? (
        <nav aria-label={t("results.pagination")} className="results-pagination">
          {d.page > 1 ? <Link to={query(d.page - 1)}>{t("results.previous")}</Link> : null}
          <span>{t("results.page_of", { page: d.page, pages: d.pages })}</span>
          {d.page < d.pages ? <Link to={query(d.page + 1)}>{t("results.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
