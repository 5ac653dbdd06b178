// The assignment's run and the large reads and writes off the request thread (decision 032). As
// at 10,000 applications, every job waits 0.7 s in its worker (RESULTS_WORKER_DELAY_MS, read when
// the worker starts; for the run, once its snapshot is read). The run is computed from a snapshot
// of the database and written on the request thread only if nothing it was computed from changed
// meanwhile; the reading worker reads the preview, the progress and the screening export, writes
// the results' workbook and the conflict proposals confirmed at once (decision 039).
process.env.RESULTS_WORKER_DELAY_MS = "700";

import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { assignments, auditLog, conflicts, juryMembers, users } from "../../../db/schema";
import * as assignmentPage from "../../../app/routes/secretariat.editions.$editionId.assignment";
import * as progressPage from "../../../app/routes/secretariat.editions.$editionId.progress";
import * as conflictsPage from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import * as screeningCsv from "../../../app/routes/secretariat.screening.export[.]csv";
import * as resultsExport from "../../../app/routes/secretariat.editions.$editionId.results_.export.$format";
import { insertConflict } from "../../../app/jury/models/conflicts.server";
import { detectConflicts } from "../../../app/jury/models/conflict-detect.server";
import {
  closeResultsWorker,
  readingWorkerJobs,
  resultsWorkerJobs,
} from "../../../app/results/models/results-worker.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";
import { args, decideConflicts, scenario, type Scenario } from "../../fixtures/jury-routes";

const runForm = { intent: "run", reviewers: "2", maxLoad: "3", minLoad: "0" };

function runAssignmentAs(s: Scenario) {
  return run(() =>
    assignmentPage.action(
      args(request(`/secretariat/editions/${s.editionId}/assignment`, { cookie: s.staffCookie, form: runForm }), {
        editionId: s.editionId,
      }),
    ),
  );
}

const drafts = (s: Scenario) =>
  db()
    .select({ jurorId: assignments.jurorId, applicationId: assignments.applicationId })
    .from(assignments)
    .where(eq(assignments.editionId, s.editionId))
    .all();

const generatedAudits = (s: Scenario) =>
  db()
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, "assignment.generated"), eq(auditLog.objectId, s.editionId)))
    .get()!.n;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Resolves once the worker holds a job (it loads its code first, seconds on a busy machine). */
async function workerBusy() {
  for (let i = 0; i < 600 && resultsWorkerJobs() === 0; i++) await pause(25);
  expect(resultsWorkerJobs()).toBe(1);
}

/** The request thread is free while a worker holds a job: a timer set now fires on time, not after the job. */
async function requestThreadFree() {
  const late = await new Promise<number>((done) => {
    const at = Date.now();
    setTimeout(() => done(Date.now() - at), 10);
  });
  expect(late).toBeLessThan(400);
}

afterEach(async () => {
  delete process.env.RESULTS_TIMEOUT_MS;
  await closeResultsWorker();
});

describe("an assignment run that takes long to compute", () => {
  it("is computed in the worker while the request thread keeps answering, then saved as a draft", async () => {
    const s = await scenario();
    await decideConflicts(s);
    const answer = runAssignmentAs(s);
    await workerBusy();
    await requestThreadFree();
    expect(drafts(s)).toHaveLength(0);
    const res = await answer;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/secretariat/editions/${s.editionId}/assignment?generated=6`);
    expect(drafts(s)).toHaveLength(6);
    expect(generatedAudits(s)).toBe(1);
    expect(resultsWorkerJobs()).toBe(0);
  });

  it("is computed again on the new data when a conflict is confirmed while it computes", async () => {
    const s = await scenario();
    await decideConflicts(s);
    // A first run: the solver is deterministic, so a second one on the same data draws the same pairs.
    expect((await runAssignmentAs(s)).status).toBe(302);
    // A pair it drew whose application no juror is in conflict with: the run stays possible without it.
    const conflicted = new Set(
      db()
        .select({ id: conflicts.applicationId })
        .from(conflicts)
        .where(eq(conflicts.editionId, s.editionId))
        .all()
        .map((c) => c.id),
    );
    const taken = drafts(s).find((p) => !conflicted.has(p.applicationId))!;
    const answer = runAssignmentAs(s);
    await workerBusy();
    // The snapshot the worker computes from is read: this conflict, on a pair it drew, is not in it.
    db().transaction((tx) =>
      insertConflict(tx, {
        editionId: s.editionId,
        jurorId: taken.jurorId,
        applicationId: taken.applicationId,
        source: "manual",
        reason: "Confirmed while the run computed",
        createdBy: s.secretariat.id,
      }),
    );
    const res = await answer;
    expect(res.status).toBe(302);
    const written = drafts(s);
    expect(written).toHaveLength(6);
    expect(written).not.toContainEqual(taken);
    expect(generatedAudits(s)).toBe(2);
  });

  it("writes nothing and asks to run it again when the jury keeps changing while it computes", async () => {
    const s = await scenario();
    await decideConflicts(s);
    let edits = 0;
    const changing = setInterval(() => {
      db()
        .update(juryMembers)
        .set({ expertise: [`inclusion ${++edits}`] })
        .where(eq(juryMembers.id, s.jurors[2].memberId))
        .run();
    }, 150);
    try {
      const res = await runAssignmentAs(s);
      expect(res.status).toBe(400);
      const body = res.body as { errors: Record<string, { message: string }>; values: Record<string, string> };
      expect(body.errors.reviewers.message).toBe("errors.jury_assignment_changed");
      expect(body.values).toMatchObject({ reviewers: "2", maxLoad: "3", minLoad: "0" });
    } finally {
      clearInterval(changing);
    }
    expect(edits).toBeGreaterThan(2);
    expect(drafts(s)).toHaveLength(0);
    expect(generatedAudits(s)).toBe(0);
  });

  it("answers a clear error on the form, keeps what was typed and writes nothing when the worker is lost", async () => {
    const s = await scenario();
    await decideConflicts(s);
    // A job past its time ends its worker: the run is lost, as if the worker had crashed.
    process.env.RESULTS_TIMEOUT_MS = "200";
    await closeResultsWorker();
    const res = await runAssignmentAs(s);
    expect(res.status).toBe(400);
    const body = res.body as { errors: Record<string, { message: string }>; values: Record<string, string> };
    expect(body.errors.reviewers.message).toBe("errors.jury_assignment_lost");
    expect(body.values).toMatchObject({ reviewers: "2", maxLoad: "3", minLoad: "0" });
    expect(drafts(s)).toHaveLength(0);
    expect(generatedAudits(s)).toBe(0);
  });
});

describe("conflict detection at the secretariat's request", () => {
  const detect = (s: Scenario) =>
    run(() =>
      conflictsPage.action(
        args(
          request(`/secretariat/editions/${s.editionId}/conflicts`, {
            cookie: s.staffCookie,
            form: { intent: "detect" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
  const proposals = (s: Scenario) =>
    db()
      .select({ n: count() })
      .from(conflicts)
      .where(and(eq(conflicts.editionId, s.editionId), eq(conflicts.status, "proposed")))
      .get()!.n;

  afterEach(() => {
    delete process.env.JOBS_WORKER_DELAY_MS;
  });

  /** The reading worker started anew, to wait 0.7 s before each write (read when it starts). */
  async function slowWrites() {
    await closeResultsWorker();
    process.env.JOBS_WORKER_DELAY_MS = "700";
  }

  async function readingWorkerBusy() {
    for (let i = 0; i < 600 && readingWorkerJobs() === 0; i++) await pause(25);
    expect(readingWorkerJobs()).toBe(1);
  }

  it("reads and records the candidates in the reading worker while the request thread answers", async () => {
    const s = await scenario();
    await slowWrites();
    const answer = detect(s);
    await readingWorkerBusy();
    await requestThreadFree();
    expect(proposals(s)).toBe(0);
    const res = await answer;
    expect(res.status).toBe(302);
    const found = proposals(s);
    expect(found).toBeGreaterThan(0);
    expect(res.headers.get("Location")).toBe(`/secretariat/editions/${s.editionId}/conflicts?detected=${found}`);
  });

  it("records what the jury holds when it reads, an edit made while it waited included (decision 040)", async () => {
    const s = await scenario();
    await slowWrites();
    const senegal = s.applications.find((a) => a.country === "SN")!;
    const bo = s.jurors.find((j) => j.name === "Juror Bo")!;
    const answer = detect(s);
    await readingWorkerBusy();
    // Bo moves to Senegal while the detection waits in the worker: it reads him there.
    db().update(juryMembers).set({ country: "SN" }).where(eq(juryMembers.id, bo.memberId)).run();
    expect((await answer).status).toBe(302);
    const recorded = db()
      .select({ jurorId: conflicts.jurorId, reason: conflicts.reason, status: conflicts.status })
      .from(conflicts)
      .where(and(eq(conflicts.applicationId, senegal.id), eq(conflicts.source, "same_country")))
      .all();
    expect(recorded).toEqual([{ jurorId: bo.memberId, reason: "SN", status: "proposed" }]);
  });

  it("a lost worker records nothing and says so on the page", async () => {
    const s = await scenario();
    await slowWrites();
    // A job past its time ends its worker: lost before its transaction began.
    process.env.RESULTS_TIMEOUT_MS = "200";
    const res = await detect(s);
    expect(res.status).toBe(400);
    const body = res.body as { errors: Record<string, { message: string }> };
    expect(Object.values(body.errors)[0].message).toBe("errors.jury_write_lost");
    expect(proposals(s)).toBe(0);
  });
});

describe("the assignment's draft (decision 039)", () => {
  afterEach(() => {
    delete process.env.JOBS_WORKER_DELAY_MS;
  });

  it("is written in the reading worker while the request thread answers", async () => {
    const s = await scenario();
    await decideConflicts(s);
    await closeResultsWorker();
    process.env.JOBS_WORKER_DELAY_MS = "700";
    const answer = runAssignmentAs(s);
    // The run is solved in the results worker first, then its draft goes to the reading worker.
    for (let i = 0; i < 1200 && readingWorkerJobs() === 0; i++) await pause(25);
    expect(readingWorkerJobs()).toBe(1);
    await requestThreadFree();
    expect(drafts(s)).toHaveLength(0);
    const res = await answer;
    expect(res.status).toBe(302);
    expect(drafts(s).length).toBeGreaterThan(0);
    expect(generatedAudits(s)).toBe(1);
  });
});

describe("every proposal confirmed at once (decision 039)", () => {
  const confirmAll = (s: Scenario) =>
    run(() =>
      conflictsPage.action(
        args(
          request(`/secretariat/editions/${s.editionId}/conflicts`, {
            cookie: s.staffCookie,
            form: { intent: "confirm_safe" },
          }),
          { editionId: s.editionId },
        ),
      ),
    );
  const byStatus = (s: Scenario, status: "proposed" | "confirmed") =>
    db()
      .select({ n: count() })
      .from(conflicts)
      .where(and(eq(conflicts.editionId, s.editionId), eq(conflicts.status, status)))
      .get()!.n;

  /** A scenario whose detection proposed conflicts; the worker then waits 0.7 s before each write. */
  async function proposed() {
    const s = await scenario();
    await detectConflicts({ editionId: s.editionId, actorId: s.secretariat.id });
    await closeResultsWorker();
    process.env.JOBS_WORKER_DELAY_MS = "700";
    return s;
  }

  afterEach(() => {
    delete process.env.JOBS_WORKER_DELAY_MS;
  });

  it("are written in the reading worker while the request thread answers", async () => {
    const s = await proposed();
    const found = byStatus(s, "proposed");
    expect(found).toBeGreaterThan(0);
    const answer = confirmAll(s);
    await workerBusy();
    await requestThreadFree();
    expect(byStatus(s, "proposed")).toBe(found);
    const res = await answer;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(
      `/secretariat/editions/${s.editionId}/conflicts?confirmed_many=${found}&left=0`,
    );
    expect(byStatus(s, "proposed")).toBe(0);
  });

  it("a lost worker leaves every proposal as it was and says so on the page", async () => {
    const s = await proposed();
    const found = byStatus(s, "proposed");
    process.env.RESULTS_TIMEOUT_MS = "200";
    await closeResultsWorker();
    const res = await confirmAll(s);
    expect(res.status).toBe(400);
    const body = res.body as { errors: Record<string, { message: string }> };
    expect(Object.values(body.errors)[0].message).toBe("errors.jury_write_lost");
    expect(byStatus(s, "proposed")).toBe(found);
    expect(byStatus(s, "confirmed")).toBe(0);
  });
});

describe("the reading worker", () => {
  it("reads the assignment's preview, the scoring progress and the screening export while the request thread answers", async () => {
    const s = await scenario();
    await decideConflicts(s);
    expect((await runAssignmentAs(s)).status).toBe(302);
    const staff = { cookie: s.staffCookie };
    const edition = { editionId: s.editionId };
    const pages: (() => Promise<unknown>)[] = [
      () => assignmentPage.loader(args(request(`/secretariat/editions/${s.editionId}/assignment`, staff), edition)),
      () => progressPage.loader(args(request(`/secretariat/editions/${s.editionId}/progress`, staff), edition)),
      () => screeningCsv.loader(args(request(`/secretariat/screening/export.csv?edition=${s.editionId}`, staff))),
    ];
    for (const loader of pages) {
      const answer = run(loader);
      await workerBusy();
      await requestThreadFree();
      const res = await answer;
      expect(res.status).toBe(200);
      expect(resultsWorkerJobs()).toBe(0);
    }
  });

  it("writes the results' workbook while the request thread answers", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const params = { editionId: f.edition.id, format: "xlsx" };
    // The results first (the computations' worker): what is left to do is the workbook alone.
    const url = `/secretariat/editions/${f.edition.id}/results/export.xlsx`;
    expect((await run(() => resultsExport.loader(args(request(url, { cookie }), params)))).status).toBe(200);
    const answer = run(() => resultsExport.loader(args(request(url, { cookie }), params)));
    await workerBusy();
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/spreadsheetml/);
  });

  it("answers a download whose worker is lost with a sentence in the reader's language, not a bare error or a hang", async () => {
    const s = await scenario();
    // The reader's profile language wins over the browser's, as on the pages.
    db().update(users).set({ locale: "fr" }).where(eq(users.id, s.secretariat.id)).run();
    // A job past its time ends its worker: the export is lost, as if the worker had crashed.
    process.env.RESULTS_TIMEOUT_MS = "200";
    await closeResultsWorker();
    const res = await screeningCsv.loader(
      args(
        request(`/secretariat/screening/export.csv?edition=${s.editionId}`, {
          cookie: s.staffCookie,
          headers: { "Accept-Language": "en-GB,en;q=0.9" },
        }),
      ),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBeNull();
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(await res.text()).toBe(
      "Le fichier n’a pas pu être préparé. Rien n’a été modifié : réessayez dans un instant.\n",
    );
  });
});
