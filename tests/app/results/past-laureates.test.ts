// The public archive's past laureates (app/results/models/past-laureates.server.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../../db/client";
import { archiveLaureates } from "../../../db/schema";
import { PAST_LAUREATES, seedPastLaureates } from "../../../app/results/models/past-laureates.server";

let dir: string;
let database: DB;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "prize-laureates-"));
  database = openDatabase(join(dir, "test.db"));
});

afterEach(() => {
  database.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("past laureates", () => {
  it("lists two laureates a year, one in 2021 and four in the 2025 special edition", () => {
    const perYear = new Map<number, number>();
    for (const l of PAST_LAUREATES) perYear.set(l.year, (perYear.get(l.year) ?? 0) + 1);
    for (const [year, n] of perYear) {
      expect(n, `laureates of ${year}`).toBe(year === 2021 ? 1 : year === 2025 ? 4 : 2);
    }
  });

  it("uses ISO 3166-1 alpha-2 country codes", () => {
    expect(PAST_LAUREATES.every((l) => /^[A-Z]{2}$/.test(l.country))).toBe(true);
    expect(PAST_LAUREATES.find((l) => l.project === "Egyptian Education Initiative")).toMatchObject({
      organisation: "Dr Hoda Baraka",
      country: "EG",
    });
  });

  it("inserts every past laureate into an empty archive, published in its year", () => {
    expect(seedPastLaureates(database)).toBe(PAST_LAUREATES.length);
    const rows = database.select().from(archiveLaureates).orderBy(asc(archiveLaureates.year)).all();
    expect(rows).toHaveLength(PAST_LAUREATES.length);
    expect(rows.every((r) => r.editionId === null)).toBe(true);
    const cyber = rows.find((r) => r.project === "Cyber Home Learning System");
    expect(cyber).toMatchObject({ year: 2006, organisation: "Ministry of Education & KERIS", country: "KR" });
    expect(cyber?.publishedAt.getUTCFullYear()).toBe(2006);
  });

  it("inserts nothing the second time", () => {
    seedPastLaureates(database);
    expect(seedPastLaureates(database)).toBe(0);
    expect(database.select().from(archiveLaureates).all()).toHaveLength(PAST_LAUREATES.length);
  });

  it("leaves alone a year this system runs an edition for, whose laureates are that edition's to announce", () => {
    const day = 864e5;
    const at = Date.UTC(2023, 0, 1);
    database.$client
      .prepare(
        `insert into editions (id, year, theme_en, theme_fr, phase, call_opens_at, deadline_at, scoring_opens_at,
           scoring_closes_at, announcement_at, method, laureate_count, reviewers_per_application, word_limits, created_at)
         values ('e2023', 2023, 'Theme', 'Thème', 'scoring', ?, ?, ?, ?, ?, 'mean', 2, 3, '{}', ?)`,
      )
      .run(at, at + 60 * day, at + 70 * day, at + 100 * day, at + 200 * day, at);
    expect(seedPastLaureates(database)).toBe(PAST_LAUREATES.filter((l) => l.year !== 2023).length);
    expect(database.select().from(archiveLaureates).where(eq(archiveLaureates.year, 2023)).all()).toEqual([]);
    expect(database.select().from(archiveLaureates).where(eq(archiveLaureates.year, 2022)).all()).toHaveLength(2);
  });

  it("leaves alone a year that already has laureates in the archive", () => {
    database
      .insert(archiveLaureates)
      .values({ year: 2006, project: "Recorded by hand", country: "KR", publishedAt: new Date(Date.UTC(2006, 8, 1)) })
      .run();
    const expected = PAST_LAUREATES.filter((l) => l.year !== 2006).length;
    expect(seedPastLaureates(database)).toBe(expected);
    const y2006 = database.select().from(archiveLaureates).where(eq(archiveLaureates.year, 2006)).all();
    expect(y2006.map((r) => r.project)).toEqual(["Recorded by hand"]);
  });
});
