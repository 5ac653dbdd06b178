// The results table as CSV or XLSX, and the { input, options } JSON that
// `npm run scoring -- results <file>` turns back into the same ranking. Secretariat only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/permissions.server";
import { translate } from "../i18n";
import { catalogues, resolveLocale } from "../i18n/locale.server";
import { editionResults, resultsExportJson, resultsTable, scoringClosed, toCsv } from "../models/results.server";
import { jurorLabeller } from "../utils/results-page.server";
import { requireSecretariat, resultsAccess } from "../utils/results-route.server";
import { resultsXlsx } from "../utils/results-xlsx.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSecretariat(request);
  const { edition, viewer } = resultsAccess({ user, editionId: params.editionId ?? "", as: "secretariat" });
  const format = params.format;
  if (!["csv", "xlsx", "json"].includes(format ?? "") || !scoringClosed(edition)) notFound();
  const r = editionResults({ edition, viewer });
  if (!r.results) notFound();
  const name = `results-${edition.year}`;
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "json") {
    return new Response(resultsExportJson(r), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.json"` } });
  }
  const messages = catalogues[await resolveLocale(request, user.locale)];
  const tr = (key: string) => translate(messages, key);
  const label = jurorLabeller(r, viewer);
  const header = ["col_rank", "col_reference", "col_title", "col_organisation", "col_country", "col_official", "method_mean", "method_median", "method_trimmedMean", "method_zScore", "method_jurorBias", "col_interval_low", "col_interval_high", "col_probability", "col_sd", "col_range", "col_reviews", "col_outliers"].map((k) => tr(`results.${k}`));
  const rows = resultsTable(r, { header, jurorName: (id) => { const l = label(id); return l.kind === "name" ? l.name : l.letter; } });
  if (format === "csv") {
    return new Response(toCsv(rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` } });
  }
  return new Response(Buffer.from(resultsXlsx(rows, name)), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Content-Disposition": `attachment; filename="${name}.xlsx"` },
  });
}
