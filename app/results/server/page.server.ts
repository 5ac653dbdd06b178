// Shapes an edition's computed results into what one page of the results view needs: only
// plain values, only the rows of this page, and jurors as names (secretariat) or letters (jury).
import type { Method } from "../../../scoring/types";
import {
  RESULTS_BOOTSTRAP,
  editionResults,
  round,
  type EditionBrief,
  type EditionResults,
  type ResultsViewer,
  unrankedApplications,
} from "../models/results.server";
import { JURORS_PAGE_SIZE, type JurorLabel, type ResultsBreakdown, type ResultsPageData } from "../domain/results-page";
import type { LaureateCertificate } from "../../../scoring";
import type { ReadyOrSince } from "../../kernel/server/computing.server";
import { expectedByApplication } from "./certificate-view.server";

export const RESULTS_PAGE_SIZE = 25;

/**
 * Bars the leniency chart draws at most: beyond, the jurors furthest from the average. Two
 * hundred bars of 22 pixels made a chart no one could read, and half of a 168 kB page.
 */
export const LENIENCY_CHART_MAX = 20;

/** Unranked applications a page names at most; the others are counted. */
export const UNRANKED_SHOWN = 50;

export function jurorLabeller(r: EditionResults, viewer: ResultsViewer) {
  const byId = new Map(r.jurors.map((j) => [j.id, j]));
  return (jurorId: string): JurorLabel => {
    const j = byId.get(jurorId);
    if (viewer.kind === "secretariat") return { kind: "name", name: j?.name ?? "?" };
    return { kind: "letter", letter: j?.letter ?? "?" };
  };
}

/**
 * One page of the results. `certificate` is the official one's state, for the secretariat only
 * (null for everyone else): computed, computing since a time, or lost with its worker.
 */
export function resultsPageData({
  r,
  viewer,
  page,
  jurorsPage = 1,
  applicationId,
  certificate: state,
  intervalsSince = null,
}: {
  r: EditionResults;
  viewer: ResultsViewer;
  page: number;
  /** The page of the jurors' table (1 when out of range below, the last when above). */
  jurorsPage?: number;
  applicationId: string | null;
  certificate: ReadyOrSince<LaureateCertificate> | null;
  /** When the results' computation started, if `r` holds their ranking alone (no resamples yet). */
  intervalsSince?: number | null;
}): ResultsPageData {
  // A ranking computed without resamples has each rank as its own interval: not shown as one.
  const intervals = intervalsSince === null;
  const certificate = state && "value" in state ? state.value : null;
  const label = jurorLabeller(r, viewer);
  const res = r.results;
  const all = res?.applications ?? [];
  const expected = expectedByApplication(certificate);
  const pages = Math.max(1, Math.ceil(all.length / RESULTS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = all.slice((current - 1) * RESULTS_PAGE_SIZE, current * RESULTS_PAGE_SIZE).map((a) => {
    const app = r.applications.get(a.applicationId);
    return {
      applicationId: a.applicationId,
      reference: app?.reference ?? "",
      title: app?.title ?? "",
      rank: a.rank,
      tied: a.tied,
      official: round(a.scores[res!.method], 3),
      mean: round(a.scores.mean, 3),
      median: round(a.scores.median, 3),
      trimmedMean: round(a.scores.trimmedMean, 3),
      zScore: round(a.scores.zScore, 3),
      jurorBias: round(a.scores.jurorBias, 3),
      low: intervals ? a.rankInterval.low : null,
      high: intervals ? a.rankInterval.high : null,
      probability: intervals ? round(a.laureateProbability, 3) : null,
      sd: round(a.sd, 3),
      range: round(a.range, 3),
      reviewCount: a.reviewCount,
      outliers: a.reviews.filter((rv) => rv.outlier).map((rv) => label(rv.jurorId)),
      expected: expected.get(a.applicationId) ?? null,
    };
  });
  const unranked = unrankedApplications(r);
  // The per-application breakdown: raw criterion scores per juror, with the review score.
  let breakdown: ResultsBreakdown | null = null;
  if (applicationId && res) {
    const a = res.applications.find((x) => x.applicationId === applicationId);
    const app = r.applications.get(applicationId);
    if (a && app) {
      const reviewScore = new Map(a.reviews.map((rv) => [rv.jurorId, rv]));
      breakdown = {
        applicationId,
        reference: app.reference,
        title: app.title,
        organisation: app.organisation,
        country: app.country,
        rank: a.rank,
        reviews: (r.breakdown.get(applicationId) ?? []).map((b) => ({
          juror: label(b.jurorId),
          scores: r.criteria.map((c) => b.scores[c.key] ?? null),
          confidence: b.confidence,
          score: round(reviewScore.get(b.jurorId)?.score ?? 0, 3),
          outlier: reviewScore.get(b.jurorId)?.outlier ?? false,
        })),
      };
    }
  }
  // Charts: rank intervals of this page; per criterion, the distribution of raw scores; leniency.
  const scaleMin = r.edition.scaleMin;
  const scaleMax = r.edition.scaleMax;
  const distribution = r.criteria.map((c, i) => ({
    key: c.key,
    titleEn: c.titleEn,
    titleFr: c.titleFr,
    titleAr: c.titleAr,
    counts: r.scoreCounts[i],
  }));
  const jurors = (res?.jurors ?? []).map((j) => ({
    label: label(j.jurorId),
    reviews: j.reviews,
    leniency: round(j.leniency, 3),
    bias: round(j.bias, 3),
  }));
  const jurorsPages = Math.max(1, Math.ceil(jurors.length / JURORS_PAGE_SIZE));
  const jurorsCurrent = Math.min(Math.max(1, jurorsPage), jurorsPages);
  return {
    viewerKind: viewer.kind,
    isChair: viewer.kind === "juror" && viewer.isChair,
    problem: r.problem,
    problemDetail: viewer.kind === "secretariat" ? r.problemDetail : "",
    method: res?.method ?? (r.options.method as Method),
    officialMethod: r.edition.method as Method,
    laureates: res?.laureates ?? r.options.laureates ?? 0,
    bootstrap: RESULTS_BOOTSTRAP,
    count: all.length,
    page: current,
    pages,
    rows,
    unranked: {
      count: unranked.length,
      shown: unranked.slice(0, UNRANKED_SHOWN).map((app) => ({ reference: app.reference, title: app.title })),
    },
    breakdown,
    criteria: r.criteria.map((c) => ({
      key: c.key,
      titleEn: c.titleEn,
      titleFr: c.titleFr,
      titleAr: c.titleAr,
      weight: c.weight,
    })),
    reliability: res
      ? {
          icc: res.reliability.icc
            ? {
                single: round(res.reliability.icc.single, 3),
                average: round(res.reliability.icc.average, 3),
                singleBand: res.reliability.icc.singleBand,
                averageBand: res.reliability.icc.averageBand,
              }
            : null,
          alpha: res.reliability.alpha
            ? { value: round(res.reliability.alpha.value, 3), band: res.reliability.alpha.band }
            : null,
        }
      : null,
    jurors: jurors.slice((jurorsCurrent - 1) * JURORS_PAGE_SIZE, jurorsCurrent * JURORS_PAGE_SIZE),
    jurorCount: jurors.length,
    jurorsPage: jurorsCurrent,
    jurorsPages,
    leniency: furthestFromAverage(jurors),
    distribution,
    scale: { min: scaleMin, max: scaleMax },
    certificate: certificate ? { level: certificate.expectedRank.level, draws: certificate.expectedRank.draws } : null,
    certificateSince: state && "since" in state ? state.since : null,
    certificateFailed: state !== null && "failed" in state,
    intervalsSince,
  };
}

/**
 * The jurors the leniency chart draws: all of them, in the table's order, when there are at most
 * LENIENCY_CHART_MAX; otherwise the LENIENCY_CHART_MAX furthest from the average (the largest
 * leniency either way, the table's order between equals), most lenient first.
 */
export function furthestFromAverage<J extends { leniency: number }>(jurors: J[]): J[] {
  if (jurors.length <= LENIENCY_CHART_MAX) return jurors;
  return jurors
    .map((juror, index) => ({ juror, index }))
    .sort((a, b) => Math.abs(b.juror.leniency) - Math.abs(a.juror.leniency) || a.index - b.index)
    .slice(0, LENIENCY_CHART_MAX)
    .sort((a, b) => b.juror.leniency - a.juror.leniency || a.index - b.index)
    .map(({ juror }) => juror);
}

/** The what-if ranking beside the official one, for the first page of the new order. */
export async function whatIfData({
  edition,
  viewer,
  official,
  weights,
  method,
}: {
  edition: EditionBrief;
  viewer: ResultsViewer;
  official: EditionResults;
  weights: Record<string, number>;
  method: Method;
}) {
  const alt = await editionResults({ edition, viewer, weights, method });
  if (!alt.results || !official.results)
    return { problem: alt.problem ?? official.problem ?? "results.cannot_compute", rows: [] };
  const officialRank = new Map(official.results.applications.map((a) => [a.applicationId, a.rank]));
  return {
    problem: null,
    rows: alt.results.applications.slice(0, RESULTS_PAGE_SIZE).map((a) => {
      const app = alt.applications.get(a.applicationId);
      const before = officialRank.get(a.applicationId) ?? 0;
      return {
        reference: app?.reference ?? "",
        title: app?.title ?? "",
        rank: a.rank,
        officialRank: before,
        change: before - a.rank,
        probability: round(a.laureateProbability, 3),
      };
    }),
  };
}
