import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications } from "../../../db/schema";
import {
  fairnessOf,
  homeEvidence,
  integritySnapshot,
  jurorAudit,
  pairEvidence,
} from "../../../app/results/models/integrity.server";
import { getEditionBrief } from "../../../app/results/models/results.server";
import { translator, valueLabel } from "../../../app/results/server/integrity-page.server";
import { buildAuditedEdition } from "../../fixtures/integrity";

describe("the juror audit", () => {
  it("flags the two jurors who gave the same scores, and no other pair", async () => {
    const f = await buildAuditedEdition();
    const audit = await jurorAudit({ edition: getEditionBrief({ editionId: f.edition.id })! });
    expect(audit.problem).toBeNull();
    expect(audit.input.reviews).toHaveLength(60);
    expect(audit.pairs).toHaveLength(10);
    expect(audit.threshold).toBeCloseTo(0.005);
    const [x, y] = f.colluding.map((j) => j.member.id).sort();
    expect(audit.pairs.filter((p) => p.flagged).map((p) => [p.a, p.b])).toEqual([[x, y]]);
    const evidence = pairEvidence(audit, x, y);
    expect(evidence).toHaveLength(12);
    expect(evidence.every((r) => JSON.stringify(r.a) === JSON.stringify(r.b) && r.othersMean !== null)).toBe(true);
  });

  it("estimates the home bias of the juror who favours their own region, and lists the scores it comes from", async () => {
    const f = await buildAuditedEdition();
    const audit = await jurorAudit({ edition: getEditionBrief({ editionId: f.edition.id })! });
    const juror = f.jurors[0].member.id;
    const row = audit.homeBias.find((h) => h.jurorId === juror && h.group === "region")!;
    // Four applications from Finland and France; three points added to each.
    expect(row.n).toBe(4);
    expect(row.estimate).toBeGreaterThan(2); // less than three where 10 caps the score
    expect(row.flagged).toBe(true);
    // The juror's country alone gives two home applications: too few to estimate.
    expect(audit.homeBias.some((h) => h.jurorId === juror && h.group === "country")).toBe(false);
    const evidence = homeEvidence(audit, juror, "region");
    expect(evidence.map((r) => r.home)).toEqual([...Array(4).fill(true), ...Array(8).fill(false)]);
    expect(evidence.slice(0, 4).map((r) => r.place)).toEqual(Array(4).fill("europe_north_america"));
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    const differences = evidence.map((r) => r.difference);
    expect(mean(differences.slice(0, 4)) - mean(differences.slice(4))).toBeCloseTo(row.estimate, 9);
  });

  it("says there is nothing to audit before any review is submitted", async () => {
    const f = await buildAuditedEdition();
    const { db } = await import("../../../db/client");
    const { reviews } = await import("../../../db/schema");
    db().update(reviews).set({ state: "draft" }).run();
    const audit = await jurorAudit({ edition: getEditionBrief({ editionId: f.edition.id })! });
    expect(audit.problem).toBe("integrity.no_reviews");
    expect(audit.pairs).toEqual([]);
  });
});

describe("the fairness audit", () => {
  it("reads each application's furthest stage from its state, the shortlist and the recommendation", async () => {
    const f = await buildAuditedEdition();
    const fairness = await fairnessOf({ edition: getEditionBrief({ editionId: f.edition.id })! });
    expect(fairness.applications).toBe(28);
    expect(fairness.stages).toEqual(["applied", "sent", "nominated", "eligible", "shortlisted", "recommended"]);
    const kind = fairness.tables.find((t) => t.group === "entityKind")!;
    // Drafts have no entity: they are left out of this table.
    expect(kind.values.map((v) => v.value)).toEqual(["national_commission", "ngo"]);
    const [commission, ngo] = kind.values.map((v) => v.cells);
    expect(commission.map((c) => c.count)).toEqual([10, 10, 5, null, null, null]);
    expect(commission[2]).toMatchObject({ rate: 0.5, impactRatio: 0.5 });
    expect(commission[2].p).toBeCloseTo(252 / 26334, 9); // Fisher: 5 of 10 against 12 of 12, C(10,5)/C(22,17)
    expect(commission[3].hidden).toBe("small");
    // With one group hidden, the other would give it away from the stage's total: hidden too
    // (and the two it recommended are fewer than five anyway).
    expect(ngo.map((c) => c.hidden)).toEqual([null, null, null, "secondary", "secondary", "small"]);
    const language = fairness.tables.find((t) => t.group === "language")!;
    expect(language.values.map((v) => [v.value, v.cells[0].count])).toEqual([
      ["en", 18],
      ["fr", 10],
    ]);
  });

  it("goes as far as the laureates of a decision being recorded, for its snapshot", async () => {
    const f = await buildAuditedEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const snapshot = integritySnapshot({
      jurors: await jurorAudit({ edition }),
      fairness: await fairnessOf({ edition, laureates: f.shortlist.slice(0, 2) }),
    });
    expect(snapshot.fairness.stages.at(-1)).toBe("laureate");
    expect(snapshot.fairness.minCell).toBe(5);
    expect(snapshot.independence.pairs.filter((p) => p.flagged)).toHaveLength(1);
    expect(snapshot.independence.places.jurorCountry[f.jurors[0].member.id]).toBe("FI");
    expect(snapshot.independence.places.applicationRegion[f.apps[1].app.id]).toBe("europe_north_america");
    // No count under five is kept, not even in the snapshot.
    const counts = snapshot.fairness.tables.flatMap((t) => t.values.flatMap((v) => v.cells.map((c) => c.count)));
    expect(counts.filter((c) => c !== null && c < 5)).toEqual([]);
  });
});

describe("the fairness audit by country income group", () => {
  it("reads the World Bank income group of each application's country, leaving out an application without one", async () => {
    const f = await buildAuditedEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    // Five drafts from Venezuela, which the World Bank leaves unclassified; the sixth has no country.
    const drafts = db()
      .select()
      .from(applications)
      .where(and(eq(applications.editionId, edition.id), eq(applications.state, "draft")))
      .all();
    for (const d of drafts.slice(0, 5))
      db().update(applications).set({ country: "VE" }).where(eq(applications.id, d.id)).run();
    const fairness = await fairnessOf({ edition });
    const table = fairness.tables.find((t) => t.group === "income")!;
    // Scored: two each from KR, FI, FR (high), BR (upper-middle), EG, IN (lower-middle); ten sent from KE.
    expect(table.values.map((v) => v.value)).toEqual(["high", "lower_middle", "unclassified", "upper_middle"]);
    const [high, lower, unclassified, upper] = table.values.map((v) => v.cells);
    expect(lower.map((c) => c.count)).toEqual([14, 14, 9, null, null, null]);
    expect(high.map((c) => c.count)).toEqual([6, 6, 6, 6, null, null]);
    // The five unclassified would be the stage's total minus the others once the two upper-middle are hidden.
    expect(unclassified.map((c) => c.hidden)).toEqual(["secondary", "small", "small", "small", "small", "small"]);
    expect(upper.every((c) => c.hidden === "small")).toBe(true);
    expect(fairness.rows.filter((r) => r.income).length).toBe(27);
    expect(valueLabel("income", "lower_middle", translator("fr"))).toBe("Revenu intermédiaire, tranche inférieure");
    expect(valueLabel("income", "unclassified", translator("en"))).toBe("Not classified by the World Bank");
  });

  it("freezes each application's income group and the list it came from into the decision's snapshot", async () => {
    const f = await buildAuditedEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const snapshot = integritySnapshot({
      jurors: await jurorAudit({ edition }),
      fairness: await fairnessOf({ edition, laureates: f.shortlist.slice(0, 2) }),
    });
    expect(snapshot.fairness.groups).toContain("income");
    expect(snapshot.fairness.incomeClassification).toMatchObject({ fiscalYear: 2026, published: "2025-07-01" });
    expect(snapshot.fairness.tables.map((t) => t.group)).toContain("income");
    const row = snapshot.fairness.rows.find((r) => r.applicationId === f.apps[2].app.id);
    expect(row).toMatchObject({ region: "latin_america_caribbean", income: "upper_middle" });
  });
});

describe("the fairness audit by the project lead's gender", () => {
  /** Sets the declared gender in the copy the audit reads: the nominated one once there is one. */
  function declare(id: string, leadGender: string) {
    const row = db().select().from(applications).where(eq(applications.id, id)).get()!;
    const frozen = row.nominatedContent !== null;
    const base = (frozen ? row.nominatedContent : row.content) ?? { sections: {}, completed: [] };
    const sections = (base.sections ?? {}) as Record<string, Record<string, string>>;
    const next = { ...base, sections: { ...sections, contact: { ...sections.contact, leadGender } } };
    db()
      .update(applications)
      .set(frozen ? { nominatedContent: next } : { content: next })
      .where(eq(applications.id, id))
      .run();
  }

  it("counts only declared genders, leaving out “prefer not to say” and no answer, and hides fewer than five", async () => {
    const f = await buildAuditedEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const all = db().select().from(applications).where(eq(applications.editionId, f.edition.id)).all();
    const scored = f.apps.map((a) => a.app.id);
    const others = (state: string) =>
      all
        .filter((a) => a.state === state && !scored.includes(a.id))
        .map((a) => a.id)
        .sort();
    // The twelve scored applications, the five shortlisted first: six women, five men, one "prefer not to say".
    scored.forEach((id, i) => declare(id, i < 6 ? "woman" : i < 11 ? "man" : "prefer_not_to_say"));
    // The five sent ones: women. The five declared ineligible: two of another gender, three
    // "prefer not to say". The six drafts: no answer.
    others("awaiting_nominator").forEach((id) => declare(id, "woman"));
    others("ineligible").forEach((id, i) => declare(id, i < 2 ? "another" : "prefer_not_to_say"));
    const table = (await fairnessOf({ edition })).tables.find((t) => t.group === "gender")!;
    expect(table.values.map((v) => v.value)).toEqual(["another", "man", "woman"]);
    const [another, man, woman] = table.values.map((v) => v.cells);
    expect(another.map((c) => c.hidden)).toEqual(["small", "small", "small", "small", "small", "small"]);
    // With "another" hidden, the five men would be the stage's total minus the women: hidden too.
    expect(man.map((c) => c.hidden)).toEqual(["secondary", "secondary", "secondary", "secondary", "small", "small"]);
    expect(woman.map((c) => c.count)).toEqual([11, 11, 6, 6, 5, null]);
    // No count under five is readable, in this table as in any other.
    const counts = table.values.flatMap((v) => v.cells.map((c) => c.count));
    expect(counts.filter((c) => c !== null && c < 5)).toEqual([]);
    expect(valueLabel("gender", "woman", translator("fr"))).toBe("Femme");
    expect(valueLabel("gender", "another", translator("en"))).toBe("Another gender");
  });
});
