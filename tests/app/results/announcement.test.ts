// The announcement (app/results/models/announcement.server.ts): the scheduled job that, at the
// instant the decision set, turns the edition's applications laureate or not selected, audits
// them and e-mails everyone; in the reading worker thread and in chunks (decision 034).
import { and, count, eq, inArray } from "drizzle-orm";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../../db/client";
import { applications, archiveLaureates, auditLog, decisions, editions, outbox } from "../../../db/schema";
import * as diploma from "../../../app/routes/diplomas.$applicationId";
import { runScheduledJobs } from "../../../app/startup.server";
import { startMailSender, stopMailSender } from "../../../app/kernel/models/outbox.server";
import { closeResultsWorker, resultsWorkerJobs } from "../../../app/results/models/results-worker.server";
import { announceChunk, announceDue } from "../../../app/results/models/announcement.server";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { startWorkerThread } from "../../../app/kernel/server/worker-pool.server";
import { pdfText } from "../../fixtures/poppler";
import { cookieFor, request } from "../../fixtures/builders";
import { args, decidedEdition } from "../../fixtures/decided";

/** A thread that announces one application a chunk, each chunk held open (see the file). */
const announcer = fileURLToPath(new URL("../../fixtures/slow-announcement-worker.ts", import.meta.url));

/** How many of the edition's applications are in each state. */
const statesOf = (editionId: string) =>
  db()
    .select({ state: applications.state, n: count() })
    .from(applications)
    .where(eq(applications.editionId, editionId))
    .groupBy(applications.state)
    .orderBy(applications.state)
    .all();

afterEach(() => {
  vi.useRealTimers();
});

describe("the announcement", () => {
  it("the scheduled job writes the announcement in a worker thread while the request thread keeps answering", async () => {
    const { f, at } = await decidedEdition();
    // Every scheduled run waits 0.7 s in the worker first, as an announcement at 10,000
    // applications writes for seconds; a worker reads the variable when it starts.
    process.env.JOBS_WORKER_DELAY_MS = "700";
    await closeResultsWorker();
    try {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(at.getTime() + 1000));
      const stateCounts = () => statesOf(f.edition.id);
      // The sender's own round is an hour away: what it sends, it sends because the job asked.
      startMailSender(3_600_000);
      const running = runScheduledJobs({ warm: false });
      // A second run while the first writes is that same run, not another.
      expect(runScheduledJobs({ warm: false })).toBe(running);
      for (let i = 0; i < 600 && resultsWorkerJobs() === 0; i++) await new Promise((next) => setTimeout(next, 25));
      expect(resultsWorkerJobs()).toBe(1);
      const late = await new Promise<number>((done) => {
        const start = performance.now();
        setTimeout(() => done(performance.now() - start), 10);
      });
      expect(late).toBeLessThan(400);
      expect(stateCounts()).toEqual([{ state: "eligible", n: 6 }]);
      await running;
      expect(stateCounts()).toEqual([
        { state: "laureate", n: 2 },
        { state: "not_selected", n: 4 },
      ]);
      expect(verifyAuditChain().ok).toBe(true);
      // The messages the worker queued are sent by this process's sender at once.
      const pending = () => db().select({ n: count() }).from(outbox).where(eq(outbox.state, "pending")).get()!.n;
      expect(db().select({ n: count() }).from(outbox).get()!.n).toBeGreaterThanOrEqual(6);
      for (let i = 0; i < 200 && pending() > 0; i++) await new Promise((next) => setTimeout(next, 25));
      expect(pending()).toBe(0);
    } finally {
      stopMailSender();
      delete process.env.JOBS_WORKER_DELAY_MS;
      await closeResultsWorker();
    }
  });

  it("a scheduled run whose worker is lost is logged once, writes nothing, and the next run announces", async () => {
    const { f, at } = await decidedEdition();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // The job overruns its time (0.7 s against 0.2 s): its worker is ended, as if it had crashed.
    process.env.JOBS_WORKER_DELAY_MS = "700";
    process.env.RESULTS_TIMEOUT_MS = "200";
    await closeResultsWorker();
    try {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(at.getTime() + 1000));
      await runScheduledJobs({ warm: false });
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0][0])).toContain("reading worker");
      expect(statesOf(f.edition.id)).toEqual([{ state: "eligible", n: 6 }]);
      // The next run, on a worker started afresh, does the work.
      delete process.env.JOBS_WORKER_DELAY_MS;
      delete process.env.RESULTS_TIMEOUT_MS;
      await closeResultsWorker();
      await runScheduledJobs({ warm: false });
      expect(statesOf(f.edition.id)).toEqual([
        { state: "laureate", n: 2 },
        { state: "not_selected", n: 4 },
      ]);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
      delete process.env.JOBS_WORKER_DELAY_MS;
      delete process.env.RESULTS_TIMEOUT_MS;
      await closeResultsWorker();
    }
  });

  it("an announcement stopped between two chunks is finished by the next run, each application announced, audited and e-mailed once", async () => {
    const { f, at } = await decidedEdition();
    const now = new Date(at.getTime() + 1000);
    const decisionId = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.id;
    const states = () => statesOf(f.edition.id);
    // The first chunk's transaction, then the process stops.
    expect(announceChunk({ decisionId, now, origin: "http://localhost", chunk: 2 })).toBe("more");
    expect(states()).toEqual([
      { state: "eligible", n: 4 },
      { state: "laureate", n: 2 },
    ]);
    expect(db().select().from(decisions).where(eq(decisions.id, decisionId)).get()!.announcedAt).toBeNull();
    expect(db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!.phase).not.toBe("announced");
    // The next run takes the applications still eligible, in chunks, and ends with the edition.
    expect(announceDue(now, "http://localhost", { chunk: 3 })).toEqual([f.edition.year]);
    expect(states()).toEqual([
      { state: "laureate", n: 2 },
      { state: "not_selected", n: 4 },
    ]);
    expect(db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!.phase).toBe("announced");
    const audits = db()
      .select({ action: auditLog.action, objectId: auditLog.objectId, details: auditLog.details })
      .from(auditLog)
      .where(
        and(
          inArray(auditLog.action, ["application.laureate", "application.not_selected", "decision.announced"]),
          inArray(auditLog.objectId, [f.edition.id, ...f.apps.map((a) => a.app.id)]),
        ),
      )
      .all();
    const perApplication = new Map<string, number>();
    for (const a of audits)
      if (a.action !== "decision.announced")
        perApplication.set(a.objectId!, (perApplication.get(a.objectId!) ?? 0) + 1);
    expect([...perApplication.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(
      audits
        .filter((a) => a.action === "decision.announced")
        .map((a) => (JSON.parse(a.details) as { applications: number }).applications),
    ).toEqual([6]);
    const toApplicants = db()
      .select({ to: outbox.toAddress, n: count() })
      .from(outbox)
      .where(
        and(
          inArray(outbox.template, ["results_laureate", "results_not_selected"]),
          inArray(
            outbox.toAddress,
            f.apps.map((a) => a.applicant.email),
          ),
        ),
      )
      .groupBy(outbox.toAddress)
      .all();
    expect(toApplicants.map((m) => m.n)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(verifyAuditChain().ok).toBe(true);
    // Announced: a later run finds nothing to do.
    expect(announceDue(now, "http://localhost", { chunk: 3 })).toEqual([]);
  });

  it("a write waiting for an announcement's chunks gets in between two of them, not after the last", async () => {
    const { f, at } = await decidedEdition();
    const file = db().$client.name;
    // Six chunks of one application, each holding the write lock for 0.3 s: 1.8 s in all,
    // against a busy timeout of 1 s on this connection. Chunks back to back leave a waiting
    // writer no moment to try in (it sleeps up to 100 ms between tries): it would fail.
    const worker = startWorkerThread(announcer, { file, now: at.getTime() + 1000, holdMs: 300 });
    type Message = { holding?: true; years?: number[]; chunks?: number };
    const received: Message[] = [];
    let heard = () => {};
    worker.on("message", (message: Message) => {
      received.push(message);
      heard();
    });
    const failed = new Promise<never>((_, reject) => worker.once("error", reject));
    const message = (n: number) =>
      Promise.race([
        failed,
        new Promise<Message>((resolve) => {
          const check = () => (received.length > n ? resolve(received[n]) : (heard = check));
          check();
        }),
      ]);
    try {
      expect(await message(0)).toEqual({ holding: true });
      const sqlite = db().$client;
      const timeout = sqlite.pragma("busy_timeout", { simple: true });
      sqlite.pragma("busy_timeout = 1000");
      try {
        // The request thread's write, while the first chunk holds the lock: it waits, then lands.
        sqlite.exec("BEGIN IMMEDIATE");
        const stillEligible = statesOf(f.edition.id).find((s) => s.state === "eligible")?.n ?? 0;
        sqlite.exec("COMMIT");
        // It got in before the announcement's end, not after it.
        expect(stillEligible).toBeGreaterThan(0);
      } finally {
        sqlite.pragma(`busy_timeout = ${timeout}`);
      }
      expect(await message(1)).toEqual({ years: [f.edition.year], chunks: 6 });
    } finally {
      await worker.terminate();
    }
    expect(statesOf(f.edition.id)).toEqual([
      { state: "laureate", n: 2 },
      { state: "not_selected", n: 4 },
    ]);
    expect(verifyAuditChain().ok).toBe(true);
  }, 60_000); // a thread that loads the app's modules through tsx: seconds on a slow machine

  it("the scheduled job announces once and e-mails everyone in their language", async () => {
    const { f, at } = await decidedEdition();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(at.getTime() + 1000));
    await runScheduledJobs({ warm: false });
    const states = db()
      .select({ id: applications.id, state: applications.state })
      .from(applications)
      .where(eq(applications.editionId, f.edition.id))
      .all();
    expect(
      states
        .filter((s) => s.state === "laureate")
        .map((s) => s.id)
        .sort(),
    ).toEqual([f.apps[0].app.id, f.apps[1].app.id].sort());
    expect(states.filter((s) => s.state === "not_selected")).toHaveLength(4);
    // One audit row per application, naming the state it was given.
    expect(
      db()
        .select({ action: auditLog.action, objectId: auditLog.objectId })
        .from(auditLog)
        .where(
          and(
            inArray(auditLog.action, ["application.laureate", "application.not_selected"]),
            inArray(
              auditLog.objectId,
              states.map((s) => s.id),
            ),
          ),
        )
        .all()
        .sort((x, y) => x.objectId!.localeCompare(y.objectId!)),
    ).toEqual(
      states
        .map((s) => ({ action: `application.${s.state}`, objectId: s.id }))
        .sort((x, y) => x.objectId.localeCompare(y.objectId)),
    );
    expect(verifyAuditChain().ok).toBe(true);
    expect(
      db().select({ n: count() }).from(archiveLaureates).where(eq(archiveLaureates.editionId, f.edition.id)).get()!.n,
    ).toBe(2);
    const mails = db()
      .select()
      .from(outbox)
      .all()
      .filter((m) => m.subject.includes(String(f.edition.year)));
    const french = mails.find((m) => m.toAddress === f.apps[1].applicant.email)!;
    expect(french).toMatchObject({ locale: "fr", template: "results_laureate" });
    expect(french.subject).toContain("lauréat");
    const arabic = mails.find((m) => m.toAddress === f.apps[2].applicant.email)!;
    expect(arabic).toMatchObject({ locale: "ar", template: "results_not_selected" });
    // A juror's overall comment is for the jury (its form says so): no outcome e-mail quotes one.
    expect(mails.filter((m) => m.textBody.includes("Comment of juror"))).toEqual([]);
    expect(mails.filter((m) => f.apps.some((a) => a.applicant.email === m.toAddress))).toHaveLength(6);
    expect(mails.filter((m) => m.toAddress === f.nominator.email)).toHaveLength(6);
    expect(db().select().from(editions).where(eq(editions.id, f.edition.id)).get()!.phase).toBe("announced");
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.action === "decision.announced" && a.objectId === f.edition.id),
    ).toHaveLength(1);

    const outboxRows = db().select({ n: count() }).from(outbox).get()!.n;
    const auditRows = db().select({ n: count() }).from(auditLog).get()!.n;
    vi.setSystemTime(new Date(at.getTime() + 60_000));
    await runScheduledJobs({ warm: false });
    expect(announceDue(new Date())).toEqual([]);
    expect(db().select({ n: count() }).from(outbox).get()!.n).toBe(outboxRows);
    expect(db().select({ n: count() }).from(auditLog).get()!.n).toBe(auditRows);
    expect(
      db().select({ n: count() }).from(archiveLaureates).where(eq(archiveLaureates.editionId, f.edition.id)).get()!.n,
    ).toBe(2);

    const pdf = await diploma.loader(
      args(request(`/x`, { cookie: await cookieFor(f.apps[0].applicant.id) }), { applicationId: f.apps[0].app.id }),
    );
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toMatch(/startxref\n\d+\n%%EOF\n?$/);
    // A PDF reader finds the page and its text: poppler parses the file's cross-references.
    expect(pdfText(bytes)).toContain("for the project “Project 1”");
  });
});
