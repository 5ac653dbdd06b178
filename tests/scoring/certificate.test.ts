import { describe, expect, it } from "vitest";
import {
  certificateDraws,
  CERTIFICATE_WORK,
  expectedRank,
  laureateCertificate,
  marginOfVictory,
  type ResultsInput,
} from "../../scoring/index";

const rv = (applicationId: string, jurorId: string, q: number) => ({ applicationId, jurorId, scores: { q } });
const input: ResultsInput = {
  criteria: [{ key: "q", weight: 1 }],
  scale: { min: 0, max: 10 },
  reviews: [
    rv("A", "J1", 9),
    rv("A", "J2", 8),
    rv("B", "J1", 7),
    rv("B", "J2", 8),
    rv("C", "J1", 7),
    rv("C", "J2", 6),
    rv("D", "J1", 3),
    rv("D", "J2", 4),
  ],
};

describe("laureateCertificate", () => {
  it("laureateCertificate is the margin of victory under the official method beside the expected ranks", () => {
    expect(laureateCertificate(input, { method: "median", laureates: 2, seed: 4 })).toEqual({
      method: "median",
      laureates: 2,
      margin: marginOfVictory(input, { method: "median", laureates: 2 }),
      marginNote: "",
      expectedRank: expectedRank(input, { laureates: 2, seed: 4, burnIn: 500, draws: 2000 }),
    });
  });

  it("laureateCertificate says why there is no margin when every application is a laureate, and still ranks them", () => {
    const c = laureateCertificate(input, { method: "mean", laureates: 4 });
    expect(c.margin).toBeNull();
    expect(c.marginNote).toMatch(/laureates must be an integer from 1 to the number of applications − 1 \(3\)/);
    expect(c.expectedRank.applications).toHaveLength(4);
  });

  it("certificateDraws keeps 500 + 2000 iterations within the work budget, and fewer but at least 250 beyond", () => {
    expect(certificateDraws(750, 150)).toEqual({ burnIn: 500, draws: 2000 });
    expect(certificateDraws(CERTIFICATE_WORK / 2500 - 150, 150)).toEqual({ burnIn: 500, draws: 2000 });
    expect(certificateDraws(30000, 10000)).toEqual({ burnIn: 200, draws: 800 });
    expect(certificateDraws(10_000_000, 1000)).toEqual({ burnIn: 50, draws: 200 });
  });

  it("laureateCertificate throws on an unknown method and on what expectedRank rejects", () => {
    expect(() => laureateCertificate(input, { method: "best" as "mean", laureates: 1 })).toThrow(
      /unknown method "best"/,
    );
    expect(() => laureateCertificate({ ...input, reviews: [] }, { method: "mean", laureates: 1 })).toThrow(
      /empty input/,
    );
    expect(() => laureateCertificate(input, { method: "mean", laureates: 9 })).toThrow(/laureates must be an integer/);
  });
});
