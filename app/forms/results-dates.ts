// Paris wall-clock times typed in forms (datetime-local / date inputs) and the UTC instants
// they stand for. Deadlines and the announcement are "Paris time" (PRIZE.md).
const PARIS = "Europe/Paris";

function parisOffsetMs(at: number): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: PARIS, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(at / 1000) * 1000;
}

/** "2025-09-02T10:00" in Paris → the instant; null when the text is not such a date and time. */
export function parisLocalToInstant(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d || h > 23 || mi > 59) return null;
  let instant = wall - parisOffsetMs(wall);
  instant = wall - parisOffsetMs(instant);
  return new Date(instant);
}

/** "2025-03-20" → midday of that day in Paris (so the calendar date is the same everywhere in Europe). */
export function parisDate(text: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parisLocalToInstant(`${text.trim()}T12:00`) : null;
}

/** An instant as the value of a datetime-local input, in Paris time. */
export function instantToParisLocal(at: Date | number): string {
  const ms = typeof at === "number" ? at : at.getTime();
  const wall = new Date(ms + parisOffsetMs(ms));
  return wall.toISOString().slice(0, 16);
}
