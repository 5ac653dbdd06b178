import { asc, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { inJson, insertRows } from "../../db/bulk";

// Tables of this test's own, with every kind of column the app's tables use: one filled by
// insertRows, its twin by drizzle's own insert.
const noteTable = (name: "bulk_notes" | "bulk_twins") =>
  sqliteTable(name, {
    n: integer("n").primaryKey({ autoIncrement: true }),
    key: text("key").notNull().unique(),
    label: text("label").notNull().default("untitled"),
    body: text("body", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    at: integer("at", { mode: "timestamp_ms" }),
    made: integer("made", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date(1_700_000_000_000)),
    weight: integer("weight"),
  });
const notes = noteTable("bulk_notes");
const twins = noteTable("bulk_twins");
const stamped = sqliteTable("bulk_stamped", {
  key: text("key").primaryKey(),
  at: integer("at").default(sql`(unixepoch())`),
});

beforeAll(() => {
  for (const name of ["bulk_notes", "bulk_twins"])
    db().$client.exec(
      `create table ${name} (n integer primary key autoincrement, key text not null unique, label text not null default 'untitled', body text not null default '{}', at integer, made integer not null, weight integer)`,
    );
  db().$client.exec("create table bulk_stamped (key text primary key, at integer default (unixepoch()))");
});

const rows = [
  {
    key: "ا-ar",
    label: "Ünïcødé “quoted” \\ back\nslash",
    body: { nested: [1, "two", null] },
    at: new Date(1_800_000_000_123),
    weight: 3,
  },
  { key: "b", body: {}, weight: -42 },
  { key: "c", label: "", at: null, weight: null },
];

describe("inserting many rows in one statement", () => {
  it("stores exactly what drizzle's own insert stores, in the order given, defaults included", () => {
    insertRows(db(), notes, rows);
    for (const row of rows) db().insert(twins).values(row).run();
    const read = () => db().select().from(notes).orderBy(asc(notes.n)).all();
    expect(read()).toEqual(db().select().from(twins).orderBy(asc(twins.n)).all());
    expect(read().map((r) => r.key)).toEqual(["ا-ar", "b", "c"]);
    expect(read()[1]).toMatchObject({ label: "untitled", at: null, made: new Date(1_700_000_000_000) });
  });

  it("leaves the rows that would break a unique key out when asked to, and fails whole otherwise", () => {
    insertRows(db(), notes, [{ key: "b" }, { key: "d" }], { ignoreConflicts: true });
    expect(
      db()
        .select({ key: notes.key })
        .from(notes)
        .orderBy(asc(notes.n))
        .all()
        .map((r) => r.key),
    ).toEqual(["ا-ar", "b", "c", "d"]);
    let failure: unknown;
    try {
      insertRows(db(), notes, [{ key: "e" }, { key: "a-dup" }, { key: "e" }]);
    } catch (error) {
      failure = error;
    }
    expect(String((failure as Error).cause)).toMatch(/UNIQUE constraint failed: bulk_notes.key/);
    expect(db().select().from(notes).all()).toHaveLength(4);
  });

  it("does nothing for no rows, and refuses to guess a column's SQL default for some rows only", () => {
    insertRows(db(), notes, []);
    expect(db().select().from(notes).all()).toHaveLength(4);
    insertRows(db(), stamped, [{ key: "x" }]);
    expect(db().select().from(stamped).get()!.at).toBeGreaterThan(1_700_000_000);
    expect(() => insertRows(db(), stamped, [{ key: "y", at: 1 }, { key: "z" }])).toThrow(
      "insertRows: column at has an SQL default; give its value",
    );
  });

  it("inserts 30,000 rows in one statement", () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ({ key: `many-${i}`, weight: i }));
    insertRows(db(), notes, many);
    const last = db().select().from(notes).orderBy(asc(notes.n)).all().slice(-30_000);
    expect(last.map((r) => r.weight)).toEqual(many.map((r) => r.weight));
  });

  it("selects the rows whose column is in a list of any length, bound as one value", () => {
    const keys = ["b", "no-such-key", ...Array.from({ length: 40_000 }, (_, i) => `many-${i * 7}`)];
    const found = db()
      .select({ key: notes.key })
      .from(notes)
      .where(inJson(notes.key, keys))
      .all()
      .map((r) => r.key);
    expect(found.sort()).toEqual(
      ["b", ...Array.from({ length: Math.floor(29_999 / 7) + 1 }, (_, i) => `many-${i * 7}`)].sort(),
    );
    expect(db().select().from(notes).where(inJson(notes.key, [])).all()).toEqual([]);
  });
});
