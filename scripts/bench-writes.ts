/**
 * `npm run bench:writes`: the large writes at the benchmark's size (10,000 applications, 200
 * jurors, 3 reviews each), run in this process as the server runs them, each timed whole and by
 * the request thread's longest stall while it runs (how late a 10 ms timer fires: meanwhile the
 * process answers nobody). A conflict detection recording its proposals (decision 040), their
 * confirmation at once and the assignment's publication (decision 039), all three in the reading worker, the
 * assignment's run (solved in the worker, its draft written in the reading worker), the announcement (the
 * scheduled job, in the reading worker, in chunks: decision 034) — the last once more with a
 * write on this thread every 10 ms, which waits for the job's write lock.
 * Options: --applications N --jurors N.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seed } from "./bench-fixture";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const APPLICATIONS = arg("applications", 10_000);
const JURORS = arg("jurors", 200);

interface Row {
  write: string;
  rows: string;
  seconds: number;
  stallMs: number;
  note: string;
}

/** How late a 10 ms timer fires at worst while `work` runs; `alongside` runs at each tick. */
async function measure<T>(work: () => Promise<T> | T, alongside?: () => void) {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    alongside?.();
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  // The timer's first tick, so that a stall at the very start counts too.
  await new Promise((next) => setTimeout(next, 30));
  const start = performance.now();
  try {
    const value = await work();
    const seconds = (performance.now() - start) / 1000;
    // One more tick: a stall at the very end is seen too.
    await new Promise((next) => setTimeout(next, 30));
    return { value, seconds, stallMs: Math.max(0, worst) };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "prize-bench-writes-"));
  process.env.DATABASE_PATH = join(dir, "bench.db");
  process.env.MAIL_DIR = join(dir, "mail");
  process.env.UPLOAD_DIR = join(dir, "uploads");
  try {
    const t0 = performance.now();
    const data = await seed(process.env.DATABASE_PATH, { applications: APPLICATIONS, jurors: JURORS });
    console.log(
      `Seeded ${APPLICATIONS.toLocaleString("en")} applications in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    // Imported once the database's path is set: the modules open it when first used.
    const { db } = await import("../db/client");
    const { runAssignment } = await import("../app/jury/models/assignment.server");
    const { juryWriteOffThread } = await import("../app/jury/models/jury-writes.server");
    const { detectConflicts } = await import("../app/jury/models/conflict-detect.server");
    const { runScheduledJobs } = await import("../app/startup.server");
    const { closeResultsWorker, resultsWorkerReady, readingWorkerReady } =
      await import("../app/results/models/results-worker.server");
    const sqlite = db().$client;
    const editionId = data.editionId;
    const actorId = (
      sqlite.prepare("select id from users where email = ?").get(data.emails.secretariat) as { id: string }
    ).id;
    // The seed's edition comes assigned and scored: its assignment is made again from nothing.
    sqlite
      .prepare("delete from reviews where assignment_id in (select id from assignments where edition_id = ?)")
      .run(editionId);
    sqlite.prepare("delete from assignments where edition_id = ?").run(editionId);
    // Its scoring closed yesterday; an assignment is made and published only before it closes.
    const scoringClosesAt = Date.now() + 30 * 24 * 3600 * 1000;
    sqlite.prepare("update editions set scoring_closes_at = ? where id = ?").run(scoringClosesAt, editionId);
    await Promise.all([resultsWorkerReady(), readingWorkerReady()]);
    const rows: Row[] = [];
    const count = (sql: string) => (sqlite.prepare(sql).get(editionId) as { n: number }).n;
    const mails = () => (sqlite.prepare("select count(*) n from outbox").get() as { n: number }).n;

    const detected = await measure(() => detectConflicts({ editionId, actorId }));
    rows.push({
      write: "conflict detection (read and recorded in the worker)",
      rows: `${detected.value.toLocaleString("en")} proposals`,
      seconds: detected.seconds,
      stallMs: detected.stallMs,
      note: "one transaction, in the reading worker (decision 040)",
    });

    const confirmed = await measure(() =>
      juryWriteOffThread("confirmSafe", { editionId, actorId, origin: "http://localhost" }),
    );
    rows.push({
      write: "confirming every proposal at once",
      rows: `${confirmed.value.confirmed.toLocaleString("en")} conflicts`,
      seconds: confirmed.seconds,
      stallMs: confirmed.stallMs,
      note: "one transaction, in the reading worker (decision 039)",
    });

    const ran = await measure(() =>
      runAssignment({
        editionId,
        actorId,
        reviewers: 3,
        maxLoad: Math.ceil((APPLICATIONS * 3) / JURORS) + 10,
        minLoad: 0,
      }),
    );
    if (!ran.value.ok) throw new Error(`The assignment's run failed: ${JSON.stringify(ran.value)}`);
    rows.push({
      write: "assignment run (solved, then its draft written, in workers)",
      rows: `${count("select count(*) n from assignments where edition_id = ?").toLocaleString("en")} drafts`,
      seconds: ran.seconds,
      stallMs: ran.stallMs,
      note: "the draft's one transaction, in the reading worker",
    });

    const published = await measure(() =>
      juryWriteOffThread("publish", { editionId, actorId, origin: "http://localhost" }),
    );
    if (!published.value.ok) throw new Error(`Publishing failed: ${JSON.stringify(published.value)}`);
    rows.push({
      write: "publication of the assignment",
      rows: `${published.value.published.toLocaleString("en")} reviews`,
      seconds: published.seconds,
      stallMs: published.stallMs,
      note: "one transaction, in the reading worker (decision 039)",
    });

    for (const withWriter of [false, true]) {
      // A decision recorded for the edition, its instant just past: the next job announces it.
      sqlite.prepare("update applications set state = 'eligible' where edition_id = ?").run(editionId);
      sqlite.prepare("delete from decisions where edition_id = ?").run(editionId);
      const laureates = (
        sqlite.prepare("select id from applications where edition_id = ? limit 2").all(editionId) as {
          id: string;
        }[]
      ).map((a) => a.id);
      sqlite
        .prepare(
          `insert into decisions (id, edition_id, laureates, decided_by, decided_at, decision_date, announcement_at, snapshot, snapshot_sha256)
           values (?, ?, ?, ?, ?, ?, ?, '{}', 'bench')`,
        )
        .run(
          crypto.randomUUID(),
          editionId,
          JSON.stringify(laureates),
          actorId,
          Date.now(),
          Date.now(),
          Date.now() - 1,
        );
      const before = mails();
      let writes = 0;
      const write = sqlite.prepare("update data_versions set version = version where rowid = 1");
      const announced = await measure(
        () => runScheduledJobs({ warm: false }),
        withWriter
          ? () => {
              db().transaction(() => write.run());
              writes++;
            }
          : undefined,
      );
      const states = count(
        "select count(*) n from applications where edition_id = ? and state in ('laureate', 'not_selected')",
      );
      if (states !== APPLICATIONS)
        throw new Error(`The announcement left ${APPLICATIONS - states} applications eligible`);
      rows.push({
        write: withWriter ? "announcement, a write here every 10 ms" : "announcement (scheduled job, reading worker)",
        rows: `${states.toLocaleString("en")} states, ${(mails() - before).toLocaleString("en")} e-mails`,
        seconds: announced.seconds,
        stallMs: announced.stallMs,
        note: withWriter ? `${writes} writes waited at most one chunk` : "chunks of 500 applications",
      });
    }

    const header = ["write", "rows", "whole s", "longest stall ms", "what the stall is"];
    const cells = rows.map((r) => [r.write, r.rows, r.seconds.toFixed(2), r.stallMs.toFixed(0), r.note]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]) =>
      c.map((v, i) => (i === 2 || i === 3 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ");
    console.log(
      `\nLarge writes: ${APPLICATIONS.toLocaleString("en")} applications, ${JURORS} jurors, 3 reviews each; the request thread's longest stall while each runs.\n`,
    );
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const c of cells) console.log(line(c));
    await closeResultsWorker();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
