// What the secretariat's home shows first: for each edition in progress, where it stands, its
// next date, what waits for the secretariat (each count links to the page that handles it) and
// the page of the next step. Reads only; every count is one SQL query per edition.
import type { Phase } from "../../../db/enums";
import { listActiveEditions } from "../models/edition.server";
import { awaitingScreening, screeningLocked } from "../../nominations/models/screening.server";
import { pendingProposals } from "../../jury/models/conflicts.server";
import { lateJurorCount } from "../../jury/models/progress.server";
import { assignmentCounts } from "../../jury/models/assignment-overview.server";
import { getDecisionRow } from "../../results/models/deliberation.server";
import { failingMailCount } from "../../kernel/models/outbox.server";

type ActiveEdition = ReturnType<typeof listActiveEditions>["rows"][number];

/** The editions in progress the home shows in full; beyond, it links to the list of editions. */
export const HOME_EDITIONS = 3;

/** The dates that matter in each phase, in the order they come. */
const PHASE_DATES: Record<string, (keyof typeof DATE_KEYS)[]> = {
  draft: ["callOpensAt", "deadlineAt"],
  call_open: ["deadlineAt"],
  screening: ["scoringOpensAt", "scoringClosesAt"],
  scoring: ["scoringClosesAt"],
  deliberation: ["announcementAt"],
  decided: ["announcementAt"],
};

/** The name of each date, as the page's message keys end. */
const DATE_KEYS = {
  callOpensAt: "call_opens",
  deadlineAt: "call_closes",
  scoringOpensAt: "scoring_opens",
  scoringClosesAt: "scoring_closes",
  announcementAt: "announcement",
} as const;

export type NextDate = { key: (typeof DATE_KEYS)[keyof typeof DATE_KEYS]; at: number; past: boolean };

/**
 * The first of the phase's dates still to come; when all have passed, the last one, marked past
 * (a call still open after its deadline is worth saying).
 */
export function nextDate(phase: string, dates: Record<keyof typeof DATE_KEYS, Date>, now: Date): NextDate | null {
  const names = PHASE_DATES[phase] ?? [];
  if (names.length === 0) return null;
  const coming = names.find((name) => dates[name].getTime() > now.getTime());
  const name = coming ?? names[names.length - 1];
  return { key: DATE_KEYS[name], at: dates[name].getTime(), past: !coming };
}

export type NextStep = { key: string; to: string };

/** The page where the edition's next step is taken, and the words of its link. */
function nextStep(edition: ActiveEdition, now: Date): NextStep | null {
  const base = `/secretariat/editions/${edition.id}`;
  const phase = edition.phase as Phase;
  if (phase === "draft") return { key: "open_call", to: `${base}/phase?to=call_open` };
  if (phase === "call_open") return { key: "start_screening", to: `${base}/phase?to=screening` };
  if (phase === "screening" || phase === "scoring") {
    const { drafts, published } = assignmentCounts({ editionId: edition.id });
    if (drafts > 0) return { key: "publish_assignment", to: `${base}/assignment` };
    if (published === 0) return { key: "prepare_assignment", to: `${base}/assignment` };
    if (phase === "screening") return { key: "open_scoring", to: `${base}/phase?to=scoring` };
    return now.getTime() > edition.scoringClosesAt.getTime()
      ? { key: "open_deliberation", to: `${base}/deliberation` }
      : { key: "follow_scoring", to: `${base}/progress` };
  }
  if (phase === "deliberation")
    return getDecisionRow({ editionId: edition.id })?.recommendedAt
      ? { key: "record_decision", to: `${base}/decision` }
      : { key: "follow_deliberation", to: `${base}/deliberation` };
  if (phase === "decided") return { key: "see_decision", to: `${base}/decision` };
  return null;
}

/** What waits for the secretariat now, edition by edition, and the e-mails that could not be sent. */
export async function secretariatAttention({ now = new Date() }: { now?: Date } = {}) {
  const active = listActiveEditions({ limit: HOME_EDITIONS });
  // The late jurors are counted from the scoring progress, read in the reading worker: all at once.
  const late = await Promise.all(
    active.rows.map((e) => (e.phase === "scoring" ? lateJurorCount({ editionId: e.id, now }) : 0)),
  );
  const editions = active.rows.map((edition, i) => {
    const { id, phase } = edition;
    // Once the decision is recorded the announcement goes out at its own instant.
    const announcementAt =
      (phase === "decided" && getDecisionRow({ editionId: id })?.announcementAt) || edition.announcementAt;
    return {
      id,
      year: edition.year,
      themeEn: edition.themeEn,
      themeFr: edition.themeFr,
      themeAr: edition.themeAr,
      phase,
      next: nextDate(phase, { ...edition, announcementAt }, now),
      step: nextStep(edition, now),
      screening: screeningLocked(phase) || phase === "draft" ? 0 : awaitingScreening({ editionId: id }),
      conflicts: phase === "draft" ? 0 : pendingProposals({ editionId: id }),
      late: late[i],
    };
  });
  return { editions, more: active.total - editions.length, failingMail: failingMailCount() };
}
