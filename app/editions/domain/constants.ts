// Phases and methods of an edition, importable by forms and components (no server code).
export const PHASES = ["draft", "call_open", "screening", "scoring", "deliberation", "decided", "announced", "archived"] as const;
export type Phase = (typeof PHASES)[number];
export const METHODS = ["mean", "median", "trimmedMean", "zScore", "jurorBias"] as const;
export type Method = (typeof METHODS)[number];

export function nextPhase(phase: string): Phase | null {
  const i = PHASES.indexOf(phase as Phase);
  return i >= 0 && i < PHASES.length - 1 ? PHASES[i + 1] : null;
}

export function previousPhase(phase: string): Phase | null {
  const i = PHASES.indexOf(phase as Phase);
  return i > 0 ? PHASES[i - 1] : null;
}
