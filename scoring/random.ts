/**
 * Seeded pseudo-random number generator (mulberry32, Tommy Ettinger 2017).
 *
 * Returns a function yielding uniform floats in [0, 1). The same seed always
 * yields the same sequence, on every platform, so bootstraps are reproducible.
 * Cost: O(1) per draw, 32-bit state.
 *
 * @example
 * const next = mulberry32(42);
 * next(); // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  if (!Number.isFinite(seed) || !Number.isInteger(seed)) {
    throw new Error(`mulberry32: seed must be a finite integer, got ${String(seed)}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Uniform random integer in [0, n) drawn from a generator made by {@link mulberry32}.
 * Cost: O(1).
 *
 * @example
 * const next = mulberry32(1);
 * randomInt(next, 6); // a die roll minus one
 */
export function randomInt(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`randomInt: n must be a positive integer, got ${String(n)}`);
  }
  return Math.floor(next() * n);
}
