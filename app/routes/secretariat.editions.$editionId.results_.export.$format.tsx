// The results table as CSV or XLSX, and the { input, options } JSON that
// `npm run scoring -- results <file>` turns back into the same ranking. Secretariat only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireSecretariat, UNADVERTISED } from "../accounts/server/permissions.server";
import { translate, type Vars } from "../kernel/i18n";
import { shownPseudonym } from "../kernel/components/i18n";
import { catalogues, resolveLocale } from "../kernel/i18n/locale.server";
import { editionResults, resultsExportJson, resultsTable, scoringClosed } from "../results/models/results.server";
import { toCsvInTurns } from "../kernel/server/csv.server";
import { whenDone } from "../kernel/server/computing.server";
import { jurorLabeller } from "../results/server/page.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";
import { resultsAccess } from "../results/server/route.server";
import { xlsxOffThread } from "../results/models/results-worker.server";

export const loader = fileLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireSecretariat(request, UNADVERTISED);
  const { edition, viewer } = resultsAccess({ user, editionId: params.editionId ?? "", as: "secretariat" });
  const format = params.format;
  if (!["csv", "xlsx", "json"].includes(format ?? "") || !scoringClosed(edition)) notFound();
  // A download waits for the worker however long it takes, rather than answer a page.
  const r = await whenDone(editionResults({ edition, viewer }));
  if (!r.results) notFound();
  const name = `results-${edition.year}`;
  if (format === "json") {
    return fileResponse({ bytes: resultsExportJson(r), name: `${name}.json`, type: "application/json; charset=utf-8" });
  }
  const messages = catalogues[await resolveLocale(request, user.locale)];
  const tr = (key: string, vars?: Vars) => translate(messages, key, vars);
  const label = jurorLabeller(r, viewer);
  const header = [
    "col_rank",
    "col_reference",
    "col_title",
    "col_organisation",
    "col_country",
    "col_official",
    "method_mean",
    "method_median",
    "method_trimmedMean",
    "method_zScore",
    "method_jurorBias",
    "col_interval_low",
    "col_interval_high",
    "col_probability",
    "col_sd",
    "col_range",
    "col_reviews",
    "col_outliers",
  ].map((k) => tr(`results.${k}`));
  const rows = await resultsTable(r, {
    header,
    // An erased application's pseudonym in the secretariat's language, as on the page.
    title: (stored) => shownPseudonym(stored, tr),
    jurorName: (id) => {
      const l = label(id);
      // An erased juror's pseudonym too.
      return l.kind === "name" ? shownPseudonym(l.name, tr) : l.letter;
    },
  });
  if (format === "csv") {
    return fileResponse({ bytes: await toCsvInTurns(rows), name: `${name}.csv`, type: "text/csv; charset=utf-8" });
  }
  return fileResponse({
    // The sheet's tab in the secretariat's language, as the header ("Résultats 2026").
    bytes: await whenDone(xlsxOffThread(rows, translate(messages, "results.sheet_name", { year: edition.year }))),
    name: `${name}.xlsx`,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}, profileLocale);
