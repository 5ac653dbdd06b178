// Margin of victory for the local methods (mean, median, trimmedMean), where an application's
// score depends on its own reviews only: per-application frontiers of the best score reachable
// for each cost, exact by construction or enumeration, greedy past the budget.
import { TIE_TOLERANCE } from "./ranking";
import { aggregate, planCost, prefixPlan, reviewScoreAt, reviewSteps, spend } from "./margin-edition";
import type { Edition, Found, Objective, Plan, Step } from "./margin-edition";

/** Per application and direction: best[c] = the best score reachable with cost ≤ c, and the change reaching it. */
interface Frontier {
  best: number[];
  /** Largest useful cost (every move made). */
  max: number;
  plan(c: number): Plan;
  /** Extends `best` up to cost c (throws BudgetExceeded on the exact enumeration). */
  extend(c: number): void;
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
function reviewChains(
  ed: Edition,
  a: number,
  dir: 1 | -1,
  objective: Objective,
): { steps: Step[][]; vals: Float64Array[] } {
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
export function localSearch(ed: Edition, objective: Objective, exact: boolean): Found | null {
  const A = ed.idx.appIds.length;
  const make = (a: number, dir: 1 | -1) =>
    ed.method === "mean"
      ? meanFrontier(ed, a, dir, objective)
      : exact
        ? splitFrontier(ed, a, dir, objective)
        : greedySplitFrontier(ed, a, dir, objective);
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
