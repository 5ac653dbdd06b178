import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { outbox } from "../../../db/schema";
import { personalData } from "../../../app/accounts/models/personal-data.server";
import { addAttachment } from "../../../app/applications/models/attachment.server";
import { writeAudit } from "../../../app/kernel/models/audit.server";
import { makeUser } from "../../fixtures/builders";
import { makeOpenEdition, startFor, tinyPdf } from "../../fixtures/applications";
import { buildScoredEdition } from "../../fixtures/results";

function mailTo(to: string, subject: string) {
  db()
    .insert(outbox)
    .values({ toAddress: to, locale: "en", template: "test", subject, textBody: "Hello", nextAttemptAt: new Date() })
    .run();
}

async function twoApplicants() {
  const edition = makeOpenEdition();
  const a = await makeUser({ name: "Amina A" });
  const b = await makeUser({ name: "Bruno B" });
  const appA = startFor(a.id, edition.id);
  const appB = startFor(b.id, edition.id);
  expect((await addAttachment({ applicationId: appA, applicantId: a.id, name: "a.pdf", bytes: tinyPdf() })).ok).toBe(
    true,
  );
  expect((await addAttachment({ applicationId: appB, applicantId: b.id, name: "b.pdf", bytes: tinyPdf() })).ok).toBe(
    true,
  );
  mailTo(a.email, "For A");
  mailTo(b.email, "For B");
  return { a, b, appA, appB };
}

describe("personal data export", () => {
  it("holds the applicant's account, applications, files, e-mails and audit entries, and none of another applicant's", async () => {
    const { a, b, appA, appB } = await twoApplicants();
    const data = personalData({ userId: a.id })!;
    expect(data.profile).toMatchObject({ id: a.id, name: "Amina A", email: a.email, language: "en" });
    expect(data.profile.roles).toEqual(["applicant"]);
    expect(data.profile).not.toHaveProperty("passwordHash");
    expect(data.applications.map((x) => x.id)).toEqual([appA]);
    expect(data.files.attachments.map((x) => x.name)).toEqual(["a.pdf"]);
    expect(data.emails.map((x) => x.subject)).toEqual(["For A"]);
    expect(data.audit.length).toBeGreaterThan(0);
    expect(data.audit.every((x) => x.actorId === a.id || x.objectId === appA || x.objectId === a.id)).toBe(true);
    const text = JSON.stringify(data);
    for (const other of [b.id, b.email, appB, "b.pdf", "For B", "Bruno B"]) expect(text).not.toContain(other);
  });

  it("includes audit entries others made about the person's application or account, found by the query", async () => {
    const { a, b, appA } = await twoApplicants();
    const secretariat = await makeUser({ roles: ["secretariat"] });
    writeAudit({ actorId: secretariat.id, action: "application.eligible", objectType: "application", objectId: appA });
    writeAudit({ actorId: secretariat.id, action: "user.disabled", objectType: "user", objectId: b.id });
    const actions = personalData({ userId: a.id })!.audit.map((x) => x.action);
    expect(actions).toContain("application.eligible");
    expect(actions).not.toContain("user.disabled");
  });

  it("gives a juror their seats, reviews and conflicts, and a nominator their entity", async () => {
    // Juror 1 declares a conflict with the first application; the chair declares none.
    const f = await buildScoredEdition({ apps: 2, conflicts: [[1, 0]] });
    const juror = personalData({ userId: f.jurors[1].user.id })!;
    expect(juror.profile.roles).toContain("juror");
    expect(juror.jury.seats).toHaveLength(1);
    expect(juror.jury.conflicts.map((c) => [c.applicationReference, c.reason])).toEqual([
      [f.apps[0].app.reference, "Former colleague"],
    ]);
    const chair = personalData({ userId: f.chair.user.id })!;
    expect(chair.jury.reviews).toHaveLength(2);
    expect(chair.jury.conflicts).toEqual([]);
    const nominator = personalData({ userId: f.nominator.id })!;
    expect(nominator.profile.roles).toContain("nominator");
    expect(nominator.memberships.entities.map((e) => e.name)).toEqual([f.entity.name]);
    expect(nominator.applications).toEqual([]);
  });

  it("gives a juror the audit entries others made about their reviews and conflicts, and not about another's", async () => {
    const f = await buildScoredEdition({ apps: 2, conflicts: [[1, 0]] });
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const juror = personalData({ userId: f.jurors[1].user.id })!;
    const chair = personalData({ userId: f.chair.user.id })!;
    const [ownReview] = juror.jury.reviews;
    const [conflict] = juror.jury.conflicts;
    writeAudit({ actorId: secretariat.id, action: "review.reopened", objectType: "review", objectId: ownReview.id });
    writeAudit({
      actorId: secretariat.id,
      action: "conflict.dismissed",
      objectType: "conflict",
      objectId: conflict.id,
    });
    const other = chair.jury.reviews[0].id;
    writeAudit({ actorId: secretariat.id, action: "review.unlocked", objectType: "review", objectId: other });
    const actions = personalData({ userId: f.jurors[1].user.id })!.audit.map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(["review.reopened", "conflict.dismissed"]));
    expect(actions).not.toContain("review.unlocked");
  });

  it("answers null for an unknown user", () => {
    expect(personalData({ userId: "no-such-user" })).toBeNull();
  });
});
