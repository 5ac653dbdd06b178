import { compareIds } from "./ids";
import { assertConnected } from "./juror-bias";
import { indexReviews } from "./review-index";
import { reviewScoreUnchecked, validateCriteria } from "./review-score";
import { METHODS, type Method, type ResultsInput, type Scale, type ScoredReview } from "./types";
import { applyPlan, BudgetExceeded, laureateSet, type Edition, type Found, type Objective } from "./margin-edition";
import { localSearch } from "./margin-local";
import { globalSearch } from "./margin-global";

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

function prepare(input: ResultsInput, options: MarginOptions): Edition {
  const what = "marginOfVictory";
  if (input === null || typeof input !== "object")
    throw new Error(`${what}: input must be an object with criteria, scale and reviews`);
  if (!Array.isArray(input.reviews) || input.reviews.length === 0)
    throw new Error(`${what}: empty input, at least one review is needed`);
  if (options === null || typeof options !== "object")
    throw new Error(`${what}: options must be an object with method and laureates`);
  validateCriteria(input.criteria, input.scale);
  const method = options.method;
  if (!METHODS.includes(method))
    throw new Error(`${what}: unknown method "${String(method)}" (use ${METHODS.join(", ")})`);
  const criteria = input.criteria
    .map((c) => ({ key: c.key, weight: c.weight }))
    .sort((a, b) => compareIds(a.key, b.key));
  const scale = options.scale ?? input.scale;
  if (
    scale === null ||
    typeof scale !== "object" ||
    !Number.isInteger(scale.min) ||
    !Number.isInteger(scale.max) ||
    !(scale.max > scale.min)
  ) {
    throw new Error(`${what}: options.scale must have whole-number min < max, got ${JSON.stringify(scale)}`);
  }
  if (scale.min < input.scale.min || scale.max > input.scale.max) {
    throw new Error(
      `${what}: options.scale ${scale.min}–${scale.max} must lie within the edition's scale ${input.scale.min}–${input.scale.max}`,
    );
  }
  const budget = options.budget ?? MARGIN_BUDGET;
  if (!Number.isInteger(budget) || budget < 0)
    throw new Error(`${what}: budget must be a non-negative integer, got ${String(budget)}`);
  const scored: ScoredReview[] = input.reviews.map((r, i) => {
    if (r === null || typeof r !== "object") throw new Error(`${what}: review ${i} is not an object`);
    const context = `${what}: review of application ${String(r.applicationId)} by juror ${String(r.jurorId)}: `;
    const score = reviewScoreUnchecked(r.scores, criteria, input.scale, context);
    for (const c of criteria) {
      const s = r.scores[c.key];
      if (!Number.isInteger(s) || s < scale.min || s > scale.max) {
        throw new Error(
          `${context}score ${s} for criterion "${c.key}" must be a whole number within ${scale.min}–${scale.max}`,
        );
      }
    }
    return { applicationId: r.applicationId, jurorId: r.jurorId, score, confidence: r.confidence };
  });
  const idx = indexReviews(scored, what, input.jurors);
  const A = idx.appIds.length;
  const laureates = options.laureates;
  if (!Number.isInteger(laureates) || laureates < 1 || laureates >= A) {
    throw new Error(
      `${what}: laureates must be an integer from 1 to the number of applications − 1 (${A - 1}), got ${String(laureates)}`,
    );
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
