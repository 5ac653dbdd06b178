import { fisherExact, logFactorials } from "./fisher";
import { compareIds } from "./ids";

/** One application: the furthest stage it reached, and the attributes to audit (e.g. region). */
export interface FairnessRow {
  applicationId: string;
  stage: string;
  [attribute: string]: string | number | boolean | null | undefined;
}

export interface FairnessOptions {
  /** The stages in order, first to last (at least two), e.g. ["submitted", "eligible", "shortlisted", "laureate"]. */
  stages: string[];
  /** Attributes of the rows to audit, e.g. ["region", "gender"]. */
  groups: string[];
  /** Smallest number of applications a value may have and still be shown (default 5). */
  minCell?: number;
}

export interface FairnessCell {
  stage: string;
  /** The audited attribute. */
  group: string;
  /** Its value. */
  value: string;
  /** Applications of this value that reached `stage` (null when suppressed). */
  count: number | null;
  /** count / applications of this value that reached the previous stage (null when suppressed or none reached it). */
  rate: number | null;
  /**
   * rate / the best rate among the shown values at this stage (null when suppressed, rate is null or every rate is 0).
   */
  impactRatio: number | null;
  /**
   * Two-sided Fisher's exact test, this value against all others, reached vs not among those at the previous stage
   * (null when suppressed).
   */
  p: number | null;
  /**
   * True when the value has fewer than `minCell` applications, or is hidden so that a smaller one cannot be worked out.
   */
  suppressed: boolean;
}

function missing(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/**
 * Fairness of a selection pipeline: for every stage after the first, every audited attribute and
 * every value of it, how many applications of that value reached the stage (`count`), the pass
 * rate from the previous stage (`rate` = count / those of that value that reached the previous
 * stage, so each stage is judged on what it was given), the impact ratio (rate / best rate of the
 * shown values at that stage; below 0.8 is the "four-fifths" warning sign) and a two-sided
 * Fisher's exact p-value of this value against all other values, reached vs not, among those at
 * the previous stage. p-values are not adjusted for the number of cells: they are a screen.
 *
 * Disclosure control: a value with fewer than `minCell` applications in all is `suppressed` at
 * every stage (count, rate, impactRatio and p null); when exactly one value of an attribute is
 * suppressed, the next smallest is suppressed too, so that it cannot be worked out from a
 * published total. Suppressed values still count among the "others" of the other values' tests
 * but never set the best rate. Rows with no value for an attribute (missing, null or "") are
 * left out of that attribute's audit. Output order: stage, then `groups`, then value (id order).
 *
 * Throws on empty rows or stages, fewer than two stages, a repeated stage, group or application
 * id, a row whose stage is not listed, a group named applicationId or stage, and a bad minCell.
 * Cost: O(R·(S + G) + S·G·V·R) for R rows, S stages, G groups and V values per group.
 *
 * @example
 * fairnessAudit(rows, { stages: ["submitted", "shortlisted", "laureate"], groups: ["region"] });
 * // [{ stage: "shortlisted", group: "region", value: "Africa", count: 6, rate: 0.2, impactRatio: 0.8, p: 0.62,
 *   suppressed: false }, …]
 */
export function fairnessAudit(rows: FairnessRow[], options: FairnessOptions): FairnessCell[] {
  const what = "fairnessAudit";
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${what}: empty input, at least one row is needed`);
  if (options === null || typeof options !== "object")
    throw new Error(`${what}: options must be an object with stages and groups`);
  const { stages, groups } = options;
  const minCell = options.minCell ?? 5;
  if (!Array.isArray(stages) || stages.length < 2)
    throw new Error(`${what}: at least two stages are needed, got ${Array.isArray(stages) ? stages.length : "none"}`);
  const stageIndex = new Map<string, number>();
  for (const s of stages) {
    if (typeof s !== "string" || s === "") throw new Error(`${what}: a stage name is empty`);
    if (stageIndex.has(s)) throw new Error(`${what}: stage "${s}" is listed twice`);
    stageIndex.set(s, stageIndex.size);
  }
  if (!Array.isArray(groups) || groups.length === 0) throw new Error(`${what}: at least one group attribute is needed`);
  const seenGroups = new Set<string>();
  for (const g of groups) {
    if (typeof g !== "string" || g === "") throw new Error(`${what}: a group attribute name is empty`);
    if (g === "applicationId" || g === "stage") throw new Error(`${what}: "${g}" cannot be audited as a group`);
    if (seenGroups.has(g)) throw new Error(`${what}: group "${g}" is listed twice`);
    seenGroups.add(g);
  }
  if (!Number.isInteger(minCell) || minCell < 1)
    throw new Error(`${what}: minCell must be a positive integer, got ${String(minCell)}`);
  const reached = new Int32Array(rows.length);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (row === null || typeof row !== "object") throw new Error(`${what}: row ${i} is not an object`);
    if (typeof row.applicationId !== "string" || row.applicationId === "")
      throw new Error(`${what}: row ${i} has no applicationId`);
    if (ids.has(row.applicationId)) throw new Error(`${what}: application ${row.applicationId} has two rows`);
    ids.add(row.applicationId);
    const s = stageIndex.get(row.stage);
    if (s === undefined)
      throw new Error(
        `${what}: application ${row.applicationId} is at stage "${String(row.stage)}", which is not in stages (${stages.join(", ")})`,
      );
    reached[i] = s;
  });
  const logFact = logFactorials(rows.length);
  const out: FairnessCell[] = [];
  const perGroup = groups.map((group) => {
    const valueOf = rows.map((r) => (missing(r[group]) ? null : String(r[group])));
    const size = new Map<string, number>();
    for (const v of valueOf) if (v !== null) size.set(v, (size.get(v) ?? 0) + 1);
    const values = [...size.keys()].sort(compareIds);
    const hidden = new Set(values.filter((v) => size.get(v)! < minCell));
    if (hidden.size === 1 && values.length > 1) {
      const next = values
        .filter((v) => !hidden.has(v))
        .sort((x, y) => size.get(x)! - size.get(y)! || compareIds(x, y))[0];
      hidden.add(next);
    }
    return { group, valueOf, values, hidden };
  });
  for (let s = 1; s < stages.length; s++) {
    for (const { group, valueOf, values, hidden } of perGroup) {
      const atPrev = new Map<string, number>(values.map((v) => [v, 0]));
      const atStage = new Map<string, number>(values.map((v) => [v, 0]));
      let prevTotal = 0;
      let stageTotal = 0;
      valueOf.forEach((v, i) => {
        if (v === null || reached[i] < s - 1) return;
        atPrev.set(v, atPrev.get(v)! + 1);
        prevTotal++;
        if (reached[i] >= s) {
          atStage.set(v, atStage.get(v)! + 1);
          stageTotal++;
        }
      });
      const rate = (v: string) => (atPrev.get(v)! > 0 ? atStage.get(v)! / atPrev.get(v)! : null);
      let best: number | null = null;
      for (const v of values) {
        const r = rate(v);
        if (!hidden.has(v) && r !== null && (best === null || r > best)) best = r;
      }
      for (const value of values) {
        if (hidden.has(value)) {
          out.push({
            stage: stages[s],
            group,
            value,
            count: null,
            rate: null,
            impactRatio: null,
            p: null,
            suppressed: true,
          });
          continue;
        }
        const count = atStage.get(value)!;
        const prev = atPrev.get(value)!;
        const r = rate(value);
        out.push({
          stage: stages[s],
          group,
          value,
          count,
          rate: r,
          impactRatio: r !== null && best !== null && best > 0 ? r / best : null,
          p: fisherExact(count, prev - count, stageTotal - count, prevTotal - prev - (stageTotal - count), logFact),
          suppressed: false,
        });
      }
    }
  }
  return out;
}
