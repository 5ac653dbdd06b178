// Many rows in one statement. Drizzle's multi-row insert binds every value of every row and
// maps each in JavaScript; at 30,000 rows (an assignment at 10,000 applications, its reviews,
// their audit rows) that was most of a second of the request thread per table, with SQLite's
// own work a third of it. Here the rows travel as one JSON array of arrays, mapped to what the
// driver stores by each column's own mapping, and SQLite takes them apart with json_each.
import { getTableColumns, is, sql, SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DB } from "./client";

/** What `run` needs of a connection or a transaction. */
type Runner = Pick<DB, "run">;

/**
 * Inserts `rows` into `table` in one statement, in the order given (rowids follow it). Columns
 * absent from every row are left to SQLite's default; a column given in some rows takes, in the
 * others, its JavaScript default (`$defaultFn`), else its SQL default value, else null.
 * Cost: O(total size of the rows); one bound parameter whatever the number of rows.
 *
 * @example
 * insertRows(tx, reviews, [{ id, assignmentId, jurorId, applicationId }]);
 */
export function insertRows<T extends SQLiteTable>(
  runner: Runner,
  table: T,
  rows: T["$inferInsert"][],
  options: { ignoreConflicts?: boolean } = {},
): void {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const given = new Set<string>();
  for (const row of rows) for (const [k, v] of Object.entries(row)) if (v !== undefined) given.add(k);
  const keys = Object.keys(columns).filter((k) => given.has(k) || columns[k].defaultFn !== undefined);
  const data = rows.map((row) =>
    keys.map((k) => {
      const column = columns[k];
      let value = (row as Record<string, unknown>)[k];
      if (value === undefined) value = column.defaultFn ? column.defaultFn() : column.default;
      if (value === undefined || value === null) return null;
      if (is(value, SQL)) throw new Error(`insertRows: column ${column.name} has an SQL default; give its value`);
      const stored = column.mapToDriverValue(value);
      if (typeof stored === "bigint" || stored instanceof Uint8Array)
        throw new Error(`insertRows: column ${column.name} holds a value JSON cannot carry`);
      return stored;
    }),
  );
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k].name)),
    sql`, `,
  );
  const values = sql.join(
    keys.map((_, i) => sql.raw(`value ->> ${i}`)),
    sql`, `,
  );
  // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
  const conflict = options.ignoreConflicts ? sql` WHERE true ON CONFLICT DO NOTHING` : sql``;
  runner.run(sql`INSERT INTO ${table} (${names}) SELECT ${values} FROM json_each(${JSON.stringify(data)})${conflict}`);
}

/**
 * `column IN (the given values)` with the values bound as one JSON array, whatever their number
 * (thousands of bound parameters would each be mapped and could pass SQLite's limit).
 *
 * @example
 * tx.select().from(conflicts).where(inJson(conflicts.id, ids)).all();
 */
export function inJson(column: SQLiteColumn, values: readonly (string | number)[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
