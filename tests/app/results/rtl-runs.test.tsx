// The results page in Arabic: what reads left to right (a rank interval, a reference beside a
// Latin title) is isolated, so the right-to-left page does not reorder it.
import { describe, expect, it } from "vitest";
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
});
