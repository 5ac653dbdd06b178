// The tie-break rule fixed before the vote, through the pages: the secretariat fixes it (early or
// in the form that opens the ballot), the chair casts the deciding vote, the jury votes a run-off,
// and every page shows the tally; the minutes and the decision snapshot keep both.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, decisions, editions, outbox, tieBreaks, users } from "../../../db/schema";
import * as secretariatDeliberation from "../../../app/routes/secretariat.editions.$editionId.deliberation";
import * as secretariatDecision from "../../../app/routes/secretariat.editions.$editionId.decision";
import * as ballot from "../../../app/routes/jury.$editionId.ballot";
import { tieBreakSentences, type Tally, type TieBreakView } from "../../../app/results/domain/tally";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { translate, type Vars } from "../../../app/kernel/i18n";
import { recordRecommendation } from "../../../app/results/models/deliberation.server";
import { getEditionBrief } from "../../../app/results/models/results.server";
import { tieBreakSeed } from "../../../app/results/models/tie-break.server";
import { toLocal } from "../../../app/kernel/domain/paris-time";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";
import { renderPage } from "../../support/render-page";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});
type Fixture = Awaited<ReturnType<typeof buildScoredEdition>>;
interface View {
  view: {
    tieBreak: TieBreakView | null;
    tally: Tally | null;
    outcome: { rows: { id: string }[] } | null;
    cast: { places: number; apps: { id: string }[] } | null;
    runoff: { open: boolean; voters: number; apps: { id: string }[] } | null;
  };
}

async function secretariatPost(f: Fixture, form: Record<string, string>) {
  return run(async () =>
    secretariatDeliberation.action(
      args(request(`/x`, { cookie: await cookieFor(f.secretariat.id), form }), { editionId: f.edition.id }),
    ),
  );
}

async function secretariatPage(f: Fixture) {
  const res = await run(async () =>
    secretariatDeliberation.loader(
      args(request(`/x`, { cookie: await cookieFor(f.secretariat.id) }), { editionId: f.edition.id }),
    ),
  );
  return res.body as View & { tieBreak: { rule: string; commitment: string } | null };
}

async function jurorPost(f: Fixture, j: number, form: Record<string, string>) {
  return run(async () =>
    ballot.action(
      args(request(`/x`, { cookie: await cookieFor(f.jurors[j].user.id), form }), { editionId: f.edition.id }),
    ),
  );
}

async function jurorPage(f: Fixture, j: number) {
  const res = await run(async () =>
    ballot.loader(args(request(`/x`, { cookie: await cookieFor(f.jurors[j].user.id) }), { editionId: f.edition.id })),
  );
  return res.body as View & { isChair: boolean; fairness: { text: string; lang: string } | null };
}

async function openWith(f: Fixture, rule: string) {
  const form: Record<string, string> = { intent: "open", tieBreak: rule };
  for (const { app } of f.apps.slice(0, 4)) form[`s_${app.id}`] = "on";
  return secretariatPost(f, form);
}

const ranks = (f: Fixture, prefix: string, order: number[]) =>
  Object.fromEntries(order.map((a, pos) => [`${prefix}${f.apps[a].app.id}`, String(pos + 1)]));

/** Application 0 beats all, 3 loses to all, and 1 and 2 split: a tie for the second (last) place. */
async function voteATie(f: Fixture) {
  expect((await jurorPost(f, 0, { intent: "vote", ...ranks(f, "rank_", [0, 1, 2, 3]) })).status).toBe(302);
  expect((await jurorPost(f, 2, { intent: "vote", ...ranks(f, "rank_", [0, 2, 1, 3]) })).status).toBe(302);
  expect((await jurorPost(f, 0, { intent: "close", confirm: "on" })).status).toBe(302);
}

function recommend(f: Fixture, first: number, second: number) {
  return jurorPost(f, 0, {
    intent: "recommend",
    choice_1: f.apps[first].app.id,
    choice_2: f.apps[second].app.id,
    citation_en_1: "For greening schools",
    citation_fr_1: "Pour verdir les écoles",
    citation_en_2: "For open content",
    citation_fr_2: "Pour des contenus ouverts",
    minutes: "The jury met online.",
  });
}

const auditActions = (editionId: string) =>
  db()
    .select()
    .from(auditLog)
    .all()
    .filter((a) => a.objectId === editionId)
    .map((a) => a.action);

describe("fixing the tie-break rule", () => {
  it("the secretariat may fix it while scoring is open and sees the seed's fingerprint, never the seed", async () => {
    const f = await buildScoredEdition();
    db()
      .update(editions)
      .set({ scoringClosesAt: new Date(Date.now() + 864e5) })
      .where(eq(editions.id, f.edition.id))
      .run();
    expect(await secretariatPost(f, { intent: "tiebreak" })).toMatchObject({
      status: 400,
      body: { errors: { tieBreak: { message: "errors.tie_break_required" } } },
    });
    expect((await secretariatPost(f, { intent: "tiebreak", tieBreak: "chair" })).status).toBe(302);
    const row = db().select().from(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).get()!;
    const seed = tieBreakSeed(row);
    const page = await secretariatPage(f);
    expect(page.tieBreak).toMatchObject({ rule: "chair", commitment: sha256(seed) });
    expect(JSON.stringify(page)).not.toContain(seed);
    // A second tab opened before the rule was chosen: its choice does not replace it unseen.
    expect(await secretariatPost(f, { intent: "tiebreak", tieBreak: "lottery", seen: "0" })).toMatchObject({
      status: 400,
      body: { errors: { tieBreak: { message: "errors.tie_break_changed" } } },
    });
    expect(db().select().from(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).get()!.rule).toBe("chair");
    // From the page showing the rule now chosen, it is replaced knowingly.
    const seen = String(row.chosenAt.getTime());
    expect((await secretariatPost(f, { intent: "tiebreak", tieBreak: "lottery", seen })).status).toBe(302);
    expect(db().select().from(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).get()!.rule).toBe("lottery");
  });

  it("opening the deliberation needs a rule, and once the ballot is open the rule cannot change", async () => {
    const f = await buildScoredEdition();
    const form: Record<string, string> = { intent: "open" };
    for (const { app } of f.apps.slice(0, 4)) form[`s_${app.id}`] = "on";
    expect(await secretariatPost(f, form)).toMatchObject({
      status: 400,
      body: { errors: { tieBreak: { message: "errors.tie_break_required" } } },
    });
    expect((await openWith(f, "jury")).status).toBe(302);
    expect(await secretariatPost(f, { intent: "tiebreak", tieBreak: "lottery" })).toMatchObject({
      status: 400,
      body: { errors: { tieBreak: { message: "errors.tie_break_locked" } } },
    });
    // Opening again (another tab) changes nothing, and says the ballot was already open.
    expect((await openWith(f, "lottery")).headers.get("Location")).toBe(
      `/secretariat/editions/${f.edition.id}/deliberation?already_open=1`,
    );
    expect(db().select().from(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).get()!.rule).toBe("jury");
    // Jurors see the rule and the fingerprint while they vote, not the seed.
    const juror = await jurorPage(f, 2);
    expect(juror.view.tieBreak).toMatchObject({ rule: "jury", status: "ballot_open", seed: null });
  });
});

describe("the chair's casting vote", () => {
  it("only the chair may cast it, for exactly the open places, and the recommendation waits for it", async () => {
    const f = await buildScoredEdition();
    await openWith(f, "chair");
    await voteATie(f);
    const tied = [f.apps[1].app.id, f.apps[2].app.id];
    const chair = await jurorPage(f, 0);
    expect(chair.view.tieBreak).toMatchObject({ status: "awaiting_cast", seed: null, tie: { count: 2, places: 1 } });
    expect(chair.view.cast!.apps.map((a) => a.id).sort()).toEqual([...tied].sort());
    expect((await jurorPage(f, 2)).view.cast).toBeNull();
    expect(await recommend(f, 0, 1)).toMatchObject({
      status: 400,
      body: { errors: { minutes: { message: "errors.tie_break_pending" } } },
    });
    expect((await jurorPost(f, 2, { intent: "cast", [`cast_${tied[1]}`]: "on" })).status).toBe(404);
    expect(
      await jurorPost(f, 0, { intent: "cast", [`cast_${tied[0]}`]: "on", [`cast_${tied[1]}`]: "on" }),
    ).toMatchObject({ status: 400, body: { errors: { cast: { message: "errors.cast_count", vars: { count: 1 } } } } });
    expect(await jurorPost(f, 0, { intent: "cast", [`cast_${f.apps[3].app.id}`]: "on" })).toMatchObject({
      status: 400,
      body: { errors: { cast: { message: "errors.cast_choice_invalid" } } },
    });
    expect((await jurorPost(f, 0, { intent: "cast", [`cast_${f.apps[2].app.id}`]: "on" })).status).toBe(302);
    expect(await jurorPost(f, 0, { intent: "cast", [`cast_${f.apps[1].app.id}`]: "on" })).toMatchObject({
      status: 400,
      body: { errors: { cast: { message: "errors.tie_break_not_now" } } },
    });
    const after = await secretariatPage(f);
    expect(after.view.tieBreak).toMatchObject({
      status: "settled",
      settledBy: "chair",
      winners: [f.apps[2].app.reference],
      seedChecked: true,
    });
    expect(after.view.outcome!.rows.map((r) => r.id).slice(0, 2)).toEqual([f.apps[0].app.id, f.apps[2].app.id]);
    expect(auditActions(f.edition.id)).toContain("tie_break.cast");
    expect((await recommend(f, 0, 2)).status).toBe(302);
  });

  it("a chair in conflict with a tied application leaves the tie to the committed lottery", async () => {
    const f = await buildScoredEdition({
      conflicts: [
        [1, 0],
        [0, 2],
      ],
    });
    await openWith(f, "chair");
    await jurorPost(f, 0, { intent: "vote", ...ranks(f, "rank_", [0, 1, 3]) });
    await jurorPost(f, 2, { intent: "vote", ...ranks(f, "rank_", [0, 2, 1, 3]) });
    await jurorPost(f, 3, { intent: "vote", ...ranks(f, "rank_", [0, 1, 2, 3]) });
    await jurorPost(f, 0, { intent: "close", confirm: "on" });
    const page = await secretariatPage(f);
    expect(page.view.tieBreak).toMatchObject({ status: "settled", settledBy: "lottery", fallback: "chair_conflicted" });
    expect(page.view.tieBreak!.lottery).toHaveLength(2);
    expect((await jurorPage(f, 0)).view.cast).toBeNull();
  });
});

describe("the jury's run-off", () => {
  it("opens with the tie, takes every juror's ranking of the tied, and settles the places when closed", async () => {
    const f = await buildScoredEdition();
    await openWith(f, "jury");
    await voteATie(f);
    expect(auditActions(f.edition.id)).toContain("tie_break.runoff_opened");
    // Every juror who votes in the run-off is e-mailed its link, those who did not vote before too.
    const told = db().select().from(outbox).where(eq(outbox.template, "runoff_opened")).all();
    expect(told.map((m) => m.toAddress).sort()).toEqual(f.jurors.map((j) => j.user.email).sort());
    expect(told[0].textBody).toContain(`/jury/${f.edition.id}/ballot`);
    const juror1 = await jurorPage(f, 1); // in conflict with application 0, not with the tied ones
    expect(juror1.view.runoff).toMatchObject({ open: true, voters: 0 });
    expect(juror1.view.runoff!.apps).toHaveLength(2);
    expect(await recommend(f, 0, 1)).toMatchObject({ status: 400 });
    expect(await jurorPost(f, 0, { intent: "close_runoff", confirm: "on" })).toMatchObject({
      status: 400,
      body: { errors: { confirm: { message: "errors.ballot_no_votes" } } },
    });
    expect(await jurorPost(f, 1, { intent: "runoff", ...ranks(f, "runoff_", [0, 1]) })).toMatchObject({
      status: 400,
      body: { errors: { runoff: { message: "errors.ballot_application_invalid" } } },
    });
    for (const [j, order] of [
      [0, [2, 1]],
      [1, [2, 1]],
      [3, [1, 2]],
    ] as const)
      expect((await jurorPost(f, j, { intent: "runoff", ...ranks(f, "runoff_", [...order]) })).status).toBe(302);
    expect((await jurorPost(f, 2, { intent: "close_runoff", confirm: "on" })).status).toBe(404);
    expect((await jurorPost(f, 0, { intent: "close_runoff", confirm: "on" })).status).toBe(302);
    expect(await jurorPost(f, 3, { intent: "runoff", ...ranks(f, "runoff_", [2, 1]) })).toMatchObject({
      status: 400,
      body: { errors: { runoff: { message: "errors.runoff_closed" } } },
    });
    const page = await secretariatPage(f);
    expect(page.view.tieBreak).toMatchObject({
      status: "settled",
      settledBy: "jury",
      fallback: null,
      winners: [f.apps[2].app.reference],
      runoff: { ballots: 3, open: false },
    });
    const runoffTally = page.view.tieBreak!.runoff!.tally!;
    expect(runoffTally.apps.map((a) => a.id)).toEqual([f.apps[2].app.id, f.apps[1].app.id]);
    expect(runoffTally.pairwise).toEqual([
      [0, 2],
      [1, 0],
    ]);
    expect(auditActions(f.edition.id)).toEqual(
      expect.arrayContaining(["runoff_ballot.submitted", "tie_break.runoff_closed"]),
    );
  });

  it("a run-off that ties again is settled by the committed lottery", async () => {
    const f = await buildScoredEdition();
    await openWith(f, "jury");
    await voteATie(f);
    await jurorPost(f, 0, { intent: "runoff", ...ranks(f, "runoff_", [1, 2]) });
    await jurorPost(f, 2, { intent: "runoff", ...ranks(f, "runoff_", [2, 1]) });
    await secretariatPost(f, { intent: "close_runoff", confirm: "on" });
    const page = await secretariatPage(f);
    expect(page.view.tieBreak).toMatchObject({ status: "settled", settledBy: "jury", fallback: "runoff_tied" });
    expect(page.view.tieBreak!.lottery).toHaveLength(2);
    // Said as it happened: the run-off was held, and the lottery, not the run-off, settled the tie.
    const en = Object.assign((k: string, v?: Vars) => translate(catalogues.en, k, v, "en"), { locale: "en" as const });
    const said = tieBreakSentences(en, page.view.tieBreak!);
    expect(said.slice(2, 4)).toEqual([
      "A run-off vote among the tied applications was held (2 ballots).",
      "The run-off still left a tie, which the committed lottery settled.",
    ]);
  });
});

describe("the tally", () => {
  it("shows the pairwise counts, the strongest paths and who a conflict kept out, in the settled order", async () => {
    const f = await buildScoredEdition();
    await openWith(f, "lottery");
    await jurorPost(f, 1, { intent: "vote", ...ranks(f, "rank_", [1, 2, 3]) });
    await voteATie(f);
    const { view } = await secretariatPage(f);
    const tally = view.tally!;
    expect(tally.ballots).toBe(3);
    expect(tally.apps.map((a) => a.id)).toEqual(view.outcome!.rows.map((r) => r.id));
    const at = (a: number) => tally.apps.findIndex((x) => x.id === f.apps[a].app.id);
    // Juror 1 (in conflict with application 0) abstains on its pairs: 2 to 0, not 3 to 0.
    expect(tally.pairwise![at(0)][at(1)]).toBe(2);
    expect(tally.pairwise![at(1)][at(0)]).toBe(0);
    // 1 against 2: jurors 0 and 1 prefer 1, juror 2 prefers 2.
    expect(tally.pairwise![at(1)][at(2)]).toBe(2);
    expect(tally.paths![at(1)][at(2)]).toBe(2);
    expect(tally.paths![at(2)][at(1)]).toBe(0);
    expect(tally.exclusions).toEqual([
      {
        juror: { name: f.jurors[1].user.name, letter: expect.stringMatching(/^[A-E]$/) },
        references: [f.apps[0].app.reference],
        comparisons: 3,
      },
    ]);
    expect(view.tieBreak).toMatchObject({ status: "no_tie", seedChecked: true });
  });

  it("a juror's tally leaves out the application they are in conflict with and names jurors by letter", async () => {
    const f = await buildScoredEdition();
    await openWith(f, "lottery");
    await voteATie(f);
    const page = await jurorPage(f, 1);
    expect(page.view.tally!.apps).toHaveLength(3);
    expect(page.view.tally!.exclusions).toEqual([]);
    const text = JSON.stringify(page);
    expect(text).not.toContain(f.apps[0].app.id);
    expect(text).not.toContain(f.apps[0].app.reference);
    expect(text).not.toContain(f.jurors[2].user.name);
  });

  it("the minutes and the decision snapshot keep the tally and the tie-break with its revealed seed", async () => {
    const f = await buildScoredEdition();
    await openWith(f, "lottery");
    await voteATie(f);
    const { view } = await secretariatPage(f);
    const winner = view.outcome!.rows[1].id;
    const preview = (await jurorPage(f, 0)).fairness!;
    expect(preview.lang).toBe("en");
    expect(preview.text).toContain("Fairness of the call, stage by stage");
    expect(
      (
        await recommend(
          f,
          0,
          f.apps.findIndex((a) => a.app.id === winner),
        )
      ).status,
    ).toBe(302);
    const row = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!;
    const stored = db().select().from(tieBreaks).where(eq(tieBreaks.editionId, f.edition.id)).get()!;
    const { commitment } = stored;
    const seed = tieBreakSeed(stored);
    expect(row.minutes).toBe("The jury met online.");
    expect(row.minutesTally).toContain("Tally of the vote");
    const [one, two] = [f.apps[1].app.reference, f.apps[2].app.reference];
    expect(row.minutesTally).toMatch(
      new RegExp(`(${one} against ${two}|${two} against ${one}): 1 to 1; chains 0 to 0`),
    );
    expect(row.minutesTally).toContain(`Lottery seed, revealed after the vote: ${seed}.`);
    expect(row.minutesTally).toContain("A lottery drawn with the committed seed");
    // The fairness audit in words, exactly as the chair read it before recording.
    expect(row.minutesFairness).toBe(preview.text);
    const decided = await run(async () =>
      secretariatDecision.action(
        args(
          request(`/x`, {
            cookie: await cookieFor(f.secretariat.id),
            form: {
              intent: "decide",
              [`laureate_${f.apps[0].app.id}`]: "on",
              [`laureate_${winner}`]: "on",
              decisionDate: "2024-03-28",
              announcementAt: toLocal(new Date(Date.now() + 3600e3)),
              confirm: "on",
            },
          }),
          { editionId: f.edition.id },
        ),
      ),
    );
    expect(decided.status).toBe(302);
    const snapshot = JSON.parse(
      db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.snapshot!,
    ) as {
      fairnessSummary: string | null;
      deliberation: {
        tally: { pairwise: Record<string, Record<string, number>>; excluded: unknown[] };
        tieBreak: { rule: string; commitment: string; seed: string; winners: string[]; lottery: unknown[] };
      };
    };
    expect(snapshot.deliberation.tieBreak).toMatchObject({ rule: "lottery", commitment, seed, winners: [winner] });
    expect(snapshot.fairnessSummary).toBe(row.minutesFairness);
    expect(sha256(snapshot.deliberation.tieBreak.seed)).toBe(snapshot.deliberation.tieBreak.commitment);
    expect(snapshot.deliberation.tally.pairwise[f.apps[1].app.id][f.apps[2].app.id]).toBe(1);
    const page = await run(async () =>
      secretariatDecision.loader(
        args(request(`/x`, { cookie: await cookieFor(f.secretariat.id) }), { editionId: f.edition.id }),
      ),
    );
    const body = page.body as { minutesTally: string; minutesFairness: string };
    expect(body.minutesTally).toBe(row.minutesTally);
    expect(body.minutesFairness).toBe(row.minutesFairness);
  });
  it("a chair writing in French records the fairness audit in French, and another juror is shown none of it", async () => {
    const f = await buildScoredEdition();
    db().update(users).set({ locale: "fr" }).where(eq(users.id, f.chair.user.id)).run();
    await openWith(f, "lottery");
    await voteATie(f);
    expect((await jurorPage(f, 1)).fairness).toBeNull();
    const { view } = await secretariatPage(f);
    const winner = view.outcome!.rows[1].id;
    expect(
      (
        await recommend(
          f,
          0,
          f.apps.findIndex((a) => a.app.id === winner),
        )
      ).status,
    ).toBe(302);
    const row = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!;
    expect(row.minutesFairness).toMatch(/^Équité de l’appel, étape par étape/);
    expect(row.minutesFairness).toContain("Étapes auditées : Candidature, Envoyée à une entité");
  });

  it("recordRecommendation keeps the fairness summary it is given beside the tally, audited in the same write", async () => {
    const f = await buildScoredEdition();
    await openWith(f, "lottery");
    await voteATie(f);
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const result = recordRecommendation({
      edition,
      actorId: f.chair.user.id,
      chairMemberId: f.chair.member.id,
      order: [f.apps[0].app.id, f.apps[1].app.id],
      citations: {},
      minutes: "Met online.",
      minutesTally: "Tally.",
      minutesFairness: "No group was flagged at any stage.",
    });
    expect(result).toEqual({ ok: true });
    const row = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!;
    expect([row.minutesTally, row.minutesFairness]).toEqual(["Tally.", "No group was flagged at any stage."]);
    expect(auditActions(f.edition.id)).toContain("decision.recommended");
  });

  it("an application off the shortlist is refused on the choice that names it, and nothing is recorded", async () => {
    const f = await buildScoredEdition();
    await openWith(f, "lottery");
    await voteATie(f);
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const recommend = (order: string[]) =>
      recordRecommendation({
        edition,
        actorId: f.chair.user.id,
        chairMemberId: f.chair.member.id,
        order,
        citations: {},
        minutes: "Met online.",
      });
    const listed = f.apps[0].app.id;
    expect([recommend([listed, "not-on-the-shortlist"]), recommend(["not-on-the-shortlist", listed])]).toEqual([
      { ok: false, field: "choice_2", error: "errors.recommendation_choice_invalid" },
      { ok: false, field: "choice_1", error: "errors.recommendation_choice_invalid" },
    ]);
    expect(
      db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()?.recommendedAt ?? null,
    ).toBe(null);
  });
});

describe("a vote that places one of the chair's conflicts among the laureates", () => {
  /** Application 0 first and 1 second; the chair (juror 0) in conflict with application 0 unless told. */
  async function voteForTheConflicted(f: Fixture) {
    await openWith(f, "lottery");
    for (const j of [1, 2])
      expect((await jurorPost(f, j, { intent: "vote", ...ranks(f, "rank_", [0, 1, 2, 3]) })).status).toBe(302);
    expect((await jurorPost(f, 3, { intent: "vote", ...ranks(f, "rank_", [0, 2, 1, 3]) })).status).toBe(302);
    expect((await jurorPost(f, 0, { intent: "close", confirm: "on" })).status).toBe(302);
  }

  async function decisionPage(f: Fixture) {
    const res = await run(async () =>
      secretariatDecision.loader(
        args(request(`/x`, { cookie: await cookieFor(f.secretariat.id) }), { editionId: f.edition.id }),
      ),
    );
    return res.body as { vote: { places: { id: string }[]; leftOut: { id: string }[]; chairConflicted: boolean } };
  }

  it("the chair reads the vote's places as they are, with the withheld one in its place, and cannot recommend", async () => {
    const f = await buildScoredEdition({ conflicts: [[0, 0]] });
    await voteForTheConflicted(f);
    const page = (await jurorPage(f, 0)) as unknown as {
      view: { outcome: { rows: { id: string; position: number; withheld: boolean }[]; withheldPlaces: number[] } };
    };
    expect(page.view.outcome.rows.map((r) => [r.position, r.withheld, r.id])).toEqual([
      [1, true, ""],
      [2, false, f.apps[1].app.id],
      [3, false, f.apps[2].app.id],
      [4, false, f.apps[3].app.id],
    ]);
    expect(page.view.outcome.withheldPlaces).toEqual([1]);
    const Ballot = ballot.default;
    const chairEn = renderPage(() => <Ballot />, { locale: "en", data: page, path: `/jury/${f.edition.id}/ballot` });
    expect(chairEn).toContain("Withheld: an application you have a conflict of interest with");
    expect(chairEn).toContain("among the laureates (place 1)");
    expect(chairEn).not.toContain('name="choice_1"');
    expect(renderPage(() => <Ballot />, { locale: "fr", data: page })).toContain(
      "(place 1). La recommandation ne vous",
    );
    expect(renderPage(() => <Ballot />, { locale: "ar", data: page })).toContain("محجوب: طلب لديك تضارب مصالح بشأنه");
    // A recommendation could only leave the vote's first place out, unseen: refused, nothing written.
    const refused = await recommend(f, 1, 2);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("errors.recommendation_chair_conflicted");
    expect(db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()?.recommendedAt).toBe(
      undefined,
    );
    // The secretariat reads the vote's places, and why no recommendation comes.
    const decision = await decisionPage(f);
    expect(decision.vote).toEqual({
      places: [expect.objectContaining({ id: f.apps[0].app.id }), expect.objectContaining({ id: f.apps[1].app.id })],
      leftOut: [],
      chairConflicted: true,
    });
    // The vote's laureate places are ticked for the decision.
    const Decision = secretariatDecision.default;
    const html = renderPage(() => <Decision />, { locale: "en", data: decision });
    expect(html).toContain("so the chair does not recommend");
    for (const a of [0, 1]) expect(html).toMatch(new RegExp(`name="laureate_${f.apps[a].app.id}"[^>]*checked`));
    expect(html).not.toMatch(new RegExp(`name="laureate_${f.apps[2].app.id}"[^>]*checked`));
  });

  it("a juror without the conflict reads the whole order, and the chair without it recommends as before", async () => {
    const f = await buildScoredEdition({ conflicts: [] });
    await voteForTheConflicted(f);
    const page = (await jurorPage(f, 1)) as unknown as {
      view: { outcome: { rows: { withheld: boolean }[]; withheldPlaces: number[] } };
    };
    expect(page.view.outcome.rows.map((r) => r.withheld)).toEqual([false, false, false, false]);
    expect(page.view.outcome.withheldPlaces).toEqual([]);
    // Leaving out the vote's first place is the chair's to do, and the secretariat is told of it.
    expect((await recommend(f, 1, 2)).status).toBe(302);
    const decision = await decisionPage(f);
    expect(decision.vote).toEqual({
      places: [expect.objectContaining({ id: f.apps[0].app.id }), expect.objectContaining({ id: f.apps[1].app.id })],
      leftOut: [expect.objectContaining({ id: f.apps[0].app.id, reference: f.apps[0].app.reference })],
      chairConflicted: false,
    });
    const Decision = secretariatDecision.default;
    expect(renderPage(() => <Decision />, { locale: "en", data: decision })).toContain(
      `The recommendation departs from the vote: it leaves out ${f.apps[0].app.reference}.`,
    );
    expect(renderPage(() => <Decision />, { locale: "fr", data: decision })).toContain(
      `La recommandation s’écarte du vote : elle laisse de côté ${f.apps[0].app.reference}.`,
    );
  });
});

describe("the chair's recommendation form", () => {
  it("names the laureate place of each error in its summary: 'Laureate 2, Citation in English'", async () => {
    const f = await buildScoredEdition();
    expect((await openWith(f, "chair")).status).toBe(302);
    for (const j of [0, 2])
      expect((await jurorPost(f, j, { intent: "vote", ...ranks(f, "rank_", [0, 1, 2, 3]) })).status).toBe(302);
    expect((await jurorPost(f, 0, { intent: "close", confirm: "on" })).status).toBe(302);
    const refused = await jurorPost(f, 0, {
      intent: "recommend",
      choice_1: f.apps[0].app.id,
      choice_2: f.apps[1].app.id,
      citation_en_1: "For greening schools",
      citation_fr_1: "Pour verdir les écoles",
      citation_en_2: "",
      citation_fr_2: "Pour des contenus ouverts",
      minutes: "The jury met online.",
    });
    expect(refused.status).toBe(400);
    const html = renderPage(ballot.default, { locale: "en", data: await jurorPage(f, 0), actionData: refused.body });
    const summary = html.match(/<div class="error-summary"[\s\S]*?<\/ul>/)![0].replaceAll("<!-- -->", "");
    expect(summary).toContain(">Laureate 2, Citation in English: This field is required</a>");
  });

  it("says once, just after a vote, that the ballot is recorded", async () => {
    const f = await buildScoredEdition();
    expect((await openWith(f, "chair")).status).toBe(302);
    expect((await jurorPost(f, 2, { intent: "vote", ...ranks(f, "rank_", [0, 1, 2, 3]) })).status).toBe(302);
    const data = await jurorPage(f, 2);
    const text = (path: string) => renderPage(ballot.default, { locale: "en", data, path }).replaceAll("<!-- -->", "");
    expect(text("/x?voted=1").split("Your ballot is recorded.")).toHaveLength(2);
    expect(text("/x")).toContain("Your ballot is recorded. Submitting again replaces it.");
  });
});
