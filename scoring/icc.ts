import { completeMatrix } from "./matrix";
import type { IccBand } from "./types";

export interface IccResult {
  icc1: { single: number; average: number };
  icc2: { single: number; average: number };
  icc3: { single: number; average: number };
  meanSquares: { bms: number; wms: number; jms: number; ems: number };
}

/**
 * Intraclass correlations of Shrout & Fleiss (1979) from a complete targets × judges matrix
 * (rows = targets, columns = judges), via the two-way ANOVA mean squares:
 * ICC(1,1) = (BMS − WMS)/(BMS + (k−1)WMS), ICC(1,k) = (BMS − WMS)/BMS,
 * ICC(2,1) = (BMS − EMS)/(BMS + (k−1)EMS + k(JMS − EMS)/n), ICC(2,k) = (BMS − EMS)/(BMS + (JMS − EMS)/n),
 * ICC(3,1) = (BMS − EMS)/(BMS + (k−1)EMS), ICC(3,k) = (BMS − EMS)/BMS.
 *
 * Throws on fewer than 2 targets or judges, ragged rows, non-finite ratings, and when a
 * form is undefined because there is no variance between targets (denominator 0).
 * Cost: O(n·k).
 *
 * @example
 * icc([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]).icc2.single; // 0.2898
 */
export function icc(ratings: number[][]): IccResult {
  const { rows: n, columns: k } = completeMatrix(ratings, {
    fn: "icc",
    rows: "targets",
    columns: "judges",
    ragged: (i, length, expected) =>
      `target ${i} has ${length} ratings, expected ${expected} (the matrix must be complete)`,
    entry: (i, j) => `rating of target ${i} by judge ${j}`,
  });
  let grand = 0;
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const x = ratings[i][j];
      rowSum[i] += x;
      colSum[j] += x;
      grand += x;
    }
  }
  const m = grand / (n * k);
  let sst = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) sst += (ratings[i][j] - m) ** 2;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += k * (rowSum[i] / k - m) ** 2;
  let ssc = 0;
  for (let j = 0; j < k; j++) ssc += n * (colSum[j] / n - m) ** 2;
  const sse = Math.max(0, sst - ssr - ssc);
  const ssw = Math.max(0, sst - ssr);
  const bms = ssr / (n - 1);
  const wms = ssw / (n * (k - 1));
  const jms = ssc / (k - 1);
  const ems = sse / ((n - 1) * (k - 1));
  const ratio = (num: number, den: number, form: string): number => {
    if (!(Math.abs(den) > 1e-300) || !Number.isFinite(num / den)) {
      throw new Error(`icc: ${form} is undefined because the ratings have no variance between targets`);
    }
    return num / den;
  };
  return {
    icc1: {
      single: ratio(bms - wms, bms + (k - 1) * wms, "ICC(1,1)"),
      average: ratio(bms - wms, bms, "ICC(1,k)"),
    },
    icc2: {
      single: ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n, "ICC(2,1)"),
      average: ratio(bms - ems, bms + (jms - ems) / n, "ICC(2,k)"),
    },
    icc3: {
      single: ratio(bms - ems, bms + (k - 1) * ems, "ICC(3,1)"),
      average: ratio(bms - ems, bms, "ICC(3,k)"),
    },
    meanSquares: { bms, wms, jms, ems },
  };
}

/**
 * Koo & Li (2016) interpretation band of an ICC: below 0.5 poor, 0.5 to below 0.75 moderate,
 * 0.75 to 0.9 good, above 0.9 excellent (value rounded to 10 decimals first). Cost: O(1).
 *
 * @example
 * iccBand(0.62); // "moderate"
 */
export function iccBand(value: number): IccBand {
  if (!Number.isFinite(value)) throw new Error(`iccBand: value must be a finite number, got ${String(value)}`);
  value = Math.round(value * 1e10) / 1e10; // floating-point noise must not move a value across a band boundary
  if (value < 0.5) return "poor";
  if (value < 0.75) return "moderate";
  if (value <= 0.9) return "good";
  return "excellent";
}
