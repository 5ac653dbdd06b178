// The project lead's gender is asked only for the fairness audit: no reader of the application
// receives it, whatever the page.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications } from "../../../db/schema";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import * as nominatorPage from "../../../app/routes/nominations.$applicationId";
import * as screeningPage from "../../../app/routes/secretariat.screening.$applicationId";
import { addEntityMember, cookieFor, makeEdition, makeEntity, makeUser, request, run } from "../../fixtures/builders";
import { publishPair } from "../../fixtures/jury";
import { args, scenario } from "../../fixtures/jury-routes";
import { makeApplication } from "../../fixtures/nominations";

/** Adds a declared gender to an application's content and, if frozen, its nominated copy. */
function declare(applicationId: string, leadGender: string) {
  const row = db().select().from(applications).where(eq(applications.id, applicationId)).get()!;
  const withGender = <T extends Record<string, unknown> | null>(c: T): T => {
    if (!c) return c;
    const sections = c.sections as Record<string, Record<string, string>>;
    return { ...c, sections: { ...sections, contact: { ...sections.contact, leadGender } } };
  };
  db()
    .update(applications)
    .set({ content: withGender(row.content), nominatedContent: withGender(row.nominatedContent) })
    .where(eq(applications.id, applicationId))
    .run();
}

describe("the project lead's gender (and, for the jury, the contact person) is not shown to readers", () => {
  it("a juror's review page receives the application without it", async () => {
    const s = await scenario();
    const [ana] = s.jurors;
    const app = s.applications[1];
    declare(app.id, "woman");
    const reviewId = publishPair(db(), s.editionId, ana.memberId, app.id);
    const cookie = await cookieFor(ana.userId);
    const res = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${reviewId}`, { cookie }), { reviewId })),
    );
    expect(res.status).toBe(200);
    const body = res.body as { application: { content: { sections: Record<string, Record<string, string>> } } };
    expect(body.application.content.sections.contact).toBeDefined();
    expect(JSON.stringify(body)).not.toContain("leadGender");
  });

  it("a juror's review page receives neither the contact person's details, only the project's website", async () => {
    const s = await scenario();
    const [ana] = s.jurors;
    const app = s.applications[1];
    const row = db().select().from(applications).where(eq(applications.id, app.id)).get()!;
    const contact = (row.nominatedContent as { sections: Record<string, Record<string, string>> }).sections.contact;
    expect(contact.contactName).not.toBe("");
    const reviewId = publishPair(db(), s.editionId, ana.memberId, app.id);
    const cookie = await cookieFor(ana.userId);
    const res = await run(() =>
      reviewPage.loader(args(request(`/jury/reviews/${reviewId}`, { cookie }), { reviewId })),
    );
    expect(res.status).toBe(200);
    const body = res.body as { application: { content: { sections: Record<string, Record<string, string>> } } };
    expect(Object.keys(body.application.content.sections.contact)).toEqual(
      Object.keys(contact).filter((k) => k === "website"),
    );
    for (const key of ["contactName", "jobTitle", "address", "phone", "contactEmail"] as const)
      if (contact[key]) expect(JSON.stringify(body), key).not.toContain(contact[key]);
  });

  it("the nominating entity's page and the secretariat's screening page receive it neither", async () => {
    const edition = makeEdition();
    const entity = makeEntity({ country: null, kind: "ngo" });
    const nominator = await makeUser({ roles: [] });
    addEntityMember(entity.id, nominator.id);
    const applicant = await makeUser();
    const app = makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id });
    declare(app.id, "man");
    const url = `/nominations/${app.id}`;
    const cookie = await cookieFor(nominator.id);
    const read = await run(() => nominatorPage.loader(args(request(url, { cookie }), { applicationId: app.id })));
    expect(read.status).toBe(200);
    expect((read.body as { application: { content: unknown } }).application.content).toMatchObject({
      sections: { contact: { contactName: "Grace Wanjiru" } },
    });
    expect(JSON.stringify(read.body)).not.toContain("leadGender");

    db().update(applications).set({ state: "nominated" }).where(eq(applications.id, app.id)).run();
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const staff = await cookieFor(secretariat.id);
    const screen = await run(() =>
      screeningPage.loader(
        args(request(`/secretariat/screening/${app.id}`, { cookie: staff }), { applicationId: app.id }),
      ),
    );
    expect(screen.status).toBe(200);
    expect(JSON.stringify(screen.body)).toContain("Grace Wanjiru");
    expect(JSON.stringify(screen.body)).not.toContain("leadGender");
  });
});
