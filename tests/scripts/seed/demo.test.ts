// The demo database (scripts/seed/demo.ts): every pre-decision state present, quotas and conflicts
// respected, about half the reviews submitted, one suspicious pair of jurors, and the same content
// on every run.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, openDatabase } from "../../../db/client";
import * as juryPage from "../../../app/routes/secretariat.editions.$editionId.jury";
import * as conflictsPage from "../../../app/routes/secretariat.editions.$editionId.conflicts";
import * as assignmentPage from "../../../app/routes/secretariat.editions.$editionId.assignment";
import * as progressPage from "../../../app/routes/secretariat.editions.$editionId.progress";
import * as resultsPage from "../../../app/routes/secretariat.editions.$editionId.results";
import * as deliberationPage from "../../../app/routes/secretariat.editions.$editionId.deliberation";
import * as decisionPage from "../../../app/routes/secretariat.editions.$editionId.decision";
import * as integrityPage from "../../../app/routes/secretariat.editions.$editionId.integrity";
import * as juryDashboard from "../../../app/routes/jury._index";
import * as jurorConflicts from "../../../app/routes/jury.$editionId.conflicts";
import * as jurorResults from "../../../app/routes/jury.$editionId.results";
import * as ballotPage from "../../../app/routes/jury.$editionId.ballot";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import { cookieFor, request, run } from "../../fixtures/builders";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { APPLICATION_STATES } from "../../../db/enums";
import { buildDemo, DEMO_PASSWORD, type DemoResult } from "../../../scripts/seed/demo";
import { seedPastLaureates } from "../../../app/results/models/past-laureates.server";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { verifyPassword } from "../../../app/accounts/server/password.server";
import { SECTION_KEYS, SECTIONS, type ApplicationContent } from "../../../app/applications/domain/sections";
import { sectionSchema } from "../../../app/applications/forms/section-schema";
import type { IntegrityPageData } from "../../../app/results/domain/integrity-page";
import { computeResults, laureateCertificate, type Method, type ResultsInput } from "../../../scoring";

type LoaderArgs = LoaderFunctionArgs;
let dir: string;
let first: string;
let second: string;
let result: DemoResult;
let sqlite: Database.Database;

const all = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as T;
/** The 2023 edition's rows: the finished 2022 edition has its own tests (demo-2022.test.ts). */
const IN_2023 = "edition_id = (select id from editions where year = 2023)";
const APPS_2023 = `application_id in (select id from applications where ${IN_2023})`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "prize-demo-"));
  first = join(dir, "first.db");
  second = join(dir, "second.db");
  result = await buildDemo(first);
  await buildDemo(second);
  sqlite = new Database(first, { readonly: true });
  // Two builds, each deciding the 2022 edition with the results worker (started through tsx here).
}, 60_000);

afterAll(() => {
  sqlite?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo database", () => {
  it("has every application state except laureate and not_selected, which only follow a decision", () => {
    const states = new Set(
      all<{ state: string }>(`select distinct state from applications where ${IN_2023}`).map((r) => r.state),
    );
    const expected = APPLICATION_STATES.filter((s) => s !== "laureate" && s !== "not_selected");
    expect([...states].sort()).toEqual([...expected].sort());
  });

  it("has at least 75 applications from at least 28 countries", () => {
    expect(one<{ n: number }>("select count(*) as n from applications").n).toBeGreaterThanOrEqual(75);
    expect(one<{ n: number }>("select count(distinct country) as n from applications").n).toBeGreaterThanOrEqual(28);
  });

  it("has one edition in its scoring phase whose scoring is still open, after the finished 2022 edition", () => {
    const editions = all<{ year: number; phase: string; scoring_closes_at: number }>(
      "select year, phase, scoring_closes_at from editions where phase <> 'announced'",
    );
    expect(editions).toHaveLength(1);
    expect(editions[0]).toMatchObject({ year: 2023, phase: "scoring" });
    expect(editions[0].scoring_closes_at).toBeGreaterThan(Date.parse("2026-01-01T00:00:00Z"));
    expect(one<{ n: number }>(`select count(*) as n from criteria where ${IN_2023}`).n).toBe(5);
    expect(one<{ n: number }>(`select count(*) as n from eligibility_rules where ${IN_2023}`).n).toBe(4);
  });

  it("words the 2023 edition's sustainability section and criteria its own (green) way, the 2022 edition by the defaults", () => {
    const wording = (year: number) =>
      JSON.parse(one<{ w: string }>("select section_wording as w from editions where year = ?", year).w);
    expect(wording(2023).sustainability.titleEn).toBe("Sustainability and green dimension");
    expect(wording(2023).sustainability.promptFr).toMatch(/verdissement/);
    expect(wording(2022)).toEqual({});
    const guidance = (year: number) =>
      all<{ g: string }>(
        "select guidance_en as g from criteria where edition_id = (select id from editions where year = ?)",
        year,
      ).map((c) => c.g);
    expect(guidance(2023).join(" ")).toMatch(/greening education/);
    expect(guidance(2022).join(" ")).not.toMatch(/green|climate/i);
  });

  it("has six nominating entities, four National Commissions and two NGOs, each with a nominator", () => {
    const kinds = all<{ kind: string; n: number }>(
      "select kind, count(*) as n from nominating_entities group by kind order by kind",
    );
    expect(kinds).toEqual([
      { kind: "national_commission", n: 4 },
      { kind: "ngo", n: 2 },
    ]);
    const withoutMember = one<{ n: number }>(
      "select count(*) as n from nominating_entities e where not exists (select 1 from entity_members m where m.entity_id = e.id)",
    );
    expect(withoutMember.n).toBe(0);
  });

  it("has five jurors from five countries, exactly one of them chair, all with conflicts declared", () => {
    const jurors = all<{ is_chair: number; country: string; conflicts_declared_at: number | null; languages: string }>(
      `select is_chair, country, conflicts_declared_at, languages from jury_members where ${IN_2023}`,
    );
    expect(jurors).toHaveLength(5);
    expect(jurors.filter((j) => j.is_chair === 1)).toHaveLength(1);
    expect(new Set(jurors.map((j) => j.country)).size).toBe(5);
    expect(jurors.every((j) => j.conflicts_declared_at !== null)).toBe(true);
    expect(jurors.every((j) => (JSON.parse(j.languages) as string[]).includes("en"))).toBe(true);
  });

  it("keeps every entity within its quota of nominated-or-later applications", () => {
    const quota = one<{ quota_per_entity: number }>(
      "select quota_per_entity from editions where year = 2023",
    ).quota_per_entity;
    const perEntity = all<{ n: number }>(
      `select count(*) as n from applications
       where ${IN_2023} and state in ('nominated', 'eligible', 'ineligible', 'laureate', 'not_selected')
       group by entity_id`,
    );
    expect(perEntity.length).toBe(6);
    expect(Math.max(...perEntity.map((r) => r.n))).toBeLessThanOrEqual(quota);
  });

  it("gives every application but drafts an entity, and freezes the content of nominations", () => {
    expect(
      one<{ n: number }>("select count(*) as n from applications where state <> 'draft' and entity_id is null").n,
    ).toBe(0);
    expect(
      one<{ n: number }>("select count(*) as n from applications where state = 'draft' and entity_id is not null").n,
    ).toBe(0);
    const nominations = all<{ content: string; nominated_content: string | null }>(
      "select content, nominated_content from applications where state in ('nominated', 'eligible', 'ineligible')",
    );
    expect(nominations.every((a) => a.nominated_content === a.content)).toBe(true);
  });

  it("stores content as the application form does: every sent application complete and valid section by section", () => {
    const rows = all<{ state: string; content: string }>("select state, content from applications");
    for (const row of rows) {
      const content = JSON.parse(row.content) as ApplicationContent;
      if (row.state === "draft") {
        expect(content.completed.length).toBeGreaterThanOrEqual(2);
        continue;
      }
      expect(content.completed).toEqual([...SECTION_KEYS]);
      for (const section of SECTIONS) {
        const parsed = sectionSchema(section, section.defaultWordLimit, true).safeParse(content.sections[section.key]);
        expect(parsed.success, `${section.key}: ${parsed.success ? "" : JSON.stringify(parsed.error.issues)}`).toBe(
          true,
        );
      }
    }
  });

  it("records four passing rules for each eligible application and one failing rule for each ineligible one", () => {
    const rows = all<{ state: string; passes: number; fails: number; evidenced: number }>(
      `select a.state, sum(s.outcome = 'pass') as passes, sum(s.outcome = 'fail') as fails,
              sum(s.outcome = 'fail' and length(s.evidence) > 0) as evidenced
       from applications a join screening_decisions s on s.application_id = a.id
       where a.state in ('eligible', 'ineligible') group by a.id`,
    );
    expect(rows.length).toBe(
      one<{ n: number }>("select count(*) as n from applications where state in ('eligible', 'ineligible')").n,
    );
    for (const row of rows) {
      if (row.state === "eligible") expect(row).toMatchObject({ passes: 4, fails: 0 });
      else expect(row).toMatchObject({ passes: 3, fails: 1, evidenced: 1 });
    }
  });

  it("assigns each eligible application to three jurors and never to a juror in conflict with it", () => {
    const perApp = all<{ n: number }>(
      "select count(s.id) as n from applications a left join assignments s on s.application_id = a.id where a.state = 'eligible' group by a.id",
    );
    expect(perApp.every((r) => r.n === 3)).toBe(true);
    const sources = new Set(
      all<{ source: string }>("select distinct source from conflicts where status = 'confirmed'").map((r) => r.source),
    );
    expect(sources).toEqual(new Set(["same_country", "declared"]));
    const conflicted = (table: "assignments" | "reviews") =>
      one<{ n: number }>(
        `select count(*) as n from ${table} t join conflicts c on c.juror_id = t.juror_id and c.application_id = t.application_id where c.status = 'confirmed'`,
      ).n;
    expect(conflicted("assignments")).toBe(0);
    expect(conflicted("reviews")).toBe(0);
    const sameCountry = one<{ n: number }>(
      `select count(*) as n from assignments s join jury_members j on j.id = s.juror_id
       join applications a on a.id = s.application_id where a.country = j.country`,
    );
    expect(sameCountry.n).toBe(0);
  });

  it("has a review for every assignment, about half of them submitted with every criterion scored", () => {
    const assignments = one<{ n: number }>(`select count(*) as n from assignments where ${IN_2023}`).n;
    const reviews = all<{ state: string; scores: string; confidence: number | null; submitted_at: number | null }>(
      `select state, scores, confidence, submitted_at from reviews where ${APPS_2023}`,
    );
    expect(reviews).toHaveLength(assignments);
    const submitted = reviews.filter((r) => r.state === "submitted");
    expect(submitted.length / reviews.length).toBeGreaterThanOrEqual(0.35);
    expect(submitted.length / reviews.length).toBeLessThanOrEqual(0.65);
    expect(reviews.some((r) => r.state === "draft")).toBe(true);
    expect(reviews.some((r) => r.state === "assigned")).toBe(true);
    for (const review of submitted) {
      const scores = Object.values(JSON.parse(review.scores) as Record<string, number>);
      expect(scores).toHaveLength(5);
      expect(scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 10)).toBe(true);
      expect(review.confidence).toBeGreaterThanOrEqual(1);
      expect(review.submitted_at).not.toBeNull();
    }
  });

  it("has jurors of different leniency, so normalisation changes something", () => {
    const means = all<{ mean: number }>(
      `select avg(v.value) as mean from reviews r, json_each(r.scores) v
       where r.state = 'submitted' group by r.juror_id`,
    ).map((r) => r.mean);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(1);
  });

  it("has a close race for the last laureate place: a score or two would change the laureates, and the contenders cannot be separated", () => {
    const edition = one<{ method: Method; laureate_count: number; scale_min: number; scale_max: number }>(
      "select method, laureate_count, scale_min, scale_max from editions where year = 2023",
    );
    const input: ResultsInput = {
      criteria: all<{ key: string; weight: number }>(`select key, weight from criteria where ${IN_2023}`),
      scale: { min: edition.scale_min, max: edition.scale_max },
      reviews: all<{ applicationId: string; jurorId: string; scores: string; confidence: number }>(
        `select r.application_id as applicationId, r.juror_id as jurorId, r.scores, r.confidence from reviews r
         join applications a on a.id = r.application_id
         where r.state = 'submitted' and a.state = 'eligible' and a.${IN_2023}`,
      ).map((r) => ({ ...r, scores: JSON.parse(r.scores) as Record<string, number> })),
    };
    const laureates = edition.laureate_count;
    const table = computeResults(input, { method: edition.method, laureates, bootstrap: 0 }).applications;
    const c = laureateCertificate(input, { method: edition.method, laureates });
    expect(c.margin?.scores).toBeLessThanOrEqual(2);
    const top = new Set(table.slice(0, laureates).map((a) => a.applicationId));
    expect(c.expectedRank.band.some((id) => top.has(id))).toBe(true);
    expect(c.expectedRank.band.some((id) => !top.has(id))).toBe(true);
    const byId = new Map(c.expectedRank.applications.map((a) => [a.applicationId, a]));
    const last = byId.get(table[laureates - 1].applicationId)!;
    const next = byId.get(table[laureates].applicationId)!;
    expect(next.expectedRank).toBeGreaterThanOrEqual(last.low);
    expect(next.expectedRank).toBeLessThanOrEqual(last.high);
  });

  it("writes an intact audit chain that records the nominations", () => {
    const database = openDatabase(first);
    try {
      expect(verifyAuditChain(database).ok).toBe(true);
    } finally {
      database.$client.close();
    }
    const nominated = one<{ n: number }>(
      "select count(*) as n from audit_log where action = 'application.nominated'",
    ).n;
    expect(nominated).toBe(
      one<{ n: number }>("select count(*) as n from applications where nominated_at is not null").n,
    );
  });

  it("prints one login per role, all of which work with the demo password", async () => {
    expect(result.logins.map((l) => l.role)).toEqual(["secretariat", "applicant", "nominator", "juror", "jury chair"]);
    const hash = one<{ password_hash: string }>(
      "select password_hash from users where email = ?",
      result.logins[0].email,
    ).password_hash;
    expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true);
    for (const login of result.logins) {
      expect(one<{ n: number }>("select count(*) as n from users where email = ?", login.email).n).toBe(1);
    }
    expect(result.counts.applications).toBe(
      one<{ n: number }>(`select count(*) as n from applications where ${IN_2023}`).n,
    );
  });

  it("builds the same titles, references and scores on every run", () => {
    const other = new Database(second, { readonly: true });
    try {
      const applicationsOf = (db: Database.Database) =>
        db
          .prepare(
            "select reference, title, organisation, country, state, language, content from applications order by reference",
          )
          .all();
      const scoresOf = (db: Database.Database) =>
        db
          .prepare(
            `select a.reference, u.email, r.state, r.scores, r.confidence from reviews r
             join applications a on a.id = r.application_id
             join jury_members j on j.id = r.juror_id join users u on u.id = j.user_id
             order by a.reference, u.email`,
          )
          .all();
      expect(applicationsOf(other)).toEqual(applicationsOf(sqlite));
      expect(scoresOf(other)).toEqual(scoresOf(sqlite));
    } finally {
      other.close();
    }
  });

  it("shows a tie-break rule fixed during scoring, the seeded lottery, with only its seed's SHA-256 audited", () => {
    const rows = all<{ rule: string; seed: string; commitment: string }>(
      `select rule, seed, commitment from tie_breaks where ${IN_2023}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].rule).toBe("lottery");
    expect(rows[0].commitment).toBe(createHash("sha256").update(rows[0].seed).digest("hex"));
    const audit = all<{ details: string }>(
      "select details from audit_log where action = 'tie_break.chosen' and object_id = (select id from editions where year = 2023)",
    );
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ rule: "lottery", commitment: rows[0].commitment }]);
    expect(one<{ n: number }>(`select count(*) as n from deliberations where ${IN_2023}`).n).toBe(0);
  });

  it("includes the past laureates, but none of 2023: the demo's own 2023 edition will announce them", () => {
    expect(all("select project from archive_laureates where year = 2023")).toEqual([]);
    const projects2018 = all<{ project: string }>("select project from archive_laureates where year = 2018").map(
      (r) => r.project,
    );
    expect(projects2018).toHaveLength(2);
    expect(one<{ n: number }>("select count(distinct year) as n from archive_laureates").n).toBeGreaterThanOrEqual(15);
  });

  it("does not add past laureates twice when they are seeded again", () => {
    const database = openDatabase(second);
    try {
      const before = database.$client.prepare("select count(*) as n from archive_laureates").get() as { n: number };
      expect(seedPastLaureates(database)).toBe(0);
      const after = database.$client.prepare("select count(*) as n from archive_laureates").get() as { n: number };
      expect(after.n).toBe(before.n);
    } finally {
      database.$client.close();
    }
  });
});

describe("exploring the demo", () => {
  it("has a few realistic conflicts: declared ones, confirmed ones and a couple of proposals, not one per juror and application", () => {
    const byStatus = all<{ status: string; n: number }>(
      `select status, count(*) as n from conflicts where ${IN_2023} group by status order by status`,
    );
    expect(byStatus.map((r) => r.status)).toEqual(["confirmed", "proposed"]);
    const proposed = byStatus.find((r) => r.status === "proposed")!.n;
    expect(proposed).toBeGreaterThanOrEqual(1);
    expect(proposed).toBeLessThanOrEqual(5);
    expect(one<{ n: number }>(`select count(*) as n from conflicts where ${IN_2023}`).n).toBeLessThan(20);
    // The accounts do not all share one organisation domain that would make every juror "same organisation" as every
    // application.
    const jurorDomains = all<{ email: string }>(
      `select u.email from jury_members j join users u on u.id = j.user_id where j.${IN_2023}`,
    ).map((r) => r.email.split("@")[1]);
    expect(new Set(jurorDomains).size).toBe(5);
  });

  it("has one pair of jurors agreeing far more than chance, whom the integrity page flags by name", async () => {
    const path = join(dir, "audited.db");
    await buildDemo(path);
    closeDb();
    process.env.DATABASE_PATH = path;
    try {
      const database = db().$client;
      const editionId = (database.prepare("select id from editions where year = 2023").get() as { id: string }).id;
      const staff = await cookieFor(
        (database.prepare("select id from users where email = ?").get(result.logins[0].email) as { id: string }).id,
      );
      const res = await run(() =>
        integrityPage.loader({
          request: request(`/secretariat/editions/${editionId}/integrity`, { cookie: staff }),
          params: { editionId },
          context: { clientAddress: "203.0.113.9" },
        }),
      );
      const jurors = (res.body as IntegrityPageData).jurors;
      const flagged = jurors.pairs.filter((p) => p.anchor);
      expect(flagged.map((p) => [p.a, p.b])).toEqual([["Kwame Mensah", "Sofía Ramírez Castillo"]]);
      expect(jurors.pairEvidence[0].rows.length).toBeGreaterThanOrEqual(6);
    } finally {
      closeDb();
    }
  });

  it("opening every secretariat and jury page of the demo's edition changes no review, conflict, assignment, audit row or e-mail", async () => {
    const path = join(dir, "explored.db");
    const demo = await buildDemo(path);
    closeDb();
    process.env.DATABASE_PATH = path;
    try {
      const database = db().$client;
      const edition = database.prepare("select id from editions where year = 2023").get() as { id: string };
      const userOf = (email: string) =>
        (database.prepare("select id from users where email = ?").get(email) as { id: string }).id;
      const staff = await cookieFor(userOf(demo.logins.find((l) => l.role === "secretariat")!.email));
      const jurorId = userOf(demo.logins.find((l) => l.role === "juror")!.email);
      const chairId = userOf(demo.logins.find((l) => l.role === "jury chair")!.email);
      const juror = await cookieFor(jurorId);
      const chair = await cookieFor(chairId);
      const proposal = (database.prepare("select id from conflicts where status = 'proposed'").get() as { id: string })
        .id;
      const reviewIds = database
        .prepare(
          `select r.id from reviews r join jury_members j on j.id = r.juror_id
           where j.user_id = ? and r.state <> 'recused' and j.${IN_2023}`,
        )
        .all(jurorId) as { id: string }[];
      const state = () => ({
        reviews: database.prepare("select id, state, version, scores, submitted_at from reviews order by id").all(),
        conflicts: database.prepare("select id, status, confirmed_at, dismissed_at from conflicts order by id").all(),
        assignments: database.prepare("select id, published_at from assignments order by id").all(),
        audit: database.prepare("select count(*) as n from audit_log").get(),
        outbox: database.prepare("select count(*) as n from outbox").get(),
      });
      const before = state();
      const editionId = edition.id;
      const base = `/secretariat/editions/${editionId}`;
      const pages: [string, (a: LoaderArgs) => Promise<unknown>, string][] = [
        [`${base}/jury`, juryPage.loader, staff],
        [`${base}/conflicts`, conflictsPage.loader, staff],
        [`${base}/conflicts?add=1`, conflictsPage.loader, staff],
        [`${base}/conflicts?confirm=${proposal}`, conflictsPage.loader, staff],
        [`${base}/assignment`, assignmentPage.loader, staff],
        [`${base}/assignment?adjust=add`, assignmentPage.loader, staff],
        [`${base}/progress`, progressPage.loader, staff],
        [`${base}/results`, resultsPage.loader, staff],
        [`${base}/deliberation`, deliberationPage.loader, staff],
        [`${base}/decision`, decisionPage.loader, staff],
        [`${base}/integrity`, integrityPage.loader, staff],
        ["/jury", juryDashboard.loader, juror],
        [`/jury/${editionId}/conflicts`, jurorConflicts.loader, juror],
        [`/jury/${editionId}/results`, jurorResults.loader, juror],
        [`/jury/${editionId}/ballot`, ballotPage.loader, chair],
        ...reviewIds.map((r): [string, (a: LoaderArgs) => Promise<unknown>, string] => [
          `/jury/reviews/${r.id}`,
          reviewPage.loader,
          juror,
        ]),
      ];
      for (const [url, loader, cookie] of pages) {
        const res = await run(() =>
          loader({
            request: request(url, { cookie }),
            params: { editionId, reviewId: url.split("/").pop()! },
            context: { clientAddress: "203.0.113.9" },
          }),
        );
        expect(res.status, url).toBeLessThan(500);
      }
      expect(reviewIds.length).toBeGreaterThan(0);
      expect(state()).toEqual(before);
    } finally {
      closeDb();
    }
  });
});
