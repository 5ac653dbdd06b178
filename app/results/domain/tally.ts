// The tally of the jury's vote as plain data, and its reading in words: the deliberation and
// ballot pages show it (with the two matrices as tables) and the chair's recommendation keeps the
// same words in the minutes. Pure: the pages and the server share it.
import type { TieBreakRule } from "../../../db/enums";
import { formatList, type ListStyle, type Locale, type Vars } from "../../kernel/i18n";

/** The translation function, with the language it answers in (for its lists). */
type Translate = ((key: string, vars?: Vars) => string) & { locale: Locale };

export interface TallyApp {
  id: string;
  reference: string;
  title: string;
}

/** A juror as the viewer may know them: by name (secretariat) or by letter (jurors). */
export interface TallyJuror {
  name: string | null;
  letter: string;
}

export interface Tally {
  ballots: number;
  /** In the order of the vote (the cut-off tie settled). */
  apps: TallyApp[];
  /** pairwise[i][j]: jurors who ranked apps[i] above apps[j]; null when no ballot ranked two. */
  pairwise: number[][] | null;
  /** paths[i][j]: strength of the strongest chain of wins from apps[i] to apps[j]. */
  paths: number[][] | null;
  exclusions: { juror: TallyJuror; references: string[]; comparisons: number }[];
}

export type TieBreakStatus = "ballot_open" | "no_tie" | "awaiting_cast" | "runoff_open" | "settled" | "unsettled";

export interface TieBreakView {
  rule: TieBreakRule;
  commitment: string;
  chosenAt: number;
  seed: string | null;
  /** The server recomputed SHA-256(seed) and found the commitment. */
  seedChecked: boolean;
  status: TieBreakStatus;
  tie: { references: string[]; count: number; places: number } | null;
  settledBy: TieBreakRule | null;
  fallback: "chair_conflicted" | "no_chair" | "runoff_tied" | null;
  winners: string[];
  lottery: { reference: string; ticket: string }[] | null;
  runoff: { ballots: number; open: boolean; tally: Tally | null } | null;
}

export const RULE_LABEL: Record<TieBreakRule, string> = {
  jury: "deliberation.tie_break_rule_jury",
  chair: "deliberation.tie_break_rule_chair",
  lottery: "deliberation.tie_break_rule_lottery",
};

/**
 * How many comparisons a juror misses when they may not judge `excluded` of `total` applications:
 * every pair with at least one of them.
 */
export function missedComparisons(excluded: number, total: number): number {
  return excluded * (total - excluded) + (excluded * (excluded - 1)) / 2;
}

/** A name as shown: the pages pass shownPseudonym (an erased juror in the reader's language). */
type Named = (name: string) => string;

/**
 * Who took no part, as the viewer may read it: a name for the secretariat; for a juror, no letter.
 * A juror's conflicts follow from public facts (most are by country), so "Juror C took no part
 * in the comparisons of the French application" would tell every juror who Juror C is, and
 * with it C's scores and leniency in the results (decision 065).
 */
export function jurorLabel(t: Translate, juror: TallyJuror, named: Named = (name) => name): string {
  return juror.name !== null ? named(juror.name) : t("deliberation.a_juror");
}

const list = (t: Translate, items: string[], style: ListStyle = "plain") => formatList(items, t.locale, style);

/** The exclusions in words, one sentence per juror. */
export function exclusionSentences(t: Translate, tally: Tally, named?: Named): string[] {
  if (tally.exclusions.length === 0) return [t("deliberation.tally_no_exclusion")];
  return tally.exclusions.map((e) =>
    t("deliberation.tally_excluded", {
      juror: jurorLabel(t, e.juror, named),
      references: list(t, e.references, "and"),
      count: e.comparisons,
    }),
  );
}

/** What the tie-break did, in words: the tie found, how it was (or will be) settled, who takes the places. */
export function tieBreakSentences(t: Translate, tb: TieBreakView): string[] {
  if (tb.status === "ballot_open") return [t("deliberation.tie_break_ballot_open")];
  if (tb.status === "no_tie" || !tb.tie) return [t("deliberation.tie_break_no_tie")];
  const out = [
    t("deliberation.tie_break_tie", { count: tb.tie.count, references: list(t, tb.tie.references, "and") }),
    t("deliberation.tie_break_places", { count: tb.tie.places }),
  ];
  if (tb.status === "awaiting_cast") out.push(t("deliberation.tie_break_awaiting_cast"));
  else if (tb.status === "runoff_open") out.push(t("deliberation.tie_break_runoff_open"));
  else if (tb.status === "unsettled") out.push(t("deliberation.tie_break_unsettled"));
  else {
    if (tb.fallback === "chair_conflicted" || tb.fallback === "no_chair")
      out.push(t(`deliberation.tie_break_fallback_${tb.fallback}`));
    if (tb.settledBy === "chair") out.push(t("deliberation.tie_break_by_chair"));
    // A run-off that tied again did not settle it: it was held, and the lottery settled it.
    if (tb.settledBy === "jury")
      out.push(
        t(tb.fallback === "runoff_tied" ? "deliberation.tie_break_runoff_held" : "deliberation.tie_break_by_runoff", {
          ballots: tb.runoff?.ballots ?? 0,
        }),
      );
    if (tb.fallback === "runoff_tied") out.push(t("deliberation.tie_break_fallback_runoff_tied"));
    if (tb.lottery) out.push(t("deliberation.tie_break_by_lottery"));
    out.push(t("deliberation.tie_break_winners", { references: list(t, tb.winners, "and") }));
  }
  return out;
}

function matrixLines(t: Translate, tally: Tally): string[] {
  if (!tally.pairwise || !tally.paths) return [];
  const lines = [t("deliberation.minutes_pairs")];
  tally.apps.forEach((a, i) =>
    tally.apps.forEach((b, j) => {
      if (j <= i) return;
      lines.push(
        `- ${t("deliberation.minutes_pair", {
          a: a.reference,
          b: b.reference,
          ab: tally.pairwise![i][j],
          ba: tally.pairwise![j][i],
          pab: tally.paths![i][j],
          pba: tally.paths![j][i],
        })}`,
      );
    }),
  );
  return lines;
}

/**
 * The tally and the tie-break in words, for the minutes: the order of the vote, every pair's
 * counts and strongest chains, the exclusions, the rule with its commitment and seed, and what the
 * rule did.
 */
export function tallyMinutes(t: Translate, tally: Tally, tb: TieBreakView | null): string {
  const lines = [
    t("deliberation.minutes_tally_heading"),
    t("results.outcome_help", { ballots: tally.ballots }),
    t("deliberation.minutes_order", {
      references: list(
        t,
        tally.apps.map((a) => a.reference),
      ),
    }),
    ...matrixLines(t, tally),
    ...exclusionSentences(t, tally),
  ];
  if (!tb) lines.push(t("deliberation.tie_break_none"));
  else {
    lines.push(t("deliberation.minutes_rule", { rule: t(RULE_LABEL[tb.rule]) }));
    lines.push(t("deliberation.minutes_commitment", { commitment: tb.commitment }));
    if (tb.seed) lines.push(t("deliberation.minutes_seed", { seed: tb.seed }));
    lines.push(...tieBreakSentences(t, tb));
    for (const ticket of tb.lottery ?? [])
      lines.push(`- ${t("deliberation.minutes_ticket", { reference: ticket.reference, ticket: ticket.ticket })}`);
    if (tb.runoff?.tally) {
      lines.push(t("deliberation.runoff_tally_title"));
      lines.push(...matrixLines(t, tb.runoff.tally), ...exclusionSentences(t, tb.runoff.tally));
    }
  }
  return lines.join("\n");
}
