import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  alphaBand,
  borda,
  icc,
  iccBand,
  intervalAlpha,
  kendallW,
  krippendorffAlpha,
  reviewScore,
  schulze,
} from "../../scoring/index";

const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers × 12 units example.
const _ = null;
const krippendorff2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Wikipedia, "Schulze method": 45 voters, candidates A–E.
const wikipediaBallots = (
  [
    [5, "ACBED"],
    [5, "ADECB"],
    [8, "BEDAC"],
    [3, "CABED"],
    [7, "CAEBD"],
    [2, "CBADE"],
    [7, "DCEBA"],
    [8, "EBADC"],
  ] as const
).map(([count, order]) => ({ count, ranking: order.split("") }));

describe("icc", () => {
  it("icc reproduces the Shrout and Fleiss six targets by four judges example for all six forms", () => {
    const r = icc(shroutFleiss);
    expect(r).toEqual({
      icc1: { single: expect.closeTo(0.17, 2), average: expect.closeTo(0.44, 2) },
      icc2: { single: expect.closeTo(0.29, 2), average: expect.closeTo(0.62, 2) },
      icc3: { single: expect.closeTo(0.71, 2), average: expect.closeTo(0.91, 2) },
      meanSquares: {
        bms: expect.closeTo(11.24, 2),
        wms: expect.closeTo(6.26, 2),
        jms: expect.closeTo(32.49, 2),
        ems: expect.closeTo(1.02, 2),
      },
    });
  });

  it("icc throws when there is no variance between targets", () => {
    expect(() =>
      icc([
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(/no variance/);
  });

  it("icc throws on a ragged matrix naming the target", () => {
    expect(() => icc([[1, 2], [3]])).toThrow(/target 1/);
  });

  it("icc throws on a non-finite rating naming target and judge", () => {
    expect(() =>
      icc([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow(/target 1 by judge 1/);
  });

  it("iccBand follows Koo and Li", () => {
    expect([0.2, 0.5, 0.74, 0.75, 0.9, 0.95].map(iccBand)).toEqual([
      "poor",
      "moderate",
      "moderate",
      "good",
      "good",
      "excellent",
    ]);
  });
});

describe("krippendorffAlpha", () => {
  it("krippendorffAlpha reproduces Krippendorff's 2011 worked example at the nominal level", () => {
    expect(krippendorffAlpha(krippendorff2011, "nominal")).toBeCloseTo(0.743, 3);
  });
  it("krippendorffAlpha reproduces Krippendorff's 2011 worked example at the ordinal level", () => {
    expect(krippendorffAlpha(krippendorff2011, "ordinal")).toBeCloseTo(0.815, 3);
  });
  it("krippendorffAlpha reproduces Krippendorff's 2011 worked example at the interval level", () => {
    expect(krippendorffAlpha(krippendorff2011, "interval")).toBeCloseTo(0.849, 3);
  });
  it("krippendorffAlpha reproduces Krippendorff's 2011 worked example at the ratio level", () => {
    expect(krippendorffAlpha(krippendorff2011, "ratio")).toBeCloseTo(0.797, 3);
  });
  it("krippendorffAlpha is 1 for perfect agreement with missing values", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, null],
          [1, 2, 3],
          [null, 2, 3],
        ],
        "interval",
      ),
    ).toBe(1);
  });
  it("krippendorffAlpha throws when nothing is pairable", () => {
    expect(() =>
      krippendorffAlpha(
        [
          [1, null],
          [null, 2],
        ],
        "nominal",
      ),
    ).toThrow(/pairable/);
  });
  it("krippendorffAlpha throws on empty data", () => {
    expect(() => krippendorffAlpha([], "interval")).toThrow(/empty/);
  });
  it("krippendorffAlpha throws on a non-finite value naming coder and unit", () => {
    expect(() =>
      krippendorffAlpha(
        [
          [1, Infinity],
          [1, 2],
        ],
        "interval",
      ),
    ).toThrow(/coder 0 for unit 1/);
  });
  it("intervalAlpha on values grouped by unit is exactly krippendorffAlpha of the table with its gaps", () => {
    /** The coders × units table as values grouped by unit, in coder order, gaps left out. */
    const byUnit = (table: (number | null)[][]) => {
      const start = [0];
      const values: number[] = [];
      for (let u = 0; u < table[0].length; u++) {
        for (const coder of table) if (coder[u] !== null) values.push(coder[u] as number);
        start.push(values.length);
      }
      return [Int32Array.from(start), Float64Array.from(values)] as const;
    };
    expect(intervalAlpha(...byUnit(krippendorff2011))).toBe(krippendorffAlpha(krippendorff2011, "interval"));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((coders) =>
          fc.array(
            fc.array(fc.option(fc.integer({ min: 0, max: 100 }).map((v) => v / 10)), {
              minLength: coders,
              maxLength: coders,
            }),
            {
              minLength: 1,
              maxLength: 30,
            },
          ),
        ),
        (units) => {
          const table = units[0].map((_, c) => units.map((unit) => unit[c]));
          const outcome = (f: () => number) => {
            try {
              return f();
            } catch (e) {
              return (e as Error).message;
            }
          };
          expect(outcome(() => intervalAlpha(...byUnit(table)))).toEqual(
            outcome(() => krippendorffAlpha(table, "interval")),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
  it("intervalAlpha refuses unit boundaries that do not index its values, and a value that is not finite", () => {
    expect(() => intervalAlpha(Int32Array.of(0, 2), Float64Array.of(1, 2, 3))).toThrow(/from 0 to the 3 values/);
    expect(() => intervalAlpha(Int32Array.of(0), Float64Array.of())).toThrow(/got none/);
    expect(() => intervalAlpha(Int32Array.of(0, 3, 2), Float64Array.of(1, 2))).toThrow(/unit 1 ends before it starts/);
    expect(() => intervalAlpha(Int32Array.of(0, 2), Float64Array.of(1, NaN))).toThrow(/value 1 of unit 0/);
  });
  it("alphaBand follows Krippendorff's thresholds", () => {
    expect([0.5, 0.667, 0.79, 0.8].map(alphaBand)).toEqual(["unreliable", "tentative", "tentative", "reliable"]);
  });
});

describe("kendallW", () => {
  // Ten projects ranked by four judges; rank sums 10 8 12 16 21 22 25 31 37 38, ΣD² = 1048, W = 12·1048/(16·990) =
  // 0.794.
  const judges = [
    [1, 3, 4, 5, 2, 8, 6, 7, 10, 9],
    [2, 1, 4, 5, 6, 3, 8, 7, 10, 9],
    [3, 2, 1, 5, 7, 4, 6, 8, 9, 10],
    [4, 2, 3, 1, 6, 7, 5, 9, 8, 10],
  ];
  it("kendallW reproduces the ten projects by four judges textbook example", () => {
    expect(kendallW(judges)).toBeCloseTo(0.794, 3);
  });
  it("kendallW ranks raw scores inside, so scores and ranks agree", () => {
    expect(kendallW(judges.map((row) => row.map((r) => 100 - 3 * r)))).toBeCloseTo(0.794, 3);
  });
  it("kendallW applies the tie correction by default and not when it is switched off", () => {
    // ranks [1.5,1.5,3], [1,2,3]: rank sums 2.5, 3.5, 6; S = 6.5; T = 6
    const data = [
      [1, 1, 2],
      [1, 2, 3],
    ];
    expect(kendallW(data)).toBeCloseTo((12 * 6.5) / (4 * 24 - 2 * 6), 12);
    expect(kendallW(data, { tieCorrection: false })).toBeCloseTo((12 * 6.5) / (4 * 24), 12);
  });
  it("kendallW is 1 for identical rankings with ties", () => {
    expect(
      kendallW([
        [1, 1, 2, 3],
        [5, 5, 6, 9],
      ]),
    ).toBeCloseTo(1, 12);
  });
  it("kendallW throws with a single rater", () => {
    expect(() => kendallW([[1, 2, 3]])).toThrow(/2 raters/);
  });
});

describe("schulze and borda", () => {
  it("schulze reproduces Wikipedia's 45 voter example: E wins, order E A C B D", () => {
    const r = schulze(wikipediaBallots);
    expect({ order: r.order, ties: r.ties }).toEqual({ order: ["E", "A", "C", "B", "D"], ties: [] });
    expect(r.strongestPaths).toEqual({
      A: { B: 28, C: 28, D: 30, E: 24 },
      B: { A: 25, C: 28, D: 33, E: 24 },
      C: { A: 25, B: 29, D: 29, E: 24 },
      D: { A: 25, B: 28, C: 28, E: 24 },
      E: { A: 25, B: 28, C: 28, D: 31 },
    });
    expect(r.pairwise.A).toEqual({ B: 20, C: 26, D: 30, E: 22 });
  });

  it("borda counts Wikipedia's 45 ballots as E 102, A 98, B 92, C 89, D 69", () => {
    expect(borda(wikipediaBallots)).toEqual({ A: 98, B: 92, C: 89, D: 69, E: 102 });
  });

  it("borda gives tied candidates the average of the places they occupy, unranked tie last", () => {
    expect(borda([{ ranking: ["A", ["B", "C"]] }, { ranking: ["D"] }], ["A", "B", "C", "D"])).toEqual({
      A: 3 + 1, // first; then tied last of 3 on ballot 2: (2+1+0)/3 = 1
      B: 1.5 + 1,
      C: 1.5 + 1,
      D: 0 + 3,
    });
  });

  it("schulze reports a tie group when candidates cannot be separated", () => {
    const r = schulze([{ ranking: ["A", "B"] }, { ranking: ["B", "A"] }, { ranking: [["A", "B"], "C"] }]);
    expect({ order: r.order, ties: r.ties }).toEqual({ order: ["A", "B", "C"], ties: [["A", "B"]] });
  });

  it("schulze and borda throw on a ballot naming an unknown candidate, naming it", () => {
    expect(() => schulze([{ ranking: ["A", "Zed"] }], ["A", "B"])).toThrow(/unknown candidate "Zed"/);
    expect(() => borda([{ ranking: ["A", "Zed"] }], ["A", "B"])).toThrow(/unknown candidate "Zed"/);
  });

  it("schulze throws on a candidate named twice in one ballot", () => {
    expect(() => schulze([{ ranking: ["A", ["B", "A"]] }])).toThrow(/candidate "A" more than once/);
  });

  it("with unranked candidates abstaining, a complete-ballot election is unchanged (Wikipedia's example)", () => {
    const last = schulze(wikipediaBallots);
    const abstain = schulze(wikipediaBallots, undefined, { unranked: "abstain" });
    expect(abstain).toEqual(last);
  });

  it("a voter who may not judge a candidate abstains on its pairs instead of ranking it last", () => {
    // Two voters prefer B to C and A; the third is in conflict with B and ranks C above A.
    const ballots = [{ ranking: ["B", "C", "A"] }, { ranking: ["B", "A", "C"] }, { ranking: ["C", "A"] }];
    const abstain = schulze(ballots, ["A", "B", "C"], { unranked: "abstain" });
    expect({ order: abstain.order, ties: abstain.ties, pairwise: abstain.pairwise }).toEqual({
      order: ["B", "C", "A"],
      ties: [],
      pairwise: { A: { B: 0, C: 1 }, B: { A: 2, C: 2 }, C: { A: 2, B: 0 } },
    });
    // Ranked last instead, B would lose the pair B–C's third vote: 2 to 1 rather than 2 to 0.
    expect(schulze(ballots, ["A", "B", "C"]).pairwise.C.B).toBe(1);
  });

  it("schulze refuses an unknown option for unranked candidates", () => {
    expect(() => schulze([{ ranking: ["A", "B"] }], undefined, { unranked: "first" as never })).toThrow(
      /unranked must be "last" or "abstain"/,
    );
  });

  it("schulze and borda throw on no ballots", () => {
    expect(() => schulze([])).toThrow(/empty input/);
    expect(() => borda([])).toThrow(/empty input/);
  });
});

describe("reviewScore", () => {
  const criteria = [
    { key: "impact", weight: 3 },
    { key: "design", weight: 1 },
  ];
  const scale = { min: 0, max: 10 };
  it("reviewScore is the weighted mean of criterion scores rescaled to 0–1", () => {
    expect(reviewScore({ impact: 8, design: 6 }, criteria, scale)).toBeCloseTo(0.75, 12);
    expect(reviewScore({ impact: 3, design: 5 }, criteria, { min: 1, max: 5 })).toBeCloseTo((3 * 0.5 + 1) / 4, 12);
  });
  it("reviewScore throws on a missing criterion, naming it", () => {
    expect(() => reviewScore({ impact: 8 }, criteria, scale)).toThrow(/missing score for criterion "design"/);
  });
  it("reviewScore throws on an unknown criterion key, naming it", () => {
    expect(() => reviewScore({ impact: 8, design: 1, beauty: 3 }, criteria, scale)).toThrow(
      /unknown criterion key "beauty"/,
    );
  });
  it("reviewScore throws on a score outside the scale, naming the criterion", () => {
    expect(() => reviewScore({ impact: 11, design: 1 }, criteria, scale)).toThrow(/"impact" is outside the scale/);
  });
  it("reviewScore throws on NaN and infinite scores, naming the criterion", () => {
    expect(() => reviewScore({ impact: Number.NaN, design: 1 }, criteria, scale)).toThrow(
      /"impact" is not a finite number/,
    );
    expect(() => reviewScore({ impact: 1, design: Infinity }, criteria, scale)).toThrow(
      /"design" is not a finite number/,
    );
  });
  it("reviewScore throws on weights that are not positive, naming the criterion", () => {
    expect(() => reviewScore({ a: 1 }, [{ key: "a", weight: 0 }], scale)).toThrow(/weight of criterion "a"/);
  });
  it("reviewScore throws on empty criteria", () => {
    expect(() => reviewScore({}, [], scale)).toThrow(/empty input/);
  });
});
