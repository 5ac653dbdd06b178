import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, criteria, editions, eligibilityRules } from "../../../db/schema";
import { criterionSchema, editionSettingsSchema, levelRows } from "../../../app/editions/forms/edition";
import { zodErrors } from "../../../app/kernel/forms/errors";
import { parisLocalToInstant, toLocal } from "../../../app/kernel/domain/paris-time";
import {
  changePhase,
  getEditionForSecretariat,
  getOpenEdition,
  isBeforeDeadline,
  moveCriterion,
  removeCriterion,
  saveCriterion,
  saveRule,
  updateEdition,
} from "../../../app/editions/models/edition.server";
import { makeUser } from "../../fixtures/builders";
import { newEdition, settingsForm } from "../../fixtures/editions";

const audits = (editionId: string, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectId, editionId), eq(auditLog.action, action)))
    .all();

async function secretariat() {
  return makeUser({ roles: ["secretariat"] });
}

/** Moves every open call on, so each test can open its own. */
function closeOpenCalls(actorId: string) {
  for (const e of db().select({ id: editions.id }).from(editions).where(eq(editions.phase, "call_open")).all())
    changePhase({ editionId: e.id, to: "screening", actorId });
}

describe("Paris time", () => {
  it("a winter deadline typed as 2024-02-05 23:59 in Paris is 22:59 UTC", () => {
    expect(parisLocalToInstant("2024-02-05T23:59")!.toISOString()).toBe("2024-02-05T22:59:00.000Z");
  });

  it("a summer noon in Paris is 10:00 UTC, across the daylight saving change", () => {
    expect(parisLocalToInstant("2024-07-01T12:00")!.toISOString()).toBe("2024-07-01T10:00:00.000Z");
  });

  it("instants read back as the Paris wall clock typed, on both sides of the change", () => {
    for (const local of [
      "2024-03-31T01:59",
      "2024-03-31T03:00",
      "2024-10-27T01:30",
      "2024-10-27T03:30",
      "2025-12-31T23:59",
    ]) {
      expect(toLocal(parisLocalToInstant(local)!)).toBe(local);
    }
  });

  it("dates that do not exist are refused", () => {
    expect(parisLocalToInstant("2024-02-30T10:00")).toBeNull();
    expect(parisLocalToInstant("2024-02-05 23:59")).toBeNull();
  });
});

describe("editions", () => {
  it("a new edition is a draft with the five criteria and four eligibility rules of the 2023 call", async () => {
    const user = await secretariat();
    const editionId = newEdition(user.id);
    const found = getEditionForSecretariat({ editionId })!;
    expect(found.edition.phase).toBe("draft");
    expect(found.edition.quotaPerEntity).toBe(3);
    expect(found.criteria.map((c) => c.key)).toEqual([
      "appropriateness",
      "pedagogy",
      "inclusion",
      "impact",
      "replicability",
    ]);
    expect(
      found.criteria.every((c) => c.titleEn && c.titleFr && c.titleAr && c.guidanceAr && c.levelDescriptors.length > 0),
    ).toBe(true);
    expect(found.rules.map((r) => r.key)).toEqual([
      "theme_relevance",
      "one_year",
      "no_unesco_funding",
      "free_of_charge",
    ]);
    expect(audits(editionId, "edition.created")).toHaveLength(1);
  });

  it("a deadline before the opening of the call is refused by the form", () => {
    const parsed = editionSettingsSchema.safeParse(
      settingsForm({ callOpensAt: "2030-03-01T10:00", deadlineAt: "2030-02-01T10:00" }),
    );
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.find((i) => i.path[0] === "deadlineAt")?.message).toBe("errors.edition_deadline_order");
  });

  it("saving the settings as they stand writes nothing: no new version, no audit row", async () => {
    const user = await secretariat();
    const editionId = newEdition(user.id);
    const before = getEditionForSecretariat({ editionId })!.edition;
    const input = editionSettingsSchema.parse(settingsForm({ year: String(before.year), reminderDaysBefore: "5" }));
    const rows = () => audits(editionId, "edition.updated").length;
    expect(updateEdition({ actorId: user.id, editionId, version: before.version, input })).toEqual({ ok: true });
    const saved = getEditionForSecretariat({ editionId })!.edition;
    expect(rows()).toBe(1);
    expect(updateEdition({ actorId: user.id, editionId, version: saved.version, input })).toEqual({ ok: true });
    expect(getEditionForSecretariat({ editionId })!.edition.version).toBe(saved.version);
    expect(rows()).toBe(1);
  });

  it("saving with a stale version is refused and writes nothing", async () => {
    const user = await secretariat();
    const editionId = newEdition(user.id);
    const input = editionSettingsSchema.parse(settingsForm({ themeEn: "First change" }));
    const { year } = getEditionForSecretariat({ editionId })!.edition;
    expect(updateEdition({ actorId: user.id, editionId, version: 1, input: { ...input, year } })).toEqual({ ok: true });
    const stale = updateEdition({
      actorId: user.id,
      editionId,
      version: 1,
      input: { ...input, year, themeEn: "Second change" },
    });
    expect(stale).toMatchObject({ ok: false, error: "errors.edition_stale" });
    expect(getEditionForSecretariat({ editionId })!.edition.themeEn).toBe("First change");
    expect(audits(editionId, "edition.updated")).toHaveLength(1);
  });

  it("moving the deadline is audited with the old and new instants", async () => {
    const user = await secretariat();
    const editionId = newEdition(user.id);
    const before = getEditionForSecretariat({ editionId })!.edition;
    const later = new Date(before.deadlineAt.getTime() + 7 * 864e5);
    const input = { ...editionSettingsSchema.parse(settingsForm()), year: before.year, deadlineAt: later };
    expect(updateEdition({ actorId: user.id, editionId, version: before.version, input })).toEqual({ ok: true });
    const [row] = audits(editionId, "edition.deadline_extended");
    expect(JSON.parse(row.details)).toEqual({ from: before.deadlineAt.toISOString(), to: later.toISOString() });
  });

  it("the days before the automatic reminder are set in the settings, audited, from 0 (none) to 30", async () => {
    const user = await secretariat();
    const editionId = newEdition(user.id);
    const before = getEditionForSecretariat({ editionId })!.edition;
    expect(before.reminderDaysBefore).toBe(3);
    const input = editionSettingsSchema.parse(settingsForm({ year: String(before.year), reminderDaysBefore: "7" }));
    expect(updateEdition({ actorId: user.id, editionId, version: before.version, input })).toEqual({ ok: true });
    expect(getEditionForSecretariat({ editionId })!.edition.reminderDaysBefore).toBe(7);
    const [row] = audits(editionId, "edition.updated");
    expect(JSON.parse(row.details).fields).toContain("reminderDaysBefore");
    for (const refused of ["-1", "31", "2.5", ""])
      expect(editionSettingsSchema.safeParse(settingsForm({ reminderDaysBefore: refused })).success).toBe(false);
    expect(editionSettingsSchema.safeParse(settingsForm({ reminderDaysBefore: "0" })).success).toBe(true);
    // The refusal says the range allowed.
    const outside = editionSettingsSchema.safeParse(settingsForm({ reminderDaysBefore: "31" }));
    expect(outside.success ? null : zodErrors(outside.error).reminderDaysBefore).toEqual({
      message: "errors.edition_number_range",
      vars: { min: 0, max: 30 },
    });
  });

  it("phases move only one step forward or back, each change audited", async () => {
    const user = await secretariat();
    closeOpenCalls(user.id);
    const editionId = newEdition(user.id);
    expect(changePhase({ editionId, to: "screening", actorId: user.id })).toMatchObject({
      ok: false,
      error: "errors.phase_not_adjacent",
    });
    expect(changePhase({ editionId, to: "call_open", actorId: user.id })).toEqual({ ok: true });
    expect(changePhase({ editionId, to: "screening", actorId: user.id })).toEqual({ ok: true });
    expect(changePhase({ editionId, to: "call_open", actorId: user.id })).toEqual({ ok: true });
    expect(changePhase({ editionId, to: "screening", actorId: user.id })).toEqual({ ok: true });
    expect(audits(editionId, "edition.phase_changed").map((a) => JSON.parse(a.details))).toEqual([
      { from: "draft", to: "call_open" },
      { from: "call_open", to: "screening" },
      { from: "call_open", to: "screening" },
    ]);
    expect(audits(editionId, "edition.phase_reopened").map((a) => JSON.parse(a.details))).toEqual([
      { from: "screening", to: "call_open" },
    ]);
  });

  it("only one call can be open at a time", async () => {
    const user = await secretariat();
    closeOpenCalls(user.id);
    const first = newEdition(user.id);
    const second = newEdition(user.id);
    expect(changePhase({ editionId: first, to: "call_open", actorId: user.id })).toEqual({ ok: true });
    const year = getEditionForSecretariat({ editionId: first })!.edition.year;
    expect(changePhase({ editionId: second, to: "call_open", actorId: user.id })).toEqual({
      ok: false,
      field: "form",
      error: "errors.phase_other_call_open",
      vars: { year },
    });
    expect(getEditionForSecretariat({ editionId: second })!.edition.phase).toBe("draft");
    expect(getOpenEdition()!.edition.id).toBe(first);
    changePhase({ editionId: first, to: "screening", actorId: user.id });
    expect(getOpenEdition()).toBeNull();
  });

  it("a call cannot open once its deadline has passed", async () => {
    const user = await secretariat();
    closeOpenCalls(user.id);
    const editionId = newEdition(user.id);
    const deadline = getEditionForSecretariat({ editionId })!.edition.deadlineAt;
    expect(
      changePhase({ editionId, to: "call_open", actorId: user.id, now: new Date(deadline.getTime() + 1) }),
    ).toMatchObject({ error: "errors.phase_deadline_passed" });
  });

  it("after scoring opens, criteria, weights, scale and method are locked", async () => {
    const user = await secretariat();
    closeOpenCalls(user.id);
    const editionId = newEdition(user.id);
    for (const to of ["call_open", "screening", "scoring"])
      expect(changePhase({ editionId, to, actorId: user.id })).toEqual({ ok: true });
    const { edition, criteria: list } = getEditionForSecretariat({ editionId })!;
    expect(edition.lockedAt).not.toBeNull();
    const c = list[0];
    const input = { ...c, titleAr: c.titleAr ?? "", guidanceAr: c.guidanceAr ?? "", weight: 3 };
    expect(saveCriterion({ actorId: user.id, editionId, criterionId: c.id, input })).toMatchObject({
      ok: false,
      error: "errors.edition_locked",
    });
    expect(removeCriterion({ actorId: user.id, editionId, criterionId: c.id })).toMatchObject({
      ok: false,
      error: "errors.edition_locked",
    });
    expect(moveCriterion({ actorId: user.id, editionId, criterionId: c.id, direction: "down" })).toMatchObject({
      ok: false,
      error: "errors.edition_locked",
    });
    const settings = { ...editionSettingsSchema.parse(settingsForm()), year: edition.year, method: "mean" as const };
    expect(updateEdition({ actorId: user.id, editionId, version: edition.version, input: settings })).toMatchObject({
      ok: false,
      field: "method",
      error: "errors.edition_locked",
    });
    expect(db().select().from(criteria).where(eq(criteria.id, c.id)).get()!.weight).toBe(1);
    expect(getEditionForSecretariat({ editionId })!.edition.method).toBe("jurorBias");
    // Going back a step does not unlock.
    expect(changePhase({ editionId, to: "screening", actorId: user.id })).toEqual({ ok: true });
    expect(saveCriterion({ actorId: user.id, editionId, criterionId: c.id, input })).toMatchObject({
      ok: false,
      error: "errors.edition_locked",
    });
  });

  it("a criterion of another edition cannot be edited through this one", async () => {
    const user = await secretariat();
    const mine = newEdition(user.id);
    const other = newEdition(user.id);
    const foreign = getEditionForSecretariat({ editionId: other })!.criteria[0];
    const input = { ...foreign, titleAr: "", guidanceAr: "", weight: 5 };
    expect(saveCriterion({ actorId: user.id, editionId: mine, criterionId: foreign.id, input })).toMatchObject({
      ok: false,
      error: "errors.criterion_unknown",
    });
    expect(db().select().from(criteria).where(eq(criteria.id, foreign.id)).get()!.weight).toBe(1);
  });

  it("eligibility rules can change while the call is open but not once screening starts", async () => {
    const user = await secretariat();
    closeOpenCalls(user.id);
    const editionId = newEdition(user.id);
    const rule = { key: "extra_rule", textEn: "Extra", textFr: "Supplémentaire", textAr: "" };
    expect(saveRule({ actorId: user.id, editionId, input: rule })).toEqual({ ok: true });
    changePhase({ editionId, to: "call_open", actorId: user.id });
    changePhase({ editionId, to: "screening", actorId: user.id });
    expect(saveRule({ actorId: user.id, editionId, input: { ...rule, key: "late_rule" } })).toMatchObject({
      ok: false,
      error: "errors.rules_locked",
    });
    expect(db().select().from(eligibilityRules).where(eq(eligibilityRules.editionId, editionId)).all()).toHaveLength(5);
  });

  it("nothing can be sent after the deadline, whatever the phase", () => {
    const deadlineAt = new Date("2024-02-05T22:59:00Z");
    expect(isBeforeDeadline({ deadlineAt }, new Date("2024-02-05T22:58:59Z"))).toBe(true);
    expect(isBeforeDeadline({ deadlineAt }, new Date("2024-02-05T22:59:00Z"))).toBe(false);
  });

  it("level descriptors are posted as rows, kept by score, and a blank row is dropped", () => {
    const scale = { min: 1, max: 10 };
    const base = { intent: "save", key: "impact", titleEn: "Impact", titleFr: "Impact", weight: "1" };
    const parsed = criterionSchema(scale).safeParse({
      ...base,
      "levels.0.score": "10",
      "levels.0.en": "Excellent",
      "levels.0.fr": "Excellent",
      "levels.0.ar": "",
      "levels.1.score": "",
      "levels.1.en": " ",
      "levels.2.score": " 1 ",
      "levels.2.en": "Poor",
      "levels.2.fr": "Faible",
      "levels.2.ar": "ضعيف",
    });
    expect(parsed.success && parsed.data.intent === "save" && parsed.data.levels).toEqual([
      { score: 1, en: "Poor", fr: "Faible", ar: "ضعيف" },
      { score: 10, en: "Excellent", fr: "Excellent" },
    ]);
  });

  it("a level needs a score of the scale, given once, and its English and French text, each error on its own field", () => {
    const parsed = criterionSchema({ min: 1, max: 10 }).safeParse({
      intent: "save",
      key: "impact",
      titleEn: "Impact",
      titleFr: "Impact",
      weight: "1",
      "levels.0.score": "4",
      "levels.0.en": "Fair",
      "levels.0.fr": "Passable",
      "levels.1.score": "4",
      "levels.1.en": "Again",
      "levels.1.fr": "Encore",
      "levels.2.score": "11",
      "levels.2.fr": "Trop",
      "levels.3.score": "two",
      "levels.3.en": "Text",
      "levels.3.fr": "Texte",
    });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => [i.path.join("."), i.message, (i as { params?: object }).params]);
    expect(issues).toEqual([
      ["levels.1.score", "errors.levels_score", { min: 1, max: 10 }],
      ["levels.2.score", "errors.levels_score", { min: 1, max: 10 }],
      ["levels.2.en", "errors.required", undefined],
      ["levels.3.score", "errors.levels_score", { min: 1, max: 10 }],
    ]);
  });

  it("a forged row index far beyond any scale is not read", () => {
    const parsed = criterionSchema({ min: 1, max: 10 }).safeParse({
      intent: "save",
      key: "impact",
      titleEn: "Impact",
      titleFr: "Impact",
      weight: "1",
      "levels.100000.score": "1",
      "levels.100000.en": "x",
      "levels.100000.fr": "x",
    });
    expect(parsed.success && parsed.data.intent === "save" && parsed.data.levels).toEqual([]);
  });

  it("the form shows a criterion's levels then three blank rows, never more rows than the scale has scores", () => {
    const levels = [
      { score: 1, en: "Poor", fr: "Faible" },
      { score: 10, en: "Excellent", fr: "Excellent", ar: "ممتاز" },
    ];
    const rows = levelRows(levels, { min: 1, max: 10 });
    expect(rows.count).toBe(5);
    expect(rows.max).toBe(10);
    expect(rows.values).toMatchObject({
      "levels.0.score": "1",
      "levels.0.ar": "",
      "levels.1.en": "Excellent",
      "levels.1.ar": "ممتاز",
    });
    expect(levelRows(levels, { min: 1, max: 3 }).count).toBe(3);
    expect(levelRows([], { min: 0, max: 1 }).count).toBe(2);
  });
});

describe("the settings form", () => {
  it("an empty form reports every missing field instead of failing", () => {
    const parsed = editionSettingsSchema.safeParse({ year: "", themeEn: "", deadlineAt: "", callOpensAt: "" });
    expect(parsed.success).toBe(false);
    const fields = new Set(parsed.error!.issues.map((i) => i.path[0]));
    for (const f of ["year", "themeEn", "themeFr", "callOpensAt", "deadlineAt", "announcementAt", "method"])
      expect(fields.has(f), f).toBe(true);
  });
});
