// The retention schedule's classes of personal data: how long each is kept by default, in which
// unit, and the bounds the secretariat may set (decision 020). Two classes are fixed: laureates'
// public record and the audit log are kept, because they prove the prize was awarded fairly.
export const RETENTION_UNITS = ["days", "months", "years"] as const;
export type RetentionUnit = (typeof RETENTION_UNITS)[number];

export interface RetentionClass {
  unit: RetentionUnit;
  default: number;
  min: number;
  max: number;
}

export const RETENTION_CLASSES = {
  /** Unsuccessful applications' personal data, counted from their edition's announcement. */
  unsuccessful_applications: { unit: "years", default: 5, min: 1, max: 10 },
  /** Sent e-mails in the outbox, counted from their sending. */
  emails: { unit: "months", default: 12, min: 1, max: 60 },
  /** Unconfirmed registrations, expired password resets and sign-in attempts, counted from their creation. */
  registrations: { unit: "days", default: 30, min: 1, max: 365 },
} as const satisfies Record<string, RetentionClass>;

export type RetentionClassKey = keyof typeof RETENTION_CLASSES;
export const RETENTION_KEYS = Object.keys(RETENTION_CLASSES) as RetentionClassKey[];
/** Shown with the schedule, never set: kept as long as the prize exists. */
export const KEPT_CLASSES = ["laureates", "audit"] as const;

export type RetentionSchedule = Record<RetentionClassKey, number>;

export const DEFAULT_SCHEDULE = Object.fromEntries(
  RETENTION_KEYS.map((k) => [k, RETENTION_CLASSES[k].default]),
) as RetentionSchedule;

/** The instant `amount` units before `now` (months and years by the calendar, in UTC). */
export function retentionCutoff(now: Date, unit: RetentionUnit, amount: number): Date {
  const d = new Date(now.getTime());
  if (unit === "days") d.setUTCDate(d.getUTCDate() - amount);
  else if (unit === "months") d.setUTCMonth(d.getUTCMonth() - amount);
  else d.setUTCFullYear(d.getUTCFullYear() - amount);
  return d;
}
