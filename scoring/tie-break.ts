// The tie-break fixed before the jury's vote (docs/decisions/010-tie-break-rule.md): where the
// Schulze order leaves a tie across the laureate cut-off, and the seeded lottery that can settle
// it. The seed is committed (its SHA-256 published) before the ballot opens and revealed after,
// so that anyone can check both the commitment and every lottery ticket with `sha256sum`.
import { compareIds } from "./ids";
import { sha256Hex } from "./sha256";

/** A lottery seed: 32 random bytes written as 64 lowercase hexadecimal digits. */
export const SEED_PATTERN = /^[0-9a-f]{64}$/;

function checkSeed(seed: unknown, what: string): asserts seed is string {
  if (typeof seed !== "string" || !SEED_PATTERN.test(seed))
    throw new Error(`${what}: the seed must be 64 lowercase hexadecimal digits, got ${JSON.stringify(seed)}`);
}

function checkNames(names: unknown, what: string): asserts names is string[] {
  if (!Array.isArray(names) || names.length === 0) throw new Error(`${what}: empty input, at least one name is needed`);
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== "string" || name === "") throw new Error(`${what}: a name is empty`);
    if (seen.has(name)) throw new Error(`${what}: "${name}" is listed twice`);
    seen.add(name);
  }
}

/**
 * The public commitment to a lottery seed: the SHA-256 of the seed's 64 characters, in
 * hexadecimal. Published before the ballot opens, it fixes the seed without revealing it.
 * Throws when the seed is not 64 lowercase hexadecimal digits.
 * Cost: one SHA-256 of 64 bytes.
 *
 * @example
 * seedCommitment("0".repeat(64)); // "60e05bd1b195af2f94112fa7197a5c88289058840ce7c6df9693756bc6250f55"
 */
export function seedCommitment(seed: string): string {
  checkSeed(seed, "seedCommitment");
  return sha256Hex(seed);
}

/**
 * Whether a revealed seed is the one committed to: SHA-256(seed) = commitment. False for any
 * other text, including a commitment in capitals or a malformed seed (which cannot have been
 * drawn).
 * Cost: one SHA-256 of 64 bytes.
 *
 * @example
 * seedMatchesCommitment("0".repeat(64), seedCommitment("0".repeat(64))); // true
 * seedMatchesCommitment("1".repeat(64), seedCommitment("0".repeat(64))); // false
 */
export function seedMatchesCommitment(seed: string, commitment: string): boolean {
  if (typeof seed !== "string" || !SEED_PATTERN.test(seed)) return false;
  return typeof commitment === "string" && sha256Hex(seed) === commitment;
}

/** One name's lottery ticket: SHA-256 of "seed:name", in hexadecimal. */
export interface LotteryTicket {
  name: string;
  ticket: string;
}

/**
 * The seeded lottery: each name draws the ticket SHA-256("<seed>:<name>") (hexadecimal), and the
 * smallest ticket comes first. The order depends only on the seed and the names (never on their
 * input order), and every ticket is re-checked with
 * `printf '%s' "<seed>:<name>" | sha256sum`. Names are the applications' public references.
 * Throws on no names, an empty or repeated name, or a malformed seed.
 * Cost: one SHA-256 per name, then a sort: O(n log n).
 *
 * @example
 * lotteryDraw(["ICT-2023-004", "ICT-2023-011"], "0".repeat(64)).map((t) => t.name); // the drawn order
 */
export function lotteryDraw(names: string[], seed: string): LotteryTicket[] {
  checkNames(names, "lotteryDraw");
  checkSeed(seed, "lotteryDraw");
  return names
    .map((name) => ({ name, ticket: sha256Hex(`${seed}:${name}`) }))
    .sort((a, b) => compareIds(a.ticket, b.ticket) || compareIds(a.name, b.name));
}

/** A tie across the laureate cut-off. */
export interface CutOffTie {
  /** The candidates ranked above the tie: laureates whatever the tie-break. */
  above: string[];
  /** The tied candidates, in the order of the vote's result (id order). */
  tied: string[];
  /** How many of the tied take the remaining laureate places (1 ≤ places < tied.length). */
  places: number;
}

/**
 * Where a vote's result (`order` and tie groups, as `schulze` returns them) leaves a tie across
 * the cut-off after `laureates` places: the group of tied candidates that holds both the last
 * laureate place and the first place below it. Null when the cut falls between two candidates
 * the vote separates, or when there are no more candidates than places.
 * Throws when `laureates` is not a positive integer, the order is empty or repeats a name, or a
 * tie group names a candidate outside the order or is not contiguous in it.
 * Cost: O(candidates).
 *
 * @example
 * cutOffTie({ order: ["A", "B", "C", "D"], ties: [["B", "C"]] }, 2); // { above: ["A"], tied: ["B", "C"], places: 1 }
 * cutOffTie({ order: ["A", "B", "C", "D"], ties: [["C", "D"]] }, 2); // null
 */
export function cutOffTie(result: { order: string[]; ties: string[][] }, laureates: number): CutOffTie | null {
  if (!Number.isInteger(laureates) || laureates <= 0)
    throw new Error(`cutOffTie: laureates must be a positive integer, got ${String(laureates)}`);
  const order = result?.order;
  checkNames(order, "cutOffTie");
  const position = new Map(order.map((name, i) => [name, i]));
  for (const group of result.ties ?? []) {
    const places = (Array.isArray(group) ? group : []).map((name) => {
      const at = position.get(name);
      if (at === undefined) throw new Error(`cutOffTie: tie group names "${String(name)}", who is not in the order`);
      return at;
    });
    if (places.length < 2) throw new Error("cutOffTie: a tie group has fewer than two candidates");
    places.sort((a, b) => a - b);
    if (places[places.length - 1] - places[0] !== places.length - 1)
      throw new Error(`cutOffTie: tie group ${group.join(", ")} is not contiguous in the order`);
  }
  if (laureates >= order.length) return null;
  const last = order[laureates - 1];
  const next = order[laureates];
  const group = (result.ties ?? []).find((g) => g.includes(last) && g.includes(next));
  if (!group) return null;
  const tied = order.filter((name) => group.includes(name));
  const above = order.slice(0, position.get(tied[0]));
  return { above, tied, places: laureates - above.length };
}

/**
 * The order once a cut-off tie is settled: the `winners` (exactly `tie.places` of the tied, in
 * the order given) first within the tied group, then the other tied candidates in their order.
 * Candidates outside the group keep their places.
 * Throws when the winners are not `tie.places` distinct candidates of the tie, or the order does
 * not hold the tied group where `cutOffTie` found it.
 * Cost: O(candidates).
 *
 * @example
 * settleCutOffTie(["A", "B", "C", "D"], { above: ["A"], tied: ["B", "C"], places: 1 }, ["C"]); // ["A", "C", "B", "D"]
 */
export function settleCutOffTie(order: string[], tie: CutOffTie, winners: string[]): string[] {
  checkNames(order, "settleCutOffTie");
  if (!Array.isArray(winners) || winners.length !== tie.places || new Set(winners).size !== winners.length)
    throw new Error(`settleCutOffTie: expected ${tie.places} distinct winners, got ${JSON.stringify(winners)}`);
  for (const w of winners)
    if (!tie.tied.includes(w)) throw new Error(`settleCutOffTie: "${w}" is not one of the tied candidates`);
  const start = tie.above.length;
  const span = order.slice(start, start + tie.tied.length);
  if (span.length !== tie.tied.length || span.some((name) => !tie.tied.includes(name)))
    throw new Error("settleCutOffTie: the order does not hold the tied group after the candidates above it");
  const rest = tie.tied.filter((name) => !winners.includes(name));
  return [...order.slice(0, start), ...winners, ...rest, ...order.slice(start + tie.tied.length)];
}
