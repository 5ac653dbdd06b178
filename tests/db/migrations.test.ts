// Upgrading a database that is already in use: drizzle runs only the migrations dated after the
// newest one the database has, so a migration dated too early is silently skipped on upgrade.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { applications, assignments, editions, juryMembers, reviews, users } from "../../db/schema";

const MIGRATIONS = resolve(import.meta.dirname, "../../db/migrations");
type Journal = { entries: { idx: number; when: number; tag: string }[] };
const journal: Journal = JSON.parse(readFileSync(join(MIGRATIONS, "meta/_journal.json"), "utf8"));

// 0015 was dated before 0014: a database migrated to 0014 before 0015 existed never ran it and
// keeps the unused applications.feedback_shared column (0 by default, read by nothing).
const DATED_EARLY = ["0015_drop_feedback_shared"];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the migrations folder that stops after `lastTag`, as the code of that day had it. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "prize-migrations-"));
  dirs.push(dir);
  cpSync(MIGRATIONS, dir, { recursive: true });
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  const cut = { ...journal, entries: journal.entries.slice(0, last + 1) };
  writeFileSync(join(dir, "meta/_journal.json"), JSON.stringify(cut));
  return dir;
}

function openWith(path: string, migrationsDir: string) {
  const before = process.env.MIGRATIONS_DIR;
  process.env.MIGRATIONS_DIR = migrationsDir;
  try {
    return openDatabase(path);
  } finally {
    if (before === undefined) delete process.env.MIGRATIONS_DIR;
    else process.env.MIGRATIONS_DIR = before;
  }
}

describe("the migrations", () => {
  it("are each dated after every one before them, so a database up to date runs the next one", () => {
    const late = journal.entries.filter(
      (e, i) => !DATED_EARLY.includes(e.tag) && journal.entries.slice(0, i).some((b) => b.when >= e.when),
    );
    expect(late.map((e) => e.tag)).toEqual([]);
  });

  it("give an upgraded database's audit rows the edition each is about, as the rows written after it", () => {
    const dir = mkdtempSync(join(tmpdir(), "prize-upgrade-"));
    dirs.push(dir);
    const path = join(dir, "old.db");
    const old = openWith(path, migrationsUpTo("0015_drop_feedback_shared"));
    const day = (n: number) => new Date(Date.UTC(2031, 0, n));
    const edition = old
      .insert(editions)
      .values({
        year: 2031,
        themeEn: "Theme",
        themeFr: "Thème",
        callOpensAt: day(1),
        deadlineAt: day(2),
        scoringOpensAt: day(3),
        scoringClosesAt: day(4),
        announcementAt: day(5),
      })
      .returning({ id: editions.id })
      .get();
    const person = old
      .insert(users)
      .values({ email: "juror@example.org", name: "Juror", passwordHash: "x" })
      .returning({ id: users.id })
      .get();
    const app = old
      .insert(applications)
      .values({ reference: "R-1", editionId: edition.id, applicantId: person.id })
      .returning({ id: applications.id })
      .get();
    const member = old
      .insert(juryMembers)
      .values({ editionId: edition.id, userId: person.id })
      .returning({ id: juryMembers.id })
      .get();
    const assignment = old
      .insert(assignments)
      .values({ editionId: edition.id, jurorId: member.id, applicationId: app.id })
      .returning({ id: assignments.id })
      .get();
    const review = old
      .insert(reviews)
      .values({ assignmentId: assignment.id, jurorId: member.id, applicationId: app.id })
      .returning({ id: reviews.id })
      .get();
    const rows: [string, string | null, string][] = [
      ["edition", edition.id, "{}"],
      ["application", app.id, "{}"],
      ["review", review.id, "{}"],
      ["jury_member", member.id, "{}"],
      ["invitation", "inv-1", JSON.stringify({ editionId: edition.id, role: "observer" })],
      ["user", person.id, "{}"],
      ["retention", null, "not json"],
    ];
    const insert = old.$client.prepare(
      "insert into audit_log (at, action, object_type, object_id, details, prev_hash, hash) values (0, 'x.y', ?, ?, ?, '', '')",
    );
    for (const row of rows) insert.run(...row);
    old.$client.close();

    const upgraded = openWith(path, MIGRATIONS);
    const found = upgraded.$client.prepare("select object_type, edition_id from audit_log order by id").all();
    upgraded.$client.close();
    expect(found).toEqual([
      { object_type: "edition", edition_id: edition.id },
      { object_type: "application", edition_id: edition.id },
      { object_type: "review", edition_id: edition.id },
      { object_type: "jury_member", edition_id: edition.id },
      { object_type: "invitation", edition_id: edition.id },
      { object_type: "user", edition_id: null },
      { object_type: "retention", edition_id: null },
    ]);
  });
});
