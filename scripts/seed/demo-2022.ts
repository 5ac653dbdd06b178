// The demo's finished 2022 edition, after the 2023 one is in: its call, nominations, screening,
// jury (the demo's five jurors, who served in 2022 too), assignment and reviews are written as
// rows, like 2023's; from the deliberation on, every step goes through the model functions the
// pages' actions call — the ballot opened, the jurors' ballots, the chair closing the vote and
// recommending, the decision with its frozen snapshot, the announcement with its e-mails — so the
// snapshot, its hash and the audit rows are the app's own.
//
// Those functions read the clock; each step runs with the clock set to the instant it happened in
// 2023 (see atInstant), so the edition's history reads as it would have been lived.
import { eq } from "drizzle-orm";
import { closeDb, db } from "../../db/client";
import {
  applications,
  assignments,
  conflicts,
  criteria,
  editions,
  eligibilityRules,
  juryMembers,
  nominatingEntities,
  reviews,
  screeningDecisions,
  userRoles,
  users,
} from "../../db/schema";
import { writeAudit, type AuditEntry } from "../../app/kernel/models/audit.server";
import { recordDecision } from "../../app/results/models/decision.server";
import { announceDue } from "../../app/results/models/announcement.server";
import {
  closeBallot,
  deliberationOutcome,
  openDeliberation,
  recordRecommendation,
  shortlistFor,
  submitBallot,
  getDeliberation,
} from "../../app/results/models/deliberation.server";
import { editionResults, getEditionBrief, type EditionBrief } from "../../app/results/models/results.server";
import { minutesTallyOf } from "../../app/results/server/deliberation-view.server";
import { fairnessMinutesOf } from "../../app/results/server/integrity-page.server";
import { buildContent } from "./demo-applications";
import { band, clamp, Rng, slug } from "./demo-build";
import { country } from "./demo-countries";
import { DEFAULT_CRITERIA } from "../../app/editions/domain/defaults";
import { DAY, DEMO_RULES, HOUR, plus } from "./demo-edition";
import { DOMAIN, ENTITIES, JURORS, SECRETARIAT } from "./demo-people";
import {
  FAIL_EVIDENCE,
  NOMINATOR_COMMENTS,
  OVERALL_COMMENTS,
  PASS_EVIDENCE,
  REVIEW_COMMENTS,
  SECTION_KEYS,
} from "./demo-texts";
import {
  CALL_2022,
  MINUTES_2022,
  PLAN_2022,
  SEED_2022,
  SHORTLIST_2022,
  T22,
  THEME_2022,
  YEAR_2022,
  type Plan22,
} from "./demo-2022-plan";

/**
 * Runs `fn` with the clock (`new Date()`, `Date.now()`) stopped at `at`, so the model functions a
 * seed calls stamp their rows and audit entries with the instant the step happened. Dates made
 * outside stay dates inside (instanceof), so canonical JSON writes them as it always does.
 */
export function atInstant<T>(at: Date, fn: () => T): T {
  const RealDate = stopClock(at);
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** `atInstant` for a step that awaits the results worker (whose own clock this leaves alone). */
export async function atInstantAsync<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  const RealDate = stopClock(at);
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

function stopClock(at: Date): DateConstructor {
  const RealDate = Date;
  const fixed = at.getTime();
  class StoppedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return fixed;
    }
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = StoppedDate as DateConstructor;
  return RealDate;
}

interface App22 {
  id: string;
  reference: string;
  plan: Plan22;
  applicantId: string;
  email: string;
  entityId: string;
  nominatorId: string;
}

export interface Seeded2022 {
  editionId: string;
  laureates: string[];
  snapshotSha256: string;
}

/**
 * Writes the 2022 edition into the demo database at `path` (the 2023 edition, its people and
 * entities already there), through the app's own connection; restores DATABASE_PATH after.
 */
export async function seed2022(path: string, passwordHash: string): Promise<Seeded2022> {
  const previous = process.env.DATABASE_PATH;
  closeDb();
  process.env.DATABASE_PATH = path;
  try {
    const rows = writeRows(passwordHash);
    return await decide(rows);
  } finally {
    closeDb();
    if (previous === undefined) delete process.env.DATABASE_PATH;
    else process.env.DATABASE_PATH = previous;
  }
}

interface Rows {
  editionId: string;
  secretariatId: string;
  chair: { memberId: string; userId: string };
  members: { memberId: string; userId: string }[];
  apps: App22[];
}

function idOf(email: string): string {
  const row = db().select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`demo 2022: no user ${email}`);
  return row.id;
}

/** Everything up to the end of scoring, as rows, with the audit trail in chronological order. */
function writeRows(passwordHash: string): Rows {
  const rng = new Rng(SEED_2022);
  const audits: AuditEntry[] = [];
  const editionId = crypto.randomUUID();
  const secretariatId = idOf(SECRETARIAT.email);
  const entityIds = new Map(
    db()
      .select({ id: nominatingEntities.id, name: nominatingEntities.name })
      .from(nominatingEntities)
      .all()
      .map((e) => [ENTITIES.find((x) => x.name === e.name)!.key, e.id]),
  );
  const audit = (entry: Pick<AuditEntry, "action" | "details" | "at"> & Partial<AuditEntry>) =>
    audits.push({ actorId: secretariatId, objectType: "edition", objectId: editionId, ...entry });

  const edition = {
    id: editionId,
    year: YEAR_2022,
    themeEn: THEME_2022.en,
    themeFr: THEME_2022.fr,
    themeAr: THEME_2022.ar,
    callTextEn: CALL_2022.en,
    callTextFr: CALL_2022.fr,
    phase: "scoring",
    callOpensAt: T22.callOpens,
    deadlineAt: T22.deadline,
    scoringOpensAt: T22.scoringOpens,
    scoringClosesAt: T22.scoringCloses,
    announcementAt: T22.announcement,
    laureateCount: 2,
    quotaPerEntity: 3,
    reviewersPerApplication: 3,
    scaleMin: 1,
    scaleMax: 10,
    method: "jurorBias",
    hideScoresUntilSubmitted: true,
    lockedAt: T22.scoringOpens,
    createdAt: T22.created,
    updatedAt: T22.scoringOpens,
  } satisfies typeof editions.$inferInsert;
  audit({ action: "edition.created", details: { year: YEAR_2022 }, at: T22.created });
  const phases: [string, string, Date][] = [
    ["draft", "call_open", T22.callOpens],
    ["call_open", "screening", T22.screening],
    ["screening", "scoring", T22.scoringOpens],
  ];
  for (const [from, to, at] of phases) audit({ action: "edition.phase_changed", details: { from, to }, at });

  // The applicants: one account each, in the language they chose.
  const usedEmails = new Set(
    db()
      .select({ email: users.email })
      .from(users)
      .all()
      .map((u) => u.email),
  );
  const userRows: (typeof users.$inferInsert)[] = [];
  const apps: App22[] = PLAN_2022.map((plan, index) => {
    let email = `${slug(plan.person).replace(/-/g, ".")}@${DOMAIN}`;
    for (let n = 2; usedEmails.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
    usedEmails.add(email);
    const applicantId = crypto.randomUUID();
    const createdAt = plus(T22.callOpens, (index + 1) * 5 * DAY + rng.int(0, 8) * HOUR);
    userRows.push({ id: applicantId, name: plan.person, email, locale: plan.locale, passwordHash, createdAt });
    const entity = ENTITIES.find((e) => e.key === plan.entity)!;
    return {
      id: crypto.randomUUID(),
      reference: `KH-2022-${String(index + 1).padStart(4, "0")}`,
      plan,
      applicantId,
      email,
      entityId: entityIds.get(plan.entity)!,
      nominatorId: idOf(entity.nominator.email),
    };
  });

  const appRows = apps.map((a, index) => {
    const c = country(a.plan.country);
    const createdAt = userRows[index].createdAt!;
    const sentAt = plus(createdAt, rng.int(10, 30) * DAY);
    const nominated = a.plan.outcome !== "declined";
    const decidedAt = plus(sentAt, rng.int(2, 10) * DAY);
    const content = buildContent(
      rng,
      a.plan.language,
      {
        title: a.plan.title,
        organisation: a.plan.organisation,
        orgType: a.plan.orgType,
        country: c,
        city: rng.pick(c.cities),
        person: a.plan.person,
        email: a.email,
      },
      SECTION_KEYS.length,
    ) as unknown as Record<string, unknown>;
    const lang = ENTITIES.find((e) => e.key === a.plan.entity)!.lang;
    if (nominated)
      audits.push({
        actorId: a.nominatorId,
        action: "application.nominated",
        objectType: "application",
        objectId: a.id,
        details: { reference: a.reference, entityId: a.entityId },
        at: decidedAt,
      });
    return {
      id: a.id,
      reference: a.reference,
      editionId,
      applicantId: a.applicantId,
      entityId: a.entityId,
      state: nominated ? (a.plan.outcome === "eligible" ? "eligible" : "ineligible") : "declined",
      language: a.plan.language,
      title: a.plan.title,
      organisation: a.plan.organisation,
      country: c.code,
      contactEmail: a.email,
      content,
      declarations: Object.fromEntries(DEMO_RULES.map((r) => [r.key, true])),
      nominatedContent: nominated ? content : null,
      nominatorComment: rng.pick(NOMINATOR_COMMENTS[nominated ? "nominated" : "declined"][lang]),
      version: rng.int(3, 9),
      sentAt,
      nominatedAt: nominated ? decidedAt : null,
      nominatedBy: nominated ? a.nominatorId : null,
      createdAt,
      updatedAt: decidedAt,
    } satisfies typeof applications.$inferInsert;
  });

  // Screening: four rules each, in reference order, three applications a day.
  const screened = apps.filter((a) => a.plan.outcome !== "declined");
  const screeningRows = screened.flatMap((a, i) => {
    const decidedAt = plus(T22.screening, Math.floor(i / 3) * DAY + (i % 3) * 2 * HOUR + HOUR);
    const fails = typeof a.plan.outcome === "object" ? a.plan.outcome.fails : null;
    // As the app writes a screening's outcome (screening.server.ts): it tells what an applicant was told.
    audits.push({
      actorId: secretariatId,
      action: fails ? "application.ineligible" : "application.eligible",
      objectType: "application",
      objectId: a.id,
      details: { from: "nominated", failed: fails ? [fails] : [] },
      at: plus(decidedAt, 5 * 60_000),
    });
    return DEMO_RULES.map((rule) => ({
      applicationId: a.id,
      ruleKey: rule.key,
      outcome: rule.key === fails ? "fail" : "pass",
      evidence: rule.key === fails ? FAIL_EVIDENCE[rule.key] : rng.pick(PASS_EVIDENCE[rule.key]),
      decidedBy: secretariatId,
      decidedAt,
    }));
  });

  // The jury: the demo's five jurors, who served in 2022 as well, the same chair presiding.
  const jurorRows = JURORS.map((j, i) => ({
    id: crypto.randomUUID(),
    editionId,
    userId: idOf(j.email),
    isChair: j.isChair,
    country: j.country,
    languages: j.languages,
    expertise: j.expertise,
    conflictsDeclaredAt: plus(T22.conflictsDeclared, i * 7 * HOUR),
    createdAt: T22.juryAppointed,
  }));
  const eligible = apps.filter((a) => a.plan.outcome === "eligible");
  const conflictRows = eligible.flatMap((a) =>
    jurorRows
      .filter((j) => j.country === a.plan.country)
      .map((j) => ({
        id: crypto.randomUUID(),
        editionId,
        jurorId: j.id,
        applicationId: a.id,
        source: "same_country",
        reason: j.country,
        createdBy: secretariatId,
        createdAt: T22.screening,
        status: "confirmed",
        confirmedBy: secretariatId,
        confirmedAt: plus(T22.screening, 2 * HOUR),
      })),
  );
  for (const c of conflictRows) {
    const details = { editionId, jurorId: c.jurorId, applicationId: c.applicationId, source: c.source };
    const conflict = { objectType: "conflict", objectId: c.id };
    const proposed = { ...details, reason: c.reason, status: "proposed" };
    audit({ ...conflict, action: "conflict.proposed", details: proposed, at: c.createdAt });
    audit({ ...conflict, action: "conflict.confirmed", details: { ...details, reason: c.reason }, at: c.confirmedAt });
  }

  // Three jurors an application, none in conflict, languages matched, loads balanced.
  const load = new Map(jurorRows.map((j) => [j.id, 0]));
  const assignmentRows = eligible.flatMap((a) =>
    jurorRows
      .filter(
        (j) =>
          j.languages.includes(a.plan.language) &&
          !conflictRows.some((c) => c.jurorId === j.id && c.applicationId === a.id),
      )
      .sort((x, y) => load.get(x.id)! - load.get(y.id)! || jurorRows.indexOf(x) - jurorRows.indexOf(y))
      .slice(0, edition.reviewersPerApplication)
      .map((j) => {
        load.set(j.id, load.get(j.id)! + 1);
        return {
          id: crypto.randomUUID(),
          editionId,
          jurorId: j.id,
          applicationId: a.id,
          createdBy: secretariatId,
          createdAt: T22.assigned,
          publishedAt: T22.scoringOpens,
        };
      }),
  );
  audit({
    action: "assignments.published",
    details: { assignments: assignmentRows.length, reviewersPerApplication: edition.reviewersPerApplication },
    at: T22.scoringOpens,
  });

  // Every review submitted before scoring closed.
  const reviewRows = assignmentRows.map((as) => {
    const app = eligible.find((a) => a.id === as.applicationId)!;
    const juror = JURORS[jurorRows.findIndex((j) => j.id === as.jurorId)];
    const scores: Record<string, number> = {};
    const comments: Record<string, string> = {};
    for (const c of DEFAULT_CRITERIA) {
      const points = clamp(Math.round(app.plan.quality + juror.leniency + (rng.float() - 0.5) * 1.6), 1, 10);
      scores[c.key] = points;
      comments[c.key] = REVIEW_COMMENTS[c.key][band(points)];
    }
    const mean = Object.values(scores).reduce((sum, p) => sum + p, 0) / DEFAULT_CRITERIA.length;
    const submittedAt = plus(T22.scoringOpens, rng.int(3, 35) * DAY + rng.int(0, 10) * HOUR);
    return {
      assignmentId: as.id,
      jurorId: as.jurorId,
      applicationId: as.applicationId,
      state: "submitted",
      scores,
      comments,
      overallComment: rng.pick(OVERALL_COMMENTS[band(Math.round(mean))]),
      confidence: rng.int(3, 5),
      version: 3,
      submittedAt,
      updatedAt: submittedAt,
    };
  });

  db().transaction((tx) => {
    tx.insert(users).values(userRows).run();
    tx.insert(userRoles)
      .values(userRows.map((u) => ({ userId: u.id!, role: "applicant", createdAt: u.createdAt! })))
      .run();
    tx.insert(editions).values(edition).run();
    tx.insert(criteria)
      .values(
        DEFAULT_CRITERIA.map((c, position) => ({
          editionId,
          key: c.key,
          titleEn: c.title.en,
          titleFr: c.title.fr,
          titleAr: c.title.ar,
          guidanceEn: c.guidance.en,
          guidanceFr: c.guidance.fr,
          guidanceAr: c.guidance.ar,
          weight: 1,
          position,
          levelDescriptors: c.levels,
        })),
      )
      .run();
    tx.insert(eligibilityRules)
      .values(
        DEMO_RULES.map((r, position) => ({
          editionId,
          key: r.key,
          textEn: r.en,
          textFr: r.fr,
          textAr: r.ar,
          position,
        })),
      )
      .run();
    tx.insert(juryMembers).values(jurorRows).run();
    tx.insert(applications).values(appRows).run();
    tx.insert(screeningDecisions).values(screeningRows).run();
    if (conflictRows.length) tx.insert(conflicts).values(conflictRows).run();
    tx.insert(assignments).values(assignmentRows).run();
    tx.insert(reviews).values(reviewRows).run();
    audits
      .map((entry, i) => ({ entry, i }))
      .sort((x, y) => x.entry.at!.getTime() - y.entry.at!.getTime() || x.i - y.i)
      .forEach(({ entry }) => writeAudit(entry, tx));
  });

  const chairRow = jurorRows.find((j) => j.isChair)!;
  return {
    editionId,
    secretariatId,
    chair: { memberId: chairRow.id, userId: chairRow.userId },
    members: jurorRows.map((j) => ({ memberId: j.id, userId: j.userId })),
    apps,
  };
}

const edition = (id: string): EditionBrief => getEditionBrief({ editionId: id })!;
const must = (step: string, result: { ok: boolean }) => {
  if (!result.ok) throw new Error(`demo 2022: ${step} refused: ${JSON.stringify(result)}`);
};

/** From the ballot to the announcement, through the app's model functions, each at its instant. */
async function decide(r: Rows): Promise<Seeded2022> {
  const rng = new Rng(SEED_2022 + 1);
  const { editionId, secretariatId, chair } = r;
  const quality = new Map(r.apps.map((a) => [a.id, a.plan.quality]));

  // The secretariat opens the ballot on the five best by the jury's scores; the chair's casting
  // vote settles a tie at the cut-off, should there be one.
  await atInstantAsync(T22.deliberationOpens, async () => {
    const ranked = (
      await editionResults({
        edition: edition(editionId),
        viewer: { kind: "secretariat", userId: secretariatId },
      })
    )
      .results!.applications.slice()
      .sort((x, y) => x.rank - y.rank)
      .slice(0, SHORTLIST_2022)
      .map((a) => a.applicationId);
    must(
      "opening the ballot",
      openDeliberation({ edition: edition(editionId), actorId: secretariatId, shortlist: ranked, rule: "chair" }),
    );
  });

  // Each juror ranks what they may see, over the three days, as they judge the projects.
  const deliberation = getDeliberation({ editionId })!;
  r.members.forEach((m, i) => {
    const at = plus(T22.deliberationOpens, (i + 1) * 9 * HOUR + rng.int(0, 50) * 60_000);
    const allowed = shortlistFor({ editionId, deliberation, memberId: m.memberId }).map((a) => a.id);
    const judged = allowed
      .map((id) => ({ id, seen: quality.get(id)! + (rng.float() - 0.5) * 0.5 }))
      .sort((x, y) => y.seen - x.seen);
    const ranks = Object.fromEntries(judged.map((a, rank) => [a.id, rank + 1]));
    atInstant(at, () => must("a ballot", submitBallot({ editionId, memberId: m.memberId, actorId: m.userId, ranks })));
  });

  atInstant(T22.ballotCloses, () => must("closing the ballot", closeBallot({ editionId, actorId: chair.userId })));

  // The chair recommends the ballot's two first, with the tally and the fairness audit in her
  // language, as the ballot page's action writes them.
  const chairLocale = JURORS.find((j) => j.isChair)!.locale;
  const order = deliberationOutcome({ editionId })!.order.slice(0, 2);
  await atInstantAsync(T22.recommended, async () => {
    const e = edition(editionId);
    const citations = Object.fromEntries(
      order.map((id) => [id, r.apps.find((a) => a.id === id)!.plan.citation ?? fallbackCitation(r, id)]),
    );
    must(
      "the recommendation",
      recordRecommendation({
        edition: e,
        actorId: chair.userId,
        chairMemberId: chair.memberId,
        order,
        citations,
        minutes: MINUTES_2022,
        minutesTally: minutesTallyOf(editionId, chairLocale),
        minutesFairness: await fairnessMinutesOf({ edition: e, locale: chairLocale }),
      }),
    );
  });

  // The Director-General's decision, recorded by the secretariat: the snapshot is frozen here.
  let snapshotSha256 = "";
  await atInstantAsync(T22.decisionRecorded, async () => {
    const result = await recordDecision({
      edition: edition(editionId),
      actorId: secretariatId,
      laureates: order,
      decisionDate: T22.decisionDate,
      announcementAt: T22.announcement,
      now: T22.decisionRecorded,
    });
    must("the decision", result);
    if (result.ok) snapshotSha256 = result.sha256;
  });

  // The scheduled job at the announcement's instant: laureates and not selected, the e-mails.
  atInstant(T22.announcement, () => {
    const years = announceDue(T22.announcement);
    if (!years.includes(YEAR_2022)) throw new Error("demo 2022: the announcement did not happen");
  });
  return { editionId, laureates: order, snapshotSha256 };
}

/** A recommended project the plan wrote no citation for (should the ballot surprise): a plain one. */
function fallbackCitation(r: Rows, id: string): { en: string; fr: string } {
  const a = r.apps.find((x) => x.id === id)!;
  return {
    en: `For ${a.plan.title}, a public digital learning platform that reaches every learner.`,
    fr: `Pour ${a.plan.title}, une plateforme publique d’apprentissage numérique qui atteint chaque apprenant.`,
  };
}
