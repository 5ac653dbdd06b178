// An edition's own wording of the application sections: how a view picks the title and prompt,
// how the secretariat saves them (audited, only while the call is prepared or open), and the page.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, editions } from "../../../db/schema";
import { sectionText, sectionWordingOf } from "../../../app/applications/domain/sections";
import { sectionWordingSchema } from "../../../app/editions/forms/edition";
import { saveSectionWording } from "../../../app/editions/models/section-wording.server";
import { editionSectionWording } from "../../../app/editions/models/columns.server";
import { catalogues } from "../../../app/kernel/i18n/locale.server";
import * as page from "../../../app/routes/secretariat.editions.$editionId.sections";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { newEdition } from "../../fixtures/editions";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

/** The translation function of one language, as a page has it. */
const tIn = (locale: "en" | "fr" | "ar") =>
  Object.assign((key: string) => (catalogues[locale] as Record<string, string>)[key] ?? key, { locale });

const audits = (editionId: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectId, editionId), eq(auditLog.action, "edition.section_wording_updated")))
    .all();

describe("a section's title and prompt", () => {
  it("reads the default wording in the viewer's language when the edition has none, naming no theme", () => {
    expect(sectionText(tIn("en"), {}, "sustainability", "title")).toBe("Sustainability");
    expect(sectionText(tIn("fr"), null, "sustainability", "prompt")).toBe(
      "Comment le projet est financé et comment il durera.",
    );
    expect(sectionText(tIn("ar"), undefined, "impact", "title")).toBe("الأثر والأدلة");
    for (const locale of ["en", "fr", "ar"] as const)
      for (const [key, text] of Object.entries(catalogues[locale]))
        if (/^application\.(section|prompt)\./.test(key)) expect(text, key).not.toMatch(/green|vert|climat|تخضير/i);
  });

  it("reads the edition's own wording in the viewer's language, and the default where that language has none", () => {
    const wording = sectionWordingOf({ sustainability: { titleEn: "Green dimension", promptFr: "Verdir ?" } });
    expect(sectionText(tIn("en"), wording, "sustainability", "title")).toBe("Green dimension");
    expect(sectionText(tIn("fr"), wording, "sustainability", "title")).toBe("Pérennité");
    expect(sectionText(tIn("fr"), wording, "sustainability", "prompt")).toBe("Verdir ?");
    expect(sectionText(tIn("ar"), wording, "sustainability", "prompt")).toBe("كيف يموَّل المشروع وكيف سيستمر.");
    expect(sectionText(tIn("en"), wording, "impact", "title")).toBe("Impact and evidence");
  });

  it("keeps only known sections and texts that say something from what is stored", () => {
    expect(
      sectionWordingOf({
        impact: { titleEn: "  Results  ", titleFr: "   ", promptAr: 3, colour: "red" },
        unknown: { titleEn: "x" },
        links: "nope",
      }),
    ).toEqual({ impact: { titleEn: "Results" } });
    expect(sectionWordingOf(null)).toEqual({});
  });

  it("refuses a section the form does not have and texts longer than allowed", () => {
    expect(sectionWordingSchema.safeParse({ section: "colour" }).success).toBe(false);
    const long = sectionWordingSchema.safeParse({ section: "impact", titleEn: "x".repeat(201) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].message).toBe("errors.too_long");
  });
});

describe("saving an edition's section wording", () => {
  it("stores the texts of one section and writes an audit row naming it, leaving the other sections alone", async () => {
    const owner = await makeUser({ roles: ["secretariat"] });
    const editionId = newEdition(owner.id);
    expect(saveSectionWording({ actorId: owner.id, editionId, section: "links", texts: { titleEn: "Web" } }).ok).toBe(
      true,
    );
    const saved = saveSectionWording({
      actorId: owner.id,
      editionId,
      section: "sustainability",
      texts: { titleEn: "Sustainability and green dimension", titleFr: "", promptAr: "كيف يسهم في تخضير التعليم؟" },
    });
    expect(saved.ok).toBe(true);
    expect(editionSectionWording(editionId)).toEqual({
      links: { titleEn: "Web" },
      sustainability: { titleEn: "Sustainability and green dimension", promptAr: "كيف يسهم في تخضير التعليم؟" },
    });
    const rows = audits(editionId);
    expect(rows).toHaveLength(2);
    expect(rows[1].actorId).toBe(owner.id);
    expect(JSON.parse(String(rows[1].details))).toEqual({ section: "sustainability", set: ["titleEn", "promptAr"] });
  });

  it("goes back to the default wording when every text of the section is emptied", async () => {
    const owner = await makeUser({ roles: ["secretariat"] });
    const editionId = newEdition(owner.id);
    saveSectionWording({ actorId: owner.id, editionId, section: "impact", texts: { titleEn: "Results" } });
    saveSectionWording({ actorId: owner.id, editionId, section: "impact", texts: { titleEn: "" } });
    expect(editionSectionWording(editionId)).toEqual({});
  });

  it("is refused once the call has closed, changing nothing and auditing nothing", async () => {
    const owner = await makeUser({ roles: ["secretariat"] });
    const editionId = newEdition(owner.id);
    for (const phase of ["screening", "scoring", "announced"]) {
      db().update(editions).set({ phase }).where(eq(editions.id, editionId)).run();
      const result = saveSectionWording({ actorId: owner.id, editionId, section: "impact", texts: { titleEn: "X" } });
      expect(result).toMatchObject({ ok: false, error: "errors.section_wording_locked" });
    }
    expect(editionSectionWording(editionId)).toEqual({});
    expect(audits(editionId)).toHaveLength(0);
  });
});

describe("the sections page", () => {
  it("saves a section's wording and shows it in the list, in the secretariat's language", async () => {
    const owner = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(owner.id);
    const editionId = newEdition(owner.id);
    const path = `/secretariat/editions/${editionId}/sections`;
    const form = { editionId, section: "impact", titleEn: "What changed", promptEn: "Tell us what changed." };
    const saved = await run(() => page.action(args(request(path, { cookie, form }), { editionId }) as never));
    expect(saved.status).toBe(302);
    const shown = await run(() =>
      page.loader(args(request(`${path}?edit=impact`, { cookie }), { editionId }) as never),
    );
    const body = shown.body as Awaited<ReturnType<typeof page.loader>>;
    expect(body.rows.find((r) => r.key === "impact")).toMatchObject({ title: "What changed", own: true });
    expect(body.editing?.values).toMatchObject({ titleEn: "What changed", promptEn: "Tell us what changed." });
    expect(body.editing?.defaults.titleFr).toBe("Impact et éléments probants");
  });

  it("answers a text too long with the error on its field and every typed value kept, saving nothing", async () => {
    const owner = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(owner.id);
    const editionId = newEdition(owner.id);
    const path = `/secretariat/editions/${editionId}/sections`;
    const form = { editionId, section: "impact", titleEn: "x".repeat(201), promptFr: "Gardé" };
    const res = await run(() => page.action(args(request(path, { cookie, form }), { editionId }) as never));
    expect(res.status).toBe(400);
    const body = res.body as { errors: Record<string, { message: string }>; values: Record<string, string> };
    expect(body.errors.titleEn).toEqual({ message: "errors.too_long_max", vars: { max: 200 } });
    expect(body.values).toMatchObject({ titleEn: "x".repeat(201), promptFr: "Gardé" });
    expect(editionSectionWording(editionId)).toEqual({});
    expect(audits(editionId)).toHaveLength(0);
  });

  it("answers 404 to anyone but the secretariat, and for a section the form does not have", async () => {
    const owner = await makeUser({ roles: ["secretariat"] });
    const editionId = newEdition(owner.id);
    const path = `/secretariat/editions/${editionId}/sections`;
    const applicant = await cookieFor((await makeUser()).id);
    const form = { editionId, section: "impact", titleEn: "Hacked" };
    expect(
      (await run(() => page.loader(args(request(path, { cookie: applicant }), { editionId }) as never))).status,
    ).toBe(404);
    expect(
      (await run(() => page.action(args(request(path, { cookie: applicant, form }), { editionId }) as never))).status,
    ).toBe(404);
    const cookie = await cookieFor(owner.id);
    expect(
      (await run(() => page.loader(args(request(`${path}?edit=colour`, { cookie }), { editionId }) as never))).status,
    ).toBe(404);
    expect(editionSectionWording(editionId)).toEqual({});
  });
});
