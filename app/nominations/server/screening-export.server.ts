import { notFound } from "../../accounts/server/permissions.server";
import { resolveLocale } from "../../kernel/i18n/locale.server";
import { readFilters } from "../forms/screening";
import { readOffThread } from "../../results/models/results-worker.server";
import { whenDone } from "../../kernel/server/computing.server";
import { screeningFile } from "../models/screening-export.server";
import { listEditionsForScreening } from "../models/screening.server";

/**
 * The screening export (CSV or XLSX): the list as the secretariat filtered it, every page of it,
 * in the reader's language, and the file's name for the day; without an edition chosen there is
 * no file (404). Read and written in the reading worker (decision 032).
 */
export async function screeningExport(request: Request, profileLocale: string, format: "csv" | "xlsx") {
  const { page: _page, editionId, ...filters } = readFilters(new URL(request.url), listEditionsForScreening());
  if (!editionId) notFound();
  const args = { filters: { editionId, ...filters }, locale: await resolveLocale(request, profileLocale), format };
  return {
    bytes: await whenDone(
      readOffThread({ kind: "screeningExport", args }, (database) => screeningFile(database, args)),
    ),
    name: `screening-${new Date().toISOString().slice(0, 10)}.${format}`,
  };
}
