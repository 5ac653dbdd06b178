import { expectedRank, EXPECTED_RANK_BURN_IN, EXPECTED_RANK_DRAWS, type ExpectedRankResult } from "./expected-rank";
import { marginOfVictory, type MarginOfVictory } from "./margin";
import { METHODS, type Method, type ResultsInput } from "./types";

/**
 * Work the certificate's sampler may do, in review and application updates ((burn-in + draws) ×
 * (reviews + applications)): the default 500 + 2000 iterations up to about 16,000 reviews, fewer
 * (never under 250) beyond, so that a large edition's certificate costs about what its results do.
 */
export const CERTIFICATE_WORK = 40_000_000;
const MIN_ITERATIONS = 250;

export interface CertificateOptions {
  /** The official method, whose laureate set the margin is about. */
  method: Method;
  /** How many laureates are chosen. */
  laureates: number;
  /** Seed of the sampler (default 1). */
  seed?: number;
}

export interface LaureateCertificate {
  method: Method;
  laureates: number;
  /** How little the scores would have to differ for the laureate set to change; null when it cannot be computed. */
  margin: MarginOfVictory | null;
  /** Why `margin` is null (empty when it is not). */
  marginNote: string;
  /** Bayesian expected ranks, their intervals and the band that cannot be separated from the cut-off. */
  expectedRank: ExpectedRankResult;
}

/**
 * The sampler's burn-in and kept draws for an edition of `reviews` reviews and `applications`
 * applications: {@link EXPECTED_RANK_BURN_IN} + {@link EXPECTED_RANK_DRAWS} within
 * {@link CERTIFICATE_WORK}, else as many iterations as fit (at least 250), a fifth of them burn-in.
 * Cost: O(1).
 *
 * @example
 * certificateDraws(750, 150); // { burnIn: 500, draws: 2000 }
 */
export function certificateDraws(reviews: number, applications: number): { burnIn: number; draws: number } {
  const full = EXPECTED_RANK_BURN_IN + EXPECTED_RANK_DRAWS;
  const iterations = Math.min(full, Math.max(MIN_ITERATIONS, Math.floor(CERTIFICATE_WORK / (reviews + applications))));
  if (iterations === full) return { burnIn: EXPECTED_RANK_BURN_IN, draws: EXPECTED_RANK_DRAWS };
  const burnIn = Math.floor(iterations / 5);
  return { burnIn, draws: iterations - burnIn };
}

/**
 * The robustness certificate of a laureate set: the margin of victory under the official method
 * ({@link marginOfVictory}) and the Bayesian expected ranks with the band that cannot be separated
 * from the cut-off ({@link expectedRank}, draws from {@link certificateDraws}). Both the results
 * pages and `npm run scoring -- results` call it, so the published numbers can be re-derived from
 * the exported input. The margin needs whole-point scores and fewer laureates than applications;
 * when it cannot be computed it is null and `marginNote` says why, the expected ranks still are.
 *
 * Throws on what {@link expectedRank} rejects (empty or invalid input, laureates outside
 * 1 … applications) and on an unknown method.
 * Cost: that of {@link marginOfVictory} plus O(CERTIFICATE_WORK) for the sampler.
 *
 * @example
 * laureateCertificate({ criteria: [{ key: "q", weight: 1 }], scale: { min: 0, max: 10 }, reviews: [
 *   { applicationId: "A", jurorId: "J1", scores: { q: 8 } }, { applicationId: "B", jurorId: "J1", scores: { q: 6 } },
 * ] }, { method: "mean", laureates: 1 }).margin?.points; // 3: B from 6 to 9, or A from 8 to 5, or between
 */
export function laureateCertificate(input: ResultsInput, options: CertificateOptions): LaureateCertificate {
  if (options === null || typeof options !== "object")
    throw new Error("laureateCertificate: options must be an object with method and laureates");
  const { method, laureates } = options;
  if (!METHODS.includes(method))
    throw new Error(`laureateCertificate: unknown method "${String(method)}" (use ${METHODS.join(", ")})`);
  const reviews = Array.isArray(input?.reviews) ? input.reviews.length : 0;
  const applications = new Set(Array.isArray(input?.reviews) ? input.reviews.map((r) => r?.applicationId) : []).size;
  const { burnIn, draws } = certificateDraws(reviews, applications);
  const expected = expectedRank(input, { laureates, seed: options.seed ?? 1, burnIn, draws });
  let margin: MarginOfVictory | null = null;
  let marginNote = "";
  try {
    margin = marginOfVictory(input, { method, laureates });
  } catch (e) {
    marginNote = (e as Error).message;
  }
  return { method, laureates, margin, marginNote, expectedRank: expected };
}
