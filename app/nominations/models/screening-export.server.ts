// The screening list as a table of cells, shared by the CSV and XLSX exports.
import { translate, type Locale } from "../../kernel/i18n";
import { countryName } from "../../kernel/i18n/countries";
import { catalogues } from "../../kernel/i18n/locale.server";
import { exportRows, type ScreeningFilters } from "./screening.server";

export function screeningTable(filters: ScreeningFilters, locale: Locale): (string | number | null)[][] {
  const m = catalogues[locale];
  const tr = (key: string) => translate(m, key);
  const header = [
    tr("nominations.col.reference"),
    tr("nominations.col.title"),
    tr("screening.csv.organisation"),
    tr("nominations.col.country"),
    tr("screening.language"),
    tr("screening.col.entity"),
    tr("nominations.col.state"),
    tr("screening.csv.sent"),
    tr("screening.col.nominated"),
    tr("screening.csv.duplicates"),
  ];
  const iso = (d: Date | null) => (d ? new Date(d).toISOString().slice(0, 10) : "");
  const rows = exportRows(filters).map((r) => [
    r.reference,
    r.title,
    r.organisation,
    r.country ? `${countryName(r.country, locale)} (${r.country})` : "",
    r.language,
    r.entityName ?? "",
    tr(`nominations.state.${r.state}`),
    iso(r.sentAt),
    iso(r.nominatedAt),
    r.duplicates.join(" "),
  ]);
  return [header, ...rows];
}
