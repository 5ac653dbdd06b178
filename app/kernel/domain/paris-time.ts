// Wall-clock times in Paris <-> instants, with Intl only (no library), safe across daylight
// saving changes. The secretariat types dates in Paris time (datetime-local inputs); the
// database stores instants (UTC milliseconds). Shared by the server and the browser.
export const PARIS_ZONE = "Europe/Paris";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function wallClock(instant: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = partsFormat.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get("year"), mo: get("month"), d: get("day"), h: get("hour"), mi: get("minute"), s: get("second") };
}

/** Paris wall clock minus UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
export function parisOffset(instant: number): number {
  const w = wallClock(instant);
  const whole = Math.floor(instant / 1000) * 1000;
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - whole;
}

/**
 * "2024-02-05T23:59" read as Paris time → the instant. Null when the text is not a valid
 * date and time. A time skipped by the spring change (02:30 on the last Sunday of March) is
 * moved forward by the hour, as clocks do; an ambiguous autumn time takes the earlier instant.
 */
export function parisLocalToInstant(local: string): Date | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59)
    return null;
  // Two rounds: the offset at the first guess may differ from the offset at the answer.
  const first = asUtc - parisOffset(asUtc);
  const second = asUtc - parisOffset(first);
  const exact = [first, second, first - 3_600_000].filter((t) => toLocal(t) === local.trim());
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(first, second));
}

/** "2025-03-20" → midday of that day in Paris, so the calendar date is the same everywhere in Europe. */
export function parisDateToInstant(date: string): Date | null {
  const day = date.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? parisLocalToInstant(`${day}T12:00`) : null;
}

/** The instant as "YYYY-MM-DDTHH:mm" in Paris time: the value of a datetime-local input. */
export function toLocal(instant: Date | number): string {
  const w = wallClock(typeof instant === "number" ? instant : instant.getTime());
  const pad = (n: number, size = 2) => String(n).padStart(size, "0");
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}
