// The demo's finished 2022 edition (scripts/seed/demo-2022.ts): decided and announced through the
// app's own functions, so its snapshot verifies, its audit chain holds and its laureates are public.
import Database from "better-sqlite3";
import { createHash, createPublicKey, verify } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, openDatabase } from "../../../db/client";
import * as laureatesPage from "../../../app/routes/laureates.$year";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { PAST_LAUREATES } from "../../../app/results/models/past-laureates.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildDemo } from "../../../scripts/seed/demo";
import { PLAN_2022 } from "../../../scripts/seed/demo-2022-plan";
import { verifySnapshot } from "../../../scripts/snapshot-verify";

let dir: string;
let path: string;
let sqlite: Database.Database;

const all = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as T;
const EDITION = "(select id from editions where year = 2022)";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "prize-demo-2022-"));
  path = join(dir, "demo.db");
  await buildDemo(path);
  sqlite = new Database(path, { readonly: true });
});

afterAll(() => {
  sqlite?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo's 2022 edition", () => {
  it("is announced, its announcement and scoring in the past", () => {
    const e = one<{ phase: string; announcement_at: number; scoring_closes_at: number }>(
      "select phase, announcement_at, scoring_closes_at from editions where year = 2022",
    );
    expect(e.phase).toBe("announced");
    expect(e.announcement_at).toBeLessThan(Date.now());
    expect(e.scoring_closes_at).toBeLessThan(e.announcement_at);
  });

  it("has two laureates with citations in English and French, the others not selected", () => {
    const states = all<{ state: string; n: number }>(
      `select state, count(*) as n from applications where edition_id = ${EDITION} group by state order by state`,
    );
    expect(states).toEqual([
      { state: "declined", n: 1 },
      { state: "ineligible", n: 1 },
      { state: "laureate", n: 2 },
      { state: "not_selected", n: 6 },
    ]);
    const decision = one<{ laureates: string; citations: string; minutes: string; minutes_tally: string | null }>(
      `select laureates, citations, minutes, minutes_tally from decisions where edition_id = ${EDITION}`,
    );
    const laureates = JSON.parse(decision.laureates) as string[];
    const won = all<{ id: string }>(`select id from applications where state = 'laureate' and edition_id = ${EDITION}`);
    expect([...laureates].sort()).toEqual(won.map((a) => a.id).sort());
    const citations = JSON.parse(decision.citations) as Record<string, { en: string; fr: string }>;
    for (const id of laureates) {
      expect(citations[id].en.length).toBeGreaterThan(40);
      expect(citations[id].fr.length).toBeGreaterThan(40);
    }
    expect(decision.minutes.length).toBeGreaterThan(0);
    expect(decision.minutes_tally).not.toBeNull();
  });

  it("gives each laureate a diploma code whose statement is signed by the key beside the database", () => {
    const codes = all<{ code: string; application_id: string; statement: string; key_id: string; signature: string }>(
      `select code, application_id, statement, key_id, signature from diploma_codes where edition_id = ${EDITION}`,
    );
    const won = all<{ id: string }>(`select id from applications where state = 'laureate' and edition_id = ${EDITION}`);
    expect(codes.map((c) => c.application_id).sort()).toEqual(won.map((a) => a.id).sort());
    const keys = JSON.parse(readFileSync(join(dir, "keys", "published-keys.json"), "utf8")) as {
      id: string;
      publicKeyPem: string;
    }[];
    for (const c of codes) {
      const key = createPublicKey(keys.find((k) => k.id === c.key_id)!.publicKeyPem);
      expect(verify(null, Buffer.from(c.statement), key, Buffer.from(c.signature, "base64url"))).toBe(true);
      expect(JSON.parse(c.statement)).toMatchObject({ code: c.code, edition: 2022 });
    }
  });

  it("comes from made-up projects across regions, a French one and an Arabic-speaking applicant among them", () => {
    const real = new Set(PAST_LAUREATES.filter((l) => l.year === 2022).map((l) => l.project));
    const apps = all<{ title: string; language: string; country: string; locale: string }>(
      `select a.title, a.language, a.country, u.locale from applications a join users u on u.id = a.applicant_id
       where a.edition_id = ${EDITION}`,
    );
    expect(apps.some((a) => real.has(a.title))).toBe(false);
    expect(apps.some((a) => a.language === "fr")).toBe(true);
    expect(apps.some((a) => a.locale === "ar")).toBe(true);
    expect(new Set(apps.map((a) => a.country)).size).toBeGreaterThanOrEqual(7);
    const archived = all<{ project: string; edition_id: string | null }>(
      "select project, edition_id from archive_laureates where year = 2022",
    );
    expect(archived).toHaveLength(2);
    expect(archived.every((a) => a.edition_id !== null && !real.has(a.project))).toBe(true);
  });

  it("keeps a snapshot whose hash is the recorded one and which anyone can verify part by part", () => {
    const d = one<{ snapshot: string; snapshot_sha256: string }>(
      `select snapshot, snapshot_sha256 from decisions where edition_id = ${EDITION}`,
    );
    expect(createHash("sha256").update(d.snapshot).digest("hex")).toBe(d.snapshot_sha256);
    const parts = verifySnapshot(JSON.parse(d.snapshot));
    expect(parts.filter((p) => p.status !== "matches" && p.status !== "none")).toEqual([]);
    const recorded = one<{ details: string }>("select details from audit_log where action = 'decision.recorded'");
    expect(JSON.parse(recorded.details)).toMatchObject({ snapshotSha256: d.snapshot_sha256, phase: "decided" });
  });

  it("records every step in an intact audit chain: ballots, closing, recommendation, decision, announcement", () => {
    const database = openDatabase(path);
    try {
      expect(verifyAuditChain(database).ok).toBe(true);
    } finally {
      database.$client.close();
    }
    const actions = all<{ action: string }>(
      `select action from audit_log where object_id = ${EDITION}
          or object_id in (select id from deliberations where edition_id = ${EDITION}) order by id`,
    ).map((a) => a.action);
    expect(actions.filter((a) => a === "ballot.submitted")).toHaveLength(5);
    const steps = [
      "deliberation.opened",
      "deliberation.ballot_closed",
      "decision.recommended",
      "decision.recorded",
      "decision.announced",
    ];
    expect(actions.filter((a) => steps.includes(a))).toEqual(steps);
  });

  it("has told every applicant and nominating entity in the outbox, each in their language", () => {
    const mails = all<{ template: string; locale: string }>("select template, locale from outbox");
    const laureates = mails.filter((m) => m.template === "results_laureate");
    expect(laureates.map((m) => m.locale).sort()).toEqual(["ar", "fr"]);
    expect(mails.filter((m) => m.template === "results_not_selected")).toHaveLength(6);
    expect(mails.filter((m) => m.template.startsWith("results_entity_")).length).toBeGreaterThanOrEqual(8);
  });

  it("shows its laureates on the public page, and the diploma to a laureate signed in", async () => {
    closeDb();
    const previous = process.env.DATABASE_PATH;
    process.env.DATABASE_PATH = path;
    try {
      const page = async (cookie?: string) =>
        (await run(() =>
          laureatesPage.loader({
            request: request("/laureates/2022", cookie ? { cookie } : {}),
            params: { year: "2022" },
            context: { clientAddress: "203.0.113.9" },
          }),
        )) as { status: number; body: { laureates: { project: string; diploma: boolean }[] } };
      const visitor = await page();
      expect(visitor.status).toBe(200);
      const cited = PLAN_2022.filter((p) => p.citation).map((p) => p.title);
      expect(visitor.body.laureates.map((l) => l.project).sort()).toEqual([...cited].sort());
      const applicant = db()
        .$client.prepare(
          "select applicant_id as id from applications where state = 'laureate' and edition_id = " + EDITION,
        )
        .get() as { id: string };
      const own = await page(await cookieFor(applicant.id));
      expect(own.body.laureates.filter((l) => l.diploma)).toHaveLength(1);
    } finally {
      closeDb();
      if (previous === undefined) delete process.env.DATABASE_PATH;
      else process.env.DATABASE_PATH = previous;
    }
  });
});
