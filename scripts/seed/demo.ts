// The demo database: one edition shaped like the 2023 edition ("Digital learning for greening
// education"), caught in its scoring phase, with a secretariat, six nominating entities, a
// five-member jury and about eighty applications in every state an application can reach
// before a decision; and the 2022 edition before it, finished: decided, its snapshot frozen, its
// laureates announced (demo-2022.ts).
//
//   npx tsx scripts/seed/demo.ts       (writes DEMO_DATABASE_PATH, default data/demo.db)
//
// Everything is deterministic: a seeded PRNG (mulberry32(2023)) and fixed instants, so two
// runs give the same titles, references, countries and scores. Only the random UUID ids (by
// design, see db/tables/columns.ts), the argon2 salt of the shared demo password and the secret
// seed of the tie-break lottery (drawn at random, as the server draws it) differ.
//
// The fixed facts are in demo-edition.ts (instants and texts), demo-countries.ts,
// demo-people.ts and demo-plan.ts (which applications exist in which state); the words in
// demo-texts.ts. The build runs in steps, one file each: demo-applications.ts, demo-jury.ts;
// demo-build.ts holds what the steps share.
import { rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "../../app/accounts/server/password.server";
import { writeAudit } from "../../app/kernel/models/audit.server";
import type { Tx } from "../../app/kernel/models/transaction.server";
import { seedPastLaureates } from "../../app/results/models/past-laureates.server";
import { closeResultsWorker } from "../../app/results/models/results-worker.server";
import { openDatabase, type DB } from "../../db/client";
import {
  applications,
  assignments,
  conflicts,
  criteria,
  editionObservers,
  editions,
  eligibilityRules,
  entityMembers,
  juryMembers,
  nominatingEntities,
  reviews,
  screeningDecisions,
  tieBreaks,
  userRoles,
  users,
} from "../../db/schema";
import { addUser, Rng, type Seeding } from "./demo-build";
import {
  ANNOUNCEMENT,
  CALL_OPENS,
  CALL_TEXT_EN,
  CALL_TEXT_FR,
  DEADLINE,
  DEMO_CRITERIA,
  DEMO_SECTION_WORDING,
  DEMO_RULES,
  EDITION_CREATED,
  SCORING_CLOSES,
  SCORING_OPENS,
  SCREENING_STARTS,
  THEME,
  utc,
} from "./demo-edition";
import { ENTITIES, JURORS, OBSERVER, SECRETARIAT, type EntityKey } from "./demo-people";
import { applicationRows, planApplications, type AppDraft, type EntityIds } from "./demo-applications";
import { assign, findConflicts, juryRows, review, screen } from "./demo-jury";
import { tieBreakRow } from "./demo-tie-break";
import { seed2022 } from "./demo-2022";
import { THEME_2022 } from "./demo-2022-plan";

export const DEMO_PASSWORD = "demo-password-2023";
export const DEMO_SEED = 2023;

export interface DemoResult {
  logins: { role: string; email: string }[];
  /** The edition's observer, printed after the other logins; added last so that it changes no other row. */
  observerLogin: { role: string; email: string };
  counts: Record<string, number>;
}

/** Deletes `path` (and its -wal/-shm) and writes the demo database there. */
export async function buildDemo(path: string): Promise<DemoResult> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  // One argon2 hash for every demo user keeps the build fast; done before the transaction,
  // which must stay synchronous.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const database = openDatabase(path);
  try {
    const { logins, observerLogin } = populate(database, passwordHash);
    // The finished 2022 edition goes in before the archive of past laureates, whose 2022 year
    // its own laureates then stand for.
    await seed2022(path, passwordHash);
    seedPastLaureates(database);
    const counts = countRows(database);
    return { logins, observerLogin, counts };
  } finally {
    database.$client.close();
  }
}

/**
 * Every row of the demo, in one transaction. The steps draw from one seeded generator in a
 * fixed order: reordering them changes the demo.
 */
function populate(database: DB, passwordHash: string): Pick<DemoResult, "logins" | "observerLogin"> {
  const logins = database.transaction((tx) => {
    const userRows: Seeding["userRows"] = [];
    const secretariatId = addUser(
      { userRows, passwordHash },
      SECRETARIAT.name,
      SECRETARIAT.email,
      "en",
      utc("2023-11-01T09:00:00Z"),
    );
    const s: Seeding = {
      rng: new Rng(DEMO_SEED),
      audits: [],
      userRows,
      passwordHash,
      secretariatId,
      editionId: crypto.randomUUID(),
    };

    const { edition, criterionRows, ruleRows } = editionRows(s);
    const entities = entityRows(s);
    const jurorRows = juryRows(s);
    const apps = planApplications(s, entities);
    const appRows = applicationRows(s, apps);
    const screeningRows = screen(s, apps);
    const { conflictRows, inConflict } = findConflicts(s, apps, jurorRows);
    const { eligible, assignmentRows, paired } = assign(
      s,
      apps,
      jurorRows,
      inConflict,
      edition.reviewersPerApplication,
    );
    const reviewRows = review(s, eligible, assignmentRows, jurorRows, edition, paired);
    const tieBreak = tieBreakRow(s);

    // Every row, then the audit trail in chronological order.
    tx.insert(users).values(userRows).run();
    tx.insert(userRoles)
      .values([
        { userId: secretariatId, role: "secretariat", createdAt: utc("2023-11-01T09:00:00Z") },
        ...apps.map((a) => ({ userId: a.applicantId, role: "applicant", createdAt: a.createdAt })),
      ])
      .run();
    tx.insert(editions).values(edition).run();
    tx.insert(criteria).values(criterionRows).run();
    tx.insert(eligibilityRules).values(ruleRows).run();
    tx.insert(nominatingEntities).values(entities.rows).run();
    tx.insert(entityMembers).values(entities.memberRows).run();
    tx.insert(juryMembers).values(jurorRows).run();
    tx.insert(applications).values(appRows).run();
    tx.insert(screeningDecisions).values(screeningRows).run();
    tx.insert(conflicts).values(conflictRows).run();
    tx.insert(assignments).values(assignmentRows).run();
    tx.insert(reviews).values(reviewRows).run();
    tx.insert(tieBreaks).values(tieBreak).run();
    s.audits
      .map((entry, i) => ({ entry, i }))
      .sort((x, y) => x.entry.at!.getTime() - y.entry.at!.getTime() || x.i - y.i)
      .forEach(({ entry }) => writeAudit(entry, tx));

    // The observer comes after everything else and draws no random number, so that adding them
    // left every other row of the demo as it was.
    const last = Math.max(...s.audits.map((entry) => entry.at!.getTime()));
    const observerLogin = addObserver(tx, s, new Date(last + 864e5));
    return { logins: loginsOf(apps), observerLogin };
  });
  return logins;
}

/** The edition's observer: invited, accepted, and a note filed a day later; each step audited. */
function addObserver(tx: Tx, s: Seeding, at: Date): DemoResult["observerLogin"] {
  const { editionId, secretariatId, passwordHash } = s;
  const userId = crypto.randomUUID();
  tx.insert(users)
    .values({ id: userId, name: OBSERVER.name, email: OBSERVER.email, locale: "en", passwordHash, createdAt: at })
    .run();
  const noteAt = new Date(at.getTime() + 864e5);
  tx.insert(editionObservers)
    .values({ editionId, userId, note: OBSERVER.note, noteUpdatedAt: noteAt, createdAt: at })
    .run();
  const granted = { role: "observer", entityId: null, editionId };
  writeAudit(
    { actorId: secretariatId, action: "role.granted", objectType: "user", objectId: userId, details: granted, at },
    tx,
  );
  const filed = { editionId, length: OBSERVER.note.length };
  writeAudit(
    {
      actorId: userId,
      action: "observer.note_filed",
      objectType: "edition",
      objectId: editionId,
      details: filed,
      at: noteAt,
    },
    tx,
  );
  return { role: "observer", email: OBSERVER.email };
}

/** The 2023 edition in its scoring phase, its criteria and rules; its history goes to the audit. */
function editionRows(s: Seeding) {
  const { editionId, secretariatId } = s;
  const edition = {
    id: editionId,
    year: 2023,
    themeEn: THEME.en,
    themeFr: THEME.fr,
    themeAr: THEME.ar,
    callTextEn: CALL_TEXT_EN,
    callTextFr: CALL_TEXT_FR,
    phase: "scoring",
    callOpensAt: CALL_OPENS,
    deadlineAt: DEADLINE,
    scoringOpensAt: SCORING_OPENS,
    scoringClosesAt: SCORING_CLOSES,
    announcementAt: ANNOUNCEMENT,
    laureateCount: 2,
    quotaPerEntity: 3,
    reviewersPerApplication: 3,
    scaleMin: 1,
    scaleMax: 10,
    method: "jurorBias",
    hideScoresUntilSubmitted: true,
    sectionWording: DEMO_SECTION_WORDING,
    wordLimits: {
      organisation: 300,
      objectives: 400,
      technology: 500,
      pedagogy: 500,
      inclusion: 400,
      impact: 500,
      replicability: 400,
      sustainability: 300,
    },
    // The official aggregation method is locked when scoring opens.
    lockedAt: SCORING_OPENS,
    createdAt: EDITION_CREATED,
    updatedAt: SCORING_OPENS,
  } satisfies typeof editions.$inferInsert;
  s.audits.push({
    actorId: secretariatId,
    action: "edition.created",
    objectType: "edition",
    objectId: editionId,
    details: { year: 2023 },
    at: EDITION_CREATED,
  });
  const phases: [string, string, Date][] = [
    ["draft", "call_open", CALL_OPENS],
    ["call_open", "screening", SCREENING_STARTS],
    ["screening", "scoring", SCORING_OPENS],
  ];
  for (const [from, to, at] of phases) {
    s.audits.push({
      actorId: secretariatId,
      action: "edition.phase_changed",
      objectType: "edition",
      objectId: editionId,
      details: { from, to },
      at,
    });
  }

  const criterionRows = DEMO_CRITERIA.map((c, position) => ({
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
  }));
  const ruleRows = DEMO_RULES.map((r, position) => ({
    editionId,
    key: r.key,
    textEn: r.en,
    textFr: r.fr,
    textAr: r.ar,
    position,
  }));
  return { edition, criterionRows, ruleRows };
}

/** The six nominating entities, each with one nominator (a new user). */
function entityRows(
  s: Seeding,
): EntityIds & { rows: (typeof nominatingEntities.$inferInsert)[]; memberRows: (typeof entityMembers.$inferInsert)[] } {
  const entityIds = new Map<EntityKey, string>();
  const nominatorIds = new Map<EntityKey, string>();
  const rows = ENTITIES.map((e) => {
    const id = crypto.randomUUID();
    entityIds.set(e.key, id);
    nominatorIds.set(e.key, addUser(s, e.nominator.name, e.nominator.email, e.lang, utc("2023-11-20T09:00:00Z")));
    return { id, kind: e.kind, name: e.name, country: e.country, createdAt: utc("2023-11-20T09:00:00Z") };
  });
  const memberRows = ENTITIES.map((e) => ({
    entityId: entityIds.get(e.key)!,
    userId: nominatorIds.get(e.key)!,
    createdAt: utc("2023-11-20T09:00:00Z"),
  }));
  return { ids: entityIds, nominatorIds, rows, memberRows };
}

/** One login per role, printed for whoever explores the demo. */
function loginsOf(apps: AppDraft[]): DemoResult["logins"] {
  const firstReturned = apps
    .filter((a) => a.plan.state === "returned")
    .sort((x, y) => x.reference.localeCompare(y.reference))[0];
  return [
    { role: "secretariat", email: SECRETARIAT.email },
    { role: "applicant", email: firstReturned.applicantEmail },
    { role: "nominator", email: ENTITIES[0].nominator.email },
    { role: "juror", email: JURORS.find((j) => !j.isChair && j.name === "Hiroshi Tanaka")!.email },
    { role: "jury chair", email: JURORS.find((j) => j.isChair)!.email },
  ];
}

/** The 2023 edition's figures (its applications, jury and reviews), the archive and the whole audit trail. */
function countRows(database: DB): Record<string, number> {
  const count = (query: string) => (database.$client.prepare(query).get() as { n: number }).n;
  const in2023 = "edition_id = (select id from editions where year = 2023)";
  const apps2023 = `application_id in (select id from applications where ${in2023})`;
  return {
    users: count("select count(*) as n from users"),
    applications: count(`select count(*) as n from applications where ${in2023}`),
    countries: count(`select count(distinct country) as n from applications where ${in2023}`),
    nominations: count(
      `select count(*) as n from applications where ${in2023} and state in ('nominated', 'eligible', 'ineligible')`,
    ),
    eligible: count(`select count(*) as n from applications where ${in2023} and state = 'eligible'`),
    entities: count("select count(*) as n from nominating_entities"),
    jurors: count(`select count(*) as n from jury_members where ${in2023}`),
    conflicts: count(`select count(*) as n from conflicts where ${in2023}`),
    assignments: count(`select count(*) as n from assignments where ${in2023}`),
    reviewsSubmitted: count(`select count(*) as n from reviews where ${apps2023} and state = 'submitted'`),
    reviewsDraft: count(`select count(*) as n from reviews where ${apps2023} and state = 'draft'`),
    reviewsAssigned: count(`select count(*) as n from reviews where ${apps2023} and state = 'assigned'`),
    applications2022: count(
      "select count(*) as n from applications where edition_id = (select id from editions where year = 2022)",
    ),
    laureates2022: count(
      "select count(*) as n from applications a join editions e on e.id = a.edition_id where e.year = 2022 and a.state = 'laureate'",
    ),
    pastLaureates: count("select count(*) as n from archive_laureates"),
    auditRows: count("select count(*) as n from audit_log"),
  };
}

// ---------------------------------------------------------------------------------------
// Command line

async function main(): Promise<void> {
  const path = resolve(process.env.DEMO_DATABASE_PATH ?? "data/demo.db");
  const started = performance.now();
  const { logins, observerLogin, counts } = await buildDemo(path);
  // For a caller in another process (the e2e spec that explores the demo): what was built, as JSON.
  if (process.env.DEMO_RESULT_FILE)
    writeFileSync(process.env.DEMO_RESULT_FILE, JSON.stringify({ logins, observerLogin, counts }));
  const ms = Math.round(performance.now() - started);
  const lines = [
    `Demo database written to ${path} in ${ms} ms.`,
    `  Edition 2023 “${THEME.en}”, phase: scoring (scoring stays open until 31 March 2027).`,
    `  ${counts.applications} applications from ${counts.countries} countries; ${counts.nominations} nominations (${counts.eligible} eligible) from ${counts.entities} entities.`,
    `  ${counts.jurors} jurors, ${counts.conflicts} conflicts, ${counts.assignments} assignments: ${counts.reviewsSubmitted} reviews submitted, ${counts.reviewsDraft} in draft, ${counts.reviewsAssigned} not started.`,
    `  Tie-break rule fixed before the vote: the seeded lottery (only the seed's SHA-256 is shown until the vote).`,
    `  Edition 2022 “${THEME_2022.en}”, phase: announced: ${counts.applications2022} applications, ${counts.laureates2022} laureates (/laureates/2022), decision snapshot frozen.`,
    `  ${counts.pastLaureates} past laureates in the archive, ${counts.auditRows} audit rows.`,
    "",
    `Logins (password for all: ${DEMO_PASSWORD}):`,
    ...[...logins, observerLogin].map((l) => `  ${l.role.padEnd(12)} ${l.email}`),
    "",
    `Open http://localhost:${process.env.PORT ?? 3000} (npm run demo starts the server on this database).`,
  ];
  console.log(lines.join("\n"));
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main()
    // The 2022 edition's decision computed its results in the worker thread, which would keep this
    // process (and `npm run demo`, which starts the server after it) waiting.
    .then(() => closeResultsWorker())
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
