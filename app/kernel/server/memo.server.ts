// Values read and computed from the database, kept until the data they are made from changes.
// Triggers (migration 0011, decision 015) bump a version per edition and topic in the same
// transaction as every write that concerns it, so a value is keyed by the versions of exactly
// what it reads: a sign-in, an e-mail sent or a draft saved in another edition keeps it. The
// versions live in the database, so every process sharing the file agrees on them, and a change
// made by another writer (an operator's sqlite3 session) is seen at once.
import { db, type DB } from "../../../db/client";
import { alreadySettled, outsideAdmission } from "./admission.server";

/**
 * What a cached value can depend on, per edition:
 * - `applications`: any change to the edition's applications, drafts included;
 * - `submitted`: a change to an application that is not a draft before or after it;
 * - `jury`: the edition's row, criteria, jury members, conflicts, assignments and any review;
 * - `scores`: the same, but for reviews only a change to or from a submitted or recused one.
 * Every value also depends on what all editions share (nominating entities, people's names).
 */
export type Topic = "applications" | "submitted" | "jury" | "scores";

const LIMIT = 64;
const kept = new Map<string, { version: string; value: unknown }>();
// A new connection may be to another file (tests and scripts reopen the database): its serial is
// part of the version, so a value kept from one database is never served from another.
const connections = new WeakMap<object, { id: number; read: { all(...params: unknown[]): unknown[] } }>();
let connectionCount = 0;

const VERSIONS_SQL = "select scope, topic, version from data_versions where scope in (?, '*') order by scope, topic";

type VersionRow = { scope: string; topic: string; version: number };

function versionsString(rows: VersionRow[], topics: readonly Topic[]): string {
  return rows
    .filter((r) => r.scope === "*" || (topics as readonly string[]).includes(r.topic))
    .map((r) => `${r.scope === "*" ? "*" : ""}${r.topic}:${r.version}`)
    .join(",");
}

/** The versions of `topics` for the edition, and of what every edition shares, as one string. */
export function dataVersion(editionId: string, topics: readonly Topic[]): string {
  const client = db().$client;
  let connection = connections.get(client);
  if (!connection) {
    const read = client.prepare(VERSIONS_SQL);
    connections.set(client, (connection = { id: ++connectionCount, read }));
  }
  return `${connection.id},${versionsString(connection.read.all(editionId) as VersionRow[], topics)}`;
}

/**
 * The same versions as read on `database` (another connection: a worker's snapshot), without
 * the connection's serial: what a value computed elsewhere was computed from, to compare with
 * {@link versionsNow} before writing it.
 */
export function versionsOn(database: DB, editionId: string, topics: readonly Topic[]): string {
  return versionsString(database.$client.prepare(VERSIONS_SQL).all(editionId) as VersionRow[], topics);
}

/** {@link versionsOn} this process's connection (inside a transaction: what the transaction sees). */
export function versionsNow(editionId: string, topics: readonly Topic[]): string {
  return versionsOn(db(), editionId, topics);
}

/**
 * `compute()` once per `key` until the edition's data in `topics` (or what all editions share)
 * changes; the last LIMIT keys are kept. Only for values that depend on nothing but that data
 * and the key (not on the clock).
 */
export function untilChanged<T>(
  { editionId, topics, key }: { editionId: string; topics: readonly Topic[]; key: string },
  compute: () => T,
): T {
  const version = dataVersion(editionId, topics);
  const hit = kept.get(key);
  if (hit && hit.version === version) {
    kept.delete(key);
    kept.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  kept.set(key, { version, value });
  if (kept.size > LIMIT) kept.delete(kept.keys().next().value!);
  return value;
}

/** Forgets the value kept under `key`: one superseded before its data changed, not worth its memory. */
export function forget(key: string): void {
  kept.delete(key);
}

/** A value computed off the request thread, and since when (for a "computing since" page). */
export interface Pending<T> {
  promise: Promise<T>;
  since: Date;
  /** Settles once whatever computes is up (a worker loading its code): a wait starts from there. */
  ready?: () => Promise<unknown>;
  /** Whether whatever computes is already up (then `ready` would settle at once). */
  loaded?: () => boolean;
}

/**
 * `untilChanged` for a value computed asynchronously (in a worker): callers asking while it runs
 * share the one computation, and a failed one is forgotten so that the next asks again.
 */
export function untilChangedAsync<T>(
  scope: { editionId: string; topics: readonly Topic[]; key: string },
  compute: () => Promise<T>,
): Pending<T> {
  const pending = untilChanged(scope, () => {
    const started: Pending<T> = { promise: compute(), since: new Date() };
    started.promise.catch(() => {
      if (kept.get(scope.key)?.value === started) kept.delete(scope.key);
    });
    return started;
  });
  return pending;
}

/**
 * The value if `promise` settles within `ms`, else null; a rejection is thrown. The request does
 * not hold its place meanwhile (admission.server.ts): other pages are served while it waits.
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | null> {
  // Most views find their value kept: no timer, and the request keeps its place.
  const now = await alreadySettled(promise);
  if (now) return now;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((done) => (timer = setTimeout(() => done(null), ms)));
  try {
    return await outsideAdmission(Promise.race([promise.then((value) => ({ value })), late]));
  } finally {
    clearTimeout(timer);
  }
}
