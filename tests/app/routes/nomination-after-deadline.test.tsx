// After the UNESCO deadline an application waiting for its nominator can no longer be nominated
// or returned: the page offers only what still works, declining it (which tells the applicant why).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications } from "../../../db/schema";
import * as nomination from "../../../app/routes/nominations.$applicationId";
import * as taskList from "../../../app/routes/applications.$applicationId._index";
import * as applicantList from "../../../app/routes/applications._index";
import { addEntityMember, cookieFor, makeEdition, makeEntity, makeUser, request, run } from "../../fixtures/builders";
import { makeApplication, makeRules, setEdition } from "../../fixtures/nominations";
import { renderPage } from "../../support/render-page";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

/** An application sent to an NGO in an open call, waiting for the NGO's decision, with its nominator. */
async function waitingApplication(deadlineAt: Date) {
  const edition = makeEdition();
  setEdition(edition.id, { phase: "call_open", deadlineAt });
  makeRules(edition.id);
  const entity = makeEntity({ country: null, kind: "ngo" });
  const nominator = await makeUser({ roles: [] });
  addEntityMember(entity.id, nominator.id);
  const applicant = await makeUser();
  const app = makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id });
  return { edition, entity, applicant, app, nominatorCookie: await cookieFor(nominator.id) };
}

/** The nominator's page of that application, rendered in English. */
async function nominatorPage({ app, entity, nominatorCookie }: Awaited<ReturnType<typeof waitingApplication>>) {
  const loaded = await run(() =>
    nomination.loader(
      args(request(`/nominations/${app.id}?entity=${entity.id}`, { cookie: nominatorCookie }), {
        applicationId: app.id,
      }),
    ),
  );
  expect(loaded.status).toBe(200);
  return renderPage(nomination.default, { locale: "en", data: loaded.body, path: `/nominations/${app.id}` });
}

const waitingPage = async (deadlineAt: Date) => nominatorPage(await waitingApplication(deadlineAt));

describe("a nominator's application page", () => {
  it("offers to nominate, return or decline before the deadline", async () => {
    const html = await waitingPage(new Date(Date.now() + 86_400_000));
    for (const action of ["Nominate it", "Return it to the candidate", "Decline it"]) expect(html).toContain(action);
  });

  it("offers only to decline once the deadline has passed, and says so", async () => {
    const html = await waitingPage(new Date(Date.now() - 60_000));
    expect(html).toContain("You can still decline one");
    expect(html).toContain("Decline it");
    expect(html).not.toContain("Nominate it");
    expect(html).not.toContain("Return it to the candidate");
    // Nor is the decision introduced as if the three were still open.
    expect(html).not.toContain("You can return it to the candidate with comments");
  });
});

describe("the applicant's view of an application never nominated", () => {
  it("reads 'Not nominated' once the deadline has passed, not 'awaiting the nominating entity' for ever", async () => {
    const waiting = await waitingApplication(new Date(Date.now() + 86_400_000));
    const { edition, app } = waiting;
    const cookie = await cookieFor(waiting.applicant.id);
    const path = `/applications/${app.id}`;
    const view = async () => {
      const page = await run(() => taskList.loader(args(request(path, { cookie }), { applicationId: app.id })));
      const list = await run(() => applicantList.loader(args(request("/applications", { cookie }))));
      return {
        page: (page.body as { application: { state: string } }).application.state,
        list: (list.body as { applications: { id: string; state: string }[] }).applications.find(
          (a) => a.id === app.id,
        )!.state,
        html: renderPage(taskList.default, { locale: "en", data: page.body, path }),
      };
    };
    const before = await view();
    expect([before.page, before.list]).toEqual(["awaiting_nominator", "awaiting_nominator"]);
    setEdition(edition.id, { deadlineAt: new Date(Date.now() - 60_000) });
    const after = await view();
    expect([after.page, after.list]).toEqual(["not_nominated", "not_nominated"]);
    expect(after.html).toContain("Not nominated");
    expect(after.html).toContain("The deadline for nominations passed before");
    expect(after.html).not.toContain("You can still withdraw it before the deadline");
    // The entity still sees it waiting: declining it, after the deadline, tells the applicant why.
    expect(await nominatorPage(waiting)).toContain("Decline it");
  });
});

describe("the entity's comment on its application page", () => {
  it("shows while it is the entity's answer (returned), not once the application is sent again or nominated", async () => {
    const waiting = await waitingApplication(new Date(Date.now() + 86_400_000));
    const page = async (state: string) => {
      db()
        .update(applications)
        .set({ state, nominatorComment: "Please add evidence of impact." })
        .where(eq(applications.id, waiting.app.id))
        .run();
      return nominatorPage(waiting);
    };
    expect(await page("returned")).toContain("Please add evidence of impact.");
    expect(await page("awaiting_nominator")).not.toContain("Please add evidence of impact.");
    expect(await page("nominated")).not.toContain("Please add evidence of impact.");
  });
});
