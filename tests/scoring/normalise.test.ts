import { describe, expect, it } from "vitest";
import { fitJurorBias, zScoreNormalise } from "../../scoring/index";

const c = (x: number, digits = 10) => expect.closeTo(x, digits);
const s = (applicationId: string, jurorId: string, score: number, confidence?: number) => ({
  applicationId,
  jurorId,
  score,
  ...(confidence === undefined ? {} : { confidence }),
});

describe("zScoreNormalise", () => {
  it("zScoreNormalise maps each juror's scores to z-scores and back onto the consensus scale", () => {
    const r = zScoreNormalise([s("A", "J1", 0.9), s("B", "J1", 0.7), s("A", "J2", 0.5), s("B", "J2", 0.3)]);
    // each juror: mean ± 0.1 → z = ±1; consensus mean .6, population sd sqrt(.05) ≈ .2236
    const sd = Math.sqrt(0.05);
    expect(r).toEqual({
      consensus: { mean: c(0.6), sd: c(sd) },
      jurors: [
        { jurorId: "J1", mean: c(0.8), sd: c(0.1), reviews: 2 },
        { jurorId: "J2", mean: c(0.4), sd: c(0.1), reviews: 2 },
      ],
      reviews: [
        { applicationId: "A", jurorId: "J1", score: 0.9, z: c(1), normalised: c(0.6 + sd) },
        { applicationId: "A", jurorId: "J2", score: 0.5, z: c(1), normalised: c(0.6 + sd) },
        { applicationId: "B", jurorId: "J1", score: 0.7, z: c(-1), normalised: c(0.6 - sd) },
        { applicationId: "B", jurorId: "J2", score: 0.3, z: c(-1), normalised: c(0.6 - sd) },
      ],
      applications: [
        { applicationId: "A", score: c(0.6 + sd) },
        { applicationId: "B", score: c(0.6 - sd) },
      ],
    });
  });

  it("zScoreNormalise gives z = 0 to a juror whose scores do not vary", () => {
    const r = zScoreNormalise([s("A", "J1", 0.5), s("B", "J1", 0.5), s("A", "J2", 0.9), s("B", "J2", 0.1)]);
    expect(r.reviews.filter((x) => x.jurorId === "J1").map((x) => x.z)).toEqual([0, 0]);
  });

  it("zScoreNormalise throws on a listed juror with no reviews, naming the juror", () => {
    expect(() => zScoreNormalise([s("A", "J1", 0.5)], { jurors: ["J1", "J2"] })).toThrow(/juror J2 has no reviews/);
  });

  it("zScoreNormalise throws on empty input and on a NaN score naming the review", () => {
    expect(() => zScoreNormalise([])).toThrow(/empty input/);
    expect(() => zScoreNormalise([s("A", "J1", Number.NaN)])).toThrow(
      /application A by juror J1 is not a finite number/,
    );
  });
});

describe("fitJurorBias", () => {
  it("fitJurorBias separates a harsh and a lenient juror exactly", () => {
    const r = fitJurorBias([s("A", "hard", 0.5), s("B", "hard", 0.3), s("A", "easy", 0.9), s("B", "easy", 0.7)]);
    expect(r).toEqual({
      applications: [
        { applicationId: "A", quality: c(0.7) },
        { applicationId: "B", quality: c(0.5) },
      ],
      jurors: [
        { jurorId: "easy", bias: c(0.2) },
        { jurorId: "hard", bias: c(-0.2) },
      ],
      residualRms: c(0),
    });
  });

  it("fitJurorBias recovers quality and bias on an incomplete connected design (MacKay et al. model)", () => {
    const quality: Record<string, number> = { A: 0.8, B: 0.6, C: 0.5, D: 0.3 };
    const bias: Record<string, number> = { J1: 0.1, J2: -0.05, J3: -0.05 };
    const design = [
      ["A", "J1"],
      ["A", "J2"],
      ["B", "J2"],
      ["B", "J3"],
      ["C", "J3"],
      ["C", "J1"],
      ["D", "J1"],
      ["D", "J2"],
    ];
    const r = fitJurorBias(design.map(([a, j]) => s(a, j, quality[a] + bias[j], 1 + (a.charCodeAt(0) % 3))));
    expect(r.applications).toEqual(
      Object.entries(quality).map(([applicationId, q]) => ({ applicationId, quality: c(q) })),
    );
    expect(r.jurors).toEqual(Object.entries(bias).map(([jurorId, b]) => ({ jurorId, bias: c(b) })));
  });

  it("fitJurorBias weights reviews by declared confidence", () => {
    // one application, two jurors disagreeing; J1 three times as confident → quality nearer J1 after bias centring
    const r = fitJurorBias([s("A", "J1", 0.8, 3), s("A", "J2", 0.4, 1), s("B", "J1", 0.6, 3), s("B", "J2", 0.2, 1)]);
    expect(r.jurors).toEqual([
      { jurorId: "J1", bias: c(0.2) },
      { jurorId: "J2", bias: c(-0.2) },
    ]);
  });

  it("fitJurorBias throws naming the disconnected groups", () => {
    expect(() => fitJurorBias([s("A", "J1", 0.5), s("B", "J2", 0.6), s("C", "J2", 0.1)])).toThrow(
      /not connected \(2 disconnected groups\).*group 1: jurors J1; applications A \| group 2: jurors J2; applications B, C/,
    );
  });

  it("fitJurorBias throws on a listed juror with no reviews", () => {
    expect(() => fitJurorBias([s("A", "J1", 0.5)], { jurors: ["J1", "Jx"] })).toThrow(/juror Jx has no reviews/);
  });
});
