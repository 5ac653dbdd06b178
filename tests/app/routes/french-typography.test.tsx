// A label and its value in French have a space before the colon, as every French message of the
// catalogue has: the application's check page and the account page built theirs in the code.
import { describe, expect, it } from "vitest";
import * as checkRoute from "../../../app/routes/applications.$applicationId.check";
import * as accountRoute from "../../../app/routes/account";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { makeOpenEdition, startFor } from "../../fixtures/applications";
import { renderPage } from "../../support/render-page";

/** The page's text as read: React marks where two texts it joined met. */
const text = (html: string) => html.replaceAll("<!-- -->", "");

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

describe("French typography of a label and its value", () => {
  it("the check page says the application's language with a space before the colon", async () => {
    const edition = makeOpenEdition();
    const applicant = await makeUser({ locale: "fr" });
    const id = startFor(applicant.id, edition.id);
    const cookie = await cookieFor(applicant.id);
    const loaded = await run(() =>
      checkRoute.loader(args(request(`/applications/${id}/check`, { cookie }), { applicationId: id })),
    );
    expect(loaded.status).toBe(200);
    const fr = text(
      renderPage(checkRoute.default, { locale: "fr", data: loaded.body, path: `/applications/${id}/check` }),
    );
    expect(fr).toMatch(/Langue de la candidature : \S/);
    expect(fr).not.toContain("Langue de la candidature:");
    const en = text(
      renderPage(checkRoute.default, { locale: "en", data: loaded.body, path: `/applications/${id}/check` }),
    );
    expect(en).toMatch(/Language of the application: \S/);
  });

  it("the account page gives the e-mail address with a space before the colon", async () => {
    const user = await makeUser({ locale: "fr" });
    const cookie = await cookieFor(user.id);
    const loaded = await run(() => accountRoute.loader(args(request("/account", { cookie }))));
    expect(loaded.status).toBe(200);
    const fr = text(renderPage(accountRoute.default, { locale: "fr", data: loaded.body, path: "/account" }));
    expect(fr).toContain("Adresse électronique : <bdi>");
    // The sessions' times are Paris time, said once in the column's head.
    expect(fr).toContain(">Connexion le (heure de Paris)</th>");
  });
});
