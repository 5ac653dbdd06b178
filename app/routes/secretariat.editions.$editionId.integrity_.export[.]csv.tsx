// The fairness tables of an edition as CSV, in the viewer's language: a count under five is
// never a number there either. The same gate as the integrity page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { found, requirePermission, UNADVERTISED } from "../accounts/server/permissions.server";
import { resolveLocale } from "../kernel/i18n/locale.server";
import { toCsv } from "../kernel/server/csv.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";
import { getEditionBrief } from "../results/models/results.server";
import { fairnessCsvRows } from "../results/server/integrity-page.server";

export const loader = fileLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requirePermission(request, "integrity.audit", { editionId: params.editionId }, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const rows = await fairnessCsvRows({ edition, locale: await resolveLocale(request, user.locale) });
  return fileResponse({
    bytes: toCsv(rows),
    name: `fairness-${edition.year}.csv`,
    type: "text/csv; charset=utf-8",
  });
}, profileLocale);
