import { describe, expect, it } from "vitest";
import { threeRuns } from "../../scoring/three-runs";

describe("runs of applications with three reviews", () => {
  it("lists each run of consecutive three-review applications as its first and its end", () => {
    // Review counts 3, 3, 2, 3, 1, 3, 3, 3.
    const start = Int32Array.of(0, 3, 6, 8, 11, 12, 15, 18, 21);
    expect([...threeRuns(start)]).toEqual([0, 2, 3, 4, 5, 8]);
  });

  it("lists no run when no application has three reviews, and one run when all have", () => {
    expect([...threeRuns(Int32Array.of(0, 2, 6, 7))]).toEqual([]);
    expect([...threeRuns(Int32Array.of(0, 3, 6, 9))]).toEqual([0, 3]);
    expect([...threeRuns(Int32Array.of(0))]).toEqual([]);
  });
});
