import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, auditLog, outbox, screeningDecisions } from "../../../db/schema";
import { nominateApplication } from "../../../app/nominations/models/nomination.server";
import {
  decideRules,
  duplicates,
  exportRows,
  listNominated,
  normalise,
} from "../../../app/nominations/models/screening.server";
import { addEntityMember, makeEdition, makeEntity, makeUser } from "../../fixtures/builders";
import { makeApplication, makeRules, PDF_BYTES, setEdition } from "../../fixtures/nominations";

async function nominated(
  opts: { locale?: string; title?: string; organisation?: string; country?: string; language?: "en" | "fr" } = {},
) {
  const edition = makeEdition();
  const keys = makeRules(edition.id);
  const entity = makeEntity({ country: null, kind: "ngo" });
  const nominator = await makeUser({ roles: [] });
  addEntityMember(entity.id, nominator.id);
  const applicant = await makeUser({ locale: opts.locale ?? "en" });
  const app = makeApplication({
    editionId: edition.id,
    applicantId: applicant.id,
    entityId: entity.id,
    title: opts.title,
    organisation: opts.organisation,
    country: opts.country,
    language: opts.language,
  });
  expect(
    nominateApplication({
      applicationId: app.id,
      entityId: entity.id,
      actorId: nominator.id,
      letter: { name: "l.pdf", bytes: PDF_BYTES },
    }).ok,
  ).toBe(true);
  const secretariat = await makeUser({ roles: ["secretariat"] });
  return { edition, keys, entity, applicant, app, secretariat, nominator };
}

/** The screening e-mails sent to an address, by template, in the order sent. */
const screeningMails = (email: string) =>
  db()
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .all()
    .map((m) => m.template)
    .filter((t) => t.startsWith("application_") && t !== "application_nominated");

const stateOf = (id: string) =>
  db().select({ s: applications.state }).from(applications).where(eq(applications.id, id)).get()!.s;

describe("screening (model)", () => {
  it("an application is eligible only when every rule passes; partial saves keep it nominated", async () => {
    const { edition, keys, app, secretariat } = await nominated();
    const base = { applicationId: app.id, editionId: edition.id, actorId: secretariat.id };
    expect(
      decideRules({
        ...base,
        decisions: keys.slice(0, 2).map((ruleKey) => ({ ruleKey, outcome: "pass" as const, evidence: "" })),
      }),
    ).toEqual({ ok: true, state: "nominated" });
    expect(stateOf(app.id)).toBe("nominated");
    expect(decideRules({ ...base, decisions: [{ ruleKey: keys[2], outcome: "pass", evidence: "Seen" }] })).toEqual({
      ok: true,
      state: "eligible",
    });
    expect(stateOf(app.id)).toBe("eligible");
    expect(
      db().select().from(screeningDecisions).where(eq(screeningDecisions.applicationId, app.id)).all(),
    ).toHaveLength(3);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectId, app.id), eq(auditLog.action, "screening.decided")))
        .all(),
    ).toHaveLength(3);
  });

  it("one failed rule makes it ineligible and mails the reasons in the applicant's language", async () => {
    const { edition, keys, app, applicant, secretariat } = await nominated({ locale: "fr" });
    const result = decideRules({
      applicationId: app.id,
      editionId: edition.id,
      actorId: secretariat.id,
      decisions: [
        { ruleKey: keys[0], outcome: "pass", evidence: "" },
        { ruleKey: keys[1], outcome: "fail", evidence: "Le projet n’utilise pas les TIC." },
        { ruleKey: keys[2], outcome: "pass", evidence: "" },
      ],
    });
    expect(result).toEqual({ ok: true, state: "ineligible" });
    const mail = db()
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, applicant.email))
      .all()
      .find((m) => m.template === "application_ineligible")!;
    expect(mail.locale).toBe("fr");
    expect(mail.subject).toContain("n’est pas recevable");
    expect(mail.textBody).toContain(`Règle ${keys[1]} (fr)`);
    expect(mail.textBody).toContain("Le projet n’utilise pas les TIC.");
    expect(mail.textBody).not.toContain(`Règle ${keys[0]} (fr)`);
  });

  it("an applicant and the entity told an application was not eligible are e-mailed when the secretariat corrects it", async () => {
    const { edition, keys, app, applicant, secretariat, nominator } = await nominated({ locale: "fr" });
    const base = { applicationId: app.id, editionId: edition.id, actorId: secretariat.id };
    const mails = () => screeningMails(applicant.email);
    // Eligible at first: nothing to correct, so no correction e-mail.
    decideRules({ ...base, decisions: keys.map((ruleKey) => ({ ruleKey, outcome: "pass" as const, evidence: "" })) });
    expect(mails()).toEqual([]);
    decideRules({ ...base, decisions: [{ ruleKey: keys[1], outcome: "fail", evidence: "Pas de TIC" }] });
    decideRules({ ...base, decisions: [{ ruleKey: keys[1], outcome: "pass", evidence: "Vu sur place" }] });
    expect(mails()).toEqual(["application_ineligible", "application_eligible_corrected"]);
    // The entity that nominated it hears both, with the reasons in its member's language.
    const entityMails = db().select().from(outbox).where(eq(outbox.toAddress, nominator.email)).all();
    expect(entityMails.map((m) => m.template).filter((t) => t.includes("eligible"))).toEqual([
      "application_ineligible_entity",
      "application_eligible_corrected_entity",
    ]);
    expect(entityMails.find((m) => m.template === "application_ineligible_entity")!.textBody).toContain("Pas de TIC");
    const corrected = db()
      .select()
      .from(outbox)
      .where(eq(outbox.template, "application_eligible_corrected"))
      .all()
      .at(-1)!;
    expect(corrected.subject).toBe(`Votre candidature ${app.reference} est finalement recevable`);
    expect(corrected.textBody).toContain("a corrigé cette décision");
  });

  it("screening reopened by a new rule, then the same ineligibility again, tells no one twice; other reasons are told", async () => {
    const { edition, keys, app, applicant, secretariat } = await nominated();
    const base = { applicationId: app.id, editionId: edition.id, actorId: secretariat.id };
    const mails = () => screeningMails(applicant.email);
    const all = (outcome: (key: string) => "pass" | "fail") =>
      keys.map((ruleKey) => ({ ruleKey, outcome: outcome(ruleKey), evidence: "Seen" }));
    decideRules({ ...base, decisions: all((k) => (k === keys[1] ? "fail" : "pass")) });
    expect([stateOf(app.id), mails()]).toEqual(["ineligible", ["application_ineligible"]]);
    // A rule added afterwards leaves it undecided: screening is reopened, the applicant told nothing.
    makeRules(edition.id, ["new_rule"]);
    decideRules({ ...base, decisions: [{ ruleKey: keys[1], outcome: "fail", evidence: "Seen again" }] });
    expect([stateOf(app.id), mails()]).toEqual(["nominated", ["application_ineligible"]]);
    // The same failed rule once the new one passes: already told, not told again.
    decideRules({ ...base, decisions: [{ ruleKey: "new_rule", outcome: "pass", evidence: "" }] });
    expect([stateOf(app.id), mails()]).toEqual(["ineligible", ["application_ineligible"]]);
    // Corrected, then failing again: each is news to the applicant.
    decideRules({ ...base, decisions: [{ ruleKey: keys[1], outcome: "pass", evidence: "Proof sent" }] });
    decideRules({ ...base, decisions: [{ ruleKey: keys[2], outcome: "fail", evidence: "Started in 2026" }] });
    expect(mails()).toEqual(["application_ineligible", "application_eligible_corrected", "application_ineligible"]);
    // Still ineligible, now for one more rule: the new reasons are told, both rules in them.
    decideRules({ ...base, decisions: [{ ruleKey: keys[0], outcome: "fail", evidence: "Not a Member State" }] });
    const all4 = mails();
    expect(all4).toHaveLength(4);
    const latest = db().select().from(outbox).where(eq(outbox.toAddress, applicant.email)).all().at(-1)!;
    expect([latest.template, latest.textBody]).toEqual([
      "application_ineligible",
      expect.stringMatching(/Not a Member State[\s\S]*Started in 2026|Started in 2026[\s\S]*Not a Member State/),
    ]);
    // A changed evidence note on the same failed rules tells nothing.
    decideRules({ ...base, decisions: [{ ruleKey: keys[0], outcome: "fail", evidence: "Not a UNESCO Member State" }] });
    expect(mails()).toHaveLength(4);
  });

  it("the secretariat corrects a decision (audited) until scoring starts, then it is locked", async () => {
    const { edition, keys, app, secretariat } = await nominated();
    const base = { applicationId: app.id, editionId: edition.id, actorId: secretariat.id };
    decideRules({
      ...base,
      decisions: keys.map((ruleKey, i) => ({
        ruleKey,
        outcome: i === 0 ? ("fail" as const) : ("pass" as const),
        evidence: "e",
      })),
    });
    expect(stateOf(app.id)).toBe("ineligible");
    expect(decideRules({ ...base, decisions: [{ ruleKey: keys[0], outcome: "pass", evidence: "Corrected" }] })).toEqual(
      { ok: true, state: "eligible" },
    );
    expect(
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectId, app.id), eq(auditLog.action, "screening.decision_corrected")))
        .all(),
    ).toHaveLength(1);
    setEdition(edition.id, { phase: "scoring" });
    expect(
      decideRules({ ...base, decisions: [{ ruleKey: keys[0], outcome: "fail", evidence: "Late" }] }),
    ).toMatchObject({ ok: false, error: "errors.screening_locked" });
    expect(stateOf(app.id)).toBe("eligible");
  });

  it("a tampered edition id or an unknown rule is refused and nothing is written", async () => {
    const { keys, app, secretariat } = await nominated();
    const other = makeEdition();
    expect(
      decideRules({
        applicationId: app.id,
        editionId: other.id,
        actorId: secretariat.id,
        decisions: [{ ruleKey: keys[0], outcome: "pass", evidence: "" }],
      }),
    ).toMatchObject({ ok: false, error: "errors.form_tampered" });
    expect(
      decideRules({
        applicationId: app.id,
        editionId: app.editionId,
        actorId: secretariat.id,
        decisions: [{ ruleKey: "invented", outcome: "pass", evidence: "" }],
      }),
    ).toMatchObject({ ok: false, error: "errors.form_tampered" });
    expect(
      db().select().from(screeningDecisions).where(eq(screeningDecisions.applicationId, app.id)).all(),
    ).toHaveLength(0);
  });

  it("the same project sent to two entities is flagged as a possible duplicate, by title or by organisation and country", async () => {
    const edition = makeEdition();
    const [e1, e2] = [makeEntity({ country: null, kind: "ngo" }), makeEntity({ country: null, kind: "ngo" })];
    const applicant = await makeUser();
    const a = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: e1.id,
      title: "Écoles  Solaires!",
      state: "nominated",
    });
    const b = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: e2.id,
      title: "ecoles solaires",
      state: "awaiting_nominator",
    });
    const c = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: e1.id,
      organisation: "Open Lab",
      country: "SN",
      state: "nominated",
    });
    const d = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: e2.id,
      organisation: "OPEN-LAB",
      country: "SN",
      state: "nominated",
    });
    const sameEntity = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: e1.id,
      title: "ecoles solaires",
      state: "nominated",
    });
    const otherCountry = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: e2.id,
      organisation: "Open Lab",
      country: "KE",
      state: "nominated",
    });
    const dups = duplicates({ editionId: edition.id });
    expect(normalise("Écoles  Solaires!")).toBe("ecoles solaires");
    expect(dups.get(a.id)?.map((x) => x.id)).toEqual([b.id]);
    expect(dups.get(c.id)?.map((x) => x.id)).toEqual([d.id]);
    expect(dups.get(sameEntity.id)?.map((x) => x.id)).toEqual([b.id]);
    expect(dups.has(otherCountry.id)).toBe(false);
    const listed = listNominated({ editionId: edition.id });
    expect(listed.rows.find((r) => r.id === a.id)?.duplicates).toEqual([{ id: b.id, reference: b.reference }]);
    expect(listed.rows.some((r) => r.id === b.id)).toBe(false);
  });

  it("the list filters by country, entity, language and state, 50 per page", async () => {
    const edition = makeEdition();
    const [e1, e2] = [makeEntity({ country: null, kind: "ngo" }), makeEntity({ country: null, kind: "ngo" })];
    const applicant = await makeUser();
    for (let i = 0; i < 52; i++)
      makeApplication({
        editionId: edition.id,
        applicantId: applicant.id,
        entityId: i % 2 ? e1.id : e2.id,
        country: i < 2 ? "SN" : "KE",
        language: i === 0 ? "fr" : "en",
        state: i === 3 ? "eligible" : "nominated",
      });
    expect(listNominated({ editionId: edition.id })).toMatchObject({ total: 52, pages: 2, page: 1 });
    expect(listNominated({ editionId: edition.id }).rows).toHaveLength(50);
    expect(listNominated({ editionId: edition.id, page: 2 }).rows).toHaveLength(2);
    expect(listNominated({ editionId: edition.id, country: "SN" }).total).toBe(2);
    expect(listNominated({ editionId: edition.id, entityId: e1.id }).total).toBe(26);
    expect(listNominated({ editionId: edition.id, language: "fr" }).total).toBe(1);
    expect(listNominated({ editionId: edition.id, state: "eligible" }).total).toBe(1);
    expect(exportRows({ editionId: edition.id, country: "SN" })).toHaveLength(2);
  });
});
