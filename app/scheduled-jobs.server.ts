// The scheduled jobs' writes (decision 034). They run in the reading worker thread, on its own
// connection to the server's file, so that an announcement at 10,000 applications (seconds of
// writing) never holds the requests of the process that runs the jobs. This module is what that
// thread runs; app/startup.server.ts asks for it every JOBS_INTERVAL_MS.
import { applyRetention } from "./accounts/models/retention.server";
import { sendDueReminders } from "./jury/models/progress.server";
import { archiveRecordedDecisions } from "./results/models/decision.server";
import { announceDue } from "./results/models/announcement.server";
import { issueMissingDiplomaCodes } from "./results/models/diploma-codes.server";

/** What one run of the scheduled jobs did (for the log and the tests). */
export interface ScheduledRun {
  reminders: number;
  announced: number[];
}

/**
 * Reminders before the scoring deadline (each sent once), decisions archived, diploma codes
 * issued, announcements whose instant has come (states, e-mails, audit; the pages show the
 * outcome from the instant on by reading it, and never write), then the retention schedule —
 * last, since it counts from announcements, so an edition announced this run is in it. `now`
 * is the caller's clock (a worker thread has its own). Each job commits its own work: a job
 * that throws ends the run with what was done before it kept, and the next run tries again.
 */
export function scheduledWrites(now: Date, origin: string): ScheduledRun {
  const reminders = sendDueReminders(now, origin);
  archiveRecordedDecisions();
  issueMissingDiplomaCodes(now);
  const announced = announceDue(now, origin);
  applyRetention(now);
  return { reminders, announced };
}
