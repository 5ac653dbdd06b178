// The filtered screening list as an Excel workbook (one sheet, inline strings).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireSecretariat } from "../accounts/server/permissions.server";
import { resolveLocale } from "../kernel/i18n/locale.server";
import { screeningTable } from "../nominations/models/screening-export.server";
import { listEditionsForScreening } from "../nominations/models/screening.server";
import { toXlsx } from "../kernel/server/xlsx.server";
import { readFilters } from "../nominations/forms/screening";
import { fileLoader, fileResponse } from "../kernel/server/download.server";

export const loader = fileLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireSecretariat(request);
  const { page: _page, editionId, ...filters } = readFilters(new URL(request.url), listEditionsForScreening());
  if (!editionId) notFound();
  const table = screeningTable({ editionId, ...filters }, await resolveLocale(request, user.locale));
  return fileResponse({
    bytes: toXlsx(table, "Screening"),
    name: `screening-${new Date().toISOString().slice(0, 10)}.xlsx`,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
});
