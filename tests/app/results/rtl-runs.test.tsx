// The results page in Arabic: what reads left to right (a rank interval, a reference beside a
// Latin title) is isolated, so the right-to-left page does not reorder it.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, reviews } from "../../../db/schema";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import { ResultsView } from "../../../app/results/components/view";
import type { ResultsPageData } from "../../../app/results/domain/results-page";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";
import { renderPage } from "../../support/render-page";

async function secretariatResultsOf(f: Awaited<ReturnType<typeof buildScoredEdition>>): Promise<ResultsPageData> {
  const cookie = await cookieFor(f.secretariat.id);
  const path = `/secretariat/editions/${f.edition.id}/results`;
  const res = await run(() =>
    secretariatResults.loader({
      request: request(path, { cookie }),
      params: { editionId: f.edition.id },
      context: { clientAddress: "203.0.113.9" },
    }),
  );
  expect(res.status).toBe(200);
  return (res.body as { results: ResultsPageData }).results;
}

const render = (data: ResultsPageData, locale: "en" | "ar") =>
  renderPage(() => <ResultsView data={data} basePath="/secretariat/editions/e/results" />, { locale, data: null });

describe("the results page in Arabic", () => {
  it("shows each rank interval left to right, “2–3” and not “3–2”", async () => {
    const data = await secretariatResultsOf(await buildScoredEdition({ apps: 4 }));
    const row = data.rows.find((r) => r.low !== null && r.high !== null)!;
    expect(row).toBeDefined();
    expect(render(data, "ar")).toContain(`\u2066${row.low}–${row.high}\u2069`);
    // English needs no isolate: the page is left to right already.
    expect(render(data, "en")).not.toContain("\u2066");
  });

  it("isolates each reference and sets its title apart as one box, in the ranking and in the list of the unranked", async () => {
    const f = await buildScoredEdition({ apps: 4 });
    const title = "Les Sentinelles du littoral";
    db().update(applications).set({ title }).where(eq(applications.id, f.apps[0].app.id)).run();
    // The fourth application's reviews are drafts again: it is listed apart, not ranked.
    db()
      .update(reviews)
      .set({ state: "draft", submittedAt: null })
      .where(eq(reviews.applicationId, f.apps[3].app.id))
      .run();
    const html = render(await secretariatResultsOf(f), "ar");
    // A narrow screen wrapped the title word by word, and its first word showed on the reference's
    // far side ("Les KH-2023-0027 Sentinelles du littoral"): the title now moves to the next line
    // whole (results.css), and the reference is isolated from it.
    const ranked = f.apps[0].app.reference;
    expect(html).toMatch(
      new RegExp(`<a [^>]*><bdi>${ranked}</bdi></a> <span class="results-title"><bdi>${title}</bdi></span>`),
    );
    expect(html).toMatch(
      new RegExp(`<li><bdi>${f.apps[3].app.reference}</bdi> <span class="results-title"><bdi>[^<]+</bdi></span></li>`),
    );
  });
});
