import { describe, expect, it } from "vitest";
import { fairnessAudit } from "../../../scoring";
import {
  fairnessTables,
  furthestStage,
  stagesReached,
  type FairnessRowOf,
  type FairnessStage,
} from "../../../app/results/domain/integrity";

const facts = {
  state: "draft",
  sentAt: null,
  nominatedAt: null,
  shortlisted: false,
  recommended: false,
  laureate: false,
};

describe("the stage an application reached", () => {
  it("reads each stage from its own record, from a draft to a laureate", () => {
    expect(furthestStage(facts)).toBe("applied");
    expect(furthestStage({ ...facts, state: "declined", sentAt: 1 })).toBe("sent");
    expect(furthestStage({ ...facts, state: "withdrawn", sentAt: 1 })).toBe("sent");
    expect(furthestStage({ ...facts, state: "ineligible", sentAt: 1, nominatedAt: 2 })).toBe("nominated");
    expect(furthestStage({ ...facts, state: "eligible", sentAt: 1, nominatedAt: 2 })).toBe("eligible");
    expect(furthestStage({ ...facts, state: "eligible", shortlisted: true })).toBe("shortlisted");
    expect(furthestStage({ ...facts, state: "eligible", shortlisted: true, recommended: true })).toBe("recommended");
    expect(furthestStage({ ...facts, state: "eligible", laureate: true })).toBe("laureate");
    expect(furthestStage({ ...facts, state: "laureate" })).toBe("laureate");
    expect(furthestStage({ ...facts, state: "not_selected" })).toBe("eligible");
  });

  it("audits the stages up to the furthest any application reached, and always the first two", () => {
    expect(stagesReached(["applied"])).toEqual(["applied", "sent"]);
    expect(stagesReached(["applied", "eligible", "sent"])).toEqual(["applied", "sent", "nominated", "eligible"]);
  });
});

/** `n` applications of a value that reached `stage`. */
const some = (n: number, stage: FairnessStage, region: string, from = 0): FairnessRowOf[] =>
  Array.from({ length: n }, (_, i) => ({ applicationId: `${region}-${stage}-${from + i}`, stage, region }));

function tableOf(rows: FairnessRowOf[], stages: FairnessStage[]) {
  const cells = fairnessAudit(rows, { stages, groups: ["region"], minCell: 5 });
  return fairnessTables(rows, cells, stages, ["region"])[0];
}

describe("the fairness table", () => {
  const stages: FairnessStage[] = ["applied", "sent", "nominated"];

  it("shows counts, pass rates, impact ratios and Fisher p-values of groups of five or more", () => {
    const rows = [
      ...some(4, "applied", "africa"),
      ...some(2, "sent", "africa"),
      ...some(6, "nominated", "africa"),
      ...some(2, "applied", "europe"),
      ...some(2, "sent", "europe"),
      ...some(8, "nominated", "europe"),
      ...some(10, "nominated", "asia"),
    ];
    const table = tableOf(rows, stages);
    expect(table.values.map((v) => v.value)).toEqual(["africa", "asia", "europe"]);
    const africa = table.values[0].cells;
    expect(africa.map((c) => c.count)).toEqual([12, 8, 6]);
    expect(africa[0]).toMatchObject({ rate: null, impactRatio: null, p: null, hidden: null });
    expect(africa[1].rate).toBeCloseTo(8 / 12);
    expect(africa[2].rate).toBeCloseTo(6 / 8);
    expect(africa[2].impactRatio).toBeCloseTo(0.75); // asia passes everyone: the best rate is 1
    expect(africa[2].p).toBeGreaterThan(0);
    expect(table.values[1].cells[2].impactRatio).toBe(1);
  });

  it("never shows a count under five, nor the rates and the other count that would give it away", () => {
    const rows = [
      ...some(5, "applied", "africa"),
      ...some(1, "sent", "africa"),
      ...some(3, "nominated", "africa"),
      ...some(2, "applied", "europe"),
      ...some(10, "nominated", "europe"),
      ...some(3, "applied", "asia"),
      ...some(7, "nominated", "asia"),
    ];
    const table = tableOf(rows, stages);
    const [africa, asia, europe] = table.values.map((v) => v.cells);
    // Africa: 9 applied, 4 sent, 3 nominated: every stage after the first is under five.
    expect(africa.map((c) => c.hidden)).toEqual([null, "small", "small"]);
    expect(africa.map((c) => c.count)).toEqual([9, null, null]);
    expect(africa.slice(1).every((c) => c.rate === null && c.impactRatio === null && c.p === null)).toBe(true);
    // Alone hidden in its stage, Africa's count would be the total minus the others: Asia, the
    // smallest shown, is hidden with it.
    expect(asia.map((c) => c.hidden)).toEqual([null, "secondary", "secondary"]);
    expect(asia.map((c) => c.count)).toEqual([10, null, null]);
    expect(asia.every((c) => c.rate === null)).toBe(true);
    expect(europe.map((c) => c.count)).toEqual([12, 10, 10]);
    // Europe's impact ratio is against the best rate shown, its own.
    expect(europe[2].impactRatio).toBe(1);
    expect(europe[1].rate).toBeCloseTo(10 / 12);
  });

  it("hides every stage of a group with fewer than five applications in all", () => {
    const rows = [...some(4, "nominated", "africa"), ...some(9, "nominated", "asia"), ...some(12, "sent", "europe")];
    const table = tableOf(rows, stages);
    expect(table.values[0].cells.every((c) => c.hidden === "small" && c.count === null)).toBe(true);
    // fairnessAudit hides the next smallest group everywhere, and says so.
    expect(table.values[1].cells.every((c) => c.hidden === "secondary")).toBe(true);
    expect(table.values[2].cells.map((c) => c.count)).toEqual([12, 12, null]);
  });

  it("leaves applications without a value out of that group's table", () => {
    const rows: FairnessRowOf[] = [...some(6, "sent", "asia"), { applicationId: "x", stage: "sent" }];
    expect(tableOf(rows, ["applied", "sent"]).values.map((v) => v.value)).toEqual(["asia"]);
  });
});
