// Moving an edition one phase forward or back, importable by forms and components (no server code).
import { PHASES, type Phase } from "../../../db/enums";

export function nextPhase(phase: string): Phase | null {
  const i = PHASES.indexOf(phase as Phase);
  return i >= 0 && i < PHASES.length - 1 ? PHASES[i + 1] : null;
}

export function previousPhase(phase: string): Phase | null {
  const i = PHASES.indexOf(phase as Phase);
  return i > 0 ? PHASES[i - 1] : null;
}
