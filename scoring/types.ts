/** Public types of the scoring module. */

/** The ways an application's score can be aggregated from its reviews, in the order they are reported. */
export const METHODS = ["mean", "median", "trimmedMean", "zScore", "jurorBias"] as const;
export type Method = (typeof METHODS)[number];

/**
 * How the bootstrap of the official jurorBias method treats the jurors' biases in each resample
 * (docs/decisions/041-juror-bias-bootstrap-fixed.md):
 * - `refit`: the fit is re-run on the resample (block Gauss–Seidel, 4 sweeps warm-started from the
 *   full-data fit). The default, so that every result computed before keeps its numbers.
 * - `fixed`: the biases of the full-data fit are held, as zScore holds each juror's mean and sd; an
 *   application's resampled quality is the confidence-weighted mean of its drawn reviews minus
 *   their jurors' biases. About half the time, intervals within the bootstrap's own noise.
 */
export const JUROR_BIAS_BOOTSTRAPS = ["refit", "fixed"] as const;
export type JurorBiasBootstrap = (typeof JUROR_BIAS_BOOTSTRAPS)[number];

export interface Criterion {
  key: string;
  weight: number;
}

export interface Scale {
  min: number;
  max: number;
}

export interface Review {
  applicationId: string;
  jurorId: string;
  /** Raw criterion scores on `scale`, keyed by criterion key. */
  scores: Record<string, number>;
  /** Declared confidence (> 0); weights the jurorBias fit. Default 1. */
  confidence?: number;
  /** Country and region of the juror and of the application: read only by `jurorIndependence` (home bias). */
  jurorCountry?: string;
  jurorRegion?: string;
  applicationCountry?: string;
  applicationRegion?: string;
  /** Country of the entity that nominated the application: read only by `jurorIndependence` (home bias). */
  entityCountry?: string;
}

export interface ResultsInput {
  criteria: Criterion[];
  scale: Scale;
  reviews: Review[];
  /** Optional full list of jurors: a listed juror with no reviews is an error. */
  jurors?: string[];
}

export interface ResultsOptions {
  /** The official method (default `mean`). */
  method?: Method;
  /** How many laureates are chosen (default min(2, number of applications)). */
  laureates?: number;
  /** Bootstrap resamples (default 2000; 0 disables the bootstrap). */
  bootstrap?: number;
  /** Seed of the bootstrap PRNG (default 1). */
  seed?: number;
  /** What-if override of criterion weights, keyed by criterion key. */
  weights?: Record<string, number>;
  /** How the jurorBias bootstrap treats the biases (default `refit`); other methods ignore it. */
  jurorBiasBootstrap?: JurorBiasBootstrap;
}

/** One review as seen in the results table (score on the 0–1 scale). */
export interface ReviewResult {
  jurorId: string;
  score: number;
  outlier: boolean;
  modifiedZ: number;
}

export interface ApplicationResult {
  applicationId: string;
  /** Competition rank ("1224") under the official method. */
  rank: number;
  /** 1-based position in the table after the tie-break rule (unique). */
  position: number;
  /** True when another application has the same official score (within 1e-9). */
  tied: boolean;
  scores: Record<Method, number>;
  rankInterval: { low: number; high: number };
  laureateProbability: number;
  sd: number;
  range: number;
  reviewCount: number;
  reviews: ReviewResult[];
}

export type IccBand = "poor" | "moderate" | "good" | "excellent";
export type AlphaBand = "unreliable" | "tentative" | "reliable";

export interface Reliability {
  /** ICC(2,1) and ICC(2,k) with Koo & Li bands; null when the design is not fully crossed. */
  icc: {
    single: number;
    average: number;
    singleBand: IccBand;
    averageBand: IccBand;
  } | null;
  /** Why `icc` is null (empty when it is not). */
  iccNote: string;
  /** Krippendorff's alpha (interval) with its band; null when undefined (no pairable values or no variation). */
  alpha: { value: number; band: AlphaBand } | null;
  alphaNote: string;
  /** Kendall's W over jurors' rankings; null when the design is not fully crossed or undefined. */
  kendallW: number | null;
}

export interface JurorResult {
  jurorId: string;
  reviews: number;
  /** Mean of (review score − application mean score) over the juror's reviews (0–1 scale). */
  leniency: number;
  /** The juror's fitted bias in the jurorBias model (0–1 scale; biases sum to zero). */
  bias: number;
  /** Mean and population sd of the juror's review scores (the zScore parameters). */
  mean: number;
  sd: number;
}

export interface Results {
  method: Method;
  laureates: number;
  bootstrap: number;
  seed: number;
  /** Present only when the options named it, so that results computed before it existed keep their JSON. */
  jurorBiasBootstrap?: JurorBiasBootstrap;
  criteria: Criterion[];
  applications: ApplicationResult[];
  reliability: Reliability;
  jurors: JurorResult[];
  /** Caveats about the computation (e.g. a disconnected design for the jurorBias column). */
  notes: string[];
}

/** A review reduced to its 0–1 score, as used by the normalisations. */
export interface ScoredReview {
  applicationId: string;
  jurorId: string;
  score: number;
  confidence?: number;
}
