// Plain data for the deliberation pages, shared by the secretariat's and the jury's routes.
import type { TallyApp, TallyJuror } from "../domain/tally";
import type { OutcomeRow } from "../components/outcome";
import {
  ballotStatus,
  deliberationOutcome,
  getDecisionRow,
  getDeliberation,
  shortlistFor,
} from "../models/deliberation.server";
import { conflictedApplicationIds, getEditionBrief, listJurors } from "../models/results.server";
import { chairMayCast, getTieBreak, tieBreakOutcome } from "../models/tie-break.server";
import { runoffCandidatesFor, runoffVoters } from "../models/tie-break-votes.server";
import { tallyOf, tieBreakViewOf } from "./tally-view.server";
import { isLocale, translate } from "../../kernel/i18n";
import { catalogues } from "../../kernel/i18n/locale.server";
import { tallyMinutes } from "../domain/tally";

/** The rule fixed before the ballot opens, as the secretariat sees it before opening. */
export function tieBreakChoice({ editionId }: { editionId: string }) {
  const row = getTieBreak({ editionId });
  return row ? { rule: row.rule, commitment: row.commitment, chosenAt: row.chosenAt.getTime() } : null;
}

export function deliberationView({
  editionId,
  memberId,
  names,
  voters = names ? "names" : "letters",
}: {
  editionId: string;
  memberId?: string;
  /** Jurors named in the tally and the tie-break (the secretariat), else by letter. */
  names: boolean;
  /**
   * Who has voted: by name, in name order, with no letter (the chair, who chases the missing
   * ballots: a name beside the tally's letter would say whose ballot each letter is); by letter;
   * or not at all (a juror, who has no one to chase).
   */
  voters?: "names" | "letters" | "none";
}) {
  const deliberation = getDeliberation({ editionId });
  const edition = getEditionBrief({ editionId });
  if (!deliberation || !edition) return null;
  const shortlist = shortlistFor({ editionId, deliberation, memberId });
  const byId = new Map(shortlist.map((a) => [a.id, a]));
  const jurorRows = listJurors({ editionId });
  const jurors = new Map(jurorRows.map((j) => [j.id, j]));
  const labels = new Map<string, TallyJuror>(
    jurorRows.map((j) => [j.id, { name: names ? j.name : null, letter: j.letter }]),
  );
  const runoffVoted = runoffVoters({ editionId });
  const status = (voters === "none" ? [] : ballotStatus({ editionId })).map((s) => {
    const j = jurors.get(s.memberId);
    return {
      label: voters === "names" ? (j?.name ?? "?") : null,
      letter: voters === "letters" || names ? (j?.letter ?? "?") : null,
      isChair: s.isChair,
      voted: s.votedAt !== null,
      runoffVoted: runoffVoted.has(s.memberId),
      self: s.memberId === memberId,
    };
  });
  if (voters === "names" && !names) status.sort((a, b) => (a.label ?? "").localeCompare(b.label ?? ""));
  const o = deliberationOutcome({ editionId });
  const decided = !!getDecisionRow({ editionId })?.decidedAt;
  const tb = o
    ? tieBreakOutcome({
        editionId,
        outcome: o,
        laureates: edition.laureateCount,
        closed: deliberation.closedAt !== null,
        decided,
      })
    : null;
  const hidden = memberId ? conflictedApplicationIds({ memberId }) : new Set<string>();
  const visible = new Map<string, TallyApp>(
    shortlist.filter((a) => !hidden.has(a.id)).map((a) => [a.id, { id: a.id, reference: a.reference, title: a.title }]),
  );
  const references = new Map(
    shortlistFor({ editionId, deliberation }).map((a) => [a.id, a.reference] as [string, string]),
  );
  const tieBreak = tb ? tieBreakViewOf({ tb, visible, jurors: labels, references }) : null;
  let outcome = null;
  let tally = null;
  if (deliberation.closedAt && o) {
    const order = tb?.order ?? o.order;
    // A juror's conflicts keep their place in the order, withheld: renumbering the rest around
    // them would show a juror (the chair recommending, say) a first place the vote did not give.
    const rows: OutcomeRow[] = [];
    order.forEach((id, index) => {
      const counts = {
        position: index + 1,
        wins: o.wins[id] ?? 0,
        borda: Math.round((o.borda[id] ?? 0) * 1000) / 1000,
      };
      if (hidden.has(id)) rows.push({ id: "", reference: "", title: "", withheld: true, ...counts });
      else if (visible.has(id))
        rows.push({ id, reference: byId.get(id)!.reference, title: byId.get(id)!.title, withheld: false, ...counts });
    });
    outcome = {
      ballots: o.ballots,
      rows,
      withheldPlaces: rows.filter((r) => r.withheld && r.position <= edition.laureateCount).map((r) => r.position),
    };
    tally = tallyOf({ counted: o, order, visible, jurors: labels });
  }
  // The chair's casting vote, offered to the chair only, on a tie they may judge.
  const cast =
    memberId &&
    tb?.status === "awaiting_cast" &&
    tb.tie &&
    chairMayCast({ editionId, tie: tb.tie }).chairId === memberId
      ? { places: tb.tie.places, apps: tb.tie.tied.filter((id) => visible.has(id)).map((id) => visible.get(id)!) }
      : null;
  const runoffRow = runoffCandidatesFor({ editionId, memberId });
  const runoff = runoffRow
    ? {
        open: runoffRow.open && !decided,
        voters: runoffVoted.size,
        apps: runoffRow.candidates.filter((id) => visible.has(id)).map((id) => visible.get(id)!),
      }
    : null;
  return {
    closed: deliberation.closedAt !== null,
    decided,
    openedAt: deliberation.openedAt.getTime(),
    shortlist,
    // How many of the shortlist this viewer's conflicts keep from them (by count, never which).
    withheld: deliberation.shortlist.length - shortlist.length,
    status,
    outcome,
    tally,
    tieBreak,
    cast,
    runoff,
  };
}

/**
 * The tally in words for the minutes, in the chair's language: every application and every juror
 * (by letter), whoever the chair is in conflict with. The ballot page and the demo's seed write it.
 */
export function minutesTallyOf(editionId: string, locale: string): string | null {
  const view = deliberationView({ editionId, names: false });
  if (!view?.tally) return null;
  const language = isLocale(locale) ? locale : "en";
  const t = (key: string, vars?: Record<string, string | number>) =>
    translate(catalogues[language], key, vars, language);
  return tallyMinutes(Object.assign(t, { locale: language }), view.tally, view.tieBreak);
}
