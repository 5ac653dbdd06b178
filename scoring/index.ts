/**
 * Scoring module of the jury system: pure functions, no I/O.
 * See docs/decisions/001-scoring-methods.md, 002-assignment-min-cost-flow.md, 009-integrity-audits.md,
 * 010-tie-break-rule.md and 024-faster-scoring.md.
 */
export * from "./types";
export { reviewScore, validateCriteria } from "./review-score";
export { computeResults, OUTLIER_THRESHOLD, prepareResults, type PreparedResults } from "./results";
export {
  resultsBootstrapPart,
  combineResultsParts,
  preparedBootstrapPart,
  finishFromParts,
  type BootstrapPart,
} from "./results-parts";
export { zScoreNormalise, type ZScoreResult } from "./normalise";
export { fitJurorBias, type JurorBiasResult } from "./juror-bias";
export { icc, iccBand, type IccResult } from "./icc";
export { krippendorffAlpha, intervalAlpha, alphaBand, type AlphaLevel } from "./krippendorff";
export { kendallW } from "./kendall";
export { schulze, schulzeOfRankings, borda, type Ballot, type SchulzeOptions, type SchulzeResult } from "./voting";
export { competitionRanking, TIE_TOLERANCE, type RankedItem } from "./ranking";
export { drawOfThree, mulberry32, MULBERRY32_STEP, randomInt, thirdOfWord } from "./random";
export {
  mean,
  median,
  trimmedMean,
  trimCount,
  sampleSd,
  populationSd,
  modifiedZScores,
  averageRanks,
  quantileSorted,
} from "./stats";
export { compareIds } from "./ids";
export {
  assignJurors,
  assignJurorsWith,
  JUROR_LAYER_FROM,
  type AssignmentProblem,
  type AssignmentResult,
} from "./assignment";
export { marginOfVictory, MARGIN_BUDGET, type MarginOptions, type MarginOfVictory, type ScoreChange } from "./margin";
export {
  jurorIndependence,
  PAIR_MIN_SHARED,
  HOME_BIAS_MIN,
  type IndependenceOptions,
  type JurorIndependence,
  type JurorPair,
  type HomeBias,
  type HomeGroup,
} from "./independence";
export { fisherExact, logFactorials } from "./fisher";
export { fairnessAudit, type FairnessRow, type FairnessOptions, type FairnessCell } from "./fairness";
export { sha256Hex } from "./sha256";
export {
  cutOffTie,
  lotteryDraw,
  seedCommitment,
  seedMatchesCommitment,
  settleCutOffTie,
  SEED_PATTERN,
  type CutOffTie,
  type LotteryTicket,
} from "./tie-break";
export {
  expectedRank,
  EXPECTED_RANK_DRAWS,
  EXPECTED_RANK_BURN_IN,
  EXPECTED_RANK_PRIOR_SCALE,
  type ExpectedRankOptions,
  type ExpectedRankResult,
  type ExpectedRankRow,
} from "./expected-rank";
export {
  laureateCertificate,
  certificateDraws,
  CERTIFICATE_WORK,
  type CertificateOptions,
  type LaureateCertificate,
} from "./certificate";
