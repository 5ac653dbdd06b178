import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fairnessAudit, fisherExact, logFactorials, type FairnessRow } from "../../scoring/index";

const factorial = (n: number): bigint => {
  let r = 1n;
  for (let i = 2n; i <= BigInt(n); i++) r *= i;
  return r;
};
const choose = (n: number, k: number) => factorial(n) / (factorial(k) * factorial(n - k));

/** Two-sided Fisher p in exact rational arithmetic: the tables no more probable than the observed one. */
function fisherRational(a: number, b: number, c: number, d: number): number {
  const row = a + b;
  const col = a + c;
  const n = a + b + c + d;
  const weight = (x: number) => choose(row, x) * choose(n - row, col - x);
  const observed = weight(a);
  let sum = 0n;
  for (let x = Math.max(0, row + col - n); x <= Math.min(row, col); x++) if (weight(x) <= observed) sum += weight(x);
  return Number((sum * 10n ** 18n) / choose(n, col)) / 1e18;
}

describe("fisherExact", () => {
  it("fisherExact gives 34/70 for the lady tasting tea (3, 1, 1, 3)", () => {
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.4857, 4);
  });

  it("fisherExact reproduces R's fisher.test on the Convictions table and Wikipedia's dieting example", () => {
    // R: fisher.test(matrix(c(2, 10, 15, 3), nrow = 2)) → p-value = 0.0005367
    expect(fisherExact(2, 15, 10, 3)).toBeCloseTo(0.0005367, 7);
    // Wikipedia, "Fisher's exact test": men/women dieting (1, 9, 11, 3) → two-tailed p ≈ 0.002759
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.002759, 6);
  });

  it("fisherExact gives 1 when the margins allow one table only, and is symmetric in rows and columns", () => {
    expect(fisherExact(0, 0, 3, 4)).toBe(1);
    expect(fisherExact(5, 0, 0, 0)).toBe(1);
    expect(fisherExact(7, 2, 3, 8)).toBe(fisherExact(3, 8, 7, 2));
    expect(fisherExact(7, 2, 3, 8)).toBeCloseTo(fisherExact(7, 3, 2, 8), 14);
  });

  it("fisherExact equals the exact rational computation on random tables", () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(15), fc.nat(15), fc.nat(15), fc.nat(15)), ([a, b, c, d]) => {
        expect(fisherExact(a, b, c, d)).toBeCloseTo(fisherRational(a, b, c, d), 12);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("fisherExact stays finite and exact on large tables through log-factorials", () => {
    expect(fisherExact(500, 500, 500, 500)).toBeCloseTo(1, 12);
    expect(fisherExact(300, 700, 200, 800)).toBeLessThan(1e-6);
    expect(fisherExact(60, 40, 50, 50, logFactorials(200))).toBeCloseTo(fisherRational(60, 40, 50, 50), 12);
  });

  it("fisherExact throws on a negative or fractional cell and on a short log-factorial table", () => {
    expect(() => fisherExact(-1, 2, 3, 4)).toThrow(/cell a must be a non-negative integer, got -1/);
    expect(() => fisherExact(1, 2.5, 3, 4)).toThrow(/cell b must be a non-negative integer, got 2.5/);
    expect(() => fisherExact(1, 2, 3, 4, logFactorials(5))).toThrow(/logFact covers 0…5, the table needs 0…10/);
  });
});

/** `n` applications of a region: `at[s]` of them stopped at stage s. */
function region(region: string | undefined, at: Record<string, number>): FairnessRow[] {
  return Object.entries(at).flatMap(([stage, n]) =>
    Array.from({ length: n }, () => ({ applicationId: "", stage, region })),
  );
}
const numbered = (rows: FairnessRow[]) => rows.map((r, i) => ({ ...r, applicationId: `app-${i}` }));
const stages = ["submitted", "shortlisted", "laureate"];

describe("fairnessAudit", () => {
  it("fairnessAudit gives counts, pass rates from the previous stage, impact ratios and Fisher p-values, hiding small regions", () => {
    const rows = numbered([
      ...region("Africa", { submitted: 6, shortlisted: 3, laureate: 1 }),
      ...region("Europe", { submitted: 4, shortlisted: 3, laureate: 1 }),
      ...region("Asia", { submitted: 5, shortlisted: 1 }),
      ...region("Oceania", { submitted: 2, shortlisted: 1 }),
      ...region("Arab States", { submitted: 4 }),
      ...region(undefined, { laureate: 1 }),
    ]);
    // Shortlisted: 31 applications with a region were submitted, 10 were shortlisted.
    // Laureate: of those 10, 2 became laureates (the one without a region is left out).
    const cell = (
      stage: string,
      value: string,
      count: number,
      prev: number,
      best: number,
      others: [number, number],
    ) => ({
      stage,
      group: "region",
      value,
      count,
      rate: count / prev,
      impactRatio: count / prev / best,
      p: fisherExact(count, prev - count, others[0], others[1]),
      suppressed: false,
    });
    const hidden = (stage: string, value: string) => ({
      stage,
      group: "region",
      value,
      count: null,
      rate: null,
      impactRatio: null,
      p: null,
      suppressed: true,
    });
    expect(fairnessAudit(rows, { stages, groups: ["region"] })).toEqual([
      cell("shortlisted", "Africa", 4, 10, 0.5, [6, 15]),
      hidden("shortlisted", "Arab States"),
      cell("shortlisted", "Asia", 1, 6, 0.5, [9, 16]),
      cell("shortlisted", "Europe", 4, 8, 0.5, [6, 17]),
      hidden("shortlisted", "Oceania"),
      cell("laureate", "Africa", 1, 4, 0.25, [1, 5]),
      hidden("laureate", "Arab States"),
      cell("laureate", "Asia", 0, 1, 0.25, [2, 7]),
      cell("laureate", "Europe", 1, 4, 0.25, [1, 5]),
      hidden("laureate", "Oceania"),
    ]);
  });

  it("fairnessAudit hides the next smallest value when only one is below minCell, so it cannot be worked out from a total", () => {
    const rows = numbered([
      ...region("A", { submitted: 3 }),
      ...region("B", { submitted: 4, shortlisted: 2 }),
      ...region("C", { submitted: 15, shortlisted: 5 }),
    ]);
    expect(
      fairnessAudit(rows, { stages: ["submitted", "shortlisted"], groups: ["region"] }).map((c) => [
        c.value,
        c.suppressed,
      ]),
    ).toEqual([
      ["A", true],
      ["B", true],
      ["C", false],
    ]);
  });

  it("fairnessAudit gives no rate when no application of a value reached the previous stage, and no impact ratio when every rate is 0", () => {
    const rows = numbered([
      ...region("A", { submitted: 5 }),
      ...region("B", { submitted: 3, shortlisted: 2 }),
      ...region("C", { submitted: 6 }),
    ]);
    expect(
      fairnessAudit(rows, { stages, groups: ["region"], minCell: 2 }).filter((c) => c.stage === "laureate"),
    ).toEqual([
      {
        stage: "laureate",
        group: "region",
        value: "A",
        count: 0,
        rate: null,
        impactRatio: null,
        p: 1,
        suppressed: false,
      },
      { stage: "laureate", group: "region", value: "B", count: 0, rate: 0, impactRatio: null, p: 1, suppressed: false },
      {
        stage: "laureate",
        group: "region",
        value: "C",
        count: 0,
        rate: null,
        impactRatio: null,
        p: 1,
        suppressed: false,
      },
    ]);
  });

  it("fairnessAudit audits several attributes in the order given, reading numbers and booleans as text", () => {
    const rows: FairnessRow[] = Array.from({ length: 20 }, (_, i) => ({
      applicationId: `a${i}`,
      stage: i % 4 === 0 ? "shortlisted" : "submitted",
      public: i % 2 === 0,
      cohort: 2024 + (i % 2),
    }));
    const cells = fairnessAudit(rows, { stages: ["submitted", "shortlisted"], groups: ["public", "cohort"] });
    expect(cells.map((c) => [c.group, c.value, c.count, c.rate])).toEqual([
      ["public", "false", 0, 0],
      ["public", "true", 5, 0.5],
      ["cohort", "2024", 5, 0.5],
      ["cohort", "2025", 0, 0],
    ]);
  });

  it("fairnessAudit does not depend on the order of the rows", () => {
    const rows = numbered([
      ...region("A", { submitted: 7, shortlisted: 3 }),
      ...region("B", { submitted: 9, shortlisted: 1, laureate: 2 }),
    ]);
    expect(fairnessAudit([...rows].reverse(), { stages, groups: ["region"] })).toEqual(
      fairnessAudit(rows, { stages, groups: ["region"] }),
    );
  });

  it("fairnessAudit throws on empty rows, unknown or repeated stages, bad groups, repeated applications and a bad minCell", () => {
    const rows = numbered(region("A", { submitted: 5 }));
    expect(() => fairnessAudit([], { stages, groups: ["region"] })).toThrow(/empty input/);
    expect(() => fairnessAudit(rows, { stages: ["submitted"], groups: ["region"] })).toThrow(
      /at least two stages are needed, got 1/,
    );
    expect(() => fairnessAudit(rows, { stages: ["submitted", "submitted"], groups: ["region"] })).toThrow(
      /stage "submitted" is listed twice/,
    );
    expect(() => fairnessAudit(rows, { stages, groups: [] })).toThrow(/at least one group attribute is needed/);
    expect(() => fairnessAudit(rows, { stages, groups: ["stage"] })).toThrow(/"stage" cannot be audited as a group/);
    expect(() => fairnessAudit([...rows, rows[0]], { stages, groups: ["region"] })).toThrow(
      /application app-0 has two rows/,
    );
    expect(() => fairnessAudit([{ applicationId: "x", stage: "won" }], { stages, groups: ["region"] })).toThrow(
      /application x is at stage "won", which is not in stages/,
    );
    expect(() => fairnessAudit(rows, { stages, groups: ["region"], minCell: 0 })).toThrow(
      /minCell must be a positive integer, got 0/,
    );
  });
});
