// The demo's jury at work: the secretariat's screening, the conflicts register, the assignment
// of three jurors to each eligible application, and the reviews more than half done.
import { organisationDomain } from "../../app/jury/models/conflict-detection.server";
import type { assignments, conflicts, screeningDecisions } from "../../db/schema";
import { addUser, band, clamp, type Seeding } from "./demo-build";
import {
  DAY,
  DEMO_CRITERIA,
  DEMO_RULES,
  HOUR,
  JURY_APPOINTED,
  plus,
  SCORING_OPENS,
  SCREENING_STARTS,
  utc,
} from "./demo-edition";
import { ENTITIES, JURORS } from "./demo-people";
import type { AppDraft } from "./demo-applications";
import { FAIL_EVIDENCE, OVERALL_COMMENTS, PASS_EVIDENCE, REVIEW_COMMENTS } from "./demo-texts";

/** The five jurors' memberships (each a new user), in the order of JURORS. */
export function juryRows(s: Seeding) {
  const { editionId } = s;
  return JURORS.map((j) => ({
    id: crypto.randomUUID(),
    editionId,
    userId: addUser(s, j.name, j.email, j.locale, JURY_APPOINTED),
    isChair: j.isChair,
    country: j.country,
    languages: j.languages,
    expertise: j.expertise,
    conflictsDeclaredAt: j.conflictsDeclaredAt,
    createdAt: JURY_APPOINTED,
  }));
}
export type JurorRow = ReturnType<typeof juryRows>[number];

/** The secretariat's pass or fail on every rule for the eligible and ineligible applications. */
export function screen(s: Seeding, apps: AppDraft[]): (typeof screeningDecisions.$inferInsert)[] {
  const { rng, secretariatId } = s;
  const screeningRows: (typeof screeningDecisions.$inferInsert)[] = [];
  const screened = apps.filter((a) => a.plan.state === "eligible" || a.plan.state === "ineligible");
  screened
    .sort((x, y) => x.reference.localeCompare(y.reference))
    .forEach((a, i) => {
      const decidedAt = plus(SCREENING_STARTS, Math.floor(i / 3) * DAY + (i % 3) * 2 * HOUR + HOUR);
      for (const rule of DEMO_RULES) {
        const fails = a.plan.fails === rule.key;
        screeningRows.push({
          applicationId: a.id,
          ruleKey: rule.key,
          outcome: fails ? "fail" : "pass",
          evidence: fails ? FAIL_EVIDENCE[rule.key] : rng.pick(PASS_EVIDENCE[rule.key]),
          decidedBy: secretariatId,
          decidedAt,
        });
      }
      // As the app writes a screening's outcome (screening.server.ts): it tells what an applicant was told.
      const failed = DEMO_RULES.filter((rule) => a.plan.fails === rule.key).map((rule) => rule.key);
      s.audits.push({
        actorId: secretariatId,
        action: failed.length > 0 ? "application.ineligible" : "application.eligible",
        objectType: "application",
        objectId: a.id,
        details: { from: "nominated", failed },
        at: plus(decidedAt, 5 * 60_000),
      });
    });
  return screeningRows;
}

/** The conflicts register, and the juror–application pairs it rules out ("jurorId:applicationId"). */
export function findConflicts(
  s: Seeding,
  apps: AppDraft[],
  jurorRows: JurorRow[],
): { conflictRows: (typeof conflicts.$inferInsert)[]; inConflict: Set<string> } {
  const { editionId, secretariatId } = s;
  const conflictRows: (typeof conflicts.$inferInsert)[] = [];
  const inConflict = new Set<string>();
  const nominatedApps = apps.filter((a) => a.nominatedAt).sort((x, y) => x.reference.localeCompare(y.reference));
  // Detection was run once screening began and the secretariat confirmed what it found on
  // the projects' countries; what it found on the nominating entities' countries (a juror
  // from the country of the commission that nominated a foreign project) is still a
  // proposal, as a secretariat would leave it before looking closer. Running detection on
  // the demo therefore finds nothing new.
  const CONFIRMED_AT = plus(SCREENING_STARTS, 2 * 60 * 60_000);
  for (const a of nominatedApps) {
    const entityCountry = ENTITIES.find((e) => e.key === a.plan.entity)?.country ?? null;
    for (const j of jurorRows) {
      if (j.country === a.country.code) {
        conflictRows.push({
          editionId,
          jurorId: j.id,
          applicationId: a.id,
          source: "same_country",
          reason: j.country,
          createdBy: secretariatId,
          createdAt: SCREENING_STARTS,
          status: "confirmed",
          confirmedBy: secretariatId,
          confirmedAt: CONFIRMED_AT,
        });
        inConflict.add(`${j.id}:${a.id}`);
      } else if (a.plan.state === "eligible") {
        const domain = organisationDomain(JURORS[jurorRows.indexOf(j)].email);
        const found: ["same_country" | "same_organisation", string] | null =
          j.country === entityCountry
            ? ["same_country", j.country]
            : domain && domain === organisationDomain(a.applicantEmail)
              ? ["same_organisation", domain]
              : null;
        if (found)
          conflictRows.push({
            editionId,
            jurorId: j.id,
            applicationId: a.id,
            source: found[0],
            reason: found[1],
            createdBy: secretariatId,
            createdAt: SCREENING_STARTS,
            status: "proposed",
          });
      }
    }
  }
  for (const c of conflictRows) {
    c.id = crypto.randomUUID();
    const details = {
      editionId,
      jurorId: c.jurorId,
      applicationId: c.applicationId,
      source: c.source,
      reason: c.reason,
    };
    s.audits.push({
      actorId: secretariatId,
      action: "conflict.proposed",
      objectType: "conflict",
      objectId: c.id,
      details: { ...details, status: "proposed" },
      at: SCREENING_STARTS,
    });
    if (c.status === "confirmed")
      s.audits.push({
        actorId: secretariatId,
        action: "conflict.confirmed",
        objectType: "conflict",
        objectId: c.id,
        details,
        at: CONFIRMED_AT,
      });
  }
  const declaring = JURORS.findIndex((j) => j.name === "Sofía Ramírez Castillo");
  for (const a of nominatedApps.filter((x) => x.plan.declaredConflict)) {
    const j = jurorRows[declaring];
    conflictRows.push({
      editionId,
      jurorId: j.id,
      applicationId: a.id,
      source: "declared",
      reason: "I advised the project team on the design of its impact evaluation in 2022.",
      createdBy: j.userId,
      createdAt: JURORS[declaring].conflictsDeclaredAt,
    });
    inConflict.add(`${j.id}:${a.id}`);
    s.audits.push({
      actorId: j.userId,
      action: "conflict.declared",
      objectType: "application",
      objectId: a.id,
      details: { reference: a.reference, jurorId: j.id },
      at: JURORS[declaring].conflictsDeclaredAt,
    });
  }
  return { conflictRows, inConflict };
}

type AssignmentRow = typeof assignments.$inferInsert & { id: string; jurorId: string; applicationId: string };

/** Applications on which the suspicious pair (JurorSeed.copies) sit together, all their reviews submitted. */
export const PAIRED_APPLICATIONS = 6;

/** The suspicious pair's rows: the juror copied, then the juror who copies. */
function suspiciousPair(jurorRows: JurorRow[]): [JurorRow, JurorRow] {
  const copier = JURORS.findIndex((j) => j.copies);
  const copied = JURORS.findIndex((j) => j.name === JURORS[copier].copies);
  return [jurorRows[copied], jurorRows[copier]];
}

/**
 * k jurors per eligible application, no conflicts, languages matched, loads balanced; the most
 * constrained applications are placed first. Returns the eligible applications in that order,
 * and those of the first PAIRED_APPLICATIONS where the suspicious pair could both sit, which
 * they do.
 */
export function assign(
  s: Seeding,
  apps: AppDraft[],
  jurorRows: JurorRow[],
  inConflict: Set<string>,
  k: number,
): { eligible: AppDraft[]; assignmentRows: AssignmentRow[]; paired: Set<string> } {
  const { rng, editionId, secretariatId } = s;
  const load = new Map(jurorRows.map((j) => [j.id, 0]));
  const candidatesFor = (a: AppDraft) =>
    jurorRows.filter((j) => !inConflict.has(`${j.id}:${a.id}`) && j.languages.includes(a.language));
  const eligible = apps
    .filter((a) => a.plan.state === "eligible")
    .sort((x, y) => candidatesFor(x).length - candidatesFor(y).length || x.reference.localeCompare(y.reference));
  const pair = suspiciousPair(jurorRows);
  // The pair sits on the close race's applications first: their reviews are all submitted anyway,
  // and on an edition of eleven eligible applications two disjoint sets of fully scored ones would
  // leave little scoring still to do.
  const paired = new Set(
    eligible
      .filter((a) => pair.every((j) => candidatesFor(a).includes(j)))
      .sort((x, y) => Number(Boolean(y.plan.race)) - Number(Boolean(x.plan.race)))
      .slice(0, PAIRED_APPLICATIONS)
      .map((a) => a.id),
  );
  const assignmentRows: AssignmentRow[] = [];
  for (const a of eligible) {
    const all = candidatesFor(a);
    const together = paired.has(a.id);
    const candidates = [
      ...(together ? pair.map((j) => ({ j })) : []),
      ...all
        .filter((j) => !together || !pair.includes(j))
        .map((j) => ({ j, tie: rng.float() }))
        .sort((x, y) => load.get(x.j.id)! - load.get(y.j.id)! || x.tie - y.tie),
    ].slice(0, k);
    if (candidates.length < k) throw new Error(`demo: only ${candidates.length} jurors can review ${a.reference}`);
    for (const { j } of candidates) {
      load.set(j.id, load.get(j.id)! + 1);
      assignmentRows.push({
        id: crypto.randomUUID(),
        editionId,
        jurorId: j.id,
        applicationId: a.id,
        createdBy: secretariatId,
        createdAt: utc("2024-02-19T15:00:00Z"),
        publishedAt: SCORING_OPENS,
      });
    }
  }
  assignmentRows.sort((x, y) => {
    const ax = apps.find((a) => a.id === x.applicationId)!.reference;
    const ay = apps.find((a) => a.id === y.applicationId)!.reference;
    return (
      ax.localeCompare(ay) ||
      jurorRows.findIndex((j) => j.id === x.jurorId) - jurorRows.findIndex((j) => j.id === y.jurorId)
    );
  });
  s.audits.push({
    actorId: secretariatId,
    action: "assignments.published",
    objectType: "edition",
    objectId: editionId,
    details: { assignments: assignmentRows.length, reviewersPerApplication: k },
    at: SCORING_OPENS,
  });
  return { eligible, assignmentRows, paired };
}

/**
 * The reviews: about three in five submitted (every review of the applications the suspicious
 * pair share among them), a fifth in draft, the rest not started. On those applications the
 * juror who copies gives the other's scores, one point lower.
 */
export function review(
  s: Seeding,
  eligible: AppDraft[],
  assignmentRows: AssignmentRow[],
  jurorRows: JurorRow[],
  scale: { scaleMin: number; scaleMax: number },
  paired: Set<string>,
) {
  const { rng } = s;
  // The race of the plan: a clear leader, two contenders of equal quality just above the rest.
  const RACE_QUALITY = { leader: 8.4, contender: 7.4 };
  const race = new Map(eligible.filter((a) => a.plan.race).map((a) => [a.id, a.plan.race!]));
  const quality = new Map(
    eligible.map((a) => {
      const drawn = 4 + rng.float() * 3;
      const planned = race.get(a.id);
      return [a.id, planned ? RACE_QUALITY[planned] : drawn];
    }),
  );
  // The race's applications are as strong on every criterion, so that only the jurors tell them apart.
  const criterionOffset = new Map(
    eligible
      .map((a) => DEMO_CRITERIA.map(() => (rng.float() - 0.5) * 2).map((offset) => (race.has(a.id) ? 0 : offset)))
      .map((offsets, i) => [eligible[i].id, offsets]),
  );
  const inPair = (i: number) => paired.has(assignmentRows[i].applicationId);
  // A stable sort: the pair's applications first, each group in the shuffled order.
  const order = rng.shuffle(assignmentRows.map((_, i) => i)).sort((x, y) => Number(inPair(y)) - Number(inPair(x)));
  const submittedCount = Math.max(
    assignmentRows.filter((_, i) => inPair(i)).length,
    Math.round(assignmentRows.length * 0.6),
  );
  const draftCount = Math.round(assignmentRows.length * 0.2);
  const stateOf = new Map<number, "submitted" | "draft" | "assigned">();
  order.forEach((i, rank) =>
    stateOf.set(i, rank < submittedCount ? "submitted" : rank < submittedCount + draftCount ? "draft" : "assigned"),
  );
  // The race's reviews are all submitted: each one that is not swaps state with another's that is.
  const inRace = (i: number) => race.has(assignmentRows[i].applicationId);
  for (const i of order.filter((i) => inRace(i) && stateOf.get(i) !== "submitted")) {
    // Never one of the colluding pair's: their reviews are all submitted too.
    const other = order.find((k) => !inRace(k) && !inPair(k) && stateOf.get(k) === "submitted")!;
    stateOf.set(other, stateOf.get(i)!);
    stateOf.set(i, "submitted");
  }

  const [copied, copier] = suspiciousPair(jurorRows);
  const copiedScores = new Map<string, Record<string, number>>();
  return assignmentRows.map((as, i) => {
    const state = stateOf.get(i)!;
    const juror = JURORS[jurorRows.findIndex((j) => j.id === as.jurorId)];
    // Rows come in the order of JURORS within an application: the copied juror's scores are known.
    const copying = as.jurorId === copier.id && paired.has(as.applicationId);
    const score = (c: number) =>
      copying
        ? clamp(copiedScores.get(as.applicationId)![DEMO_CRITERIA[c].key] - 1, scale.scaleMin, scale.scaleMax)
        : clamp(
            Math.round(
              quality.get(as.applicationId)! +
                criterionOffset.get(as.applicationId)![c] +
                juror.leniency +
                (rng.float() - 0.5) * 1.6,
            ),
            scale.scaleMin,
            scale.scaleMax,
          );
    const base = {
      assignmentId: as.id,
      jurorId: as.jurorId,
      applicationId: as.applicationId,
      state,
      scores: {} as Record<string, number>,
      comments: {} as Record<string, string>,
      overallComment: "",
      confidence: null as number | null,
      version: 1,
      submittedAt: null as Date | null,
      updatedAt: null as Date | null,
    };
    if (state === "assigned") return base;
    const scored = state === "submitted" ? DEMO_CRITERIA.length : rng.int(1, 3);
    DEMO_CRITERIA.slice(0, scored).forEach((c, ci) => {
      const points = score(ci);
      base.scores[c.key] = points;
      if (state === "submitted" || ci === 0) base.comments[c.key] = REVIEW_COMMENTS[c.key][band(points)];
    });
    if (as.jurorId === copied.id) copiedScores.set(as.applicationId, base.scores);
    const updatedAt = plus(SCORING_OPENS, rng.int(1, 20) * DAY + rng.int(0, 10) * HOUR);
    base.updatedAt = updatedAt;
    if (state === "draft") {
      base.version = 2;
      return base;
    }
    const mean = Object.values(base.scores).reduce((sum, points) => sum + points, 0) / DEMO_CRITERIA.length;
    base.overallComment = rng.pick(OVERALL_COMMENTS[band(Math.round(mean))]);
    base.confidence = rng.int(2, 5);
    base.version = 3;
    base.submittedAt = updatedAt;
    return base;
  });
}
