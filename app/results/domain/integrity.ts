// The fairness audit's facts: the stages an application goes through, which one it reached, and
// the table the secretariat reads, in which no count of fewer than five applications can be read
// or worked out. Pure: the models read the rows, scoring/ computes the rates and tests.
import type { FairnessCell } from "../../../scoring/fairness";

/** The stages of an edition, first to last. */
export const FAIRNESS_STAGES = [
  "applied",
  "sent",
  "nominated",
  "eligible",
  "shortlisted",
  "recommended",
  "laureate",
] as const;
export type FairnessStage = (typeof FAIRNESS_STAGES)[number];

/**
 * The attributes audited. `income`: the World Bank income group of the application's country at
 * the time of the audit, so nothing more is asked of applicants (an application without a country
 * is left out, as for the region). `gender`: the project lead's, only where the applicant declared
 * it ("prefer not to say" and unanswered are left out).
 */
export const FAIRNESS_GROUPS = ["region", "income", "language", "entityKind", "applicantType", "gender"] as const;
export type FairnessGroup = (typeof FAIRNESS_GROUPS)[number];

/** Fewest applications a published count may describe. */
export const MIN_CELL = 5;

const AFTER_SCREENING = ["eligible", "laureate", "not_selected"];
const NOMINATED = ["nominated", "ineligible", ...AFTER_SCREENING];

export interface StageFacts {
  state: string;
  sentAt: Date | number | null;
  nominatedAt: Date | number | null;
  shortlisted: boolean;
  recommended: boolean;
  laureate: boolean;
}

/**
 * The furthest stage an application reached. Each stage is read from its own record (the
 * deliberation's shortlist, the jury's recommendation, the decision), so an application that
 * reached a stage counts as having passed every earlier one even where an earlier record is
 * missing (an application nominated before sending was dated, say).
 */
export function furthestStage(f: StageFacts): FairnessStage {
  const reached = [
    true,
    f.sentAt !== null,
    f.nominatedAt !== null || NOMINATED.includes(f.state),
    AFTER_SCREENING.includes(f.state),
    f.shortlisted,
    f.recommended,
    f.laureate || f.state === "laureate",
  ];
  return FAIRNESS_STAGES[reached.lastIndexOf(true)];
}

/**
 * The stages to audit: up to the furthest any application reached (at least "applied" and
 * "sent"), so that a stage the edition has not come to is not read as everyone failing it.
 */
export function stagesReached(stages: readonly FairnessStage[]): FairnessStage[] {
  const last = Math.max(1, ...stages.map((s) => FAIRNESS_STAGES.indexOf(s)));
  return FAIRNESS_STAGES.slice(0, last + 1);
}

/**
 * One cell of the published table. `hidden`: "small" = fewer than MIN_CELL applications;
 * "secondary" = hidden so that a small one cannot be worked out.
 */
export interface FairnessTableCell {
  stage: FairnessStage;
  count: number | null;
  hidden: "small" | "secondary" | null;
  /** Share of this value's applications at the previous stage that reached this one (null at the first stage). */
  rate: number | null;
  impactRatio: number | null;
  p: number | null;
}

export interface FairnessTable {
  group: FairnessGroup;
  stages: FairnessStage[];
  values: { value: string; cells: FairnessTableCell[] }[];
}

export type FairnessRowOf = { applicationId: string; stage: FairnessStage } & Partial<Record<FairnessGroup, string>>;

/**
 * The tables the secretariat reads, one per group, from the rows and `fairnessAudit`'s cells.
 * fairnessAudit already hides a value with fewer than MIN_CELL applications in all; here any
 * count under MIN_CELL at any stage is hidden too, and with it whatever would give it away:
 * - in a stage where only one value is hidden, the smallest shown one is hidden as well, so that
 *   the hidden count is not the stage's total minus the others;
 * - a rate (and its impact ratio and p) only where both its counts are shown, since the rate and
 *   one count give the other;
 * - impact ratios against the best rate shown, never a hidden one.
 */
export function fairnessTables(
  rows: FairnessRowOf[],
  cells: FairnessCell[],
  stages: readonly FairnessStage[],
  groups: readonly FairnessGroup[] = FAIRNESS_GROUPS,
): FairnessTable[] {
  const level = new Map(stages.map((s, i) => [s, i]));
  const audit = new Map(cells.map((c) => [`${c.group}\u0000${c.value}\u0000${c.stage}`, c]));
  return groups.map((group) => {
    const counts = new Map<string, number[]>();
    for (const row of rows) {
      const value = row[group];
      if (value === undefined || value === null || value === "") continue;
      const list = counts.get(value) ?? stages.map(() => 0);
      for (let s = 0; s <= (level.get(row.stage) ?? 0); s++) list[s]++;
      counts.set(value, list);
    }
    const values = [...counts.keys()].sort();
    const suppressed = (value: string) => audit.get(`${group}\u0000${value}\u0000${stages[1]}`)?.suppressed ?? false;
    const hidden = values.map((value) =>
      stages.map((_, s): FairnessTableCell["hidden"] => {
        const count = counts.get(value)![s];
        if (count < MIN_CELL) return "small";
        return suppressed(value) ? "secondary" : null;
      }),
    );
    for (let s = 0; s < stages.length; s++) {
      const shown = values.map((_, v) => v).filter((v) => hidden[v][s] === null);
      if (shown.length === values.length - 1 && shown.length > 0) {
        const smallest = shown.reduce((a, b) => (counts.get(values[b])![s] < counts.get(values[a])![s] ? b : a));
        hidden[smallest][s] = "secondary";
      }
    }
    const rateShown = (v: number, s: number) => s > 0 && hidden[v][s] === null && hidden[v][s - 1] === null;
    const best = stages.map((_, s) =>
      Math.max(
        0,
        ...values.map((value, v) => (rateShown(v, s) ? counts.get(value)![s] / counts.get(value)![s - 1] : 0)),
      ),
    );
    return {
      group,
      stages: [...stages],
      values: values.map((value, v) => ({
        value,
        cells: stages.map((stage, s): FairnessTableCell => {
          const count = counts.get(value)![s];
          const withRate = rateShown(v, s);
          const rate = withRate ? count / counts.get(value)![s - 1] : null;
          return {
            stage,
            count: hidden[v][s] === null ? count : null,
            hidden: hidden[v][s],
            rate,
            impactRatio: rate !== null && best[s] > 0 ? rate / best[s] : null,
            p: withRate ? (audit.get(`${group}\u0000${value}\u0000${stage}`)?.p ?? null) : null,
          };
        }),
      })),
    };
  });
}
