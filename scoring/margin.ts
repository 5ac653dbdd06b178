import { compareIds } from "./ids";
import { assertConnected, solveJurorBias } from "./juror-bias";
import { zScoreCore } from "./normalise";
import { competitionRanking, TIE_TOLERANCE } from "./ranking";
import { indexReviews, type ReviewIndex } from "./review-index";
import { reviewScoreUnchecked, validateCriteria } from "./review-score";
import { median, trimmedMean } from "./stats";
import { METHODS, type Method, type ResultsInput, type Scale, type ScoredReview } from "./types";

/**
 * Default work the exact search of `marginOfVictory` may do before it settles for a bound, in
 * review scores read (a candidate change of a whole edition reads all N of them, plus J³/6 for
 * the jurorBias solve): about half a second per objective on one core.
 */
export const MARGIN_BUDGET = 5_000_000;

export interface MarginOptions {
  /** The ranking method whose laureate set is audited. */
  method: Method;
  /** How many laureates are chosen (1 to the number of applications − 1). */
  laureates: number;
  /** Whole-point range a changed criterion score may take (default: the edition's scale, which it must lie within). */
  scale?: Scale;
  /** Work the exact search may do before it returns a bound, in review scores read (default {@link MARGIN_BUDGET}). */
  budget?: number;
}

/** One criterion score of one review, changed. */
export interface ScoreChange {
  applicationId: string;
  jurorId: string;
  criterion: string;
  from: number;
  to: number;
}

export interface MarginOfVictory {
  /** Fewest criterion scores that must change (each to any whole value in the scale) to change the laureate set. */
  scores: number;
  /** Smallest total change in scale points (sum of absolute changes) that changes the laureate set. */
  points: number;
  /** Applications entering the laureate set under `changes` (sorted by id). */
  entering: string[];
  /** Applications leaving the laureate set under `changes` (sorted by id). */
  leaving: string[];
  /** True when both numbers are proven minima; false when they are upper bounds (see `changes`). */
  exact: boolean;
  /** A change of `points` scale points that changes the laureate set (sorted by application, juror, criterion). */
  changes: ScoreChange[];
}

type Objective = "points" | "count";

/** A change to some criterion scores: cell index → new value. */
type Plan = Map<number, number>;

interface Found {
  cost: number;
  plan: Plan;
}

class BudgetExceeded extends Error {}

/** The edition in canonical order, as integer criterion scores ("cells": review r, criterion k at r·C + k). */
interface Edition {
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

function prepare(input: ResultsInput, options: MarginOptions): Edition {
  const what = "marginOfVictory";
  if (input === null || typeof input !== "object") throw new Error(`${what}: input must be an object with criteria, scale and reviews`);
  if (!Array.isArray(input.reviews) || input.reviews.length === 0) throw new Error(`${what}: empty input, at least one review is needed`);
  if (options === null || typeof options !== "object") throw new Error(`${what}: options must be an object with method and laureates`);
  validateCriteria(input.criteria, input.scale);
  const method = options.method;
  if (!METHODS.includes(method)) throw new Error(`${what}: unknown method "${String(method)}" (use ${METHODS.join(", ")})`);
  const criteria = input.criteria.map((c) => ({ key: c.key, weight: c.weight })).sort((a, b) => compareIds(a.key, b.key));
  const scale = options.scale ?? input.scale;
  if (scale === null || typeof scale !== "object" || !Number.isInteger(scale.min) || !Number.isInteger(scale.max) || !(scale.max > scale.min)) {
    throw new Error(`${what}: options.scale must have whole-number min < max, got ${JSON.stringify(scale)}`);
  }
  if (scale.min < input.scale.min || scale.max > input.scale.max) {
    throw new Error(`${what}: options.scale ${scale.min}–${scale.max} must lie within the edition's scale ${input.scale.min}–${input.scale.max}`);
  }
  const budget = options.budget ?? MARGIN_BUDGET;
  if (!Number.isInteger(budget) || budget < 0) throw new Error(`${what}: budget must be a non-negative integer, got ${String(budget)}`);
  const scored: ScoredReview[] = input.reviews.map((r, i) => {
    if (r === null || typeof r !== "object") throw new Error(`${what}: review ${i} is not an object`);
    const context = `${what}: review of application ${String(r.applicationId)} by juror ${String(r.jurorId)}: `;
    const score = reviewScoreUnchecked(r.scores, criteria, input.scale, context);
    for (const c of criteria) {
      const s = r.scores[c.key];
      if (!Number.isInteger(s) || s < scale.min || s > scale.max) {
        throw new Error(`${context}score ${s} for criterion "${c.key}" must be a whole number within ${scale.min}–${scale.max}`);
      }
    }
    return { applicationId: r.applicationId, jurorId: r.jurorId, score, confidence: r.confidence };
  });
  const idx = indexReviews(scored, what, input.jurors);
  const A = idx.appIds.length;
  const laureates = options.laureates;
  if (!Number.isInteger(laureates) || laureates < 1 || laureates >= A) {
    throw new Error(`${what}: laureates must be an integer from 1 to the number of applications − 1 (${A - 1}), got ${String(laureates)}`);
  }
  if (method === "jurorBias") assertConnected(idx, what);
  const C = criteria.length;
  const byPair = new Map(input.reviews.map((r) => [`${r.applicationId}\u0000${r.jurorId}`, r]));
  const cells = new Int32Array(idx.score.length * C);
  for (let r = 0; r < idx.score.length; r++) {
    const review = byPair.get(`${idx.appIds[idx.app[r]]}\u0000${idx.jurorIds[idx.juror[r]]}`)!;
    for (let k = 0; k < C; k++) cells[r * C + k] = review.scores[criteria[k].key];
  }
  const ed: Edition = {
    idx,
    keys: criteria.map((c) => c.key),
    weights: criteria.map((c) => c.weight),
    C,
    inMin: input.scale.min,
    inSpan: input.scale.max - input.scale.min,
    lo: scale.min,
    hi: scale.max,
    cells,
    method,
    laureates,
    inside: new Uint8Array(A),
    budget,
    used: 0,
  };
  for (const a of laureateSet(ed, idx.score)) ed.inside[a] = 1;
  return ed;
}

/** The review score whose criterion scores start at `base`, exactly as `reviewScore` computes it (same operations in the same order). */
function reviewScoreAt(ed: Edition, cells: Int32Array, base: number): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < ed.C; k++) {
    num += ed.weights[k] * ((cells[base + k] - ed.inMin) / ed.inSpan);
    den += ed.weights[k];
  }
  return num / den;
}

function aggregate(method: Method, values: Float64Array): number {
  if (method === "median") return median(values);
  if (method === "trimmedMean") return trimmedMean(values);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Application scores under the edition's method, computed as `computeResults` computes them. */
function methodScores(ed: Edition, score: Float64Array): Float64Array {
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
function laureateSet(ed: Edition, score: Float64Array): number[] {
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

function spend(ed: Edition, n = 1): void {
  ed.used += n;
  if (ed.used > ed.budget) throw new BudgetExceeded();
}

function planCost(ed: Edition, plan: Plan, objective: Objective): number {
  if (objective === "count") return plan.size;
  let s = 0;
  for (const [cell, to] of plan) s += Math.abs(to - ed.cells[cell]);
  return s;
}

function applyPlan(ed: Edition, plan: Plan): { cells: Int32Array; score: Float64Array } {
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

interface Step {
  cell: number;
  to: number;
}

/**
 * The best-first moves on review r in direction dir (+1 raises, −1 lowers). For points, one
 * whole point at a time on the heaviest criterion first (a review score is linear in its
 * criteria, so the first c moves move it furthest for c points); for count, one criterion
 * straight to the end of the scale, the largest weighted move first.
 */
function reviewSteps(ed: Edition, r: number, dir: 1 | -1, objective: Objective): Step[] {
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

/** Per application and direction: best[c] = the best score reachable with cost ≤ c, and the change reaching it. */
interface Frontier {
  best: number[];
  /** Largest useful cost (every move made). */
  max: number;
  plan(c: number): Plan;
  /** Extends `best` up to cost c (throws BudgetExceeded on the exact enumeration). */
  extend(c: number): void;
}

function prefixPlan(steps: Step[], c: number, plan: Plan = new Map()): Plan {
  for (let s = 0; s < c; s++) plan.set(steps[s].cell, steps[s].to);
  return plan;
}

/**
 * The mean is linear in every criterion score of the application, with the same coefficient
 * per criterion across its reviews, so merging the reviews' moves by weight (points) or by
 * weighted distance to the end of the scale (count) gives the exact frontier.
 */
function meanFrontier(ed: Edition, a: number, dir: 1 | -1, objective: Objective): Frontier {
  const { idx } = ed;
  const s = idx.appStart[a];
  const e = idx.appStart[a + 1];
  const all: { step: Step; key: number; r: number; k: number }[] = [];
  for (let r = s; r < e; r++) {
    for (const step of reviewSteps(ed, r, dir, objective)) {
      const k = step.cell - r * ed.C;
      const key = objective === "points" ? ed.weights[k] : ed.weights[k] * Math.abs(step.to - ed.cells[step.cell]);
      all.push({ step, key, r, k });
    }
  }
  // Stable sort keeps one cell's unit moves in order.
  all.sort((x, y) => y.key - x.key || x.r - y.r || x.k - y.k);
  const steps = all.map((x) => x.step);
  const base = s * ed.C;
  const cells = ed.cells.slice(base, e * ed.C);
  const vals = Float64Array.from(idx.score.subarray(s, e));
  const best = [aggregate("mean", vals)];
  for (const step of steps) {
    cells[step.cell - base] = step.to;
    const r = Math.floor(step.cell / ed.C);
    vals[r - s] = reviewScoreAt(ed, cells, (r - s) * ed.C);
    best.push(aggregate("mean", vals));
  }
  return { best, max: steps.length, plan: (c) => prefixPlan(steps, Math.min(c, steps.length)), extend: () => {} };
}

/** Review values along each review's own best-first moves: vals[i][c] after c moves of review s + i. */
function reviewChains(ed: Edition, a: number, dir: 1 | -1, objective: Objective): { steps: Step[][]; vals: Float64Array[] } {
  const { idx } = ed;
  const steps: Step[][] = [];
  const vals: Float64Array[] = [];
  for (let r = idx.appStart[a]; r < idx.appStart[a + 1]; r++) {
    const st = reviewSteps(ed, r, dir, objective);
    const cells = ed.cells.slice(r * ed.C, (r + 1) * ed.C);
    const v = new Float64Array(st.length + 1);
    v[0] = idx.score[r];
    st.forEach((step, i) => {
      cells[step.cell - r * ed.C] = step.to;
      v[i + 1] = reviewScoreAt(ed, cells, 0);
    });
    steps.push(st);
    vals.push(v);
  }
  return { steps, vals };
}

/**
 * Median and trimmed mean are monotone in every review score, and each review's best score for
 * a given cost is its best-first prefix, so the best application score for cost c is the best
 * over the ways to split c between its reviews: enumerated exactly, one cost at a time.
 */
function splitFrontier(ed: Edition, a: number, dir: 1 | -1, objective: Objective): Frontier {
  const { steps, vals } = reviewChains(ed, a, dir, objective);
  const n = steps.length;
  const H = steps.map((s) => s.length);
  const max = H.reduce((x, y) => x + y, 0);
  const arr = Float64Array.from(vals, (v) => v[0]);
  const best = [aggregate(ed.method, arr)];
  const bestSplit: Int32Array[] = [new Int32Array(n)];
  const split = new Int32Array(n);
  const better = (x: number, y: number) => (dir > 0 ? x > y : x < y);
  const extend = (upTo: number) => {
    while (best.length <= Math.min(upTo, max)) {
      const c = best.length;
      let top = best[c - 1];
      let topSplit = bestSplit[c - 1];
      const visit = (i: number, left: number) => {
        if (i === n - 1) {
          if (left > H[i]) return;
          split[i] = left;
          arr[i] = vals[i][left];
          spend(ed, n);
          const f = aggregate(ed.method, arr);
          if (better(f, top)) {
            top = f;
            topSplit = split.slice();
          }
          return;
        }
        for (let x = 0; x <= Math.min(left, H[i]); x++) {
          split[i] = x;
          arr[i] = vals[i][x];
          visit(i + 1, left - x);
        }
      };
      visit(0, c);
      best.push(top);
      bestSplit.push(topSplit);
    }
  };
  return {
    best,
    max,
    extend,
    plan: (c) => {
      const sp = bestSplit[Math.min(c, bestSplit.length - 1)];
      const plan: Plan = new Map();
      for (let i = 0; i < n; i++) prefixPlan(steps[i], sp[i], plan);
      return plan;
    },
  };
}

/**
 * Bound for median and trimmed mean when the enumeration is over budget: one move at a time,
 * the review whose next move helps the application score most (ties: the review closest to
 * the current score, where the median moves next).
 */
function greedySplitFrontier(ed: Edition, a: number, dir: 1 | -1, objective: Objective): Frontier {
  const { steps, vals } = reviewChains(ed, a, dir, objective);
  const n = steps.length;
  const pos = new Int32Array(n);
  const arr = Float64Array.from(vals, (v) => v[0]);
  const best = [aggregate(ed.method, arr)];
  const order: number[] = [];
  const max = steps.reduce((x, st) => x + st.length, 0);
  const extend = (upTo: number) => {
    while (best.length <= Math.min(upTo, max)) {
      let pick = -1;
      let pickF = 0;
      let pickDist = 0;
      const current = best[best.length - 1];
      for (let i = 0; i < n; i++) {
        if (pos[i] >= steps[i].length) continue;
        const keep = arr[i];
        arr[i] = vals[i][pos[i] + 1];
        const f = aggregate(ed.method, arr);
        arr[i] = keep;
        const dist = Math.abs(keep - current);
        const gain = dir * (f - pickF);
        if (pick < 0 || gain > TIE_TOLERANCE || (Math.abs(gain) <= TIE_TOLERANCE && dist < pickDist)) {
          pick = i;
          pickF = f;
          pickDist = dist;
        }
      }
      pos[pick]++;
      arr[pick] = vals[pick][pos[pick]];
      order.push(pick);
      best.push(aggregate(ed.method, arr));
    }
  };
  return {
    best,
    max,
    extend,
    plan: (c) => {
      const used = new Int32Array(n);
      for (let s = 0; s < Math.min(c, order.length); s++) used[order[s]]++;
      const plan: Plan = new Map();
      for (let i = 0; i < n; i++) prefixPlan(steps[i], used[i], plan);
      return plan;
    },
  };
}

/**
 * Local methods: an application's score depends on its own reviews only, so the set changes
 * exactly when some outsider o ends above some laureate i, and the cheapest way is to raise o
 * and lower i. With per-application frontiers, cost T suffices iff for some split c + (T − c)
 * the best raised outsider beats the best lowered laureate.
 */
function localSearch(ed: Edition, objective: Objective, exact: boolean): Found | null {
  const A = ed.idx.appIds.length;
  const make = (a: number, dir: 1 | -1) =>
    ed.method === "mean" ? meanFrontier(ed, a, dir, objective) : exact ? splitFrontier(ed, a, dir, objective) : greedySplitFrontier(ed, a, dir, objective);
  const fr: Frontier[] = [];
  let maxOut = 0;
  let maxIn = 0;
  for (let a = 0; a < A; a++) {
    fr.push(make(a, ed.inside[a] ? -1 : 1));
    if (ed.inside[a]) maxIn = Math.max(maxIn, fr[a].max);
    else maxOut = Math.max(maxOut, fr[a].max);
  }
  const at = (a: number, c: number) => fr[a].best[Math.min(c, fr[a].best.length - 1)];
  // Best raised outsider / lowered laureate for each cost, extended as T grows.
  const up: number[] = [];
  const upArg: number[] = [];
  const down: number[] = [];
  const downArg: number[] = [];
  const grow = (c: number) => {
    for (let a = 0; a < A; a++) fr[a].extend(c);
    while (up.length <= c) {
      const k = up.length;
      let u = -Infinity;
      let ua = -1;
      let d = Infinity;
      let da = -1;
      for (let a = 0; a < A; a++) {
        const v = at(a, k);
        if (ed.inside[a]) {
          if (v < d) [d, da] = [v, a];
        } else if (v > u) [u, ua] = [v, a];
      }
      up.push(u);
      upArg.push(ua);
      down.push(d);
      downArg.push(da);
    }
  };
  for (let T = 1; T <= maxOut + maxIn; T++) {
    grow(T);
    for (let c = 0; c <= T; c++) {
      if (up[c] - down[T - c] > TIE_TOLERANCE) {
        const plan = fr[upArg[c]].plan(c);
        for (const [cell, to] of fr[downArg[T - c]].plan(T - c)) plan.set(cell, to);
        return { cost: planCost(ed, plan, objective), plan };
      }
    }
  }
  return null;
}

/** Evaluates a whole changed edition; `charge` counts it against the exact search's budget. */
function evaluate(ed: Edition, score: Float64Array, charge: boolean): boolean {
  if (charge) {
    const J = ed.idx.jurorIds.length;
    spend(ed, score.length + (ed.method === "jurorBias" ? Math.ceil((J * J * J) / 6) : 0));
  }
  return flips(ed, methodScores(ed, score));
}

/**
 * Bound for zScore and jurorBias: for the three best outsiders and three weakest laureates,
 * raise the outsider and lower the laureate along their best-first moves (merged by how much
 * each moves its application's mean) and bisect for a short prefix that flips the set. Every
 * prefix it returns has been evaluated, so the bound is a real change. At most 9 pairs ×
 * (log₂ moves + 1) evaluations, outside the budget: the bound is what large editions get.
 */
function globalBound(ed: Edition, objective: Objective, appScore: Float64Array): Found | null {
  const { idx } = ed;
  const A = idx.appIds.length;
  const byScore = Array.from({ length: A }, (_, a) => a).sort((x, y) => appScore[y] - appScore[x] || x - y);
  const outs = byScore.filter((a) => !ed.inside[a]).slice(0, 3);
  const ins = byScore.filter((a) => ed.inside[a]).reverse().slice(0, 3);
  let found: Found | null = null;
  for (const o of outs) {
    for (const i of ins) {
      const merged: { step: Step; key: number; order: number }[] = [];
      for (const [a, dir] of [[o, 1], [i, -1]] as const) {
        const n = idx.appStart[a + 1] - idx.appStart[a];
        for (let r = idx.appStart[a]; r < idx.appStart[a + 1]; r++) {
          for (const step of reviewSteps(ed, r, dir, objective)) {
            const k = step.cell - r * ed.C;
            const size = objective === "points" ? 1 : Math.abs(step.to - ed.cells[step.cell]);
            merged.push({ step, key: (ed.weights[k] * size) / n, order: merged.length });
          }
        }
      }
      merged.sort((x, y) => y.key - x.key || x.order - y.order);
      const steps = merged.map((m) => m.step);
      const flipsAt = (c: number) => evaluate(ed, applyPlan(ed, prefixPlan(steps, c)).score, false);
      if (!flipsAt(steps.length)) continue;
      let lo = 0;
      let hi = steps.length;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (flipsAt(mid)) hi = mid;
        else lo = mid;
      }
      const plan = prefixPlan(steps, hi);
      const cost = planCost(ed, plan, objective);
      if (found === null || cost < found.cost) found = { cost, plan };
    }
  }
  return found;
}

/**
 * Exhaustive search of every change of exactly `level` (points: total absolute change; count:
 * number of changed scores, each to any other value), cells in index order so each change is
 * visited once. Returns the first change that flips the set.
 */
function levelSearch(ed: Edition, objective: Objective, level: number): Plan | null {
  const nCells = ed.cells.length;
  const cells = ed.cells.slice();
  const score = Float64Array.from(ed.idx.score);
  const plan: Plan = new Map();
  const set = (cell: number, v: number) => {
    cells[cell] = v;
    const r = Math.floor(cell / ed.C);
    score[r] = reviewScoreAt(ed, cells, r * ed.C);
  };
  const visit = (from: number, left: number): boolean => {
    if (left === 0) return evaluate(ed, score, true);
    for (let cell = from; cell < nCells; cell++) {
      const x = ed.cells[cell];
      for (let v = ed.lo; v <= ed.hi; v++) {
        const d = Math.abs(v - x);
        if (d === 0) continue;
        const cost = objective === "points" ? d : 1;
        if (cost > left) continue;
        set(cell, v);
        plan.set(cell, v);
        if (visit(cell + 1, left - cost)) return true;
        plan.delete(cell);
        set(cell, x);
      }
    }
    return false;
  };
  return visit(0, level) ? new Map(plan) : null;
}

function globalSearch(ed: Edition, objective: Objective): { found: Found | null; exact: boolean } {
  const bound = globalBound(ed, objective, methodScores(ed, ed.idx.score));
  let largest = 0;
  for (const x of ed.cells) largest += objective === "count" ? 1 : Math.max(ed.hi - x, x - ed.lo);
  const limit = Math.min(bound?.cost ?? Infinity, largest + 1);
  try {
    for (let level = 1; level < limit; level++) {
      const plan = levelSearch(ed, objective, level);
      if (plan) return { found: { cost: level, plan }, exact: true };
    }
    return { found: bound, exact: true };
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    return { found: bound, exact: false };
  }
}

/** Every change costs at least 1, so a change of cost 1 is a minimum whichever search found it. */
function solve(ed: Edition, objective: Objective): { found: Found | null; exact: boolean } {
  const r = search(ed, objective);
  return { found: r.found, exact: r.exact || r.found?.cost === 1 };
}

function search(ed: Edition, objective: Objective): { found: Found | null; exact: boolean } {
  ed.used = 0;
  if (ed.method === "zScore" || ed.method === "jurorBias") return globalSearch(ed, objective);
  if (ed.method === "mean") return { found: localSearch(ed, objective, true), exact: true };
  try {
    return { found: localSearch(ed, objective, true), exact: true };
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    return { found: localSearch(ed, objective, false), exact: false };
  }
}

/**
 * Margin of victory of the laureate set: how little the jury's scores would have to differ for
 * the laureates under `method` to be different. The set changes when an application outside it
 * ends more than 1e-9 above one inside it, so the set differs whatever the tie-break (a change
 * that only creates a tie at the cut leaves the choice to the tie-break and does not count).
 * Scores are whole points; a changed score takes any whole value within `scale`.
 * - `scores`: fewest criterion scores to change; `points`: smallest total absolute change;
 * - `changes`, `entering`, `leaving`: one change of `points` points and its effect on the table.
 *
 * Exact (`exact: true`) for mean always (its score is linear, so best-first moves are optimal);
 * for median and trimmedMean by enumerating how the cost splits between each application's
 * reviews; for zScore and jurorBias by exhaustive search of every smaller change below a
 * constructive bound — each within `budget` evaluated candidates. Past the budget the answer is
 * an upper bound (`exact: false`): a change that was evaluated and does flip the set.
 * `Infinity` (with no changes) when no change within the scale can flip the set.
 *
 * Throws on empty input, what `computeResults` rejects, scores that are not whole numbers,
 * an unknown method, laureates outside 1 … applications − 1, and a bad scale or budget.
 * Cost: mean O(A·(m·H log(m·H) + T) + T²) for A applications of m criterion scores, H = scale
 * width and a margin of T; the other methods at most `budget` units of exact search (an
 * application split reads its n reviews; a whole edition N reviews + J³/6 for jurorBias) plus
 * O(A·m·H·n log n) for the greedy frontiers or 9·(log₂(m·H) + 1) whole-edition evaluations for
 * the zScore and jurorBias bound.
 *
 * @example
 * marginOfVictory({ criteria: [{ key: "q", weight: 1 }], scale: { min: 0, max: 10 }, reviews: [
 *   { applicationId: "A", jurorId: "J1", scores: { q: 8 } }, { applicationId: "B", jurorId: "J1", scores: { q: 6 } },
 * ] }, { method: "mean", laureates: 1, scale: { min: 0, max: 10 } });
 * // { scores: 1, points: 3, entering: ["B"], leaving: ["A"], exact: true, changes: [...] }
 */
export function marginOfVictory(input: ResultsInput, options: MarginOptions): MarginOfVictory {
  const ed = prepare(input, options);
  const count = solve(ed, "count");
  const points = solve(ed, "points");
  const result: MarginOfVictory = {
    scores: count.found?.cost ?? Infinity,
    points: points.found?.cost ?? Infinity,
    entering: [],
    leaving: [],
    exact: count.exact && points.exact,
    changes: [],
  };
  const plan = points.found?.plan;
  if (plan) {
    const { idx } = ed;
    const after = new Set(laureateSet(ed, applyPlan(ed, plan).score).map((a) => idx.appIds[a]));
    const before = new Set(idx.appIds.filter((_, a) => ed.inside[a]));
    result.entering = [...after].filter((id) => !before.has(id)).sort(compareIds);
    result.leaving = [...before].filter((id) => !after.has(id)).sort(compareIds);
    result.changes = [...plan]
      .sort((x, y) => x[0] - y[0])
      .map(([cell, to]) => {
        const r = Math.floor(cell / ed.C);
        return {
          applicationId: idx.appIds[idx.app[r]],
          jurorId: idx.jurorIds[idx.juror[r]],
          criterion: ed.keys[cell % ed.C],
          from: ed.cells[cell],
          to,
        };
      });
  }
  return result;
}
