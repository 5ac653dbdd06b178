// Margin of victory for the global methods (zScore, jurorBias), where changing one review moves
// other applications' scores too: a constructive bound, then an exhaustive search below it
// within the budget.
import {
  applyPlan,
  BudgetExceeded,
  evaluate,
  methodScores,
  planCost,
  prefixPlan,
  reviewScoreAt,
  reviewSteps,
} from "./margin-edition";
import type { Edition, Found, Objective, Plan, Step } from "./margin-edition";

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
  const ins = byScore
    .filter((a) => ed.inside[a])
    .reverse()
    .slice(0, 3);
  let found: Found | null = null;
  for (const o of outs) {
    for (const i of ins) {
      const merged: { step: Step; key: number; order: number }[] = [];
      for (const [a, dir] of [
        [o, 1],
        [i, -1],
      ] as const) {
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

export function globalSearch(ed: Edition, objective: Objective): { found: Found | null; exact: boolean } {
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
