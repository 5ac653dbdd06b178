// The results page shows the ranking while its rank intervals are computed (decision 046): here
// the worker holds every full results computation 3 s and nothing else (RESULTS_WORKER_DELAY_KINDS),
// and pages wait 0.3 s, as at 10,000 applications where the resamples take the most time.
process.env.RESULTS_WORKER_DELAY_MS = "3000";
process.env.RESULTS_WORKER_DELAY_KINDS = "results";
process.env.COMPUTING_WAIT_MS = "300";

import { describe, expect, it } from "vitest";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import * as juryResults from "../../../app/routes/jury.$editionId.results";
import type { ResultsPageData } from "../../../app/results/domain/results-page";
import { getEditionBrief, pendingRanking } from "../../../app/results/models/results.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

type Answer = Awaited<ReturnType<typeof run>>;

/** Asks until the answer is a page (the workers may still be loading their code at first). */
async function page(ask: () => Promise<Answer>, until: (d: ResultsPageData) => boolean) {
  for (let i = 0; i < 60; i++) {
    const answer = await ask();
    if (answer.status === 200) {
      const d = (answer.body as { results: ResultsPageData }).results;
      if (until(d)) return d;
    } else expect(answer.status).toBe(503);
  }
  throw new Error("the page never came");
}

const ranking = (d: ResultsPageData) => d.rows.map((r) => ({ id: r.applicationId, rank: r.rank, mean: r.mean }));

describe("a results page whose resamples are slow", () => {
  it("shows the secretariat the ranking at once without its intervals, saying since when they are computed, then the whole table", async () => {
    const f = await buildScoredEdition({ apps: 8 });
    const params = { editionId: f.edition.id };
    const secretariat = await cookieFor(f.secretariat.id);
    const ask = () => run(() => secretariatResults.loader(args(request(`/x`, { cookie: secretariat }), params)));
    const asked = Date.now();
    const early = await page(ask, () => true);
    expect(early.intervalsSince).not.toBeNull();
    expect(early.intervalsSince!).toBeGreaterThanOrEqual(asked - 1);
    expect(early.count).toBe(8);
    // No rank interval or laureate probability is made up meanwhile (a rank is not its own interval).
    expect(early.rows.every((r) => r.low === null && r.high === null && r.probability === null)).toBe(true);
    // The certificate is computed from the whole results: it is not even on its way yet.
    expect(early.certificate).toBeNull();
    expect(early.certificateSince).toBeNull();
    expect(early.certificateFailed).toBe(false);
    // The ranking is kept while the results compute: every asker shares it.
    const whose = {
      edition: getEditionBrief({ editionId: f.edition.id })!,
      viewer: { kind: "secretariat" as const, userId: f.secretariat.id },
    };
    const shown = pendingRanking(whose).promise;
    expect(pendingRanking(whose).promise).toBe(shown);

    const whole = await page(ask, (d) => d.intervalsSince === null);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(2900);
    expect(whole.rows.every((r) => r.low !== null && r.high !== null && r.probability !== null)).toBe(true);
    expect(whole.rows.every((r) => r.low! <= r.rank && r.rank <= r.high!)).toBe(true);
    // The same ranking, scores and all: only the intervals and probabilities came in.
    expect(ranking(whole)).toEqual(ranking(early));
    expect(whole.reliability).toEqual(early.reliability);
    expect(whole.jurors).toEqual(early.jurors);
    // Then it is not kept beside the results it stood for (their size, at 10,000 applications).
    const after = pendingRanking(whose).promise;
    expect(after).not.toBe(shown);
    await after;
  });

  it("shows a juror the ranking of their own view early, their conflicts left out", async () => {
    const f = await buildScoredEdition({ apps: 6, conflicts: [[1, 2]] });
    const juror = await cookieFor(f.jurors[1].user.id);
    const ask = () =>
      run(() => juryResults.loader(args(request(`/x`, { cookie: juror }), { editionId: f.edition.id })));
    const early = await page(ask, () => true);
    expect(early.intervalsSince).not.toBeNull();
    expect(early.count).toBe(5);
    expect(early.rows.map((r) => r.applicationId)).not.toContain(f.apps[2].app.id);
    const whole = await page(ask, (d) => d.intervalsSince === null);
    expect(ranking(whole)).toEqual(ranking(early));
  });
});
