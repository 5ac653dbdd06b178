import type { Criterion, Scale } from "./types";

/**
 * Validates a criteria list and a scale; throws naming the offending criterion.
 * Cost: O(c).
 *
 * @example
 * validateCriteria([{ key: "impact", weight: 2 }], { min: 0, max: 10 });
 */
export function validateCriteria(criteria: Criterion[], scale: Scale): void {
  if (!Array.isArray(criteria) || criteria.length === 0) {
    throw new Error("criteria: empty input, at least one criterion is needed");
  }
  const seen = new Set<string>();
  for (const c of criteria) {
    if (typeof c?.key !== "string" || c.key === "") throw new Error("criteria: a criterion has no key");
    if (seen.has(c.key)) throw new Error(`criteria: criterion "${c.key}" is listed twice`);
    seen.add(c.key);
    if (typeof c.weight !== "number" || !Number.isFinite(c.weight) || c.weight <= 0) {
      throw new Error(
        `criteria: weight of criterion "${c.key}" must be a positive finite number, got ${String(c.weight)}`,
      );
    }
  }
  if (!scale || !Number.isFinite(scale.min) || !Number.isFinite(scale.max)) {
    throw new Error(`scale: min and max must be finite numbers, got ${JSON.stringify(scale)}`);
  }
  if (!(scale.max > scale.min)) {
    throw new Error(`scale: max (${scale.max}) must be greater than min (${scale.min})`);
  }
}

/**
 * Weighted mean of the criterion scores after rescaling each to 0–1:
 * Σ w_c·(s_c − min)/(max − min) / Σ w_c.
 *
 * Throws on a missing or unknown criterion, a score that is not finite or is
 * outside the scale, and weights that are not positive. Cost: O(c).
 *
 * @example
 * reviewScore({ impact: 8, design: 6 }, [{ key: "impact", weight: 3 }, { key: "design", weight: 1 }], { min: 0, max:
 *   10 }); // 0.75
 */
export function reviewScore(scores: Record<string, number>, criteria: Criterion[], scale: Scale): number {
  validateCriteria(criteria, scale);
  return reviewScoreUnchecked(scores, criteria, scale, "");
}

/**
 * {@link reviewScore} without re-validating criteria and scale; `context` prefixes error messages
 * (e.g. `review of application A1 by juror J2: `). Cost: O(c).
 *
 * @example
 * reviewScoreUnchecked({ q: 5 }, [{ key: "q", weight: 1 }], { min: 0, max: 10 }, ""); // 0.5
 */
export function reviewScoreUnchecked(
  scores: Record<string, number>,
  criteria: Criterion[],
  scale: Scale,
  context: string,
): number {
  if (scores === null || typeof scores !== "object") {
    throw new Error(`${context}scores must be an object keyed by criterion key`);
  }
  const known = new Set(criteria.map((c) => c.key));
  for (const key of Object.keys(scores).sort()) {
    if (!known.has(key)) throw new Error(`${context}unknown criterion key "${key}"`);
  }
  const span = scale.max - scale.min;
  let num = 0;
  let den = 0;
  for (const c of criteria) {
    if (!Object.prototype.hasOwnProperty.call(scores, c.key)) {
      throw new Error(`${context}missing score for criterion "${c.key}"`);
    }
    const s = scores[c.key];
    if (typeof s !== "number" || !Number.isFinite(s)) {
      throw new Error(`${context}score for criterion "${c.key}" is not a finite number (${String(s)})`);
    }
    if (s < scale.min || s > scale.max) {
      throw new Error(`${context}score ${s} for criterion "${c.key}" is outside the scale ${scale.min}–${scale.max}`);
    }
    num += c.weight * ((s - scale.min) / span);
    den += c.weight;
  }
  return num / den;
}
