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

/** Closes the connection (tests and scripts); the next db() call reopens it. */
export function closeDb(): void {
  instance?.$client.close();
  instance = undefined;
}

export { schema };
