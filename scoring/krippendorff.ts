import type { AlphaBand } from "./types";

export type AlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

/**
 * Krippendorff's alpha = 1 − D_o/D_e for data with missing values (rows = coders, columns =
 * units, `null` = missing), following Krippendorff (2011) "Computing Krippendorff's
 * Alpha-Reliability": units with fewer than two values are not pairable and are dropped;
 * the coincidence matrix gives observed and expected disagreement under the metric of the
 * chosen level (nominal, ordinal with the cumulative-frequency metric, interval (c−k)²,
 * ratio ((c−k)/(c+k))²).
 *
 * Throws on empty or ragged data, non-finite values, negative values at the ratio level,
 * no pairable values, and no variation at all (expected disagreement 0, alpha undefined).
 * Cost: O(c·u) for the interval level, O(c·u + V²) otherwise (V distinct values).
 *
 * @example
 * krippendorffAlpha([[1, 2, 3, 3], [1, 2, 3, 4]], "interval"); // 0.857...
 */
export function krippendorffAlpha(data: (number | null)[][], level: AlphaLevel): number {
  if (!["nominal", "ordinal", "interval", "ratio"].includes(level)) {
    throw new Error(`krippendorffAlpha: unknown level "${String(level)}" (use nominal, ordinal, interval or ratio)`);
  }
  if (!Array.isArray(data) || data.length === 0)
    throw new Error("krippendorffAlpha: empty input, at least one coder is needed");
  const units = data[0]?.length ?? 0;
  if (units === 0) throw new Error("krippendorffAlpha: empty input, at least one unit is needed");
  for (let c = 0; c < data.length; c++) {
    if (!Array.isArray(data[c]) || data[c].length !== units) {
      throw new Error(
        `krippendorffAlpha: coder ${c} has ${Array.isArray(data[c]) ? data[c].length : 0} units, expected ${units}`,
      );
    }
    for (let u = 0; u < units; u++) {
      const v = data[c][u];
      if (v === null || v === undefined) continue;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new Error(
          `krippendorffAlpha: value of coder ${c} for unit ${u} is not a finite number or null (${String(v)})`,
        );
      }
      if (level === "ratio" && v < 0)
        throw new Error(
          `krippendorffAlpha: value ${v} of coder ${c} for unit ${u} is negative, not allowed at the ratio level`,
        );
    }
  }
  const unitValues: number[][] = [];
  for (let u = 0; u < units; u++) {
    const vals: number[] = [];
    for (let c = 0; c < data.length; c++) {
      const v = data[c][u];
      if (v !== null && v !== undefined) vals.push(v);
    }
    if (vals.length >= 2) unitValues.push(vals);
  }
  if (unitValues.length === 0)
    throw new Error("krippendorffAlpha: no unit has two or more values, so nothing is pairable");
  let n = 0;
  for (const vals of unitValues) n += vals.length;

  let Do: number;
  let De: number;
  if (level === "interval") {
    // Σ over ordered pairs within a unit of (x−y)² = 2(mΣx² − (Σx)²).
    let obs = 0;
    let sx = 0;
    let sxx = 0;
    for (const vals of unitValues) {
      const m = vals.length;
      let s = 0;
      let ss = 0;
      for (const x of vals) {
        s += x;
        ss += x * x;
      }
      obs += (2 * (m * ss - s * s)) / (m - 1);
      sx += s;
      sxx += ss;
    }
    Do = obs / n;
    De = (2 * (n * sxx - sx * sx)) / (n * (n - 1));
  } else {
    const values = [...new Set(unitValues.flat())].sort((a, b) => a - b);
    const V = values.length;
    const pos = new Map(values.map((v, i) => [v, i]));
    const o = new Float64Array(V * V);
    for (const vals of unitValues) {
      const m = vals.length;
      const cnt = new Map<number, number>();
      for (const x of vals) cnt.set(pos.get(x)!, (cnt.get(pos.get(x)!) ?? 0) + 1);
      for (const [i, ni] of cnt)
        for (const [j, nj] of cnt) o[i * V + j] += (i === j ? ni * (ni - 1) : ni * nj) / (m - 1);
    }
    const marg = new Float64Array(V);
    for (let i = 0; i < V; i++) for (let j = 0; j < V; j++) marg[i] += o[i * V + j];
    const delta = (i: number, j: number): number => {
      if (i === j) return 0;
      if (level === "nominal") return 1;
      if (level === "ratio") {
        const a = values[i];
        const b = values[j];
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      }
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      let s = 0;
      for (let g = lo; g <= hi; g++) s += marg[g];
      return (s - (marg[lo] + marg[hi]) / 2) ** 2;
    };
    let obs = 0;
    let exp = 0;
    for (let i = 0; i < V; i++) {
      for (let j = 0; j < V; j++) {
        if (i === j) continue;
        const d = delta(i, j);
        obs += o[i * V + j] * d;
        exp += marg[i] * marg[j] * d;
      }
    }
    Do = obs / n;
    De = exp / (n * (n - 1));
  }
  if (!(De > 1e-300)) {
    throw new Error(
      "krippendorffAlpha: the data show no variation (expected disagreement is 0), so alpha is undefined",
    );
  }
  return 1 - Do / De;
}

/**
 * Krippendorff's (2004) reading of alpha: ≥ 0.8 reliable, 0.667 to below 0.8 tentative
 * (tentative conclusions only), below 0.667 unreliable. Cost: O(1).
 *
 * @example
 * alphaBand(0.849); // "reliable"
 */
export function alphaBand(value: number): AlphaBand {
  if (!Number.isFinite(value)) throw new Error(`alphaBand: value must be a finite number, got ${String(value)}`);
  value = Math.round(value * 1e10) / 1e10; // floating-point noise must not move a value across a band boundary
  if (value >= 0.8) return "reliable";
  if (value >= 0.667) return "tentative";
  return "unreliable";
}
