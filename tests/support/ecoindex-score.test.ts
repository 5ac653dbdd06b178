import { describe, expect, it } from "vitest";
import {
  DOM_QUANTILES,
  REQUEST_QUANTILES,
  SIZE_QUANTILES,
  ecoIndexGrade,
  ecoIndexScore,
  quantile,
} from "../e2e/support/ecoindex-score";

describe("the EcoIndex score", () => {
  it("gives 72 (B) to a page of 100 elements, 100 requests and 100 kB", () => {
    const result = ecoIndexScore({ dom: 100, requests: 100, kilobytes: 100 });
    expect(result.score).toBe(72);
    expect(result.grade).toBe("B");
  });

  it("gives 83 (A) to a page of 240 elements, 20 requests and 331 kB", () => {
    const result = ecoIndexScore({ dom: 240, requests: 20, kilobytes: 331 });
    expect(result.score).toBe(83);
    expect(result.grade).toBe("A");
  });

  it("gives 10 (G) to a page of 2355 elements, 267 requests and 2493 kB", () => {
    const result = ecoIndexScore({ dom: 2355, requests: 267, kilobytes: 2493 });
    expect(result.score).toBe(10);
    expect(result.grade).toBe("G");
  });

  it("gives 100 to an empty page", () => {
    expect(ecoIndexScore({ dom: 0, requests: 0, kilobytes: 0 }).score).toBe(100);
  });

  it("gives 0 to a page beyond every quantile table", () => {
    expect(ecoIndexScore({ dom: 10_000_000, requests: 10_000, kilobytes: 1_000_000 }).score).toBe(0);
  });

  it("derives greenhouse gas and water from the score", () => {
    const result = ecoIndexScore({ dom: 100, requests: 100, kilobytes: 100 });
    expect(result.ghg).toBeCloseTo(2 + (2 * (50 - 72)) / 100, 10);
    expect(result.water).toBeCloseTo(3 + (3 * (50 - 72)) / 100, 10);
    expect(ecoIndexScore({ dom: 0, requests: 0, kilobytes: 0 })).toMatchObject({ ghg: 1, water: 1.5 });
  });
});

describe("the quantile position", () => {
  it("is zero for a value of zero", () => {
    expect(quantile(DOM_QUANTILES, 0)).toBe(0);
  });

  it("interpolates linearly inside a step of the table", () => {
    expect(quantile(DOM_QUANTILES, 100)).toBeCloseTo(2 + 25 / 84, 10);
    expect(quantile(REQUEST_QUANTILES, 100)).toBeCloseTo(12.5, 10);
  });

  it("lands exactly on the index when the value equals a quantile", () => {
    expect(quantile(REQUEST_QUANTILES, 15)).toBe(2);
    expect(quantile(SIZE_QUANTILES, 144.7)).toBe(2);
  });

  it("is 20 for a value beyond the last quantile", () => {
    expect(quantile(SIZE_QUANTILES, 300_000)).toBe(20);
  });
});

describe("the grade", () => {
  it.each([
    [100, "A"],
    [81, "A"],
    [80, "B"],
    [71, "B"],
    [70, "C"],
    [56, "C"],
    [55, "D"],
    [41, "D"],
    [40, "E"],
    [26, "E"],
    [25, "F"],
    [11, "F"],
    [10, "G"],
    [0, "G"],
  ] as const)("for a score of %i is %s", (score, grade) => {
    expect(ecoIndexGrade(score)).toBe(grade);
  });
});
