// The column kinds every table shares. Ids of objects users can reach are random UUIDs so that
// nothing can be found by guessing; instants are integer milliseconds since the epoch (UTC).
import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());
export const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

export const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);
