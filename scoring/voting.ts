import { compareIds } from "./ids";

/** A ballot: a ranking from most to least preferred; an inner array is a group of tied candidates. */
export interface Ballot {
  ranking: (string | string[])[];
  /** How many voters cast this ballot (positive integer, default 1). */
  count?: number;
}

export interface SchulzeResult {
  /** All candidates, best first; tied candidates are adjacent, in id order. */
  order: string[];
  /** Groups (size ≥ 2) of candidates the Schulze method cannot separate. */
  ties: string[][];
  /** d[X][Y]: number of voters preferring X to Y. */
  pairwise: Record<string, Record<string, number>>;
  /** p[X][Y]: strength of the strongest path from X to Y. */
  strongestPaths: Record<string, Record<string, number>>;
}

/** Options of `schulze`. */
export interface SchulzeOptions {
  /**
   * What a ballot says about the candidates it does not rank: "last" (default) ties them below
   * every ranked one; "abstain" says nothing, so the voter counts on no pair involving them
   * (a juror in conflict with an application, for example).
   */
  unranked?: "last" | "abstain";
}

interface PreparedBallots {
  candidates: string[];
  /** Per ballot: level (0 = best) of each candidate index; unranked share the last level, or -1 when they abstain. */
  levels: Int32Array[];
  /** Per ballot: number of levels including the unranked level. */
  levelCount: number[];
  counts: number[];
}

function prepare(
  ballots: Ballot[],
  candidates: string[] | undefined,
  what: string,
  unranked: "last" | "abstain" = "last",
): PreparedBallots {
  if (!Array.isArray(ballots) || ballots.length === 0)
    throw new Error(`${what}: empty input, at least one ballot is needed`);
  let names: string[];
  if (candidates !== undefined) {
    if (!Array.isArray(candidates) || candidates.length === 0) throw new Error(`${what}: the candidate list is empty`);
    const seen = new Set<string>();
    for (const c of candidates) {
      if (typeof c !== "string" || c === "") throw new Error(`${what}: a candidate name is empty`);
      if (seen.has(c)) throw new Error(`${what}: candidate "${c}" is listed twice`);
      seen.add(c);
    }
    names = [...candidates].sort(compareIds);
  } else {
    const all = new Set<string>();
    for (const b of ballots) for (const g of b?.ranking ?? []) for (const c of Array.isArray(g) ? g : [g]) all.add(c);
    names = [...all].sort(compareIds);
  }
  const pos = new Map(names.map((c, i) => [c, i]));
  const levels: Int32Array[] = [];
  const levelCount: number[] = [];
  const counts: number[] = [];
  ballots.forEach((b, bi) => {
    if (!b || !Array.isArray(b.ranking) || b.ranking.length === 0)
      throw new Error(`${what}: ballot ${bi} has an empty ranking`);
    const count = b.count ?? 1;
    if (!Number.isInteger(count) || count <= 0)
      throw new Error(`${what}: ballot ${bi} has count ${String(count)}, expected a positive integer`);
    const lv = new Int32Array(names.length).fill(-1);
    let level = 0;
    for (const g of b.ranking) {
      const group = Array.isArray(g) ? g : [g];
      if (group.length === 0) throw new Error(`${what}: ballot ${bi} contains an empty tie group`);
      for (const c of group) {
        if (typeof c !== "string" || c === "")
          throw new Error(`${what}: ballot ${bi} contains an empty candidate name`);
        const i = pos.get(c);
        if (i === undefined) throw new Error(`${what}: ballot ${bi} names unknown candidate "${c}"`);
        if (lv[i] !== -1) throw new Error(`${what}: ballot ${bi} names candidate "${c}" more than once`);
        lv[i] = level;
      }
      level++;
    }
    let hasUnranked = false;
    if (unranked === "last") {
      for (let i = 0; i < names.length; i++) {
        if (lv[i] === -1) {
          lv[i] = level;
          hasUnranked = true;
        }
      }
    }
    levels.push(lv);
    levelCount.push(hasUnranked ? level + 1 : level);
    counts.push(count);
  });
  return { candidates: names, levels, levelCount, counts };
}

function toRecord(names: string[], m: Float64Array): Record<string, Record<string, number>> {
  const n = names.length;
  const out: Record<string, Record<string, number>> = {};
  for (let i = 0; i < n; i++) {
    const row: Record<string, number> = {};
    for (let j = 0; j < n; j++) if (i !== j) row[names[j]] = m[i * n + j];
    out[names[i]] = row;
  }
  return out;
}

/**
 * Schulze method (Schulze 2011, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method"): pairwise preference counts d[X][Y],
 * strongest-path strengths p by a Floyd–Warshall widest-path pass, and X ranks above Y when
 * p[X][Y] > p[Y][X]. Candidates are ordered by how many others they beat (then by id);
 * adjacent candidates that do not beat each other are reported as a tie group.
 * Rankings may be partial (unranked candidates tie last, or with `{ unranked: "abstain" }` the
 * voter abstains on every pair involving them) and may contain tie groups.
 * Pass `candidates` to fix the candidate list: a ballot naming anyone else then throws.
 *
 * Throws on no ballots, empty rankings, unknown or repeated candidates, bad counts.
 * Cost: O(b·c² + c³) for b ballots and c candidates.
 *
 * @example
 * schulze([{ ranking: ["A", "B", "C"], count: 2 }, { ranking: ["B", "C", "A"] }]).order; // ["A", "B", "C"]
 * // Two voters prefer B to C; a third, who may not judge B, ranks C above A only:
 * schulze([{ ranking: ["B", "C", "A"] }, { ranking: ["B", "A", "C"] }, { ranking: ["C", "A"] }], ["A", "B", "C"], {
 *   unranked: "abstain" }).order[0]; // "B"
 */
export function schulze(ballots: Ballot[], candidates?: string[], options: SchulzeOptions = {}): SchulzeResult {
  const unranked = options.unranked ?? "last";
  if (unranked !== "last" && unranked !== "abstain")
    throw new Error(`schulze: unranked must be "last" or "abstain", got ${String(unranked)}`);
  const { candidates: names, levels, counts } = prepare(ballots, candidates, "schulze", unranked);
  const n = names.length;
  const d = new Float64Array(n * n);
  levels.forEach((lv, bi) => {
    // A level of -1 is an abstention (unranked: "abstain"): no preference either way.
    for (let i = 0; i < n; i++)
      if (lv[i] >= 0) for (let j = 0; j < n; j++) if (lv[j] >= 0 && lv[i] < lv[j]) d[i * n + j] += counts[bi];
  });
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j && d[i * n + j] > d[j * n + i]) p[i * n + j] = d[i * n + j];
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const via = Math.min(p[i * n + k], p[k * n + j]);
        if (via > p[i * n + j]) p[i * n + j] = via;
      }
    }
  }
  const beats = (i: number, j: number) => p[i * n + j] > p[j * n + i];
  const wins = Array.from({ length: n }, (_, i) => {
    let w = 0;
    for (let j = 0; j < n; j++) if (j !== i && beats(i, j)) w++;
    return w;
  });
  const idx = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => wins[b] - wins[a] || compareIds(names[a], names[b]),
  );
  const ties: string[][] = [];
  let group: number[] = [idx[0]];
  const flush = () => {
    if (group.length > 1) ties.push(group.map((i) => names[i]));
  };
  for (let k = 1; k < n; k++) {
    const c = idx[k];
    if (wins[c] === wins[group[0]] && group.every((g) => !beats(g, c) && !beats(c, g))) group.push(c);
    else {
      flush();
      group = [c];
    }
  }
  flush();
  return { order: idx.map((i) => names[i]), ties, pairwise: toRecord(names, d), strongestPaths: toRecord(names, p) };
}

/**
 * A deliberation's count: the Schulze result of the rankings that rank anyone (an empty one is a
 * juror with nothing left to judge, whose conflicts covered every candidate), each unranked
 * candidate an abstention; null when no ranking ranks anyone. Throws as `schulze` does otherwise.
 * Cost: that of `schulze` over the non-empty rankings.
 *
 * @example
 * schulzeOfRankings([[["A"], ["B"]], []], ["A", "B"])?.order; // ["A", "B"]
 * schulzeOfRankings([[], []], ["A", "B"]); // null
 */
export function schulzeOfRankings(rankings: string[][][], candidates: string[]): SchulzeResult | null {
  const voting = rankings.filter((r) => r.length > 0);
  if (voting.length === 0) return null;
  return schulze(
    voting.map((ranking) => ({ ranking })),
    candidates,
    { unranked: "abstain" },
  );
}

/**
 * Borda count: with n candidates a ballot gives n − 1 points to its first place down to 0 for
 * the last; candidates tied on a ballot (an inner array, or the unranked candidates, who tie
 * last) share the average of the points of the places they occupy. Totals are weighted by
 * ballot counts. Pass `candidates` to fix the list (unknown names then throw).
 *
 * Throws on no ballots, empty rankings, unknown or repeated candidates, bad counts.
 * Cost: O(b·c) for b ballots and c candidates.
 *
 * @example
 * borda([{ ranking: ["A", "B", "C"] }, { ranking: ["B", ["A", "C"]] }]); // { A: 2.5, B: 3, C: 0.5 }
 */
export function borda(ballots: Ballot[], candidates?: string[]): Record<string, number> {
  const { candidates: names, levels, levelCount, counts } = prepare(ballots, candidates, "borda");
  const n = names.length;
  const total = new Float64Array(n);
  levels.forEach((lv, bi) => {
    const L = levelCount[bi];
    const size = new Int32Array(L);
    for (let i = 0; i < n; i++) size[lv[i]]++;
    const points = new Float64Array(L);
    let place = 0; // number of candidates ranked above the current level
    for (let l = 0; l < L; l++) {
      // places place .. place+size-1 earn (n-1-place) .. (n-place-size); average:
      points[l] = n - 1 - place - (size[l] - 1) / 2;
      place += size[l];
    }
    for (let i = 0; i < n; i++) total[i] += counts[bi] * points[lv[i]];
  });
  const out: Record<string, number> = {};
  names.forEach((c, i) => (out[c] = total[i]));
  return out;
}
