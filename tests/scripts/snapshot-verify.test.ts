// `npm run scoring -- verify`: a snapshot frozen by the real decision code on a seeded edition
// re-derives clean; tampering with any input or output it holds names the part that differs; an
// older snapshot without a section is reported as not re-checkable, never as a pass.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { applications, decisions } from "../../db/schema";
import * as ballot from "../../app/routes/jury.$editionId.ballot";
import * as secretariatDeliberation from "../../app/routes/secretariat.editions.$editionId.deliberation";
import * as secretariatDecision from "../../app/routes/secretariat.editions.$editionId.decision";
import { toLocal } from "../../app/kernel/domain/paris-time";
import { runCli } from "../../scripts/scoring-cli";
import { formatVerification, verifySnapshot, type PartReport } from "../../scripts/snapshot-verify";
import { cookieFor, request, run } from "../fixtures/builders";
import { buildScoredEdition } from "../fixtures/results";

type Fixture = Awaited<ReturnType<typeof buildScoredEdition>>;
const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});
const ranks = (f: Fixture, prefix: string, order: number[]) =>
  Object.fromEntries(order.map((a, pos) => [`${prefix}${f.apps[a].app.id}`, String(pos + 1)]));

async function secretariat(f: Fixture, route: typeof secretariatDeliberation, form: Record<string, string>) {
  const cookie = await cookieFor(f.secretariat.id);
  return run(() => route.action(args(request(`/x`, { cookie, form }), { editionId: f.edition.id })));
}
async function juror(f: Fixture, j: number, form: Record<string, string>) {
  const cookie = await cookieFor(f.jurors[j].user.id);
  return run(() => ballot.action(args(request(`/x`, { cookie, form }), { editionId: f.edition.id })));
}

/**
 * A decided edition: ballot on the top four under `rule`, a tie for the second place (juror 1,
 * in conflict with application 0, abstains on its pairs), settled by the rule, then recommended
 * and decided. Returns the snapshot exactly as downloaded, parsed.
 */
/** Every application of the edition declares its project lead's gender (the audit counts them). */
function declareGenders(editionId: string) {
  const rows = db()
    .select({ id: applications.id, content: applications.content, nominated: applications.nominatedContent })
    .from(applications)
    .where(eq(applications.editionId, editionId))
    .all();
  rows.forEach((row, i) => {
    const declare = <T>(content: T): T => {
      const c = structuredClone(content ?? {}) as { sections?: Record<string, Record<string, unknown>> };
      c.sections ??= {};
      c.sections.contact = { ...c.sections.contact, leadGender: i % 2 ? "man" : "woman" };
      return c as T;
    };
    db()
      .update(applications)
      .set({ content: declare(row.content), nominatedContent: row.nominated ? declare(row.nominated) : null })
      .where(eq(applications.id, row.id))
      .run();
  });
}

async function decidedSnapshot(rule: "lottery" | "jury" | "chair") {
  const f = await buildScoredEdition();
  declareGenders(f.edition.id);
  const open: Record<string, string> = { intent: "open", tieBreak: rule };
  for (const { app } of f.apps.slice(0, 4)) open[`s_${app.id}`] = "on";
  expect((await secretariat(f, secretariatDeliberation, open)).status).toBe(302);
  expect((await juror(f, 1, { intent: "vote", ...ranks(f, "rank_", [1, 2, 3]) })).status).toBe(302);
  expect((await juror(f, 0, { intent: "vote", ...ranks(f, "rank_", [0, 1, 2, 3]) })).status).toBe(302);
  expect((await juror(f, 2, { intent: "vote", ...ranks(f, "rank_", [0, 2, 1, 3]) })).status).toBe(302);
  expect((await juror(f, 3, { intent: "vote", ...ranks(f, "rank_", [0, 2, 1, 3]) })).status).toBe(302);
  expect((await juror(f, 0, { intent: "close", confirm: "on" })).status).toBe(302);
  if (rule === "chair")
    expect((await juror(f, 0, { intent: "cast", [`cast_${f.apps[2].app.id}`]: "on" })).status).toBe(302);
  if (rule === "jury") {
    // The run-off ties again (one each way): the committed lottery settles it.
    expect((await juror(f, 0, { intent: "runoff", ...ranks(f, "runoff_", [1, 2]) })).status).toBe(302);
    expect((await juror(f, 2, { intent: "runoff", ...ranks(f, "runoff_", [2, 1]) })).status).toBe(302);
    expect((await juror(f, 0, { intent: "close_runoff", confirm: "on" })).status).toBe(302);
  }
  const row = () => db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get();
  const snapshotOf = () => JSON.parse(row()!.snapshot!) as Snap;
  expect(
    (
      await juror(f, 0, {
        intent: "recommend",
        choice_1: f.apps[0].app.id,
        choice_2: f.apps[1].app.id,
        citation_en_1: "For greening schools",
        citation_fr_1: "Pour verdir les écoles",
        citation_en_2: "For open content",
        citation_fr_2: "Pour des contenus ouverts",
        minutes: "The jury met online.",
      })
    ).status,
  ).toBe(302);
  const decided = await secretariat(f, secretariatDecision as unknown as typeof secretariatDeliberation, {
    intent: "decide",
    [`laureate_${f.apps[0].app.id}`]: "on",
    [`laureate_${f.apps[1].app.id}`]: "on",
    decisionDate: "2024-03-28",
    announcementAt: toLocal(new Date(Date.now() + 3600e3)),
    confirm: "on",
  });
  expect(decided.status).toBe(302);
  return { f, text: row()!.snapshot!, sha256: row()!.snapshotSha256!, snapshot: snapshotOf() };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the snapshot is edited as raw JSON
type Snap = Record<string, any>;
const statuses = (parts: PartReport[]) => Object.fromEntries(parts.map((p) => [p.part, p.status]));
const ALL_MATCH = {
  results: "matches",
  certificate: "matches",
  tally: "matches",
  borda: "matches",
  "tie-break": "matches",
  independence: "matches",
  fairness: "matches",
};
const tampered = (snapshot: Snap, edit: (s: Snap) => void) => {
  const copy = structuredClone(snapshot);
  edit(copy);
  return verifySnapshot(copy);
};

describe("verifying a decision snapshot", () => {
  it("a snapshot frozen by a decision settled by the lottery re-derives clean, part by part, under its published hash, and the cli exits 0", async () => {
    const { text, sha256, snapshot } = await decidedSnapshot("lottery");
    expect(snapshot.format).toBe("ict-prize-decision-snapshot/2");
    expect(snapshot.deliberation.tieBreak).toMatchObject({ status: "settled", settledBy: "lottery" });
    // A declared gender is only counted: no application's row carries it.
    expect(snapshot.integrity.fairness.countedOnly).toEqual(["gender"]);
    expect(snapshot.integrity.fairness.rows.filter((r: object) => "gender" in r)).toEqual([]);
    // Every application with a country has its income group frozen, with the list it was read from.
    expect(snapshot.integrity.fairness.rows.filter((r: Snap) => r.region && !r.income)).toEqual([]);
    expect(snapshot.integrity.fairness.rows.map((r: Snap) => r.income)).toContain("upper_middle");
    expect(snapshot.integrity.fairness.incomeClassification).toMatchObject({ fiscalYear: 2026 });
    const out = runCli(["verify", "decision.json"], () => text);
    expect(out).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        `decision snapshot decision.json, SHA-256 ${sha256}`,
        "results: matches (6 applications ranked again from the reviews)",
        "certificate: matches (margin, expected ranks and band computed again)",
        "tally: matches (Schulze counted again from 4 ballots, conflicts kept out as recorded (1 juror))",
        "borda: matches (Borda shares and Schulze wins counted again)",
        "tie-break: matches (rule lottery, the seed's SHA-256 is the commitment; 2 lottery tickets drawn again)",
        `independence: matches (${snapshot.integrity.independence.pairs.length} juror pairs and ` +
          `${snapshot.integrity.independence.homeBias.length} home-bias estimates computed again)`,
        `fairness: matches (5 tables counted again from ${snapshot.integrity.fairness.rows.length} applications; ` +
          "income groups from World Bank country income classification, fiscal year 2026; " +
          "kept as published, never per application: gender)",
        "OK: every part re-derived matches the snapshot",
        "",
      ].join("\n"),
    });
    // The same through `npm run scoring -- verify` on the downloaded file.
    const file = join(mkdtempSync(join(tmpdir(), "snapshot-verify-")), "decision.json");
    writeFileSync(file, text);
    const tsx = join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
    const cli = spawnSync(process.execPath, [tsx, "scripts/scoring-cli.ts", "verify", file], { encoding: "utf8" });
    expect({ status: cli.status, stderr: cli.stderr, stdout: cli.stdout }).toEqual({
      status: 0,
      stderr: "",
      stdout: out.stdout.replace("decision.json", file),
    });
    // Given the published hash, it says the file is the decided snapshot.
    const published = runCli(["verify", "decision.json", sha256.toUpperCase()], () => text);
    expect(published.code).toBe(0);
    expect(published.stdout).toContain("the published SHA-256: it is the decided snapshot");
    // A laureate edited into the file re-derives as well, but is not the decided snapshot.
    const edited = JSON.parse(text);
    edited.decision.laureates = [...edited.decision.laureates].reverse();
    const forged = runCli(["verify", "decision.json", sha256], () => JSON.stringify(edited));
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain("OK: every part re-derived matches the snapshot");
    expect(forged.stdout).toMatch(/FAILED: not the decided snapshot: its SHA-256 is [0-9a-f]{64}, the published one /);
    expect(runCli(["verify", "decision.json", "abc"], () => text)).toMatchObject({ code: 1, stdout: "" });
  });

  it("a run-off that tied again re-derives clean: its ballots counted again and the lottery redrawn", async () => {
    const { snapshot } = await decidedSnapshot("jury");
    expect(snapshot.deliberation.tieBreak).toMatchObject({ settledBy: "jury", fallback: "runoff_tied" });
    const parts = verifySnapshot(snapshot);
    expect(statuses(parts)).toEqual(ALL_MATCH);
    expect(parts.find((p) => p.part === "tie-break")!.details[0]).toBe(
      "rule jury, the seed's SHA-256 is the commitment; 2 lottery tickets drawn again; run-off counted again from 2 ballots",
    );
    // One run-off ballot turned round breaks the run-off's tie: the recorded settlement no longer follows.
    const flipped = tampered(snapshot, (s) => s.deliberation.tieBreak.runoff.ballots[0].ranking.reverse());
    expect(statuses(flipped)).toEqual({ ...ALL_MATCH, "tie-break": "differs" });
  });

  it("the chair's casting vote is checked against the tie counted again, and a changed vote fails", async () => {
    const { f, snapshot } = await decidedSnapshot("chair");
    expect(snapshot.deliberation.tieBreak).toMatchObject({ settledBy: "chair", winners: [f.apps[2].app.id] });
    expect(statuses(verifySnapshot(snapshot))).toEqual(ALL_MATCH);
    const recast = tampered(snapshot, (s) => (s.deliberation.tieBreak.cast.ids = [f.apps[1].app.id]));
    expect(statuses(recast)).toEqual({ ...ALL_MATCH, "tie-break": "differs" });
    expect(recast.find((p) => p.part === "tie-break")!.details).toContain(
      `winners.0: recorded "${f.apps[2].app.id}", re-derived "${f.apps[1].app.id}"`,
    );
  });

  it("tampering with one ballot, one review score, the seed or one fairness count fails, naming the part", async () => {
    const { snapshot } = await decidedSnapshot("lottery");
    const ballotChanged = tampered(snapshot, (s) => s.deliberation.ballots[1].ranking.reverse());
    expect(statuses(ballotChanged)).toMatchObject({ results: "matches", tally: "differs", fairness: "matches" });
    expect(ballotChanged.find((p) => p.part === "tally")!.details[0]).toMatch(
      /^pairwise\.\S+: recorded \d, re-derived \d$/,
    );

    const scoreChanged = tampered(snapshot, (s) => {
      const review = s.input.reviews.find((r: Snap) => r.applicationId === snapshot.ranking[0].applicationId);
      review.scores.impact = review.scores.impact === 1 ? 10 : 1;
    });
    expect(statuses(scoreChanged)).toMatchObject({ results: "differs", tally: "matches", "tie-break": "matches" });

    const seedChanged = tampered(snapshot, (s) => (s.deliberation.tieBreak.seed = "0".repeat(64)));
    expect(seedChanged.find((p) => p.part === "tie-break")).toEqual({
      part: "tie-break",
      status: "differs",
      details: ["the revealed seed's SHA-256 is not the commitment published"],
    });
    expect(statuses(seedChanged)).toEqual({ ...ALL_MATCH, "tie-break": "differs" });

    let where = "";
    const countChanged = tampered(snapshot, (s) => {
      for (const [t, table] of s.integrity.fairness.tables.entries())
        for (const [v, value] of table.values.entries())
          for (const [c, cell] of value.cells.entries())
            if (cell.count !== null && !where) {
              cell.count += 1;
              where = `tables.${t}.values.${v}.cells.${c}.count`;
            }
    });
    expect(where).not.toBe("");
    expect(statuses(countChanged)).toEqual({ ...ALL_MATCH, fairness: "differs" });
    const fairness = countChanged.find((p) => p.part === "fairness")!;
    expect(fairness.details).toEqual([
      expect.stringMatching(new RegExp(`^${where.replace(/\./g, "\\.")}: recorded \\d+`)),
    ]);
    const { text, code } = formatVerification(countChanged);
    expect(code).toBe(1);
    expect(text).toContain(`fairness: DIFFERS\n  ${fairness.details[0]}\n`);
    expect(text.endsWith("FAILED: fairness differs\n")).toBe(true);
  });

  it("a changed income group of one application fails the fairness part; a snapshot from before the income group still matches", async () => {
    const { snapshot } = await decidedSnapshot("lottery");
    const incomeChanged = tampered(snapshot, (s) => {
      const row = s.integrity.fairness.rows.find((r: Snap) => r.income === "high");
      row.income = "low";
    });
    expect(statuses(incomeChanged)).toEqual({ ...ALL_MATCH, fairness: "differs" });
    const income = snapshot.integrity.fairness.tables.findIndex((t: Snap) => t.group === "income");
    expect(incomeChanged.find((p) => p.part === "fairness")!.details[0]).toMatch(new RegExp(`^tables\\.${income}\\.`));

    const before = tampered(snapshot, (s) => {
      const f = s.integrity.fairness;
      f.groups = f.groups.filter((g: string) => g !== "income");
      f.tables = f.tables.filter((t: Snap) => t.group !== "income");
      for (const row of f.rows) delete row.income;
      delete f.incomeClassification;
    });
    expect(statuses(before)).toEqual(ALL_MATCH);
    expect(before.find((p) => p.part === "fairness")!.details[0]).toMatch(
      /^4 tables counted again from \d+ applications; kept/,
    );
  });

  it("an older snapshot without the sections added since is reported as not re-checkable, exit 2, not as a pass", async () => {
    const { snapshot } = await decidedSnapshot("lottery");
    const older = structuredClone(snapshot);
    older.format = "ict-prize-decision-snapshot/1";
    delete older.integrity.fairness.rows;
    delete older.deliberation.tally.borda;
    delete older.deliberation.tally.wins;
    delete older.deliberation.tally.references;
    const parts = verifySnapshot(older);
    expect(statuses(parts)).toEqual({ ...ALL_MATCH, borda: "not re-checkable", fairness: "not re-checkable" });
    // Before version 2 the lottery's references come from its own record: still redrawn.
    expect(parts.find((p) => p.part === "tie-break")!.details[0]).toContain("references taken from the lottery record");
    const { text, code } = formatVerification(parts);
    expect(code).toBe(2);
    expect(text).toContain("borda: NOT RE-CHECKABLE: the snapshot keeps no Borda shares (recorded before version 2)\n");
    expect(text).toContain(
      "fairness: NOT RE-CHECKABLE: the snapshot keeps the tables but not the rows they were counted from\n",
    );
    expect(text.endsWith("INCOMPLETE: nothing differs, but borda, fairness could not be re-checked\n")).toBe(true);

    const oldest = structuredClone(older);
    delete oldest.integrity;
    delete oldest.certificate;
    expect(statuses(verifySnapshot(oldest))).toEqual({
      ...ALL_MATCH,
      certificate: "not re-checkable",
      borda: "not re-checkable",
      independence: "not re-checkable",
      fairness: "not re-checkable",
    });
  });

  it("a snapshot with no deliberation says there was nothing to count, and a non-object is refused", () => {
    const parts = verifySnapshot({ deliberation: null });
    expect(parts.filter((p) => p.status === "none").map((p) => p.part)).toEqual(["tally", "borda", "tie-break"]);
    expect(runCli(["verify", "list.json"], () => "[]")).toEqual({
      code: 1,
      stdout: "",
      stderr: "scoring: list.json must contain a JSON object (a decision snapshot)\n",
    });
  });
});
