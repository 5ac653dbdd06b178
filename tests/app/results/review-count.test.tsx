// Each ranked application says how many reviews its score rests on, and one resting on a single
// juror is marked: its disagreement (sd 0, range 0) would otherwise read as a firm consensus.
import { describe, expect, it } from "vitest";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import { ResultsView } from "../../../app/results/components/view";
import type { ResultsPageData } from "../../../app/results/domain/results-page";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";
import { renderPage } from "../../support/render-page";

const args = (req: Request, params: Record<string, string>) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

describe("the number of reviews on the results page", () => {
  it("is shown for each application in each language, and a single review is marked", async () => {
    const f = await buildScoredEdition({ apps: 3, conflicts: [] });
    const cookie = await cookieFor(f.secretariat.id);
    const res = await run(() =>
      secretariatResults.loader(
        args(request(`/secretariat/editions/${f.edition.id}/results`, { cookie }), { editionId: f.edition.id }),
      ),
    );
    const data = (res.body as { results: ResultsPageData }).results;
    const counts = data.rows.map((r) => r.reviewCount);
    expect(counts.every((n) => n >= 2)).toBe(true);
    const render = (d: ResultsPageData, locale: "en" | "fr" | "ar") =>
      renderPage(() => <ResultsView data={d} basePath="/r" />, { locale, data: null });
    const en = render(data, "en");
    expect(en).toContain(`${counts[0]} reviews`);
    expect(en).not.toContain("one review only");
    // As if one application had a single review counted (a juror's other reviews recused, say).
    const single = { ...data, rows: data.rows.map((r, i) => (i === 0 ? { ...r, reviewCount: 1 } : r)) };
    const marked = render(single, "en");
    expect(marked).toContain("1 review");
    expect(marked.match(/one review only: its score rests on one juror/g)).toHaveLength(1);
    expect(render(single, "fr")).toContain("1 évaluation");
    expect(render(single, "ar")).toContain("تقييم واحد فقط");
  });
});
