/**
 * EcoIndex score, grade and footprint from the three page measurements, following the
 * cnumr reference method (the one the French public sector uses; docs/maintaining.md, "Quality
 * budgets"). Pure functions: no I/O.
 */

export type EcoIndexGrade = "A" | "B" | "C" | "D" | "E" | "F" | "G";

export interface EcoIndexMeasures {
  /** Elements in the document, not counting descendants of `<svg>`. */
  dom: number;
  /** HTTP(S) responses (`Network.responseReceived`). */
  requests: number;
  /** Sum of `Network.loadingFinished.encodedDataLength`, divided by 1000. */
  kilobytes: number;
}

export interface EcoIndexResult {
  score: number;
  grade: EcoIndexGrade;
  /** gCO2e per page view. */
  ghg: number;
  /** Centilitres of water per page view. */
  water: number;
}

export const DOM_QUANTILES: readonly number[] = [
  0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601,
];

export const REQUEST_QUANTILES: readonly number[] = [
  0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
];

export const SIZE_QUANTILES: readonly number[] = [
  0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37,
  2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
];

/**
 * Position of a value on a quantile table: for the first i with v < Q[i],
 * q = (i − 1) + (v − Q[i−1]) / (Q[i] − Q[i−1]); 20 when the value is beyond the table.
 */
export function quantile(quantiles: readonly number[], value: number): number {
  const v = Math.max(0, value);
  for (let i = 1; i < quantiles.length; i++) {
    if (v < quantiles[i]) {
      return i - 1 + (v - quantiles[i - 1]) / (quantiles[i] - quantiles[i - 1]);
    }
  }
  return quantiles.length - 1;
}

/** A > 80, B > 70, C > 55, D > 40, E > 25, F > 10, else G. */
export function ecoIndexGrade(score: number): EcoIndexGrade {
  if (score > 80) return "A";
  if (score > 70) return "B";
  if (score > 55) return "C";
  if (score > 40) return "D";
  if (score > 25) return "E";
  if (score > 10) return "F";
  return "G";
}

export function ecoIndexScore({ dom, requests, kilobytes }: EcoIndexMeasures): EcoIndexResult {
  const qDom = quantile(DOM_QUANTILES, dom);
  const qReq = quantile(REQUEST_QUANTILES, requests);
  const qSize = quantile(SIZE_QUANTILES, kilobytes);
  const score = Math.round(100 - (5 * (3 * qDom + 2 * qReq + qSize)) / 6);
  return {
    score,
    grade: ecoIndexGrade(score),
    ghg: round2(2 + (2 * (50 - score)) / 100),
    water: round2(3 + (3 * (50 - score)) / 100),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
