import { and, eq } from "drizzle-orm";
import { readdirSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../../db/client";
import { reviews } from "../../../db/schema";
import { computeResults, laureateCertificate, mulberry32, type ResultsInput } from "../../../scoring";
import { WorkerLost } from "../../../app/kernel/server/worker-pool.server";
import { editionCertificate } from "../../../app/results/models/certificate.server";
import { getEditionBrief, pendingResults } from "../../../app/results/models/results.server";
import {
  closeResultsWorker,
  computeInWorker,
  resultsWorkerJobs,
  resultsWorkerReady,
  slicedAnswers,
} from "../../../app/results/models/results-worker.server";
import { buildScoredEdition } from "../../fixtures/results";

afterEach(() => vi.restoreAllMocks());

describe("the results worker", () => {
  it("computes results and certificate byte for byte as this thread does from the same input and seed", async () => {
    const f = await buildScoredEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const r = await pendingResults({ edition, viewer: { kind: "secretariat", userId: f.secretariat.id } }).promise;
    expect(JSON.stringify(r.results)).toBe(JSON.stringify(computeResults(r.input, r.options)));
    const { method, laureates, seed } = r.results!;
    const here = laureateCertificate(r.input, { method, laureates, seed });
    expect(JSON.stringify(await editionCertificate(r))).toBe(JSON.stringify(here));
  });

  it("brings 2,500 applications' results and certificate back in slices, byte for byte as computed here", async () => {
    const next = mulberry32(11);
    const reviews: ResultsInput["reviews"] = [];
    for (let a = 0; a < 2500; a++)
      for (const j of ["J1", "J2", "J3"])
        reviews.push({ applicationId: `A${a}`, jurorId: j, scores: { q: Math.floor(next() * 11) } });
    const input: ResultsInput = { criteria: [{ key: "q", weight: 1 }], scale: { min: 0, max: 10 }, reviews };
    const options = { method: "mean" as const, laureates: 2, bootstrap: 20, seed: 3 };
    const before = slicedAnswers.count;
    const results = await computeInWorker({ kind: "results", input, options });
    expect(JSON.stringify(results)).toBe(JSON.stringify(computeResults(input, options)));
    const certificate = await computeInWorker({ kind: "certificate", input, options });
    expect(JSON.stringify(certificate)).toBe(JSON.stringify(laureateCertificate(input, options)));
    expect(slicedAnswers.count - before).toBe(2);
  }, 60_000);

  it("computes at a lower priority than the requests: the worker thread's own nice value, the process's untouched", async () => {
    await resultsWorkerReady();
    const niceOf = (tid: string) =>
      Number(readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1].split(" ")[16]);
    const nice = readdirSync("/proc/self/task").map(niceOf);
    expect(nice).toContain(10);
    expect(niceOf(String(process.pid))).toBe(getPriority());
    // `npm test` runs Vitest at nice 5 (scripts/test.mjs): below 10, or this cannot be told.
    expect(getPriority(), "this process's nice value must be below the worker's 10").toBeLessThan(10);
  });

  it("lets callers asking for the same edition and scores share one computation", async () => {
    const f = await buildScoredEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const viewer = { kind: "secretariat" as const, userId: f.secretariat.id };
    const first = pendingResults({ edition, viewer });
    const second = pendingResults({ edition, viewer });
    expect(second.promise).toBe(first.promise);
    expect(second.since).toBe(first.since);
    expect(await second.promise).toBe(await first.promise);
  });

  it("rejects a computation that throws with its message, and the next one works", async () => {
    const f = await buildScoredEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const r = await pendingResults({ edition, viewer: { kind: "secretariat", userId: f.secretariat.id } }).promise;
    const broken = computeInWorker({ kind: "results", input: r.input, options: { ...r.options, seed: 0.5 } });
    const error = await broken.then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/seed must be an integer/);
    expect(error).not.toBeInstanceOf(WorkerLost);
    await expect(computeInWorker({ kind: "results", input: r.input, options: r.options })).resolves.toBeTruthy();
  });

  it("forgets a computation whose worker was lost, so that the next request computes again in a new worker", async () => {
    const f = await buildScoredEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const viewer = { kind: "secretariat" as const, userId: f.secretariat.id };
    db()
      .update(reviews)
      .set({ scores: { appropriateness: 9, innovation: 9, impact: 9 } })
      .where(and(eq(reviews.applicationId, f.apps[0].app.id), eq(reviews.jurorId, f.jurors[0].member.id)))
      .run();
    // A worker that holds each job 5 s, so that it is surely lost while it computes: the reviews
    // are read first (a slice at a time), then the job goes to the worker.
    await closeResultsWorker();
    process.env.RESULTS_WORKER_DELAY_MS = "5000";
    const lost = pendingResults({ edition, viewer });
    await vi.waitFor(() => expect(resultsWorkerJobs()).toBeGreaterThan(0), { timeout: 5000 });
    process.env.RESULTS_WORKER_DELAY_MS = "0";
    await closeResultsWorker();
    await expect(lost.promise).rejects.toBeInstanceOf(WorkerLost);
    const again = pendingResults({ edition, viewer });
    expect(again.promise).not.toBe(lost.promise);
    expect((await again.promise).results).not.toBeNull();
  });
});
