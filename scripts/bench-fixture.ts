/**
 * The data and plumbing the server benchmarks share: a database of one large edition (the prize
 * at ten times its real size), the built server started on it, signing in.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { openDatabase } from "../db/client";
import * as schema from "../db/schema";
import { hashPassword } from "../app/accounts/server/password.server";
import { SECTIONS, SECTION_KEYS } from "../app/applications/domain/sections";
import { DEFAULT_RULES } from "../app/editions/domain/defaults";
import { COUNTRY_CODES } from "../app/kernel/i18n/countries";
import { mulberry32 } from "../scoring/index";

export const PASSWORD = "bench passphrase for every account";
export const REVIEWERS = 3;
export const CRITERIA = 8;
const ENTITIES = 50;
const DAY = 864e5;

const WORDS =
  "learners teachers schools climate digital open resources community solar energy measure share inclusion girls rural mobile offline radio tablets curriculum training evidence impact scale partners ministry".split(
    " ",
  );

function text(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ") + ".";
}

function content(next: () => number, i: number, country: string) {
  const sections: Record<string, Record<string, string>> = {};
  for (const section of SECTIONS) {
    const values: Record<string, string> = {};
    for (const field of section.fields) {
      values[field.key] =
        field.kind === "country"
          ? country
          : field.kind === "month"
            ? field.required
              ? "2021-03"
              : ""
            : field.kind === "select"
              ? "national_ngo"
              : field.kind === "email"
                ? `contact${i}@example.org`
                : field.kind === "tel"
                  ? "+33 1 45 68 10 00"
                  : field.kind === "url" || field.kind === "urls"
                    ? `https://example.org/p${i}`
                    : field.kind === "textarea"
                      ? text(next, 120)
                      : `Project ${i} ${text(next, 3)}`;
    }
    sections[section.key] = values;
  }
  return { sections, completed: [...SECTION_KEYS] };
}

function chunks<T>(rows: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface SeedOptions {
  applications: number;
  jurors: number;
  /** Scoring still open, and this many jurors' reviews drafts rather than submitted (the rush). */
  draftJurors?: number;
  /** A second edition whose call is open, with this many applicants each holding a draft (the rush). */
  applicantsWithDrafts?: number;
}

/** Writes the benchmark's database at `path` and says whom to sign in as and what to open. */
export async function seed(path: string, { applications: APPLICATIONS, jurors: JURORS, ...rush }: SeedOptions) {
  const database = openDatabase(path);
  const next = mulberry32(7);
  const passwordHash = await hashPassword(PASSWORD);
  const now = Date.now();
  const ids = { edition: crypto.randomUUID(), secretariat: crypto.randomUUID() };
  const users: (typeof schema.users.$inferInsert)[] = [
    { id: ids.secretariat, email: "secretariat@bench.test", name: "Bench Secretariat", passwordHash },
  ];
  const jurorUsers = Array.from({ length: JURORS }, (_, j) => ({
    id: crypto.randomUUID(),
    email: `juror${j}@bench.test`,
    name: `Juror ${j}`,
    passwordHash,
  }));
  const nominatorUsers = Array.from({ length: ENTITIES }, (_, e) => ({
    id: crypto.randomUUID(),
    email: `nominator${e}@bench.test`,
    name: `Nominator ${e}`,
    passwordHash,
  }));
  const applicantUsers = Array.from({ length: APPLICATIONS }, (_, a) => ({
    id: crypto.randomUUID(),
    email: `applicant${a}@bench.test`,
    name: `Applicant ${a}`,
    passwordHash,
  }));
  const countries = COUNTRY_CODES.slice(0, ENTITIES);
  const entities = countries.map((country, e) => ({
    id: crypto.randomUUID(),
    kind: "national_commission",
    name: `National Commission ${e}`,
    country,
  }));
  const members = Array.from({ length: JURORS }, (_, j) => ({
    id: crypto.randomUUID(),
    editionId: ids.edition,
    userId: jurorUsers[j].id,
    isChair: j === 0,
    country: COUNTRY_CODES[(ENTITIES + j) % COUNTRY_CODES.length],
    languages: ["en", "fr"],
  }));
  const applications = applicantUsers.map((u, a) => {
    const country = countries[a % ENTITIES];
    const c = content(next, a, country);
    return {
      id: crypto.randomUUID(),
      reference: `KH-BENCH-${String(a + 1).padStart(5, "0")}`,
      editionId: ids.edition,
      applicantId: u.id,
      entityId: entities[a % ENTITIES].id,
      state: "eligible",
      language: a % 3 === 0 ? "fr" : "en",
      title: c.sections.background.title,
      organisation: `Organisation ${a}`,
      country,
      content: c,
      nominatedContent: c,
      declarations: Object.fromEntries(DEFAULT_RULES.map((r) => [r.key, true])),
      sentAt: new Date(now - 70 * DAY),
      nominatedAt: new Date(now - 65 * DAY),
    };
  });
  const assignments: (typeof schema.assignments.$inferInsert)[] = [];
  const reviews: (typeof schema.reviews.$inferInsert)[] = [];
  const keys = Array.from({ length: CRITERIA }, (_, c) => `criterion${c + 1}`);
  applications.forEach((app, a) => {
    for (let r = 0; r < REVIEWERS; r++) {
      const j = (a * REVIEWERS + r) % JURORS;
      const member = members[j];
      // The rush: jurors 1…draftJurors are still scoring, their reviews drafts they keep saving.
      const draft = j >= 1 && j <= (rush.draftJurors ?? 0);
      const assignmentId = crypto.randomUUID();
      assignments.push({
        id: assignmentId,
        editionId: ids.edition,
        jurorId: member.id,
        applicationId: app.id,
        publishedAt: new Date(now - 40 * DAY),
      });
      const scores = Object.fromEntries(keys.map((k) => [k, 1 + Math.floor(next() * 10)]));
      reviews.push({
        assignmentId,
        jurorId: member.id,
        applicationId: app.id,
        state: draft ? "draft" : "submitted",
        scores,
        overallComment: text(next, 20),
        confidence: 1 + Math.floor(next() * 5),
        submittedAt: draft ? null : new Date(now - 5 * DAY),
      });
    }
  });
  const rushEdition = callWithDrafts(rush.applicantsWithDrafts ?? 0, passwordHash, now);
  database.transaction((tx) => {
    for (const batch of chunks([...users, ...jurorUsers, ...nominatorUsers, ...applicantUsers]))
      tx.insert(schema.users).values(batch).run();
    tx.insert(schema.userRoles).values({ userId: ids.secretariat, role: "secretariat" }).run();
    for (const batch of chunks(applicantUsers.map((u) => ({ userId: u.id, role: "applicant" }))))
      tx.insert(schema.userRoles).values(batch).run();
    tx.insert(schema.editions)
      .values({
        id: ids.edition,
        year: 2031,
        themeEn: "Digital learning for greening education",
        themeFr: "L’apprentissage numérique pour verdir l’éducation",
        phase: "scoring",
        callOpensAt: new Date(now - 120 * DAY),
        deadlineAt: new Date(now - 60 * DAY),
        scoringOpensAt: new Date(now - 45 * DAY),
        scoringClosesAt: new Date(rush.draftJurors ? now + 2 * DAY : now - DAY),
        announcementAt: new Date(now + 60 * DAY),
        reviewersPerApplication: REVIEWERS,
        method: "jurorBias",
        lockedAt: new Date(now - 45 * DAY),
      })
      .run();
    keys.forEach((key, position) =>
      tx
        .insert(schema.criteria)
        .values({
          editionId: ids.edition,
          key,
          titleEn: `Criterion ${position + 1}`,
          titleFr: `Critère ${position + 1}`,
          weight: 1 + (position % 3),
          position,
        })
        .run(),
    );
    DEFAULT_RULES.forEach((rule, position) =>
      tx
        .insert(schema.eligibilityRules)
        .values({ editionId: ids.edition, key: rule.key, textEn: rule.en, textFr: rule.fr, textAr: rule.ar, position })
        .run(),
    );
    tx.insert(schema.nominatingEntities).values(entities).run();
    tx.insert(schema.entityMembers)
      .values(nominatorUsers.map((u, e) => ({ entityId: entities[e].id, userId: u.id })))
      .run();
    for (const batch of chunks(members)) tx.insert(schema.juryMembers).values(batch).run();
    for (const batch of chunks(applications, 100)) tx.insert(schema.applications).values(batch).run();
    for (const batch of chunks(assignments)) tx.insert(schema.assignments).values(batch).run();
    for (const batch of chunks(reviews, 200)) tx.insert(schema.reviews).values(batch).run();
    for (const batch of chunks(rushEdition.users)) tx.insert(schema.users).values(batch).run();
    for (const batch of chunks(rushEdition.users.map((u) => ({ userId: u.id, role: "applicant" }))))
      tx.insert(schema.userRoles).values(batch).run();
    if (rushEdition.edition) tx.insert(schema.editions).values(rushEdition.edition).run();
    for (const batch of chunks(rushEdition.applications, 100)) tx.insert(schema.applications).values(batch).run();
  });
  database.$client.pragma("wal_checkpoint(TRUNCATE)");
  database.$client.close();
  return {
    editionId: ids.edition,
    applicationId: applications[0].id,
    entityId: entities[0].id,
    emails: {
      secretariat: "secretariat@bench.test",
      juror: jurorUsers[1].email,
      nominator: nominatorUsers[0].email,
      applicant: applicantUsers[0].email,
    },
    drafts: rushEdition.applications.map((a, i) => ({ email: rushEdition.users[i].email, applicationId: a.id })),
  };
}

/** The next edition, its call open and its deadline tomorrow, with `count` applicants each holding a draft. */
function callWithDrafts(count: number, passwordHash: string, now: number) {
  if (count === 0) return { edition: null, users: [], applications: [] };
  const edition: typeof schema.editions.$inferInsert = {
    id: crypto.randomUUID(),
    year: 2032,
    themeEn: "Digital learning for every learner",
    themeFr: "L’apprentissage numérique pour chaque apprenant",
    phase: "call_open",
    callOpensAt: new Date(now - 60 * DAY),
    deadlineAt: new Date(now + DAY),
    scoringOpensAt: new Date(now + 20 * DAY),
    scoringClosesAt: new Date(now + 50 * DAY),
    announcementAt: new Date(now + 120 * DAY),
    reviewersPerApplication: REVIEWERS,
    method: "jurorBias",
  };
  const users = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    email: `rush${i}@bench.test`,
    name: `Rush applicant ${i}`,
    passwordHash,
  }));
  const applications = users.map((u, i) => ({
    id: crypto.randomUUID(),
    reference: `KH-RUSH-${String(i + 1).padStart(5, "0")}`,
    editionId: edition.id!,
    applicantId: u.id,
    state: "draft",
    language: "en",
    content: { sections: {}, completed: [] },
  }));
  return { edition, users, applications };
}

/**
 * The built server as `npm start` runs it (scripts/cluster.mjs: WEB_CONCURRENCY workers, by default
 * one per core) on the benchmark's database in `dir`.
 */
export async function startServer({
  dir,
  port,
  args = [],
  env = {},
}: {
  dir: string;
  port: number;
  args?: string[];
  env?: Record<string, string>;
}): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...args, resolve("scripts/cluster.mjs")], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: join(dir, "bench.db"),
      UPLOAD_DIR: join(dir, "uploads"),
      MAIL_DIR: join(dir, "mail"),
      JOBS_INTERVAL_MS: "3600000",
      PUBLIC_URL: base,
      NODE_ENV: "production",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Piped (not inherited) so that a benchmark can also read it, e.g. to count SQLITE_BUSY.
  server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  await waitFor(`${base}/healthz`);
  return server;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

export async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

export async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD }),
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`Signing in ${email} failed: ${response.status}`);
  return cookie.split(";")[0];
}
