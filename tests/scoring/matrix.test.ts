import { describe, expect, it } from "vitest";
import { icc, kendallW } from "../../scoring/index";

describe("the complete-matrix check shared by icc and kendallW", () => {
  it("icc names targets, judges and ratings in its messages", () => {
    expect(() => icc([[1, 2]])).toThrow("icc: at least 2 targets (rows) are needed, got 1");
    expect(() => icc([[1], [2]])).toThrow("icc: at least 2 judges (columns) are needed, got 1");
    expect(() => icc([[1, 2], [3]])).toThrow("icc: target 1 has 1 ratings, expected 2 (the matrix must be complete)");
    expect(() =>
      icc([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow("icc: rating of target 1 by judge 1 is not a finite number (NaN)");
  });

  it("kendallW names raters, items and scores in its messages", () => {
    expect(() => kendallW([])).toThrow("kendallW: at least 2 raters (rows) are needed, got 0");
    expect(() => kendallW([[1], [2]])).toThrow("kendallW: at least 2 items (columns) are needed, got 1");
    expect(() =>
      kendallW([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow("kendallW: rater 1 scored 3 items, expected 2");
    expect(() =>
      kendallW([
        [1, Number.POSITIVE_INFINITY],
        [3, 4],
      ]),
    ).toThrow("kendallW: score of rater 0 for item 1 is not a finite number (Infinity)");
  });
});
