// Runs when the server starts: migrate, sweep uploads no row references, seed the public
// archive, print the one-time setup link while nobody can administer the system (once per file),
// then start the e-mail sender and the scheduled jobs (in one process only).
import { writeFileSync } from "node:fs";
import { closeDb, databasePath, db } from "../db/client";
import { seedPastLaureates } from "./results/models/past-laureates.server";
import {
  deliverDueMail,
  deliverQueuedMail,
  forwardMailTo,
  startMailSender,
  stopMailSender,
} from "./kernel/models/outbox.server";
import { issueSetupToken } from "./accounts/models/setup.server";
import { sweepOrphanFiles } from "./kernel/models/file-store.server";
import { warmResults } from "./results/models/results.server";
import {
  closeResultsWorker,
  readingWorkerReady,
  resultsWorkerReady,
  scheduledWritesOffThread,
} from "./results/models/results-worker.server";
import { siteOrigin } from "./kernel/server/site.server";
import { WorkerLost } from "./kernel/server/worker-pool.server";
import { ensureSigningKey } from "./kernel/models/signing-keys.server";

let jobs: NodeJS.Timeout | undefined;
let jobsRunning: Promise<void> | undefined;

/**
 * Time-driven work (see scheduledWrites): reminders, archives, diploma codes, announcements,
 * retention, written in the reading worker thread so that the requests go on meanwhile
 * (decision 034). Later runs also compute closed editions' results ahead of the first visit. A
 * run that finds the previous one still writing leaves it be; a failure is logged and the next
 * run tries again. Settles when the writes are done (the results' warming goes on after).
 */
export function runScheduledJobs({ warm = true } = {}): Promise<void> {
  if (jobsRunning) return jobsRunning;
  const now = new Date();
  jobsRunning = scheduledWritesOffThread(now, siteOrigin())
    .then(() => {
      // Queued in the worker thread, whose outbox knows no sender: this process's sends them now.
      deliverQueuedMail();
      if (warm) warmResults(now).catch((error) => console.error("Warming the results failed:", error));
    })
    // A lost worker was logged by its pool already: each failure is logged once.
    .catch((error) => {
      if (!(error instanceof WorkerLost)) console.error("Scheduled job failed:", error);
    })
    .finally(() => {
      jobsRunning = undefined;
    });
  return jobsRunning;
}

/** Files a crash left between an upload and its transaction; never fatal to the start. */
function sweepUploads() {
  try {
    const { removed, recovered, skipped } = sweepOrphanFiles();
    if (skipped) console.warn(`Uploads not swept: ${skipped}. Give each database its own UPLOAD_DIR.`);
    if (removed.length > 0 || recovered.length > 0)
      console.log(`Uploads: ${removed.length} orphan file(s) removed, ${recovered.length} recovered`);
  } catch (error) {
    console.error("Upload sweep failed:", error);
  }
}

/**
 * What must happen once per database file before any process serves it: migrate, sweep uploads,
 * seed the archive, make the signing key, print the setup link. With several workers the
 * supervising process runs it alone, before it starts them (decision 023).
 */
export function prepare() {
  const database = db();
  console.log(`Database: ${databasePath()}`);
  sweepUploads();
  seedPastLaureates(database);
  // Made at the first start, so that /verify/key publishes it before any diploma needs it.
  ensureSigningKey();
  const token = issueSetupToken();
  if (token) {
    console.log(
      `\nNo secretariat account yet. Open this one-time link to create the first one:\n  ${siteOrigin()}/setup/${token}\n`,
    );
    if (process.env.SETUP_TOKEN_FILE) writeFileSync(process.env.SETUP_TOKEN_FILE, token);
  }
}

/** The e-mail sender and the scheduled jobs: in exactly one process, since each would do its work again. */
export function startBackgroundWork() {
  startMailSender(Number(process.env.MAIL_INTERVAL_MS ?? 5000));
  // Not at start: a large edition's results would hold the first requests for seconds.
  void runScheduledJobs({ warm: false });
  jobs = setInterval(() => void runScheduledJobs(), Number(process.env.JOBS_INTERVAL_MS ?? 15_000));
  jobs.unref();
}

/** A lone server process: everything. */
export async function startup(_: { port?: number } = {}) {
  prepare();
  startBackgroundWork();
  startResultsWorker();
}

/** The results and reading workers load the whole server bundle (seconds on a busy machine): started
 * with each serving process, each in its own thread, rather than when the first person asks. */
function startResultsWorker() {
  void resultsWorkerReady();
  void readingWorkerReady();
}

/**
 * One of several workers, after the supervisor prepared the file. The one with `background`
 * sends the e-mail and runs the jobs; the others pass each queued message on to it with
 * `forwardMail`, so it goes out at once rather than at the sender's next round.
 */
export function startWorker({ background, forwardMail }: { background: boolean; forwardMail: () => void }) {
  db();
  startResultsWorker();
  if (background) startBackgroundWork();
  else forwardMailTo(forwardMail);
}

export { deliverDueMail };

export function shutdown() {
  if (jobs) clearInterval(jobs);
  forwardMailTo(undefined);
  void closeResultsWorker();
  stopMailSender();
  closeDb();
}
