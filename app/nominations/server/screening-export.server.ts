import { notFound } from "../../accounts/server/permissions.server";
import { resolveLocale } from "../../kernel/i18n/locale.server";
import { readFilters } from "../forms/screening";
import { screeningTable } from "../models/screening-export.server";
import { listEditionsForScreening } from "../models/screening.server";

/**
 * What the screening exports (CSV and XLSX) hold: the list as the secretariat filtered it, every
 * page of it, in the reader's language, and the file's name for the day; without an edition
 * chosen there is no file (404).
 */
export async function screeningExport(request: Request, profileLocale: string, extension: "csv" | "xlsx") {
  const { page: _page, editionId, ...filters } = readFilters(new URL(request.url), listEditionsForScreening());
  if (!editionId) notFound();
  return {
    table: screeningTable({ editionId, ...filters }, await resolveLocale(request, profileLocale)),
    name: `screening-${new Date().toISOString().slice(0, 10)}.${extension}`,
  };
}
