// Once the entity's nominations are used up, the pages no longer offer to nominate: a nominator
// learns it before choosing and uploading a letter the server would refuse, and reads what is left.
import { describe, expect, it } from "vitest";
import * as detail from "../../../app/routes/nominations.$applicationId";
import * as workspace from "../../../app/routes/nominations._index";
import { addEntityMember, cookieFor, makeEdition, makeEntity, makeUser, request, run } from "../../fixtures/builders";
import { makeApplication, makeRules, setEdition } from "../../fixtures/nominations";
import { renderPage } from "../../support/render-page";
import type { Locale } from "../../../app/kernel/i18n";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

/** An entity with a quota of one, `used` of it used, and one application waiting for its decision. */
async function entityWithQuotaOne(used: 0 | 1) {
  const edition = makeEdition();
  setEdition(edition.id, { phase: "call_open", quotaPerEntity: 1 });
  makeRules(edition.id);
  const entity = makeEntity({ country: null, kind: "ngo" });
  const nominator = await makeUser({ roles: [] });
  addEntityMember(entity.id, nominator.id);
  const applicant = await makeUser();
  if (used)
    makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id, state: "nominated" });
  const waiting = makeApplication({ editionId: edition.id, applicantId: applicant.id, entityId: entity.id });
  return { edition, entity, waiting, cookie: await cookieFor(nominator.id) };
}

async function applicationPage(used: 0 | 1, { query = "", locale = "en" }: { query?: string; locale?: Locale } = {}) {
  const { entity, waiting, cookie } = await entityWithQuotaOne(used);
  const path = `/nominations/${waiting.id}?entity=${entity.id}${query}`;
  const loaded = await run(() => detail.loader(args(request(path, { cookie }), { applicationId: waiting.id })));
  expect(loaded.status).toBe(200);
  return renderPage(detail.default, { locale, data: loaded.body, path });
}

async function workspacePage(used: 0 | 1) {
  const { edition, entity, cookie } = await entityWithQuotaOne(used);
  const path = `/nominations?entity=${entity.id}&edition=${edition.id}`;
  const loaded = await run(() => workspace.loader(args(request(path, { cookie }))));
  expect(loaded.status).toBe(200);
  return renderPage(workspace.default, { locale: "en", data: loaded.body, path });
}

describe("a nominator whose entity has used its only nomination", () => {
  it("is offered to nominate while the nomination is still unused", async () => {
    const html = await applicationPage(0);
    expect(html).toContain("Nominate it");
    expect(html).not.toContain("cannot be nominated");
  });

  it("is not offered to nominate once it is used, and reads why and what is left", async () => {
    const html = await applicationPage(1);
    expect(html).toContain("Nominations used: 1 of 1");
    expect(html).toContain("Your entity has used its only nomination for this edition");
    expect(html).toContain("You can still return it to the candidate with comments, or decline it.");
    expect(html).not.toContain("Nominate it");
    expect(html).toContain("Return it to the candidate");
    expect(html).toContain("Decline it");
  });

  it("does not get the nomination form by following a link to it", async () => {
    const html = await applicationPage(1, { query: "&do=nominate" });
    expect(html).not.toContain("Nominating uses your entity");
    expect(html).not.toContain('name="letter"');
    expect(html).toContain("Your entity has used its only nomination for this edition");
  });

  it("still gets the return form", async () => {
    const html = await applicationPage(1, { query: "&do=return" });
    expect(html).toContain('name="comment"');
  });

  it("reads why in French and in Arabic too", async () => {
    expect(await applicationPage(1, { locale: "fr" })).toContain("cette candidature ne peut donc pas être désignée");
    expect(await applicationPage(1, { locale: "ar" })).toContain("فلا يمكن ترشيح هذا الطلب");
  });

  it("reads on the workspace that the waiting applications can only be returned or declined", async () => {
    const html = await workspacePage(1);
    expect(html).toContain("Nominations used: 1 of 1");
    expect(html).toContain("can only be returned to their candidates or declined");
    expect(html).not.toContain("may nominate at most");
  });

  it("reads on the workspace how many it may nominate while some are left", async () => {
    const html = await workspacePage(0);
    expect(html).toContain("Your entity may nominate at most 1 application for this edition.");
    expect(html).not.toContain("can only be returned");
  });
});
