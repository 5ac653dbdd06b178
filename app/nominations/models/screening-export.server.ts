// The screening list as a table of cells, shared by the CSV and XLSX exports.
import { type DB } from "../../../db/client";
import { translate, type Locale, type Vars } from "../../kernel/i18n";
import { shownPseudonym } from "../../kernel/components/i18n";
import { toCsv } from "../../kernel/server/csv.server";
import { toXlsx } from "../../kernel/server/xlsx.server";
import { countryName } from "../../kernel/i18n/countries";
import { catalogues } from "../../kernel/i18n/locale.server";
import { exportRows, type ScreeningFilters } from "./screening.server";

export function screeningTable(filters: ScreeningFilters, locale: Locale, database?: DB): (string | number | null)[][] {
  const m = catalogues[locale];
  const tr = (key: string, vars?: Vars) => translate(m, key, vars);
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
  const rows = exportRows(filters, database).map((r) => [
    r.reference,
    shownPseudonym(r.title, tr),
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

/**
 * The screening export's file, read and written on `database`: at 10,000 applications reading
 * every row and writing the workbook took ~1 s, so it is done in the reading worker (decision 032).
 */
export function screeningFile(
  database: DB,
  { filters, locale, format }: { filters: ScreeningFilters; locale: Locale; format: "csv" | "xlsx" },
): Uint8Array | string {
  const table = screeningTable(filters, locale, database);
  // The sheet's tab is named in the secretariat's language, as its header is.
  return format === "csv" ? toCsv(table) : toXlsx(table, translate(catalogues[locale], "screening.sheet_name"));
}
