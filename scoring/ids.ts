/**
 * Deterministic identifier ordering: plain UTF-16 code-unit comparison
 * (never locale-dependent), so every machine sorts ids the same way.
 * Cost: O(length of the shorter id).
 *
 * @example
 * ["b", "B", "a"].sort(compareIds); // ["B", "a", "b"]
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Formats a list of names for an error message, at most `max` of them.
 * Cost: O(max).
 *
 * @example
 * listNames(["A1", "A2", "A3"], 2); // "A1, A2 and 1 more"
 */
export function listNames(names: string[], max = 8): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}
