/** Read the e2e server's SQLite database from tests (mail outbox, tokens). */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

export interface OutboxMail {
  id: string;
  to_address: string;
  locale: string;
  template: string;
  subject: string;
  text_body: string;
  state: string;
  created_at: number;
}

let db: Database.Database | undefined;

export function e2eDb(): Database.Database {
  if (db?.open) return db;
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set: is tests/e2e/global-setup.ts running?");
  db = new Database(path, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

/** The most recent mail queued for an address (case-insensitive), optionally of one template. */
export function latestMail(to: string, template?: string): OutboxMail | undefined {
  const sql =
    "select id, to_address, locale, template, subject, text_body, state, created_at from outbox " +
    "where lower(to_address) = lower(?) " +
    (template ? "and template = ? " : "") +
    "order by created_at desc, rowid desc limit 1";
  const params = template ? [to, template] : [to];
  return e2eDb()
    .prepare(sql)
    .get(...params) as OutboxMail | undefined;
}

/**
 * Poll until a mail for `to` newer than `since` (epoch ms) is in the outbox, for actions that
 * queue mail after the response. Throws after `timeoutMs`.
 */
export async function waitForMail(
  to: string,
  { since = 0, template, timeoutMs = 10_000 }: { since?: number; template?: string; timeoutMs?: number } = {},
): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = latestMail(to, template);
    if (mail && mail.created_at >= since) return mail;
    if (Date.now() > deadline) {
      throw new Error(`No mail${template ? ` (${template})` : ""} for ${to} since ${new Date(since).toISOString()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+|(?<![\w/.:-])\/[^\s<>"'`]*/g;

/**
 * The first absolute (http/https) or relative (/…) URL in a mail body whose path starts with
 * `pathPrefix`, as written in the mail; undefined when there is none.
 */
export function findLink(text: string, pathPrefix: string): string | undefined {
  for (const match of text.matchAll(URL_PATTERN)) {
    const candidate = match[0].replace(/[.,;:!?)\]}>»]+$/, "");
    let pathname: string;
    try {
      pathname = new URL(candidate, "http://mail.invalid").pathname;
    } catch {
      continue;
    }
    if (pathname.startsWith(pathPrefix)) return candidate;
  }
  return undefined;
}

/** Like findLink, but throws (showing the body) when no link matches. */
export function extractLink(text: string, pathPrefix: string): string {
  const link = findLink(text, pathPrefix);
  if (link === undefined) {
    throw new Error(`No link starting with ${pathPrefix} in mail body:\n${text}`);
  }
  return link;
}

/**
 * A year no edition of the shared e2e database has yet, drawn at random in [from, to).
 * Specs share one database for the whole run, so a bare random draw collides now and then
 * with the unique index on editions.year.
 */
export function freeEditionYear(from = 2300, to = 9999): number {
  const used = new Set((e2eDb().prepare("select year from editions").all() as { year: number }[]).map((r) => r.year));
  const span = to - from;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const year = from + ((start + i) % span);
    if (!used.has(year)) return year;
  }
  throw new Error(`No free edition year left between ${from} and ${to}`);
}

/** An edition in its screening phase, written straight into the database (for a juror's invitation): id and year. */
export function insertEdition(theme: string): { id: string; year: number } {
  const id = randomUUID();
  const year = freeEditionYear();
  const [now, day] = [Date.now(), 864e5];
  e2eDb()
    .prepare(
      `insert into editions (id, year, theme_en, theme_fr, phase, call_opens_at, deadline_at, scoring_opens_at,
         scoring_closes_at, announcement_at, method, laureate_count, reviewers_per_application, word_limits, created_at)
       values (?, ?, ?, ?, 'screening', ?, ?, ?, ?, ?, 'mean', 2, 3, '{}', ?)`,
    )
    .run(id, year, theme, theme, now - 60 * day, now - 10 * day, now + 10 * day, now + 40 * day, now + 90 * day, now);
  return { id, year };
}
