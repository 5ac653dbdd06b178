// What one page of the results view shows: the shape the server builds from an edition's
// computed results (only plain values, only this page's rows) and the components draw.
import type { AlphaBand, IccBand, Method } from "../../../scoring/types";

/** A juror as the viewer may know them: by name (secretariat) or by letter (jury). */
export type JurorLabel = { kind: "name"; name: string } | { kind: "letter"; letter: string };

interface CriterionTitles {
  key: string;
  titleEn: string;
  titleFr: string;
  titleAr: string | null;
}

export interface ResultsRow {
  applicationId: string;
  reference: string;
  title: string;
  rank: number;
  tied: boolean;
  official: number;
  mean: number;
  median: number;
  trimmedMean: number;
  zScore: number;
  jurorBias: number;
  /** The rank interval and laureate probability: null while they are computed (the ranking is shown first). */
  low: number | null;
  high: number | null;
  probability: number | null;
  sd: number;
  range: number;
  reviewCount: number;
  outliers: JurorLabel[];
  /** Bayesian expected rank and its interval (the certificate's; secretariat only). */
  expected: { rank: number; low: number; high: number; inBand: boolean } | null;
}

/** An application as the certificate names it. */
export interface CertificateApplication {
  applicationId: string;
  reference: string;
  title: string;
}

/**
 * The laureates' certificate in the words of the page: how few scores would change the laureates
 * (the table's first `laureates` under the official method), the runner-up against the last
 * laureate's interval, and the applications that cannot be separated from the cut-off.
 */
export interface CertificateView {
  laureates: number;
  /** Credible level of the intervals (0.95). */
  level: number;
  draws: number;
  /** Null when the margin cannot be computed (`marginNote` says why); a null count means no change can do it. */
  margin: {
    scores: number | null;
    points: number | null;
    exact: boolean;
    entering: CertificateApplication[];
    leaving: CertificateApplication[];
  } | null;
  marginNote: string;
  runnerUp: {
    last: CertificateApplication & { low: number; high: number };
    next: CertificateApplication & { expectedRank: number };
    within: boolean;
  } | null;
  /** In expected-rank order, with the official rank and whether the official table makes it a laureate. */
  band: (CertificateApplication & {
    expectedRank: number;
    low: number;
    high: number;
    rank: number;
    laureate: boolean;
  })[];
}

/** One application's raw criterion scores per juror (in the order of `criteria`), with the review score. */
export interface ResultsBreakdown {
  applicationId: string;
  reference: string;
  title: string;
  organisation: string;
  country: string | null;
  rank: number;
  reviews: {
    juror: JurorLabel;
    scores: (number | null)[];
    confidence: number | null;
    score: number;
    outlier: boolean;
  }[];
}

/** Jurors a page of the jurors' table lists (a real jury has five; a benchmark's two hundred). */
export const JURORS_PAGE_SIZE = 25;

/** A juror's line of the results: reviews submitted, leniency and the fitted bias. */
export interface ResultsJuror {
  label: JurorLabel;
  reviews: number;
  leniency: number;
  bias: number;
}

/** An application the results name without a rank: eligible, but no submitted review scores it. */
export interface UnrankedApplication {
  reference: string;
  title: string;
}

export interface ResultsPageData {
  viewerKind: "secretariat" | "juror";
  isChair: boolean;
  /** Why results could not be computed, as a catalogue key. */
  problem: string | null;
  problemDetail: string;
  method: Method;
  officialMethod: Method;
  laureates: number;
  bootstrap: number;
  count: number;
  page: number;
  pages: number;
  rows: ResultsRow[];
  /**
   * The applications in the results' states that no submitted review scores (the first
   * UNRANKED_SHOWN, in reference order) and how many there are: not in the ranking, and said so
   * rather than left out in silence.
   */
  unranked: { count: number; shown: UnrankedApplication[] };
  breakdown: ResultsBreakdown | null;
  criteria: (CriterionTitles & { weight: number })[];
  reliability: {
    icc: { single: number; average: number; singleBand: IccBand; averageBand: IccBand } | null;
    alpha: { value: number; band: AlphaBand } | null;
  } | null;
  /** This page of the jurors' table. */
  jurors: ResultsJuror[];
  /** How many jurors the results name, over every page of the table. */
  jurorCount: number;
  jurorsPage: number;
  jurorsPages: number;
  /** The jurors the leniency chart draws: every one, or the furthest from the average when many. */
  leniency: ResultsJuror[];
  /** Per criterion, how many raw scores fell on each point of the scale, lowest first. */
  distribution: (CriterionTitles & { counts: number[] })[];
  scale: { min: number; max: number };
  /** Level and draws of the rows' expected ranks (secretariat only; the certificate is the decision page's). */
  certificate: { level: number; draws: number } | null;
  /** When the certificate's computation started, while it runs (the page is shown without it). */
  certificateSince: number | null;
  /** Whether its computation was lost (a worker that died or overran): the next visit asks again. */
  certificateFailed: boolean;
  /**
   * When the results' computation started, while the page shows their ranking alone (decision
   * 046): the rows have no rank intervals or laureate probabilities yet.
   */
  intervalsSince: number | null;
}
