// What every step of the demo build shares: the seeded randomness, the users created so far,
// the audit entries to write once every row is in, and the two ids most rows point to.
import type { AuditEntry } from "../../app/kernel/models/audit.server";
import type { users } from "../../db/schema";

/** mulberry32: a tiny, well-mixed 32-bit PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

export interface Seeding {
  rng: Rng;
  /** Written at the end in chronological order; entries of the same instant keep this order. */
  audits: AuditEntry[];
  userRows: (typeof users.$inferInsert)[];
  /** Every demo user shares one password hash. */
  passwordHash: string;
  secretariatId: string;
  editionId: string;
}

export function addUser(
  s: Pick<Seeding, "userRows" | "passwordHash">,
  name: string,
  email: string,
  locale: "en" | "fr" | "ar",
  createdAt: Date,
): string {
  const id = crypto.randomUUID();
  s.userRows.push({ id, name, email, locale, passwordHash: s.passwordHash, createdAt });
  return id;
}

export const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export const band = (score: number): "high" | "mid" | "low" => (score >= 7 ? "high" : score >= 4 ? "mid" : "low");

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
