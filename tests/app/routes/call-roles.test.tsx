// The call page leads to the applications' area only those who have it: the applicants. Anyone
// else signed in (a nominator, a juror, the secretariat, an observer) is told that applying needs
// an applicant account, rather than shown a way to a 404.
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { editionObservers } from "../../../db/schema";
import * as call from "../../../app/routes/call";
import type { Locale } from "../../../app/kernel/i18n";
import { addEntityMember, addJuror, cookieFor, makeEntity, makeUser, request, run } from "../../fixtures/builders";
import { makeOpenEdition } from "../../fixtures/applications";
import { renderPage } from "../../support/render-page";

const args = (req: Request) => ({ request: req, params: {}, context: { clientAddress: "203.0.113.9" } });

async function callPage(userId: string | null, locale: Locale = "en") {
  const cookie = userId ? await cookieFor(userId) : undefined;
  const loaded = await run(() => call.loader(args(request("/call", { cookie })) as never));
  expect(loaded.status).toBe(200);
  return renderPage(call.default, { locale, data: loaded.body, path: "/call" });
}

describe("the call page's way to apply", () => {
  const edition = makeOpenEdition();

  it("leads an applicant to their applications", async () => {
    const applicant = await makeUser();
    const html = await callPage(applicant.id);
    expect(html).toContain('href="/applications"');
    expect(html).not.toContain("Applying needs an applicant account");
  });

  it("offers a visitor to create an account or sign in", async () => {
    const html = await callPage(null);
    expect(html).toContain('href="/register"');
    expect(html).toContain('href="/login?redirectTo=%2Fapplications"');
    expect(html).not.toContain("Applying needs an applicant account");
  });

  it("tells a nominator, a juror, the secretariat and an observer that applying needs an applicant account, with no link to the applications", async () => {
    const nominator = await makeUser({ roles: [] });
    addEntityMember(makeEntity().id, nominator.id);
    const juror = await makeUser({ roles: [] });
    addJuror(edition.id, juror.id);
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const observer = await makeUser({ roles: [] });
    db().insert(editionObservers).values({ editionId: edition.id, userId: observer.id }).run();
    for (const [role, user] of Object.entries({ nominator, juror, secretariat, observer })) {
      const html = await callPage(user.id);
      expect(html, role).not.toContain('href="/applications"');
      expect(html, role).not.toContain('href="/register"');
      expect(html, role).toContain(
        "Applying needs an applicant account: the account you are signed in with is not one.",
      );
    }
  });

  it("says so in French and Arabic too", async () => {
    const juror = await makeUser({ roles: [] });
    addJuror(edition.id, juror.id);
    expect(await callPage(juror.id, "fr")).toContain("Pour candidater, il faut un compte de candidat");
    expect(await callPage(juror.id, "ar")).toContain("يتطلب التقدم بطلب حسابَ مقدّم طلب");
  });
});
