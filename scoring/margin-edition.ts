// The edition as the margin-of-victory searches see it (integer criterion scores in canonical
// order), and what every search does with it: score a changed edition exactly as
// `computeResults` would, tell whether the laureate set flipped, and list the best-first moves.
import { solveJurorBias } from "./juror-bias";
import { zScoreCore } from "./normalise";
import { competitionRanking, TIE_TOLERANCE } from "./ranking";
import type { ReviewIndex } from "./review-index";
import { median, trimmedMean } from "./stats";
import type { Method } from "./types";

export type Objective = "points" | "count";

/** A change to some criterion scores: cell index → new value. */
export type Plan = Map<number, number>;

export interface Found {
  cost: number;
  plan: Plan;
}

export class BudgetExceeded extends Error {}

/** The edition in canonical order, as integer criterion scores ("cells": review r, criterion k at r·C + k). */
export interface Edition {
  idx: ReviewIndex;
  keys: string[];
  weights: number[];
  C: number;
  inMin: number;
  inSpan: number;
  lo: number;
  hi: number;
  cells: Int32Array;
  method: Method;
  laureates: number;
  /** 1 for the applications in the laureate set of the unchanged edition. */
  inside: Uint8Array;
  budget: number;
  used: number;
}

/**
 * The review score whose criterion scores start at `base`, exactly as `reviewScore` computes it (same operations in the
 * same order).
 */
export function reviewScoreAt(ed: Edition, cells: Int32Array, base: number): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < ed.C; k++) {
    num += ed.weights[k] * ((cells[base + k] - ed.inMin) / ed.inSpan);
    den += ed.weights[k];
  }
  return num / den;
}

export function aggregate(method: Method, values: Float64Array): number {
  if (method === "median") return median(values);
  if (method === "trimmedMean") return trimmedMean(values);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Application scores under the edition's method, computed as `computeResults` computes them. */
export function methodScores(ed: Edition, score: Float64Array): Float64Array {
  const { idx } = ed;
  const A = idx.appIds.length;
  if (ed.method === "jurorBias") return solveJurorBias({ ...idx, score }).q;
  const out = new Float64Array(A);
  if (ed.method === "zScore") {
    const z = zScoreCore({ ...idx, score });
    for (let a = 0; a < A; a++) {
      let zs = 0;
      for (let r = idx.appStart[a]; r < idx.appStart[a + 1]; r++) zs += z.normalised[r];
      out[a] = zs / (idx.appStart[a + 1] - idx.appStart[a]);
    }
    return out;
  }
  for (let a = 0; a < A; a++) out[a] = aggregate(ed.method, score.subarray(idx.appStart[a], idx.appStart[a + 1]));
  return out;
}

/** The first `laureates` applications of the results table (official score, then mean, median, id). */
export function laureateSet(ed: Edition, score: Float64Array): number[] {
  const { idx } = ed;
  const A = idx.appIds.length;
  const mean = new Float64Array(A);
  const med = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    const vals = score.subarray(idx.appStart[a], idx.appStart[a + 1]);
    mean[a] = aggregate("mean", vals);
    med[a] = median(vals);
  }
  return competitionRanking(idx.appIds, methodScores(ed, score), [mean, med])
    .slice(0, ed.laureates)
    .map((r) => r.index);
}

/** True when some application outside the original laureate set now scores more than 1e-9 above one inside it. */
function flips(ed: Edition, appScore: Float64Array): boolean {
  let maxOut = -Infinity;
  let minIn = Infinity;
  for (let a = 0; a < appScore.length; a++) {
    if (ed.inside[a]) minIn = Math.min(minIn, appScore[a]);
    else maxOut = Math.max(maxOut, appScore[a]);
  }
  return maxOut - minIn > TIE_TOLERANCE;
}

export function spend(ed: Edition, n = 1): void {
  ed.used += n;
  if (ed.used > ed.budget) throw new BudgetExceeded();
}

export function planCost(ed: Edition, plan: Plan, objective: Objective): number {
  if (objective === "count") return plan.size;
  let s = 0;
  for (const [cell, to] of plan) s += Math.abs(to - ed.cells[cell]);
  return s;
}

export function applyPlan(ed: Edition, plan: Plan): { cells: Int32Array; score: Float64Array } {
  const cells = ed.cells.slice();
  for (const [cell, to] of plan) cells[cell] = to;
  const score = Float64Array.from(ed.idx.score);
  for (const cell of plan.keys()) {
    const r = Math.floor(cell / ed.C);
    score[r] = reviewScoreAt(ed, cells, r * ed.C);
  }
  return { cells, score };
}

// --- Steps: the moves a search may make on one review or application, best first.

export interface Step {
  cell: number;
  to: number;
}

/**
 * The best-first moves on review r in direction dir (+1 raises, −1 lowers). For points, one
 * whole point at a time on the heaviest criterion first (a review score is linear in its
 * criteria, so the first c moves move it furthest for c points); for count, one criterion
 * straight to the end of the scale, the largest weighted move first.
 */
export function reviewSteps(ed: Edition, r: number, dir: 1 | -1, objective: Objective): Step[] {
  const end = dir > 0 ? ed.hi : ed.lo;
  const ks = Array.from({ length: ed.C }, (_, k) => k);
  const gain = (k: number) => ed.weights[k] * Math.abs(end - ed.cells[r * ed.C + k]);
  if (objective === "points") ks.sort((x, y) => ed.weights[y] - ed.weights[x] || x - y);
  else ks.sort((x, y) => gain(y) - gain(x) || x - y);
  const steps: Step[] = [];
  for (const k of ks) {
    const cell = r * ed.C + k;
    if (ed.cells[cell] === end) continue;
    if (objective === "count") steps.push({ cell, to: end });
    else for (let v = ed.cells[cell] + dir; dir > 0 ? v <= end : v >= end; v += dir) steps.push({ cell, to: v });
  }
  return steps;
}

export function prefixPlan(steps: Step[], c: number, plan: Plan = new Map()): Plan {
  for (let s = 0; s < c; s++) plan.set(steps[s].cell, steps[s].to);
  return plan;
}

/** Evaluates a whole changed edition; `charge` counts it against the exact search's budget. */
export function evaluate(ed: Edition, score: Float64Array, charge: boolean): boolean {
  if (charge) {
    const J = ed.idx.jurorIds.length;
    spend(ed, score.length + (ed.method === "jurorBias" ? Math.ceil((J * J * J) / 6) : 0));
  }
  return flips(ed, methodScores(ed, score));
}
