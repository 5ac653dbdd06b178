// Plain data for the deliberation pages, shared by the secretariat's and the jury's routes.
import { ballotStatus, deliberationOutcome, getDeliberation, shortlistFor } from "../models/deliberation.server";
import { conflictedApplicationIds, listJurors } from "../models/results.server";

export function deliberationView({
  editionId,
  memberId,
  names,
}: {
  editionId: string;
  memberId?: string;
  names: boolean;
}) {
  const deliberation = getDeliberation({ editionId });
  if (!deliberation) return null;
  const shortlist = shortlistFor({ editionId, deliberation, memberId });
  const byId = new Map(shortlist.map((a) => [a.id, a]));
  const jurors = new Map(listJurors({ editionId }).map((j) => [j.id, j]));
  const status = ballotStatus({ editionId }).map((s) => {
    const j = jurors.get(s.memberId);
    return {
      label: names ? (j?.name ?? "?") : null,
      letter: j?.letter ?? "?",
      isChair: s.isChair,
      voted: s.votedAt !== null,
      self: s.memberId === memberId,
    };
  });
  let outcome = null;
  if (deliberation.closedAt) {
    const o = deliberationOutcome({ editionId });
    const hidden = memberId ? conflictedApplicationIds({ memberId }) : new Set<string>();
    if (o)
      outcome = {
        ballots: o.ballots,
        rows: o.order
          .filter((id) => !hidden.has(id) && byId.has(id))
          .map((id) => ({
            id,
            reference: byId.get(id)!.reference,
            title: byId.get(id)!.title,
            wins: o.wins[id] ?? 0,
            borda: Math.round((o.borda[id] ?? 0) * 1000) / 1000,
          })),
      };
  }
  return {
    closed: deliberation.closedAt !== null,
    openedAt: deliberation.openedAt.getTime(),
    shortlist,
    status,
    outcome,
  };
}
