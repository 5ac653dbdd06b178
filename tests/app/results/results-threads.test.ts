// The results computation split between two worker threads (decision 026). RESULTS_THREADS is
// read when the pool is made, at this file's first computation.
process.env.RESULTS_THREADS = "2";

import { afterAll, describe, expect, it } from "vitest";
import { computeResults, mulberry32, type ResultsInput } from "../../../scoring";
import {
  closeResultsWorker,
  computeInWorker,
  splitComputations,
} from "../../../app/results/models/results-worker.server";

afterAll(() => closeResultsWorker());

/** An edition shaped as the app reads it: 700 applications × 3 reviews, 3 criteria. */
function edition(seed: number): ResultsInput {
  const next = mulberry32(seed);
  const reviews: ResultsInput["reviews"] = [];
  for (let a = 0; a < 700; a++) {
    for (let j = 0; j < 3; j++) {
      const juror = (a * 7 + j * 11) % 40;
      const scores = {
        appropriateness: 1 + Math.floor(next() * 10),
        innovation: 1 + Math.floor(next() * 10),
        impact: 1 + Math.floor(next() * 10),
      };
      reviews.push({
        applicationId: `app-${String(a).padStart(4, "0")}`,
        jurorId: `juror-${juror}`,
        scores,
        ...(next() < 0.5 ? { confidence: 1 + Math.floor(next() * 3) } : {}),
      });
    }
  }
  return {
    criteria: [
      { key: "appropriateness", weight: 1 },
      { key: "innovation", weight: 1 },
      { key: "impact", weight: 2 },
    ],
    scale: { min: 1, max: 10 },
    reviews,
  };
}

describe("results split between worker threads", () => {
  it("gives byte for byte the results of one piece, under every method, and was split", async () => {
    const input = edition(3);
    for (const method of ["mean", "median", "trimmedMean", "zScore", "jurorBias"] as const) {
      const options = { method, laureates: 2, bootstrap: 1000, seed: 11 };
      const before = splitComputations.count;
      const threaded = await computeInWorker({ kind: "results", input, options });
      expect(splitComputations.count).toBe(before + 1);
      expect(JSON.stringify(threaded)).toBe(JSON.stringify(computeResults(input, options)));
    }
  });

  it("keeps a review's own shape: extra fields, a missing criterion or no confidence give what this thread gives", async () => {
    const options = { method: "mean" as const, bootstrap: 200, seed: 5 };
    const extra = edition(4);
    extra.reviews[10] = { ...extra.reviews[10], jurorCountry: "FR" };
    expect(JSON.stringify(await computeInWorker({ kind: "results", input: extra, options }))).toBe(
      JSON.stringify(computeResults(extra, options)),
    );
    const missing = edition(5);
    const { impact: _dropped, ...rest } = missing.reviews[20].scores;
    missing.reviews[20] = { ...missing.reviews[20], scores: rest };
    const expected = (() => {
      try {
        computeResults(missing, options);
        return "no error";
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(expected).toMatch(/impact/);
    await expect(computeInWorker({ kind: "results", input: missing, options })).rejects.toThrow(expected);
  });

  it("reports an invalid option of a large computation with the message of one piece", async () => {
    const input = edition(6);
    const options = { method: "mean" as const, laureates: 0, bootstrap: 1000, seed: 1 };
    expect(() => computeResults(input, options)).toThrow(/laureates must be an integer/);
    await expect(computeInWorker({ kind: "results", input, options })).rejects.toThrow(/laureates must be an integer/);
  });
});
