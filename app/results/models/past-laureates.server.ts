// The published laureates of every edition before this system existed (UNESCO's public archive),
// as data for the public archive (past-laureates.json). Country codes are ISO 3166-1 alpha-2.
// Where a laureate was published as "Person, Project" the project is the project and the person
// the organisation.
// The second 2021 laureate (United Republic of Tanzania) is left out: its name is not confirmed.
// The server seeds them at every start (seedPastLaureates is idempotent), the demo too.
import { sql } from "drizzle-orm";
import type { DB } from "../../../db/client";
import { archiveLaureates, editions } from "../../../db/schema";
import pastLaureates from "./past-laureates.json";

export interface PastLaureate {
  year: number;
  project: string;
  organisation: string | null;
  country: string;
}

export const PAST_LAUREATES: readonly PastLaureate[] = pastLaureates;

/**
 * When the laureates of a year count as published: 1 September of that year (around the
 * announcement), except the 2023 edition, whose award ceremony is documented (2 Sept 2024).
 */
export function pastLaureatePublishedAt(year: number): Date {
  if (year === 2023) return new Date(Date.UTC(2024, 8, 2, 12, 0, 0));
  return new Date(Date.UTC(year, 8, 1, 12, 0, 0));
}

/**
 * Inserts the past laureates of every year that has no row in archive_laureates yet, in one
 * transaction. Idempotent; a year already present (seeded, or recorded by the system) is left
 * alone, and so is a year this system runs an edition for: its laureates are that edition's to
 * announce. (A new edition cannot take an archived year; the demo's editions take 2022 and 2023,
 * whose real laureates would otherwise share a page with the demo's.) Returns the number of rows
 * inserted.
 */
export function seedPastLaureates(database: DB): number {
  return database.transaction((tx) => {
    const present = new Set([
      ...tx
        .select({ year: archiveLaureates.year })
        .from(archiveLaureates)
        .groupBy(sql`${archiveLaureates.year}`)
        .all()
        .map((row) => row.year),
      ...tx
        .select({ year: editions.year })
        .from(editions)
        .all()
        .map((row) => row.year),
    ]);
    const rows = PAST_LAUREATES.filter((laureate) => !present.has(laureate.year));
    for (const laureate of rows) {
      tx.insert(archiveLaureates)
        .values({
          year: laureate.year,
          editionId: null,
          project: laureate.project,
          organisation: laureate.organisation,
          country: laureate.country,
          publishedAt: pastLaureatePublishedAt(laureate.year),
        })
        .run();
    }
    return rows.length;
  });
}
