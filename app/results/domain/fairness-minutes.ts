// The fairness audit in words, for the jury's report to the Director-General: for each group the
// audit has, whether a stage flagged one of its values, as the integrity page flags it (an impact
// ratio under four-fifths, marked *), with the rates and Fisher's p; or that none was. Read from
// the published tables only, so no count under five, nor a rate that would give one away, can
// appear. Pure: the route writes the words in the chair's language, and they are kept beside the
// minutes like the tally.
import { formatList, formatNumber, type Locale, type Vars } from "../../kernel/i18n";
import { FAIRNESS_STAGES, type FairnessGroup, type FairnessStage, type FairnessTable } from "./integrity";

type Translate = (key: string, vars?: Vars) => string;

/** The four-fifths rule: an impact ratio under this, as the page shows it (two decimals), is flagged. */
export const FOUR_FIFTHS = 0.8;

export function belowFourFifths(ratio: number | null): boolean {
  return ratio !== null && Math.round(ratio * 100) / 100 < FOUR_FIFTHS;
}

export interface FairnessMinutesInput {
  /** Applications audited. */
  applications: number;
  stages: FairnessStage[];
  tables: FairnessTable[];
  /** Fewest applications a published count may describe. */
  minCell: number;
}

export interface FairnessFlag {
  group: FairnessGroup;
  stage: FairnessStage;
  value: string;
  rate: number;
  /** The best rate shown at that stage for that group, the one the impact ratio is taken against. */
  best: number;
  impactRatio: number;
  p: number | null;
}

/**
 * Every flagged cell of the tables, group by group in the audit's order and stage by stage, up to
 * `through` (later stages are left out: the jury's report is written before its own
 * recommendation counts as a stage). Only cells whose rate is shown can be flagged: a hidden one
 * has none.
 */
export function fairnessFlags(tables: FairnessTable[], through?: FairnessStage): FairnessFlag[] {
  const last = through ? FAIRNESS_STAGES.indexOf(through) : FAIRNESS_STAGES.length - 1;
  const flags: FairnessFlag[] = [];
  for (const table of tables)
    table.stages.forEach((stage, s) => {
      if (FAIRNESS_STAGES.indexOf(stage) > last) return;
      const best = Math.max(0, ...table.values.map((v) => v.cells[s]?.rate ?? 0));
      for (const v of table.values) {
        const c = v.cells[s];
        if (!c || c.rate === null || !belowFourFifths(c.impactRatio)) continue;
        flags.push({
          group: table.group,
          stage,
          value: v.value,
          rate: c.rate,
          best,
          impactRatio: c.impactRatio!,
          p: c.p,
        });
      }
    });
  return flags;
}

/**
 * The summary for the minutes: what was audited and how a group is flagged, then one line per
 * group (each flag, or that none of its values was flagged, or that it had too few applications
 * to judge), then how many flags there were, or that no group was flagged at any stage. Groups are
 * named by `integrity.attribute.<group>` and values by `label`, so a group the audit gains is
 * summarised as it stands.
 */
export function fairnessMinutes(
  t: Translate,
  locale: Locale,
  audit: FairnessMinutesInput,
  label: (group: FairnessGroup, value: string) => string,
  through?: FairnessStage,
): string {
  const last = through ? FAIRNESS_STAGES.indexOf(through) : FAIRNESS_STAGES.length - 1;
  const stages = audit.stages.filter((s) => FAIRNESS_STAGES.indexOf(s) <= last);
  const lines = [t("integrity.minutes_heading")];
  if (audit.applications === 0 || stages.length < 2 || audit.tables.length === 0) {
    lines.push(t("integrity.minutes_nothing"));
    return lines.join("\n");
  }
  const stageName = (stage: FairnessStage) => t(`integrity.stage.${stage}`);
  const pct = (v: number) => formatNumber(v, locale, { style: "percent", maximumFractionDigits: 0 });
  lines.push(
    t("integrity.fairness_count", { count: audit.applications }),
    t("integrity.minutes_stages", { stages: formatList(stages.map(stageName), locale) }),
    t("integrity.minutes_rule", { min: audit.minCell }),
  );
  const flags = fairnessFlags(audit.tables, through);
  for (const table of audit.tables) {
    const group = t(`integrity.attribute.${table.group}`);
    const own = flags.filter((f) => f.group === table.group);
    const judged = table.values.some((v) =>
      v.cells.some((c, s) => c.rate !== null && stages.includes(table.stages[s])),
    );
    if (own.length === 0)
      lines.push(`- ${t(judged ? "integrity.minutes_group_clean" : "integrity.minutes_group_unjudged", { group })}`);
    for (const f of own)
      lines.push(
        `- ${t("integrity.minutes_flagged", {
          group,
          stage: stageName(f.stage),
          value: label(table.group, f.value),
          rate: pct(f.rate),
          best: pct(f.best),
          ratio: formatNumber(f.impactRatio, locale, { maximumFractionDigits: 2 }),
          p: f.p === null ? "—" : formatNumber(f.p, locale, { maximumSignificantDigits: 2 }),
        })}`,
      );
  }
  lines.push(
    t(flags.length === 0 ? "integrity.minutes_clean" : "integrity.minutes_flagged_count", { count: flags.length }),
  );
  return lines.join("\n");
}
