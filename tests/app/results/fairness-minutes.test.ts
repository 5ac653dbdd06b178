import { describe, expect, it } from "vitest";
import { fairnessAudit } from "../../../scoring";
import {
  fairnessTables,
  type FairnessGroup,
  type FairnessRowOf,
  type FairnessStage,
} from "../../../app/results/domain/integrity";
import { belowFourFifths, fairnessFlags, fairnessMinutes } from "../../../app/results/domain/fairness-minutes";
import { translator, valueLabel } from "../../../app/results/server/integrity-page.server";
import { LOCALES, type Locale } from "../../../app/kernel/i18n";

const GROUPS: FairnessGroup[] = ["region", "language", "gender"];

/** `n` applications of a region that reached `stage`, alternately in English and French. */
const some = (n: number, stage: FairnessStage, region: string, extra: Partial<FairnessRowOf> = {}): FairnessRowOf[] =>
  Array.from({ length: n }, (_, i) => ({
    applicationId: `${region}-${stage}-${i}-${JSON.stringify(extra)}`,
    stage,
    region,
    language: i % 2 ? "fr" : "en",
    ...extra,
  }));

function auditOf(rows: FairnessRowOf[], stages: FairnessStage[]) {
  const cells = fairnessAudit(rows, { stages, groups: GROUPS, minCell: 5 });
  return { applications: rows.length, stages, tables: fairnessTables(rows, cells, stages, GROUPS), minCell: 5 };
}

function minutes(audit: ReturnType<typeof auditOf>, locale: Locale = "en", through?: FairnessStage) {
  const tr = translator(locale);
  return fairnessMinutes(tr, locale, audit, (group, value) => valueLabel(group, value, tr), through);
}

const stages: FairnessStage[] = ["applied", "sent", "nominated"];

// Africa: 20 sent, 6 nominated (30 %); Europe and North America: 20 sent, 18 nominated (90 %); Asia and the
// Pacific: 3 applications, all nominated — too few to be shown, and so never the best rate either; Latin
// America and the Caribbean, the next smallest, hidden so that Asia's cannot be worked out. Two applicants in
// Africa declared a gender: too few to judge.
const flaggedRows = [
  ...some(14, "sent", "africa"),
  ...some(4, "nominated", "africa"),
  ...some(2, "nominated", "africa", { gender: "woman" }),
  ...some(2, "sent", "europe_north_america"),
  ...some(18, "nominated", "europe_north_america"),
  ...some(3, "nominated", "asia_pacific"),
  ...some(2, "sent", "latin_america_caribbean"),
  ...some(8, "nominated", "latin_america_caribbean"),
];

describe("the fairness audit in words for the jury's report", () => {
  it("names the stage, the group's value and both rates of a flag, with its impact ratio and p", () => {
    const text = minutes(auditOf(flaggedRows, stages));
    expect(text.split("\n")[0]).toBe("Fairness of the call, stage by stage (from the integrity audit)");
    expect(text).toContain("53 applications of the edition");
    expect(text).toContain("Stages audited: Applied, Sent to an entity, Nominated.");
    expect(text).toMatch(
      /- UNESCO region, stage “Nominated”: Africa passed at a rate of 30%, against 90% for the best rate of the stage \(impact ratio 0\.33; p = 0\.0\d+\)\./,
    );
    expect(text).toContain("- Language of the application: no group flagged at any stage.");
    expect(text).toContain("- Gender of the project lead (declared): too few applications to judge at any stage.");
    expect(text).toContain("1 flag: a reason to look closer, not a finding.");
    expect(text).not.toContain("No group was flagged at any stage.");
  });

  it("never reveals a value with fewer than five applications, its count or its rate", () => {
    const text = minutes(auditOf(flaggedRows, stages));
    expect(text).not.toContain("Asia");
    expect(text).not.toContain("Latin");
    expect(text).not.toContain("100%");
    expect(text).not.toMatch(/\b3\b/);
    // The declared genders are too few: neither the value nor its count appears.
    expect(text).not.toMatch(/woman|Woman|\b2\b/);
  });

  it("says that no group was flagged at any stage when every rate is within four-fifths of the best", () => {
    const rows = [
      ...some(4, "sent", "africa"),
      ...some(16, "nominated", "africa"),
      ...some(6, "sent", "europe_north_america"),
      ...some(14, "nominated", "europe_north_america"),
    ];
    const text = minutes(auditOf(rows, stages));
    expect(text).toContain("- UNESCO region: no group flagged at any stage.");
    expect(text).toContain("- Language of the application: no group flagged at any stage.");
    expect(text.split("\n").at(-1)).toBe("No group was flagged at any stage.");
  });

  it("says there is nothing to audit before any application", () => {
    expect(minutes({ applications: 0, stages: [], tables: [], minCell: 5 })).toBe(
      "Fairness of the call, stage by stage (from the integrity audit)\nNo application to audit yet.",
    );
  });

  it("leaves out the stages after the one it is written through", () => {
    const rows = [
      ...some(10, "nominated", "africa"),
      ...some(10, "recommended", "africa"),
      ...some(20, "recommended", "europe_north_america"),
    ];
    const later: FairnessStage[] = ["applied", "sent", "nominated", "eligible", "shortlisted", "recommended"];
    const audit = auditOf(rows, later);
    expect(fairnessFlags(audit.tables).map((f) => [f.stage, f.value])).toContainEqual(["eligible", "africa"]);
    expect(fairnessFlags(audit.tables, "nominated")).toEqual([]);
    const text = minutes(audit, "en", "nominated");
    expect(text).toContain("Stages audited: Applied, Sent to an entity, Nominated.");
    expect(text.split("\n").at(-1)).toBe("No group was flagged at any stage.");
  });

  it("flags an impact ratio as the integrity page shows it, to two decimals", () => {
    expect(belowFourFifths(0.79)).toBe(true);
    expect(belowFourFifths(0.796)).toBe(false);
    expect(belowFourFifths(null)).toBe(false);
  });

  for (const locale of LOCALES)
    it(`reads in full in ${locale}, flagged or clean, with no key or placeholder left unfilled`, () => {
      const clean = [...some(10, "nominated", "africa"), ...some(10, "nominated", "europe_north_america")];
      for (const text of [minutes(auditOf(flaggedRows, stages), locale), minutes(auditOf(clean, stages), locale)]) {
        expect(text).not.toMatch(/integrity\.|deliberation\.|\{\w+\}/);
        expect(text.split("\n").length).toBeGreaterThan(5);
      }
    });
});
