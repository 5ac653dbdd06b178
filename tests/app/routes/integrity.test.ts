import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { juryMembers } from "../../../db/schema";
import * as page from "../../../app/routes/secretariat.editions.$editionId.integrity";
import * as csv from "../../../app/routes/secretariat.editions.$editionId.integrity_.export[.]csv";
import { getEditionBrief, recordDecision } from "../../../app/results/models/decision.server";
import type { IntegrityPageData } from "../../../app/results/domain/integrity-page";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { buildAuditedEdition } from "../../fixtures/integrity";
import { buildScoredEdition } from "../../fixtures/results";

const args = (req: Request, params: Record<string, string>) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

async function open(editionId: string, cookie?: string, query = "") {
  return run(() =>
    page.loader(args(request(`/secretariat/editions/${editionId}/integrity${query}`, { cookie }), { editionId })),
  );
}

describe("the integrity page", () => {
  it("shows the secretariat the flagged pair by name, with the link to its scores, and the fairness of each stage", async () => {
    const f = await buildAuditedEdition();
    const res = await open(f.edition.id, await cookieFor(f.secretariat.id));
    expect(res.status).toBe(200);
    const d = res.body as IntegrityPageData;
    const flagged = d.jurors.pairs.filter((p) => p.anchor);
    expect(flagged).toHaveLength(1);
    expect([flagged[0].a, flagged[0].b].sort()).toEqual(f.colluding.map((j) => j.user.name).sort());
    expect(d.jurors.pairEvidence.map((e) => e.anchor)).toEqual([flagged[0].anchor]);
    expect(d.jurors.pairEvidence[0].rows).toHaveLength(12);
    const home = d.jurors.homeBias.find((h) => h.anchor);
    expect(home).toMatchObject({ juror: f.jurors[0].user.name, group: "region", n: 4 });
    expect(d.jurors.homeEvidence[0].rows[0]).toMatchObject({ home: true });
    expect(d.jurors.homeEvidence[0].rows[0].place).toBe("Europe and North America");
    expect(d.fairness.group).toBe("region");
    expect(d.fairness.values.map((v) => v.label)).toContain("Africa");
  });

  it("shows one group's table at a time, in the viewer's language, and never a count under five", async () => {
    const f = await buildAuditedEdition();
    const secretariat = await makeUser({ roles: ["secretariat"], locale: "fr" });
    const res = await open(f.edition.id, await cookieFor(secretariat.id), "?group=entityKind");
    const d = res.body as IntegrityPageData;
    expect(d.fairness.group).toBe("entityKind");
    expect(d.fairness.values.map((v) => v.label)).toEqual([
      "Commission nationale pour l’UNESCO",
      "ONG partenaire officielle de l’UNESCO",
    ]);
    const counts = d.fairness.values.flatMap((v) => v.cells.map((c) => c.count));
    expect(counts.filter((c) => c !== null && c < 5)).toEqual([]);
    expect(counts.filter((c) => c === null).length).toBeGreaterThan(0);
    const unknown = (await open(f.edition.id, await cookieFor(secretariat.id), "?group=wealth")).body;
    expect((unknown as IntegrityPageData).fairness.group).toBe("region");
  });

  it("shows the country income group's table, saying which World Bank list it comes from", async () => {
    const f = await buildAuditedEdition();
    const res = await open(f.edition.id, await cookieFor(f.secretariat.id), "?group=income");
    const d = res.body as IntegrityPageData;
    expect(d.fairness.groups).toContain("income");
    expect(d.fairness.group).toBe("income");
    expect(d.fairness.incomeClassification).toEqual({ fiscalYear: 2026, published: "2025-07-01", gniYear: 2024 });
    expect(d.fairness.values.map((v) => v.label)).toEqual([
      "High income",
      "Lower-middle income",
      "Upper-middle income",
    ]);
  });

  it("answers 404 to the edition's jurors and chair, to a juror of another edition, to applicants, nominators and visitors", async () => {
    const f = await buildAuditedEdition();
    const other = await buildScoredEdition();
    const users = [
      f.jurors[2].user.id,
      f.chair.user.id,
      other.jurors[0].user.id,
      f.apps[0].applicant.id,
      f.nominator.id,
    ];
    for (const userId of users) {
      const cookie = await cookieFor(userId);
      expect((await open(f.edition.id, cookie)).status).toBe(404);
      const file = await csv.loader(args(request("/x", { cookie }), { editionId: f.edition.id }));
      expect(file.status).toBe(404);
    }
    expect((await open(f.edition.id)).status).toBe(404);
  });

  it("answers 404 to a member of the secretariat seated on that jury, since the audit judges the jury", async () => {
    const f = await buildAuditedEdition();
    const seated = await makeUser({ roles: ["secretariat"] });
    db().insert(juryMembers).values({ editionId: f.edition.id, userId: seated.id }).run();
    expect((await open(f.edition.id, await cookieFor(seated.id))).status).toBe(404);
  });

  it("answers 404 for an edition that does not exist", async () => {
    const f = await buildAuditedEdition();
    const cookie = await cookieFor(f.secretariat.id);
    expect((await open("no-such-edition", cookie)).status).toBe(404);
    const file = await csv.loader(args(request("/x", { cookie }), { editionId: "no-such-edition" }));
    expect(file.status).toBe(404);
  });
});

describe("the fairness export", () => {
  it("downloads as CSV, never cached, every count of five or more and the others as words", async () => {
    const f = await buildAuditedEdition();
    const res = await csv.loader(
      args(request("/x", { cookie: await cookieFor(f.secretariat.id) }), { editionId: f.edition.id }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="fairness-\d+\.csv"/);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const rows = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    expect(rows[0]).toEqual(["Attribute", "Group", "Stage", "Applications", "Rate", "Impact ratio", "p"]);
    const counts = rows.slice(1).map((r) => r[3]);
    expect(counts).toContain("fewer than 5");
    expect(counts).toContain("hidden");
    expect(counts.filter((c) => /^\d+$/.test(c) && Number(c) < 5)).toEqual([]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      expect.arrayContaining([
        "UNESCO region",
        "Country income group (World Bank)",
        "Language of the application",
        "Nominating entity",
        "Applicant type",
      ]),
    );
  });
});

describe("the decision snapshot", () => {
  it("keeps both audits as they stood, laureates included", async () => {
    const f = await buildAuditedEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    const recorded = await recordDecision({
      edition,
      actorId: f.secretariat.id,
      laureates: f.shortlist.slice(0, 2),
      decisionDate: new Date(),
      announcementAt: new Date(Date.now() + 7 * 864e5),
    });
    expect(recorded.ok).toBe(true);
    const { decisions } = await import("../../../db/schema");
    const { eq } = await import("drizzle-orm");
    const row = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!;
    const snapshot = JSON.parse(row.snapshot!) as {
      integrity: {
        independence: { pairs: { flagged: boolean }[]; options: { permutations: number } };
        fairness: { stages: string[] };
      };
    };
    expect(snapshot.integrity.independence.pairs.filter((p) => p.flagged)).toHaveLength(1);
    expect(snapshot.integrity.independence.options.permutations).toBe(1999);
    expect(snapshot.integrity.fairness.stages.at(-1)).toBe("laureate");
  });
});
