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
  if (level === "interval") {
    const start = new Int32Array(unitValues.length + 1);
    for (let u = 0; u < unitValues.length; u++) start[u + 1] = start[u] + unitValues[u].length;
    return intervalAlpha(start, Float64Array.from(unitValues.flat()));
  }
  let n = 0;
  for (const vals of unitValues) n += vals.length;
  const values = [...new Set(unitValues.flat())].sort((a, b) => a - b);
  const V = values.length;
  const pos = new Map(values.map((v, i) => [v, i]));
  const o = new Float64Array(V * V);
  for (const vals of unitValues) {
    const m = vals.length;
    const cnt = new Map<number, number>();
    for (const x of vals) cnt.set(pos.get(x)!, (cnt.get(pos.get(x)!) ?? 0) + 1);
    for (const [i, ni] of cnt) for (const [j, nj] of cnt) o[i * V + j] += (i === j ? ni * (ni - 1) : ni * nj) / (m - 1);
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
  return alphaOf(obs / n, exp / (n * (n - 1)));
}

function alphaOf(Do: number, De: number): number {
  if (!(De > 1e-300)) {
    throw new Error(
      "krippendorffAlpha: the data show no variation (expected disagreement is 0), so alpha is undefined",
    );
  }
  return 1 - Do / De;
}

/**
 * Krippendorff's alpha at the interval level for values already grouped by unit: the values
 * of unit u are `values[start[u]]` to `values[start[u + 1] − 1]`, in coder order, missing ones
 * left out. The same number as {@link krippendorffAlpha} of the coders × units table with
 * `null` where a value is missing, without building that table (at 10,000 applications and 200
 * jurors it holds two million cells, nearly all empty, for 30,000 values). Units with fewer
 * than two values are not pairable and are dropped. Throws as krippendorffAlpha does when no
 * unit is pairable or the data show no variation, and on a `start` that does not index
 * `values` or a value that is not finite.
 * Cost: O(c·u) time for u units of c values, O(1) memory.
 *
 * @example
 * // Units (1, 1), (2, 2), (3, 3), (3, 4): krippendorffAlpha([[1, 2, 3, 3], [1, 2, 3, 4]], "interval")
 * intervalAlpha(Int32Array.of(0, 2, 4, 6, 8), Float64Array.of(1, 1, 2, 2, 3, 3, 3, 4)); // 0.857...
 */
export function intervalAlpha(start: Int32Array, values: Float64Array): number {
  const units = start.length - 1;
  if (units < 1 || start[0] !== 0 || start[units] !== values.length) {
    throw new Error(
      `krippendorffAlpha: the unit boundaries must run from 0 to the ${values.length} values, got ${units < 1 ? "none" : `${start[0]} to ${start[units]}`}`,
    );
  }
  for (let u = 0; u < units; u++) {
    if (start[u + 1] < start[u]) throw new Error(`krippendorffAlpha: unit ${u} ends before it starts`);
  }
  // Σ over ordered pairs within a unit of (x−y)² = 2(mΣx² − (Σx)²).
  let n = 0;
  let obs = 0;
  let sx = 0;
  let sxx = 0;
  for (let u = 0; u < units; u++) {
    const m = start[u + 1] - start[u];
    if (m < 2) continue;
    let s = 0;
    let ss = 0;
    for (let k = start[u]; k < start[u + 1]; k++) {
      const x = values[k];
      if (!Number.isFinite(x)) throw new Error(`krippendorffAlpha: value ${k} of unit ${u} is not a finite number`);
      s += x;
      ss += x * x;
    }
    n += m;
    obs += (2 * (m * ss - s * s)) / (m - 1);
    sx += s;
    sxx += ss;
  }
  if (n === 0) throw new Error("krippendorffAlpha: no unit has two or more values, so nothing is pairable");
  return alphaOf(obs / n, (2 * (n * sxx - sx * sx)) / (n * (n - 1)));
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
