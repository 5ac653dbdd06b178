// The e-mail that tells a nominating entity's members of a new application names the date to
// decide by: "before your deadline" alone left them to look it up.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { editions, entityEditionSettings, outbox } from "../../../db/schema";
import { sendToEntity } from "../../../app/applications/models/application.server";
import { addEntityMember, makeEntity, makeUser } from "../../fixtures/builders";
import { completeApplication, makeOpenEdition, startFor } from "../../fixtures/applications";

describe("the entity's e-mail names the deadline to decide by, in the member's language and Paris time", () => {
  const UNESCO = new Date("2099-06-30T10:00:00Z");
  async function mailsOnSend(internal: Date | null) {
    const edition = makeOpenEdition();
    // A fixed instant in summer (UTC+2 in Paris): the texts read 12:00 for 10:00 UTC.
    db()
      .update(editions)
      .set({
        deadlineAt: UNESCO,
        scoringOpensAt: new Date("2099-08-01T10:00:00Z"),
        scoringClosesAt: new Date("2099-09-01T10:00:00Z"),
        announcementAt: new Date("2099-12-01T10:00:00Z"),
      })
      .where(eq(editions.id, edition.id))
      .run();
    const entity = makeEntity();
    if (internal)
      db()
        .insert(entityEditionSettings)
        .values({ entityId: entity.id, editionId: edition.id, internalDeadlineAt: internal })
        .run();
    const members = {
      en: await makeUser({ locale: "en" }),
      fr: await makeUser({ locale: "fr" }),
      ar: await makeUser({ locale: "ar" }),
    };
    for (const member of Object.values(members)) addEntityMember(entity.id, member.id);
    const applicant = await makeUser();
    const id = startFor(applicant.id, edition.id);
    const version = completeApplication(id, applicant.id);
    const sent = sendToEntity({
      applicationId: id,
      applicantId: applicant.id,
      editionId: edition.id,
      entityId: entity.id,
      version,
    });
    expect(sent.ok).toBe(true);
    const body = (email: string) => db().select().from(outbox).where(eq(outbox.toAddress, email)).get()!.textBody;
    return { en: body(members.en.email), fr: body(members.fr.email), ar: body(members.ar.email) };
  }

  it("the UNESCO deadline for nominations, when the entity set no internal deadline", async () => {
    const mails = await mailsOnSend(null);
    expect(mails.en).toContain(
      "decide before the UNESCO deadline for nominations, 30 June 2099 at 12:00 (Paris time):",
    );
    expect(mails.fr).toContain(
      "décider avant la date limite de l’UNESCO pour les désignations, le 30 juin 2099 à 12:00 (heure de Paris) :",
    );
    expect(mails.ar).toContain(
      "قبل الموعد النهائي لليونسكو لتقديم الترشيحات، 30 يونيو 2099 في 12:00 م (بتوقيت باريس):",
    );
  });

  it("the UNESCO deadline even when the entity set an internal one, which is the date it gives candidates", async () => {
    const mails = await mailsOnSend(new Date("2099-06-15T08:30:00Z"));
    expect(mails.en).toContain(
      "decide before the UNESCO deadline for nominations, 30 June 2099 at 12:00 (Paris time):",
    );
    expect(mails.en).not.toContain("15 June 2099");
  });
});
