import { describe, expect, it } from "vitest";
import { crowdVerdict } from "../../scripts/crowd-verdict";

describe("the verdict on 50 readers against 20", () => {
  it("two equal throughputs a percent apart, within the rounds' own spread, are met", () => {
    const verdict = crowdVerdict({ smaller: [108.0, 103.0, 106.1, 104.9], larger: [104.8, 102.4, 105.5, 103.9] });
    // Variances 4.4067 and 1.79 (n − 1), four rounds each.
    expect(verdict).toEqual({
      smallerMean: expect.closeTo(105.5, 9),
      largerMean: expect.closeTo(104.15, 9),
      difference: expect.closeTo(-1.35, 9),
      margin: expect.closeTo(2 * Math.sqrt(13.22 / 3 / 4 + 5.37 / 3 / 4), 9),
      tooNoisy: false,
      met: true,
    });
  });

  it("two rounds a size as far apart as one run's (108.0 and 103.0) are too few to tell", () => {
    // A run of December 2026, two rounds of each: a margin of 5.5 req/s, over 5% of 105.5.
    expect(crowdVerdict({ smaller: [108.0, 103.0], larger: [104.8, 102.4] })).toMatchObject({
      tooNoisy: true,
      met: false,
    });
  });

  it("a larger crowd getting more done is met", () => {
    expect(crowdVerdict({ smaller: [100, 101, 99, 100], larger: [104, 105, 103, 104] }).met).toBe(true);
  });

  it("the collapse that opened issue 10 (27 → 11 req/s) is not met", () => {
    const verdict = crowdVerdict({ smaller: [27.1, 26.5, 27.4, 26.9], larger: [11.2, 10.9, 11.5, 11.0] });
    expect(verdict).toMatchObject({ tooNoisy: false, met: false });
  });

  it("a steady loss of 8%, as before the admission gate, is not met", () => {
    // Decision 049's rounds: 84.0 and 83.3 at 20, 77.5 and 79.1 at 50.
    expect(crowdVerdict({ smaller: [84.0, 83.3], larger: [77.5, 79.1] }).met).toBe(false);
  });

  it("a loss of 3% is not met when the rounds are steady enough to see it", () => {
    expect(crowdVerdict({ smaller: [100, 100.4, 99.6, 100], larger: [97, 97.3, 96.7, 97] }).met).toBe(false);
  });

  it("a run too noisy to tell a 5% loss from none is not met, whatever its means", () => {
    const verdict = crowdVerdict({ smaller: [80, 120, 90, 110], larger: [130, 90, 120, 100] });
    expect(verdict).toMatchObject({ tooNoisy: true, met: false });
    expect(verdict.largerMean).toBeGreaterThan(verdict.smallerMean);
  });

  it("refuses a crowd of one round, or a throughput that is not a positive number", () => {
    expect(() => crowdVerdict({ smaller: [100], larger: [100, 101] })).toThrow(
      "The smaller crowd needs at least two rounds to tell its noise, not 1",
    );
    expect(() => crowdVerdict({ smaller: [100, 101], larger: [100, Number.NaN] })).toThrow(
      "The larger crowd's throughputs must be positive numbers: 100, NaN",
    );
  });
});
