// The results' rows are read by the reading worker, and a large edition's official ranking with
// them (decision 046). Here every whole results computation and every separate ranking job waits
// ten minutes in the worker (RESULTS_WORKER_DELAY_KINDS): a ranking seen can only be the rows' own.
process.env.RESULTS_WORKER_DELAY_MS = "600000";
process.env.RESULTS_WORKER_DELAY_KINDS = "results,ranking";

import { afterAll, describe, expect, it } from "vitest";
import { computeResults } from "../../../scoring";
import { getEditionBrief, pendingRanking } from "../../../app/results/models/results.server";
import { closeResultsWorker } from "../../../app/results/models/results-worker.server";
import { inputDigest } from "../../../app/results/models/packed-input.server";
import { buildScoredEdition } from "../../fixtures/results";

afterAll(() => closeResultsWorker());

describe("the results' rows", () => {
  it("come with a large edition's official ranking, from the very input the request thread then builds", async () => {
    // 401 applications × 5 jurors, less one conflict: 2,004 reviews, past RANKING_FROM_REVIEWS.
    const f = await buildScoredEdition({ apps: 401 });
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const ranked = await pendingRanking({ edition, viewer: { kind: "secretariat", userId: f.secretariat.id } }).promise;
    expect(ranked.input.reviews).toHaveLength(2004);
    expect(ranked.applications.size).toBe(401);
    expect(ranked.breakdown.get(f.apps[0].app.id)).toHaveLength(4);
    // The results without resamples of this input, byte for byte as computed here.
    expect(ranked.results!.bootstrap).toBe(0);
    expect(JSON.stringify(ranked.results)).toBe(
      JSON.stringify(computeResults(ranked.input, { ...ranked.options, bootstrap: 0 })),
    );
    // The digest the worker gave is the one of the input built here (a copy is hashed afresh).
    expect(await inputDigest(ranked.input)).toBe(await inputDigest(structuredClone(ranked.input)));
  });
});
