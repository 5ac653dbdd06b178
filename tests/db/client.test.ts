import { asc } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db, readInSlices, readSnapshot } from "../../db/client";

// A table of this test's own: 5,000 rows, so that a read takes several slices.
const notes = sqliteTable("snapshot_notes", {
  id: integer("id").primaryKey(),
  body: text("body", { mode: "json" }).$type<{ n: number }>(),
});
const columns = { id: notes.id, body: notes.body };
const ROWS = 5000;

beforeAll(() => {
  db().$client.exec("create table snapshot_notes (id integer primary key, body text)");
  const insert = db().$client.prepare("insert into snapshot_notes (id, body) values (?, ?)");
  db().$client.transaction(() => {
    for (let i = 1; i <= ROWS; i++) insert.run(i, i % 7 === 0 ? null : JSON.stringify({ n: i }));
  })();
});

describe("reading a snapshot a slice at a time", () => {
  it("gives the rows exactly as the query's .all() does, JSON columns parsed and nulls kept", async () => {
    const sliced = await readSnapshot((database) =>
      readInSlices(database, columns, database.select(columns).from(notes).orderBy(asc(notes.id))),
    );
    expect(sliced).toEqual(db().select(columns).from(notes).orderBy(asc(notes.id)).all());
    expect(sliced).toHaveLength(ROWS);
    expect(sliced[6]).toEqual({ id: 7, body: null });
  });

  it("lets this process's connection write between slices, and does not see what it wrote", async () => {
    let writesBetweenSlices = 0;
    const writer = setInterval(() => {
      db()
        .$client.prepare("insert into snapshot_notes (body) values (?)")
        .run(JSON.stringify({ n: -1 }));
      writesBetweenSlices++;
    }, 0);
    try {
      const seen = await readSnapshot(async (database) => {
        const first = await readInSlices(database, columns, database.select(columns).from(notes));
        const second = await readInSlices(database, columns, database.select(columns).from(notes));
        return [first.length, second.length];
      });
      expect(writesBetweenSlices).toBeGreaterThan(0);
      expect(seen).toEqual([ROWS, ROWS]);
    } finally {
      clearInterval(writer);
    }
    expect(db().select(columns).from(notes).all().length).toBe(ROWS + writesBetweenSlices);
  });
});
