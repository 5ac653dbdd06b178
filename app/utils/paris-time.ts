// Paris wall-clock time <-> instants, without a time-zone library: deadlines are typed and
// shown in Paris time (datetime-local "YYYY-MM-DDTHH:MM").
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

function parisOffsetMs(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2026-03-31T18:00" read as Paris time; null when it is not a valid date and time. */
export function parisLocalToDate(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(naive);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  let instant = naive - parisOffsetMs(naive);
  instant = naive - parisOffsetMs(instant);
  return new Date(instant);
}

/** An instant as the value of a datetime-local field, in Paris time. */
export function dateToParisLocal(instant: Date | number): string {
  const t = typeof instant === "number" ? instant : instant.getTime();
  const local = new Date(t + parisOffsetMs(t));
  return local.toISOString().slice(0, 16);
}
