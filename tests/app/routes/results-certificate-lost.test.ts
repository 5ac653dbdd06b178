// The secretariat's results page does not wait for the laureates' certificate (decision 036):
// here the worker holds each certificate 20 s and nothing else (RESULTS_WORKER_DELAY_KINDS), and
// pages wait 3 s, so the results come at once and the certificate is seen on its way, then lost.
process.env.RESULTS_WORKER_DELAY_MS = "20000";
process.env.RESULTS_WORKER_DELAY_KINDS = "certificate";
process.env.COMPUTING_WAIT_MS = "3000";

import { describe, expect, it, vi } from "vitest";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import * as juryResults from "../../../app/routes/jury.$editionId.results";
import { closeResultsWorker, resultsWorkerJobs } from "../../../app/results/models/results-worker.server";
import type { ResultsPageData } from "../../../app/results/domain/results-page";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

const shown = (answer: Awaited<ReturnType<typeof run>>) => {
  expect(answer.status).toBe(200);
  return (answer.body as { results: ResultsPageData }).results;
};

/**
 * The page once its ranking is ready: on a loaded machine the worker may take longer than the
 * page's 3 s wait to load its code and rank, and the page then answers "computing" (503).
 */
async function ranked(get: () => ReturnType<typeof run>) {
  let answer = await get();
  for (let i = 0; i < 20 && answer.status === 503; i++) answer = await get();
  return shown(answer);
}

describe("the results page while its certificate is computed", () => {
  it("shows the ranking without the certificate, says it failed when its worker is lost, and computes it again at the next visit", async () => {
    const f = await buildScoredEdition();
    const params = { editionId: f.edition.id };
    const secretariat = await cookieFor(f.secretariat.id);
    const ask = () => run(() => secretariatResults.loader(args(request(`/x`, { cookie: secretariat }), params)));

    // A juror's view has no certificate to wait for: it neither waits nor says anything of it
    // (asked first: the one results thread is then held by the certificate).
    const juror = await cookieFor(f.jurors[1].user.id);
    const jury = await ranked(() => run(() => juryResults.loader(args(request(`/x`, { cookie: juror }), params))));
    expect(jury.certificate).toBeNull();
    expect(jury.certificateSince).toBeNull();
    expect(jury.certificateFailed).toBe(false);

    const first = await ranked(ask);
    expect(first.count).toBe(f.apps.length);
    expect(first.certificate).toBeNull();
    expect(first.certificateFailed).toBe(false);
    expect(first.certificateSince).not.toBeNull();

    // The worker is lost while a visit waits for the certificate: that visit still shows the
    // ranking, and says the expected ranks could not be computed (not the "computing" page).
    const waiting = ask();
    await vi.waitFor(() => expect(resultsWorkerJobs()).toBeGreaterThan(0), { timeout: 5000 });
    await new Promise((done) => setTimeout(done, 1000));
    process.env.RESULTS_WORKER_DELAY_MS = "0";
    await closeResultsWorker();
    const lost = shown(await waiting);
    expect(lost.rows.map((r) => r.applicationId)).toEqual(first.rows.map((r) => r.applicationId));
    expect(lost.certificate).toBeNull();
    expect(lost.certificateSince).toBeNull();
    expect(lost.certificateFailed).toBe(true);

    // The next visit asks a new worker, which computes it (once it has loaded its code: seconds
    // on a loaded machine, when a visit or two meanwhile say since when it is computed).
    const next = await ranked(ask);
    expect(next.certificateFailed).toBe(false);
    await vi.waitFor(
      async () => {
        const again = await ranked(ask);
        expect(again.certificateFailed).toBe(false);
        expect(again.certificate).toEqual({ level: expect.any(Number), draws: expect.any(Number) });
        expect(again.rows.every((r) => r.expected !== null)).toBe(true);
      },
      { timeout: 45_000, interval: 200 },
    );
  });
});
