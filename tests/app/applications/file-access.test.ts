// Who may download an application's files (its attachments and its nomination letter), decided
// by the model's query and the permission rule together: everyone else gets nothing, exactly as
// for a file that does not exist.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, assignments, conflicts, juryMembers, nominationLetters, reviews } from "../../../db/schema";
import { getSessionUser } from "../../../app/accounts/server/session.server";
import { addAttachment, getAttachmentForDownload } from "../../../app/applications/models/attachment.server";
import { readerMemberIds } from "../../../app/jury/models/members.server";
import { nominateApplication, nominationLetterForDownload } from "../../../app/nominations/models/nomination.server";
import { addEntityMember, addJuror, cookieFor, makeEntity, makeUser, request } from "../../fixtures/builders";
import { makeOpenEdition, startFor, tinyPdf } from "../../fixtures/applications";
import { publishPair } from "../../fixtures/jury";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function userOf(id: string) {
  return (await getSessionUser(request("/", { cookie: await cookieFor(id) })))!;
}

/** One nominated application with a PDF, a PNG and a letter, and one juror of each kind. */
async function world() {
  const edition = makeOpenEdition();
  const entity = makeEntity();
  const otherEntity = makeEntity();
  const applicant = await makeUser();
  const otherApplicant = await makeUser();
  const nominator = await makeUser({ roles: [] });
  const otherNominator = await makeUser({ roles: [] });
  const secretariat = await makeUser({ roles: ["secretariat"] });
  addEntityMember(entity.id, nominator.id);
  addEntityMember(otherEntity.id, otherNominator.id);
  const applicationId = startFor(applicant.id, edition.id);
  const pdf = await addAttachment({
    applicationId,
    applicantId: applicant.id,
    name: "Évaluation – 報告.pdf",
    bytes: tinyPdf(),
  });
  const png = await addAttachment({ applicationId, applicantId: applicant.id, name: "photo.png", bytes: PNG });
  if (!pdf.ok || !png.ok) throw new Error("upload refused");
  db()
    .update(applications)
    .set({ state: "awaiting_nominator", entityId: entity.id, sentAt: new Date() })
    .where(eq(applications.id, applicationId))
    .run();
  const nominated = nominateApplication({
    applicationId,
    entityId: entity.id,
    actorId: nominator.id,
    letter: { name: "Lettre de désignation.pdf", bytes: tinyPdf(2) },
  });
  if (!nominated.ok) throw new Error(nominated.error);
  db().update(applications).set({ state: "eligible" }).where(eq(applications.id, applicationId)).run();

  const juror = async () => {
    const user = await makeUser({ roles: [] });
    return { user, member: addJuror(edition.id, user.id) };
  };
  const assigned = await juror();
  publishPair(db(), edition.id, assigned.member.id, applicationId);
  const unassigned = await juror();
  const recused = await juror();
  const recusedReview = publishPair(db(), edition.id, recused.member.id, applicationId);
  db()
    .update(reviews)
    .set({ state: "recused", recusedAt: new Date(), recuseReason: "Former colleague" })
    .where(eq(reviews.id, recusedReview))
    .run();
  const conflicted = await juror();
  publishPair(db(), edition.id, conflicted.member.id, applicationId);
  db()
    .insert(conflicts)
    .values({
      editionId: edition.id,
      jurorId: conflicted.member.id,
      applicationId,
      source: "manual",
      reason: "Same organisation",
    })
    .run();
  const unpublished = await juror();
  db().insert(assignments).values({ editionId: edition.id, jurorId: unpublished.member.id, applicationId }).run();
  const replaced = await juror();
  publishPair(db(), edition.id, replaced.member.id, applicationId);
  db().update(juryMembers).set({ replacedAt: new Date() }).where(eq(juryMembers.id, replaced.member.id)).run();

  return {
    applicationId,
    files: { pdf: pdf.attachmentId, png: png.attachmentId, letter: nominated.letterId },
    allowed: { applicant, nominator, secretariat, assignedJuror: assigned.user },
    denied: {
      otherApplicant,
      otherNominator,
      unassignedJuror: unassigned.user,
      recusedJuror: recused.user,
      conflictedJuror: conflicted.user,
      unpublishedJuror: unpublished.user,
      replacedJuror: replaced.user,
    },
    members: { assigned: assigned.member.id, recused: recused.member.id, conflicted: conflicted.member.id },
    users: { assigned: assigned.user.id, recused: recused.user.id, conflicted: conflicted.user.id },
  };
}

describe("downloading an application's files", () => {
  it("the applicant, the entity's nominator, an assigned juror and the secretariat get each file with its bytes and sniffed type", async () => {
    const w = await world();
    for (const [role, person] of Object.entries(w.allowed)) {
      const user = await userOf(person.id);
      const pdf = getAttachmentForDownload({ attachmentId: w.files.pdf, user });
      const png = getAttachmentForDownload({ attachmentId: w.files.png, user });
      const letter = nominationLetterForDownload({ letterId: w.files.letter, user });
      expect({ role, pdf: pdf && { name: pdf.name, type: pdf.mimeType, sha: sha(pdf.bytes) } }).toEqual({
        role,
        pdf: { name: "Évaluation – 報告.pdf", type: "application/pdf", sha: sha(tinyPdf()) },
      });
      expect({ role, png: png && { type: png.mimeType, sha: sha(png.bytes) } }).toEqual({
        role,
        png: { type: "image/png", sha: sha(PNG) },
      });
      expect({ role, letter: letter && { name: letter.name, type: letter.mimeType, sha: sha(letter.bytes) } }).toEqual({
        role,
        letter: { name: "Lettre de désignation.pdf", type: "application/pdf", sha: sha(tinyPdf(2)) },
      });
    }
  });

  it("another applicant, another entity's nominator and an unassigned, recused, conflicted, unpublished or replaced juror get nothing", async () => {
    const w = await world();
    for (const [role, person] of Object.entries(w.denied)) {
      const user = await userOf(person.id);
      expect({ role, pdf: getAttachmentForDownload({ attachmentId: w.files.pdf, user }) }).toEqual({ role, pdf: null });
      expect({ role, png: getAttachmentForDownload({ attachmentId: w.files.png, user }) }).toEqual({ role, png: null });
      expect({ role, letter: nominationLetterForDownload({ letterId: w.files.letter, user }) }).toEqual({
        role,
        letter: null,
      });
    }
  });

  it("a juror's reading rights are scoped to their own live assignment of that application", async () => {
    const w = await world();
    expect(readerMemberIds({ applicationId: w.applicationId, userId: w.users.assigned })).toEqual([w.members.assigned]);
    expect(readerMemberIds({ applicationId: w.applicationId, userId: w.users.recused })).toEqual([]);
    expect(readerMemberIds({ applicationId: w.applicationId, userId: w.users.conflicted })).toEqual([]);
    // Another user asking about the assigned juror's application learns nothing of that juror.
    expect(readerMemberIds({ applicationId: w.applicationId, userId: w.allowed.applicant.id })).toEqual([]);
  });

  it("a juror who declares a conflict after assignment loses access to the files at once", async () => {
    const w = await world();
    const user = await userOf(w.users.assigned);
    expect(getAttachmentForDownload({ attachmentId: w.files.pdf, user })).not.toBeNull();
    const editionId = db()
      .select({ e: applications.editionId })
      .from(applications)
      .where(eq(applications.id, w.applicationId))
      .get()!.e;
    db()
      .insert(conflicts)
      .values({
        editionId,
        jurorId: w.members.assigned,
        applicationId: w.applicationId,
        source: "declared",
        reason: "Late conflict",
      })
      .run();
    expect(getAttachmentForDownload({ attachmentId: w.files.pdf, user })).toBeNull();
    expect(nominationLetterForDownload({ letterId: w.files.letter, user })).toBeNull();
  });

  it("a file whose stored copy is missing answers nothing rather than failing", async () => {
    const w = await world();
    db()
      .update(nominationLetters)
      .set({ storedName: "00000000-0000-4000-8000-000000000000" })
      .where(eq(nominationLetters.id, w.files.letter))
      .run();
    expect(
      nominationLetterForDownload({ letterId: w.files.letter, user: await userOf(w.allowed.secretariat.id) }),
    ).toBeNull();
  });
});
