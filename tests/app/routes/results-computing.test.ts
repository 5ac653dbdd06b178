// A slow computation, as at 10,000 applications: every job waits 2 s in the worker
// (RESULTS_WORKER_DELAY_MS, read when the worker starts) and pages wait 0.3 s for it. The results,
// and the integrity pages' juror audit and fairness tables, run in the worker (decisions 021, 031, 032).
process.env.RESULTS_WORKER_DELAY_MS = "2000";
process.env.COMPUTING_WAIT_MS = "300";

import { describe, expect, it } from "vitest";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import * as juryResults from "../../../app/routes/jury.$editionId.results";
import * as secretariatIntegrity from "../../../app/routes/secretariat.editions.$editionId.integrity";
import * as observerIntegrity from "../../../app/routes/observe.$editionId.integrity";
import { resultsWorkerJobs } from "../../../app/results/models/results-worker.server";
import { jurorAudit } from "../../../app/results/models/integrity.server";
import { getEditionBrief } from "../../../app/results/models/results.server";
import type { IntegrityPageData } from "../../../app/results/domain/integrity-page";
import type { ResultsPageData } from "../../../app/results/domain/results-page";
import { db } from "../../../db/client";
import { editionObservers } from "../../../db/schema";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { buildAuditedEdition } from "../../fixtures/integrity";
import { buildScoredEdition } from "../../fixtures/results";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

type Answer = Awaited<ReturnType<typeof run>>;

/**
 * Asks a slow page: the first answer is the 'computing' page within a moment (worker start and a
 * job's delay are both longer than the page waits), `meanwhile` runs while it computes, a second
 * asker gets the same start, and asking again ends with the page. Returns that page.
 */
async function computingThenDone(
  ask: () => Promise<Answer>,
  subject: "results" | "audits",
  meanwhile?: () => Promise<void>,
): Promise<Answer> {
  const t0 = Date.now();
  const first = await ask();
  expect(first.status).toBe(503);
  expect(first.headers.get("Retry-After")).toBe("3");
  // The page says what it waits for: the integrity pages their audits, not "the results".
  expect((first.body as { computing: { subject: string } }).computing.subject).toBe(subject);
  const since = (first.body as { computing: { since: number } }).computing.since;
  expect(since).toBeGreaterThanOrEqual(t0 - 1);
  await meanwhile?.();
  const second = await ask();
  expect(second.status).toBe(503);
  expect((second.body as { computing: { since: number } }).computing.since).toBe(since);
  let page = second;
  for (let i = 0; i < 40 && page.status === 503; i++) page = await ask();
  expect(page.status).toBe(200);
  return page;
}

describe("a results page whose computation is slow", () => {
  it("answers the 'computing' page within a moment, the same start for every asker, then the results once done", async () => {
    const f = await buildScoredEdition();
    const params = { editionId: f.edition.id };
    const secretariat = await cookieFor(f.secretariat.id);
    const ask = () => run(() => secretariatResults.loader(args(request(`/x`, { cookie: secretariat }), params)));
    const asked = Date.now();
    let page = await computingThenDone(ask, "results");
    // The ranking may come first, without its rank intervals (decision 046): until the whole results.
    const intervalsSince = (answer: Answer) => (answer.body as { results: ResultsPageData }).results.intervalsSince;
    for (let i = 0; i < 40 && intervalsSince(page) !== null; i++) page = await ask();
    expect(intervalsSince(page)).toBeNull();
    expect((page.body as { closed: boolean }).closed).toBe(true);
    // The certificate is computed after the results (as long again): the page shows the ranking
    // without its expected ranks, and says since when they are on their way.
    const shown = (page.body as { results: ResultsPageData }).results;
    expect(shown.count).toBe(f.apps.length);
    expect(shown.certificate).toBeNull();
    // Started once the results were done (the worker's two seconds after the first ask).
    expect(shown.certificateSince).toBeGreaterThanOrEqual(asked + 1500);
    expect(shown.certificateSince).toBeLessThanOrEqual(Date.now());
    expect(shown.rows.every((r) => r.expected === null)).toBe(true);
    const again = await ask();
    expect((again.body as { results: ResultsPageData }).results.certificateSince).toBe(shown.certificateSince);
    let done = again;
    for (let i = 0; i < 40 && (done.body as { results: ResultsPageData }).results.certificate === null; i++)
      done = await ask();
    const whole = (done.body as { results: ResultsPageData }).results;
    expect(whole.certificate).toEqual({ level: expect.any(Number), draws: expect.any(Number) });
    expect(whole.certificateSince).toBeNull();
    expect(whole.rows.every((r) => r.expected !== null)).toBe(true);
    expect(whole.rows.map((r) => r.rank)).toEqual(shown.rows.map((r) => r.rank));
  });

  it("shows a juror the 'computing' page for their own view while it runs", async () => {
    const f = await buildScoredEdition();
    const juror = await cookieFor(f.jurors[1].user.id);
    const page = await run(() =>
      juryResults.loader(args(request(`/x`, { cookie: juror }), { editionId: f.edition.id })),
    );
    expect(page.status).toBe(503);
    expect(page.body).toMatchObject({ computing: { subject: "results" } });
  });
});

describe("an integrity page whose juror audit is slow", () => {
  it("answers the 'computing' page within a moment while the worker tests the pairs, then the audits", async () => {
    const f = await buildAuditedEdition();
    const params = { editionId: f.edition.id };
    const secretariat = await cookieFor(f.secretariat.id);
    const ask = () => run(() => secretariatIntegrity.loader(args(request(`/x`, { cookie: secretariat }), params)));
    const page = await computingThenDone(ask, "audits", async () => {
      // The audits are jobs of the workers', not of this thread: still held there, the juror
      // audit in the computations' worker and the fairness tables in the reading worker, side by side.
      expect(resultsWorkerJobs()).toBe(2);
      // The request thread is free meanwhile: a timer set now fires on time, not after the job.
      const late = await new Promise<number>((done) => {
        const at = Date.now();
        setTimeout(() => done(Date.now() - at), 10);
      });
      expect(late).toBeLessThan(500);
    });
    const d = page.body as IntegrityPageData;
    expect(d.jurors.pairs.filter((p) => p.anchor)).toHaveLength(1);
    expect(resultsWorkerJobs()).toBe(0);
  });

  it("reads the fairness tables in the worker too: the page is 'computing' while only they are held there", async () => {
    const f = await buildAuditedEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    // The juror audit is done and kept: what the page waits for now is the fairness tables alone.
    await jurorAudit({ edition });
    const params = { editionId: f.edition.id };
    const secretariat = await cookieFor(f.secretariat.id);
    const ask = () => run(() => secretariatIntegrity.loader(args(request(`/x`, { cookie: secretariat }), params)));
    const page = await computingThenDone(ask, "audits", async () => {
      expect(resultsWorkerJobs()).toBe(1);
    });
    const d = page.body as IntegrityPageData;
    expect(d.fairness.applications).toBe(28);
    expect(d.fairness.stages).toEqual(["applied", "sent", "nominated", "eligible", "shortlisted", "recommended"]);
  });

  it("shows the observer the same 'computing' page while the audit runs", async () => {
    const f = await buildAuditedEdition();
    const user = await makeUser({ roles: [] });
    db().insert(editionObservers).values({ editionId: f.edition.id, userId: user.id }).run();
    const observer = await cookieFor(user.id);
    const page = await run(() =>
      observerIntegrity.loader(args(request(`/x`, { cookie: observer }), { editionId: f.edition.id })),
    );
    expect(page.status).toBe(503);
    expect(page.body).toMatchObject({ computing: { subject: "audits" } });
  });
});
