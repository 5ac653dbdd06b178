// A post that comes after its sender's session ended: the text of an application's section or a
// review is handed back on a 401 page, where a redirect to the sign-in page would lose it.
import { UNSAFE_ErrorResponseImpl as ErrorResponse } from "@remix-run/router";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications } from "../../../db/schema";
import * as sectionRoute from "../../../app/routes/applications.$applicationId.sections.$section";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { makeOpenEdition, startFor } from "../../fixtures/applications";
import { publishPair, reviewOf } from "../../fixtures/jury";
import { args, scenario } from "../../fixtures/jury-routes";
import { renderPage } from "../../support/render-page";

async function draft() {
  const edition = makeOpenEdition();
  const applicant = await makeUser();
  const id = startFor(applicant.id, edition.id);
  return { id, applicant, cookie: await cookieFor(applicant.id) };
}

/** A fragment's text as read: tags and React's text joins dropped. */
const text = (html: string) => html.replaceAll("<!-- -->", "").replace(/<[^>]+>/g, " ");

describe("a post after the session ended", () => {
  it("hands back the text of an application's section, not its choices, its version or its intent", async () => {
    const { id } = await draft();
    const url = `/applications/${id}/sections/background`;
    const form = {
      formToken: "t",
      intent: "save",
      version: "1",
      title: "Open books for every village",
      organisation: "",
      country: "KE",
      partners: "The ministry\nTwo universities",
    };
    const answer = await run(() =>
      sectionRoute.action(args(request(url, { form }), { applicationId: id, section: "background" })),
    );
    expect(answer).toMatchObject({
      status: 401,
      body: {
        signedOut: true,
        texts: [
          { name: "title", value: "Open books for every village" },
          { name: "partners", value: "The ministry\nTwo universities" },
        ],
        signIn: `/login?redirectTo=${encodeURIComponent(url)}`,
      },
    });
    expect(db().select().from(applications).where(eq(applications.id, id)).get()).toMatchObject({
      title: "",
      version: 1,
    });
  });

  it("sends to the sign-in page as before when there is no text to hand back", async () => {
    const { id } = await draft();
    const url = `/applications/${id}/sections/background`;
    const answer = await run(() =>
      sectionRoute.action(
        args(request(url, { form: { intent: "save", version: "1", country: "KE", title: "  " } }), {
          applicationId: id,
          section: "background",
        }),
      ),
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
  });

  it("hands nothing back to someone signed in as another person: the application does not exist for them", async () => {
    const { id } = await draft();
    const other = await makeUser();
    const cookie = await cookieFor(other.id);
    const answer = await run(() =>
      sectionRoute.action(
        args(
          request(`/applications/${id}/sections/impact`, {
            cookie,
            form: { intent: "save", version: "1", impact: "Not theirs" },
          }),
          { applicationId: id, section: "impact" },
        ),
      ),
    );
    expect(answer).toMatchObject({ status: 404 });
  });

  it("hands back a juror's comments, but not the scores, and the review stays as it was", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const before = reviewOf(db(), s.jurors[0].memberId, s.applications[1].id);
    const form = {
      intent: "save_draft",
      version: "1",
      "score.impact": "8",
      "comment.impact": "Strong evidence from three districts",
      "comment.innovation": "",
      confidence: "4",
      overallComment: "A clear case",
    };
    const answer = await run(() =>
      reviewPage.action(args(request(`/jury/reviews/${reviewId}`, { form }), { reviewId })),
    );
    expect(answer).toMatchObject({
      status: 401,
      body: {
        texts: [
          { name: "comment.impact", value: "Strong evidence from three districts" },
          { name: "overallComment", value: "A clear case" },
        ],
      },
    });
    expect(reviewOf(db(), s.jurors[0].memberId, s.applications[1].id)).toEqual(before);
  });

  for (const locale of ["en", "fr", "ar"] as const) {
    it(`the page that hands it back shows each text under its field's name, read-only, with the way back, in ${locale}`, async () => {
      const { id } = await draft();
      const url = `/applications/${id}/sections/impact`;
      const signIn = `/login?redirectTo=${encodeURIComponent(url)}`;
      const post = {
        signedOut: true,
        texts: [
          { name: "impact", value: "Ten thousand pupils <b>reached</b>" },
          { name: "website", value: "https://example.org" },
        ],
        signIn,
      };
      const html = renderPage(sectionRoute.ErrorBoundary, {
        locale,
        data: null,
        path: url,
        error: new ErrorResponse(401, "", post),
      });
      const words = {
        en: ["You are signed out", "Impact and evidence", "Website", "Sign in again"],
        fr: ["Vous n’êtes plus connecté·e", "Impact et éléments probants", "Site web", "Se reconnecter"],
        ar: ["لقد خرجت من حسابك", "الأثر والأدلة", "الموقع الإلكتروني", "سجّل الدخول من جديد"],
      }[locale];
      for (const word of words) expect(text(html)).toContain(word);
      expect(html).toMatch(
        /<textarea id="kept-0" readonly="" rows="\d+" dir="auto">Ten thousand pupils &lt;b&gt;reached/,
      );
      expect(html).toContain(`href="${signIn.replaceAll("&", "&amp;")}"`);
    });
  }

  it("any other error of the route is the usual error page", () => {
    const html = renderPage(sectionRoute.ErrorBoundary, {
      locale: "en",
      data: null,
      error: new ErrorResponse(404, "Not Found", null),
    });
    expect(text(html)).toContain("Page not found");
    expect(html).not.toContain("textarea");
  });
});
