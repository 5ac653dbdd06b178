// The tally and the tie-break as a page may show them: references and titles for ids, jurors by
// name for the secretariat and by letter for jurors, and nothing about an application the
// viewing juror is in conflict with.
import { seedMatchesCommitment } from "../../../scoring";
import { missedComparisons, type Tally, type TallyApp, type TallyJuror, type TieBreakView } from "../domain/tally";
import type { DeliberationOutcome } from "../models/deliberation.server";
import type { RunoffTally, TieBreakOutcome } from "../models/tie-break.server";

type Counted = Pick<DeliberationOutcome, "ballots" | "pairwise" | "strongestPaths" | "excluded">;

/** The tally over the applications the viewer may see, in `order`. */
export function tallyOf({
  counted,
  order,
  visible,
  jurors,
}: {
  counted: Counted;
  order: string[];
  visible: Map<string, TallyApp>;
  jurors: Map<string, TallyJuror>;
}): Tally {
  const apps = order.filter((id) => visible.has(id)).map((id) => visible.get(id)!);
  const matrix = (m: Record<string, Record<string, number>> | null) =>
    m ? apps.map((a) => apps.map((b) => (a.id === b.id ? 0 : (m[a.id]?.[b.id] ?? 0)))) : null;
  const exclusions = counted.excluded
    .map((e) => ({ juror: e.jurorId, ids: e.applicationIds.filter((id) => visible.has(id)) }))
    .filter((e) => e.ids.length > 0)
    .map((e) => ({
      juror: jurors.get(e.juror) ?? { name: null, letter: "?" },
      references: e.ids.map((id) => visible.get(id)!.reference),
      comparisons: missedComparisons(e.ids.length, apps.length),
    }));
  return {
    ballots: counted.ballots,
    apps,
    pairwise: matrix(counted.pairwise),
    paths: matrix(counted.strongestPaths),
    exclusions,
  };
}

function runoffTallyOf(runoff: RunoffTally, visible: Map<string, TallyApp>, jurors: Map<string, TallyJuror>) {
  if (!runoff.result) return null;
  return tallyOf({
    counted: {
      ballots: runoff.ballots,
      pairwise: runoff.result.pairwise,
      strongestPaths: runoff.result.strongestPaths,
      excluded: runoff.excluded,
    },
    order: runoff.result.order,
    visible,
    jurors,
  });
}

/** The tie-break in plain data; references of applications the viewer may not see are left out. */
export function tieBreakViewOf({
  tb,
  visible,
  jurors,
  references,
}: {
  tb: TieBreakOutcome;
  visible: Map<string, TallyApp>;
  jurors: Map<string, TallyJuror>;
  /** Every shortlisted application's reference, to name the lottery's tickets. */
  references: Map<string, string>;
}): TieBreakView {
  const refs = (ids: string[]) => ids.filter((id) => visible.has(id)).map((id) => references.get(id) ?? id);
  const shown = new Set(refs(tb.tie?.tied ?? []));
  return {
    rule: tb.rule,
    commitment: tb.commitment,
    chosenAt: tb.chosenAt.getTime(),
    seed: tb.seed,
    seedChecked: tb.seed !== null && seedMatchesCommitment(tb.seed, tb.commitment),
    status: tb.status,
    tie: tb.tie ? { references: refs(tb.tie.tied), count: tb.tie.tied.length, places: tb.tie.places } : null,
    settledBy: tb.settledBy,
    fallback: tb.fallback,
    winners: refs(tb.winners ?? []),
    lottery:
      tb.lottery?.filter((t) => shown.has(t.reference)).map(({ reference, ticket }) => ({ reference, ticket })) ?? null,
    runoff: tb.runoff
      ? {
          ballots: tb.runoff.ballots,
          open: tb.status === "runoff_open",
          tally: tb.status === "runoff_open" ? null : runoffTallyOf(tb.runoff, visible, jurors),
        }
      : null,
  };
}
