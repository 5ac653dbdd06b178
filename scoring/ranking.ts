import { compareIds } from "./ids";

/** Scores closer than this are treated as equal when ranking (absorbs floating-point noise). */
export const TIE_TOLERANCE = 1e-9;

export interface RankedItem {
  index: number;
  /** Competition rank ("1224"). */
  rank: number;
  /** Unique 1-based position after the tie-break. */
  position: number;
  tied: boolean;
}

/**
 * Competition ranking ("1224") of items by descending `score`. Scores within
 * {@link TIE_TOLERANCE} of the first score of a group share its rank and are flagged `tied`;
 * inside a tie group the order is broken by each `tieBreakers` array in turn (higher first),
 * then by id ascending (UTF-16 code-unit order). Returns items in table order.
 * Throws on empty input, mismatched lengths or non-finite scores.
 * Cost: O(n log n).
 *
 * @example
 * competitionRanking(["a", "b", "c"], [0.9, 0.5, 0.9]).map((r) => r.rank); // [1, 1, 3]
 */
export function competitionRanking(
  ids: string[],
  score: ArrayLike<number>,
  tieBreakers: ArrayLike<number>[] = [],
): RankedItem[] {
  const n = ids.length;
  if (n === 0) throw new Error("competitionRanking: empty input, at least one item is needed");
  if (score.length !== n || tieBreakers.some((t) => t.length !== n)) {
    throw new Error("competitionRanking: ids, scores and tie-breakers must have the same length");
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(score[i]))
      throw new Error(`competitionRanking: score of ${ids[i]} is not a finite number (${String(score[i])})`);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => score[b] - score[a] || compareIds(ids[a], ids[b]),
  );
  const out: RankedItem[] = [];
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && score[order[i]] - score[order[j + 1]] <= TIE_TOLERANCE) j++;
    const group = order.slice(i, j + 1).sort((a, b) => {
      for (const t of tieBreakers) if (t[b] !== t[a]) return t[b] - t[a];
      return compareIds(ids[a], ids[b]);
    });
    for (const index of group) out.push({ index, rank: i + 1, position: out.length + 1, tied: group.length > 1 });
    i = j + 1;
  }
  return out;
}
