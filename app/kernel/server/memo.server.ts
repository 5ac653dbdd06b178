// Values read and computed from the database, kept until the next write. SQLite counts every row
// inserted, updated or deleted through a connection (total_changes()); the server process is the
// database's only writer and uses one connection, so an unchanged count means unchanged data.
// A change made by another process is seen after the server's next write of its own.
import { db } from "../../../db/client";

const LIMIT = 64;
const kept = new Map<string, { generation: string; value: unknown }>();
// total_changes() restarts at 0 on a new connection (tests and scripts reopen the database).
const connections = new WeakMap<object, { id: number; changes: { get(): unknown } }>();
let connectionCount = 0;

/** Changes with every insert, update or delete made through this process's connection. */
export function writeGeneration(): string {
  const client = db().$client;
  let connection = connections.get(client);
  if (!connection)
    connections.set(
      client,
      (connection = { id: ++connectionCount, changes: client.prepare("select total_changes()").pluck() }),
    );
  return `${connection.id}:${connection.changes.get() as number}`;
}

/**
 * `compute()` once per `key` until the database is written to; the last LIMIT keys are kept.
 * Only for values that depend on nothing but the database and the key (not on the clock).
 */
export function untilNextWrite<T>(key: string, compute: () => T): T {
  const generation = writeGeneration();
  const hit = kept.get(key);
  if (hit && hit.generation === generation) {
    kept.delete(key);
    kept.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  kept.set(key, { generation, value });
  if (kept.size > LIMIT) kept.delete(kept.keys().next().value!);
  return value;
}
