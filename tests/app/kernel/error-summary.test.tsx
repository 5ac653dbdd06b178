// The error summary at the top of a refused form names the field of each message: "This field is
// required" five times over, for five criteria, told the reader nothing of which ones.
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { translate, type Locale, type Messages } from "../../../app/kernel/i18n";
import { Checkbox, labelsOf, RadioGroup, TextField } from "../../../app/kernel/components/form";
import { EditionSettingsFields } from "../../../app/editions/components/edition-forms";
import { NewAccountFields } from "../../../app/accounts/components/account-fields";
import * as reviewPage from "../../../app/routes/jury.reviews.$reviewId";
import * as sectionRoute from "../../../app/routes/applications.$applicationId.sections.$section";
import * as criteriaRoute from "../../../app/routes/secretariat.editions.$editionId.criteria";
import { newEdition } from "../../fixtures/editions";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { makeOpenEdition, startFor } from "../../fixtures/applications";
import { publishPair } from "../../fixtures/jury";
import { args, scenario } from "../../fixtures/jury-routes";
import { renderPage } from "../../support/render-page";

const tFor = (locale: Locale) =>
  Object.assign(
    (key: string, vars?: Record<string, string | number>) =>
      translate(catalogues[locale] as unknown as Messages, key, vars, locale),
    { locale, dir: locale === "ar" ? ("rtl" as const) : ("ltr" as const) },
  );

/** A fragment's text as read: tags and React's text joins dropped, entities decoded. */
const text = (html: string) =>
  html
    .replaceAll("<!-- -->", "")
    .replace(/<[^>]+>/g, "")
    .replaceAll("&amp;", "&")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .trim();

/** Each link of the page's error summary: the field it leads to, and what it says. */
function summaryLinks(html: string): { target: string; says: string }[] {
  const summary = html.match(/<div class="error-summary"[\s\S]*?<\/ul>/)?.[0];
  if (!summary) throw new Error("The page has no error summary");
  return [...summary.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({ target: m[1], says: text(m[2]) }));
}

/** The label of the field with this id, or the legend of the group it names, as the page shows it. */
function labelOnPage(html: string, id: string): string {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const label =
    html.match(new RegExp(`<label for="${escaped}"[^>]*>([\\s\\S]*?)</label>`))?.[1] ??
    html.match(new RegExp(`id="${escaped}"[^>]*>\\s*<legend[^>]*>([\\s\\S]*?)</legend>`))?.[1];
  if (label === undefined) throw new Error(`No label on the page for ${id}`);
  return text(label);
}

/** A new applicant's section page in the open edition, as loaded before a post. */
async function sectionPage(section: string) {
  const edition = makeOpenEdition();
  const applicant = await makeUser();
  const id = startFor(applicant.id, edition.id);
  const cookie = await cookieFor(applicant.id);
  const url = `/applications/${id}/sections/${section}`;
  const params = { applicationId: id, section };
  const loaded = await run(() => sectionRoute.loader(args(request(url, { cookie }), params)));
  return { url, params, cookie, loaded, version: String((loaded.body as { version: number }).version) };
}

describe("the error summary", () => {
  it("finds the labels of the library's fields and of the field groups, however deep, but not a checkbox's", () => {
    const t = tFor("en");
    expect(
      labelsOf(
        <>
          <div>
            <TextField name="title" label="Title" />
            <fieldset>
              <RadioGroup name="kind" legend="Kind" options={[]} />
            </fieldset>
          </div>
          <NewAccountFields />
          <Checkbox name="confirm" label="I confirm that everything above is true" />
          <input name="raw" />
        </>,
        t,
      ),
    ).toEqual({
      title: "Title",
      kind: "Kind",
      name: t("fields.full_name"),
      email: t("fields.email"),
      password: t("fields.new_password"),
      locale: t("fields.language"),
    });
  });

  it("finds every field of the edition's settings, its three-language texts included", () => {
    const t = tFor("fr");
    const labels = labelsOf(<EditionSettingsFields locked={false} />, t);
    expect(labels).toMatchObject({
      year: t("editions.year"),
      themeEn: t("editions.theme_en"),
      themeAr: t("editions.theme_ar"),
      callTextFr: t("editions.call_text_fr"),
      deadlineAt: t("editions.deadline_at"),
      method: t("editions.method"),
      maxPdfPages: t("editions.max_pdf_pages"),
    });
    // Locked, the scale and method are not fields to name.
    expect(
      labelsOf(<EditionSettingsFields locked lockedValues={{ scaleMin: 1, scaleMax: 10, method: "mean" }} />, t),
    ).not.toHaveProperty("method");
  });

  for (const locale of ["en", "fr", "ar"] as const) {
    it(`names each criterion a juror left unscored, in ${locale}`, async () => {
      const s = await scenario();
      const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
      const cookie = await cookieFor(s.jurors[0].userId);
      const url = `/jury/reviews/${reviewId}`;
      const refused = await run(() =>
        reviewPage.action(
          args(request(url, { cookie, form: { intent: "submit", "score.impact": "8", version: "1" } }), { reviewId }),
        ),
      );
      expect(refused.status).toBe(400);
      const loaded = await run(() => reviewPage.loader(args(request(url, { cookie }), { reviewId })));
      const html = renderPage(reviewPage.default, { locale, data: loaded.body, path: url, actionData: refused.body });
      const t = tFor(locale);
      const links = summaryLinks(html);
      expect(links.map((l) => l.target)).toEqual([
        "review-score.innovation",
        "review-score.inclusion",
        "review-confidence",
      ]);
      const errors = (refused.body as { errors: Record<string, { message: string }> }).errors;
      for (const link of links) {
        const message = t(errors[link.target.replace("review-", "")].message);
        // The confidence question is named shortly: "How confident are you…?: …" read badly.
        const label =
          link.target === "review-confidence" ? t("jury.review.confidence_name") : labelOnPage(html, link.target);
        expect(link.says).toBe(t("errors.summary_item", { label, message }));
      }
    });
  }

  it("names an overlong criterion comment by its criterion, links to the comment itself and says its limit beside it", async () => {
    const s = await scenario();
    const reviewId = publishPair(db(), s.editionId, s.jurors[0].memberId, s.applications[1].id);
    const cookie = await cookieFor(s.jurors[0].userId);
    const url = `/jury/reviews/${reviewId}`;
    const form = { intent: "save_draft", "comment.impact": "x".repeat(3001), version: "1" };
    const refused = await run(() => reviewPage.action(args(request(url, { cookie, form }), { reviewId })));
    expect(refused).toMatchObject({
      status: 400,
      body: { errors: { "comment.impact": { message: "errors.too_long_max", vars: { max: 3000 } } } },
    });
    const loaded = await run(() => reviewPage.loader(args(request(url, { cookie }), { reviewId })));
    const html = renderPage(reviewPage.default, {
      locale: "en",
      data: loaded.body,
      path: url,
      actionData: refused.body,
    });
    const [link] = summaryLinks(html);
    expect(link.target).toBe("review-comment.impact");
    expect(html).toContain('id="review-comment.impact"');
    expect(link.says).toMatch(/^Comment on the criterion “.+”: This is too long: at most 3000 characters$/);
    expect(html).toContain('id="review-comment.impact-error"');
  });

  it("names a criterion's level by its row and its field: 'Level 2, In French'", async () => {
    const user = await makeUser({ roles: ["secretariat"] });
    const cookie = await cookieFor(user.id);
    const editionId = newEdition(user.id);
    const path = `/secretariat/editions/${editionId}/criteria`;
    const form = {
      intent: "save",
      editionId,
      key: "reach",
      weight: "1",
      titleEn: "Reach",
      titleFr: "Portée",
      titleAr: "",
      guidanceEn: "",
      guidanceFr: "",
      guidanceAr: "",
      "levels.0.score": "1",
      "levels.0.en": "Low",
      "levels.0.fr": "Bas",
      "levels.0.ar": "",
      "levels.1.score": "10",
      "levels.1.en": "High",
      "levels.1.fr": "",
      "levels.1.ar": "",
    };
    const refused = await run(() =>
      criteriaRoute.action(args(request(path, { cookie, form }), { editionId }) as never),
    );
    expect(refused.status).toBe(400);
    const loaded = await run(() => criteriaRoute.loader(args(request(path, { cookie }), { editionId }) as never));
    const html = renderPage(criteriaRoute.default, { locale: "en", data: loaded.body, path, actionData: refused.body });
    expect(summaryLinks(html)).toEqual([
      { target: "criterion-levels.1.fr", says: "Level 2, In French: This field is required" },
    ]);
  });

  it("drops a sentence label's full stop before its message: no '….: This field is required'", async () => {
    const { url, params, cookie, loaded, version } = await sectionPage("organisation");
    const form = { intent: "complete", version, organisationDescription: "" };
    const refused = await run(() => sectionRoute.action(args(request(url, { cookie, form }), params)));
    expect(refused.status).toBe(400);
    for (const locale of ["en", "fr"] as const) {
      const html = renderPage(sectionRoute.default, { locale, data: loaded.body, path: url, actionData: refused.body });
      const says = summaryLinks(html).map((l) => l.says);
      expect(says.length, locale).toBeGreaterThan(0);
      for (const line of says) expect(line, locale).not.toMatch(/\.\s*:/);
    }
  });

  it("names each empty field of an application's section, as its label reads", async () => {
    const { url, params, cookie, loaded, version } = await sectionPage("background");
    const refused = await run(() =>
      sectionRoute.action(
        args(
          request(url, {
            cookie,
            form: {
              intent: "complete",
              version,
              title: "Open books",
              ...Object.fromEntries(
                [
                  "organisation",
                  "country",
                  "startMonth",
                  "endMonth",
                  "organisationType",
                  "operatingIn",
                  "partners",
                ].map((key) => [key, ""]),
              ),
            },
          }),
          params,
        ),
      ),
    );
    expect(refused.status).toBe(400);
    const Section = sectionRoute.default;
    const html = renderPage(() => <Section />, {
      locale: "en",
      data: loaded.body,
      path: url,
      actionData: refused.body,
    });
    const links = summaryLinks(html);
    expect(links.map((l) => l.target)).toEqual([
      "section-organisation",
      "section-country",
      "section-startMonth",
      "section-organisationType",
      "section-operatingIn",
    ]);
    expect(links.map((l) => l.says)).toEqual(
      links.map((l) => `${labelOnPage(html, l.target)}: This field is required`),
    );
  });
});
