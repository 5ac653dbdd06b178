// The loader and action behind both results pages (secretariat and jury): the edition, the
// viewer, the page and the 'what if' recomputation. Who may see them is asked before, in the
// route's first line (app/accounts/server/permissions.server.ts).
import { data } from "@remix-run/node";
import { found, notFound } from "../../accounts/server/permissions.server";
import { fieldError, validateForm } from "../../kernel/forms/validate.server";
import { weightsFrom, whatIfSchema, WEIGHT_PREFIX } from "../forms/results";
import { briefly, briefWaitMs, readyOrSince, readyWithin, whenDone } from "../../kernel/server/computing.server";
import { pendingCertificate } from "../models/certificate.server";
import {
  editionResults,
  getEditionBrief,
  pendingRanking,
  pendingResults,
  resultsViewer,
  scoringClosed,
  type EditionBrief,
  type ResultsAsk,
  type ResultsViewer,
} from "../models/results.server";
import { resultsPageData, whatIfData } from "./page.server";
import { pageParam } from "../../kernel/components/pager";
import type { Method } from "../../../scoring/types";

/** The edition (404 when there is none) and the viewer the results are computed for. */
export function resultsAccess(ask: ResultsAsk) {
  const edition = found(getEditionBrief(ask));
  return { edition, viewer: found(resultsViewer(ask)) };
}

/** A request for a results page, with the edition and the viewer already granted. */
type ResultsPageRequest = { request: Request; edition: EditionBrief; viewer: ResultsViewer };

/**
 * The data of a results page. The computation runs in the worker; when it is not ready within
 * half a second, the page shows their ranking alone if that is ready within another half second
 * (decision 046), and says that the rank intervals are on their way; with neither, the route's
 * error boundary shows the "computing" page, which asks again.
 * The secretariat's certificate (its expected ranks) is computed after the results, as long
 * again at 10,000 applications: the page does not wait for it past the same half second, and
 * says meanwhile that it is on its way (decision 036).
 */
export async function resultsLoaderData({ request, edition, viewer }: ResultsPageRequest) {
  const url = new URL(request.url);
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1;
  const jurorsPage = pageParam(request, "jurors");
  const applicationId = url.searchParams.get("application");
  const editionView = {
    id: edition.id,
    year: edition.year,
    themeEn: edition.themeEn,
    themeFr: edition.themeFr,
    themeAr: edition.themeAr,
    phase: edition.phase,
  };
  if (!scoringClosed(edition))
    return {
      edition: editionView,
      closed: false as const,
      scoringClosesAt: edition.scoringClosesAt.getTime(),
      results: null,
    };
  const asked = Date.now();
  const full = pendingResults({ edition, viewer });
  const whole = await readyWithin(full);
  // Results that keep the page waiting (seconds at 10,000 applications): their ranking alone,
  // asked for now and computed beside them in a fraction of their time, waited for as briefly.
  // A small edition's results come within the first wait, and no ranking is computed for them.
  const r = whole ? whole.value : await briefly(pendingRanking({ edition, viewer }));
  // The certificate is the secretariat's: jurors see the ranking without it. It is computed
  // from the results, so it is on its way as long as they are.
  const pending = viewer.kind === "secretariat" && whole ? pendingCertificate(r) : null;
  const certificate = pending ? await readyOrSince(pending, asked + briefWaitMs() - Date.now()) : null;
  return {
    edition: editionView,
    closed: true as const,
    scoringClosesAt: edition.scoringClosesAt.getTime(),
    results: resultsPageData({
      r,
      viewer,
      page,
      jurorsPage,
      applicationId,
      certificate,
      intervalsSince: whole ? null : full.since.getTime(),
    }),
  };
}

export async function whatIfAction({ request, edition, viewer }: ResultsPageRequest) {
  if (!scoringClosed(edition)) notFound();
  const form = await validateForm(request, whatIfSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const official = await whenDone(editionResults({ edition, viewer }));
  const known = new Set(official.criteria.map((c) => c.key));
  const weights = weightsFrom(form.values);
  const unknown = Object.keys(weights).find((k) => !known.has(k));
  if (unknown !== undefined)
    return data(
      { errors: fieldError("method", "errors.results_weight_unknown"), values: form.values },
      { status: 400 },
    );
  const complete = Object.fromEntries(official.criteria.map((c) => [c.key, weights[c.key] ?? c.weight]));
  const whatIf = await whenDone(
    whatIfData({ edition, viewer, official, weights: complete, method: form.data.method as Method }),
  );
  return { whatIf, values: form.values, prefix: WEIGHT_PREFIX };
}
