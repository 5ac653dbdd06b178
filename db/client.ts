// The one SQLite connection of this process: WAL journal, foreign keys on, busy timeout,
// committed drizzle migrations applied on first use so `npm start` needs no extra step. Several
// server processes share the file (decision 023): every transaction takes the write lock when it
// begins, waiting up to the busy timeout for another process's, so none fails with SQLITE_BUSY.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

let instance: DB | undefined;

export function databasePath(): string {
  return resolve(process.env.DATABASE_PATH ?? "data/prize.db");
}

/** Opens (and migrates) a database file; used by the app, the demo seed and the scripts. */
export function openDatabase(path: string): DB {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const database = drizzle(sqlite, { schema }) as DB;
  // A deferred transaction reads first and asks for the write lock later; if another process
  // committed in between, SQLite refuses the upgrade at once (SQLITE_BUSY, no waiting). IMMEDIATE
  // waits for the lock up front, and each transaction here is short and synchronous.
  const transaction = database.transaction.bind(database);
  database.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as DB["transaction"];
  migrate(database, { migrationsFolder: resolve(process.env.MIGRATIONS_DIR ?? "db/migrations") });
  return database;
}

export function db(): DB {
  if (!instance) instance = openDatabase(databasePath());
  return instance;
}

/**
 * This thread's connection, to `file`: how a worker thread writes to the file its server uses
 * (the scheduled jobs, decision 034). Reopened if it was to another file.
 */
export function dbAt(file: string): DB {
  if (instance && instance.$client.name !== file) closeDb();
  if (!instance) instance = openDatabase(file);
  return instance;
}

/** Closes the connection (tests and scripts); the next db() call reopens it. */
export function closeDb(): void {
  instance?.$client.close();
  instance = undefined;
}

export { schema };

/** What a select names: result keys and the columns they are read from. */
type Selection = Record<string, { mapFromDriverValue(value: unknown): unknown }>;

/** Rows read between two turns of the event loop by {@link readInSlices}. */
const SLICE_ROWS = 500;

/**
 * Reads on a connection of its own, inside one read transaction: every statement `read` runs
 * sees the same snapshot of the file however long the reading takes (WAL: writers go on), and
 * this process's connection stays free for the requests answered between the slices of
 * {@link readInSlices}. A database with no file to open twice (":memory:") is read on its own
 * connection.
 */
export async function readSnapshot<T>(read: (database: DB) => Promise<T>): Promise<T> {
  const main = db();
  const file = main.$client.name;
  if (!file || file === ":memory:") return read(main);
  const sqlite = beginSnapshot(file);
  try {
    return await read(drizzle(sqlite, { schema }) as DB);
  } finally {
    endSnapshot(sqlite);
  }
}

/**
 * `read` on a read-only connection of its own to `file`, inside one read transaction (one
 * snapshot): how a worker thread reads the database the request thread writes (decision 032).
 * Opens no write lock and runs no migration.
 */
export function readFileSnapshot<T>(file: string, read: (database: DB) => T): T {
  const sqlite = beginSnapshot(file);
  try {
    return read(drizzle(sqlite, { schema }) as DB);
  } finally {
    endSnapshot(sqlite);
  }
}

/** A read-only connection to `file` inside a read transaction: every read sees one snapshot. */
function beginSnapshot(file: string): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    sqlite.exec("BEGIN");
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function endSnapshot(sqlite: Database.Database): void {
  try {
    sqlite.exec("COMMIT");
  } finally {
    sqlite.close();
  }
}

/**
 * The rows of a select built on a connection of {@link readSnapshot}, as its `.all()` returns
 * them, read SLICE_ROWS at a time with the event loop free in between: reading 30,000 reviews
 * at once held every other request for ~200 ms. `selection` is the object the select was built
 * with (flat: result keys to columns).
 */
export async function readInSlices<Q extends { toSQL(): { sql: string; params: unknown[] }; all(): unknown[] }>(
  database: DB,
  selection: Selection,
  query: Q,
): Promise<ReturnType<Q["all"]>> {
  const { sql, params } = query.toSQL();
  const keys = Object.keys(selection);
  const columns = Object.values(selection);
  const rows: Record<string, unknown>[] = [];
  const statement = database.$client.prepare(sql).raw(true);
  let inSlice = 0;
  for (const raw of statement.iterate(...params) as Iterable<unknown[]>) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]] = raw[i] === null ? null : columns[i].mapFromDriverValue(raw[i]);
    rows.push(row);
    if (++inSlice === SLICE_ROWS) {
      inSlice = 0;
      await new Promise((next) => setImmediate(next));
    }
  }
  return rows as ReturnType<Q["all"]>;
}
