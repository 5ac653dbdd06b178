// An eligible application that no submitted review scores has no place in the ranking: the
// results page says so and names it, rather than leaving it out in silence.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { reviews } from "../../../db/schema";
import * as juryResults from "../../../app/routes/jury.$editionId.results";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import { ResultsView } from "../../../app/results/components/view";
import type { ResultsPageData } from "../../../app/results/domain/results-page";
import { UNRANKED_SHOWN } from "../../../app/results/server/page.server";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";
import { renderPage } from "../../support/render-page";

const args = (req: Request, params: Record<string, string>) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

async function resultsOf(
  route: typeof juryResults | typeof secretariatResults,
  path: string,
  userId: string,
  editionId: string,
): Promise<ResultsPageData> {
  const cookie = await cookieFor(userId);
  const res = await run(() => route.loader(args(request(path, { cookie }), { editionId })));
  expect(res.status).toBe(200);
  return (res.body as { results: ResultsPageData }).results;
}

const secretariatResultsOf = (f: Awaited<ReturnType<typeof buildScoredEdition>>) =>
  resultsOf(secretariatResults, `/secretariat/editions/${f.edition.id}/results`, f.secretariat.id, f.edition.id);

/** The application's reviews are drafts again: nothing submitted scores it. */
const unscore = (applicationId: string) =>
  db().update(reviews).set({ state: "draft", submittedAt: null }).where(eq(reviews.applicationId, applicationId)).run();

const render = (data: ResultsPageData, locale: "en" | "fr" | "ar", basePath = "/secretariat/editions/e/results") =>
  renderPage(() => <ResultsView data={data} basePath={basePath} />, { locale, data: null });

describe("applications without a submitted review on the results page", () => {
  it("are named apart from the ranking, to the secretariat with the way to the scoring progress, and to the jury", async () => {
    // Juror 2 (index 1) is in conflict with the fourth application.
    const f = await buildScoredEdition({ apps: 4, conflicts: [[1, 3]] });
    const unscored = f.apps[3].app;
    unscore(unscored.id);

    const secretariat = await secretariatResultsOf(f);
    expect(secretariat.count).toBe(3);
    expect(secretariat.rows.map((r) => r.reference)).not.toContain(unscored.reference);
    expect(secretariat.unranked).toEqual({ count: 1, shown: [{ reference: unscored.reference, title: "Project 4" }] });

    const en = render(secretariat, "en");
    expect(en).toContain("1 eligible application has no submitted review");
    expect(en).toMatch(
      new RegExp(`<li><bdi>${unscored.reference}</bdi> <span class="results-title"><bdi[^>]*>Project 4</bdi></span>`),
    );
    expect(en).toContain(`href="/secretariat/editions/e/progress"`);
    expect(render(secretariat, "fr")).toContain("1 candidature éligible n’a aucune évaluation envoyée");
    expect(render(secretariat, "ar")).toContain("طلب مؤهل واحد ليس له أي تقييم مرسل");
    // An observer reads the same list, without the secretariat's way into the scoring progress.
    const observer = renderPage(() => <ResultsView data={secretariat} basePath="/observe/e/results" readOnly />, {
      locale: "en",
      data: null,
    });
    expect(observer).toContain("1 eligible application has no submitted review");
    expect(observer).not.toContain("/progress");

    const juror = await resultsOf(juryResults, `/jury/${f.edition.id}/results`, f.jurors[0].user.id, f.edition.id);
    expect(juror.unranked.shown.map((a) => a.reference)).toEqual([unscored.reference]);
    expect(render(juror, "en", "/jury/e/results")).not.toContain("/progress");
    // A juror in conflict with it is not told of it, here as anywhere else in the results.
    const conflicted = await resultsOf(juryResults, `/jury/${f.edition.id}/results`, f.jurors[1].user.id, f.edition.id);
    expect(conflicted.unranked).toEqual({ count: 0, shown: [] });
    expect(render(conflicted, "en", "/jury/e/results")).not.toContain("no submitted review");
  });

  it("are counted past the first few, and the page names only those", async () => {
    const f = await buildScoredEdition({ apps: UNRANKED_SHOWN + 3, conflicts: [], jurors: 2 });
    const unscored = f.apps.slice(1).map(({ app }) => app);
    for (const app of unscored) unscore(app.id);
    const data = await secretariatResultsOf(f);
    expect(data.count).toBe(1);
    expect(data.unranked.count).toBe(UNRANKED_SHOWN + 2);
    expect(data.unranked.shown.map((a) => a.reference)).toEqual(
      unscored.slice(0, UNRANKED_SHOWN).map((a) => a.reference),
    );
    expect(render(data, "en")).toContain("and 2 more");
    expect(render(data, "fr")).toContain("et 2 autres");
    expect(render(data, "ar")).toContain("وطلبان آخران");
  });
});
