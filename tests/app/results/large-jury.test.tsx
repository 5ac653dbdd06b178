// A jury larger than a page: the jurors' table is paged (25 a page, the reader's place in the
// ranking kept), and the leniency chart draws only the jurors furthest from the average, saying
// so. A real jury has five; two hundred made half of a 168 kB results page (issue 10).
import { describe, expect, it } from "vitest";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import * as juryResults from "../../../app/routes/jury.$editionId.results";
import { furthestFromAverage, LENIENCY_CHART_MAX } from "../../../app/results/server/page.server";
import { resultsHref, ResultsView } from "../../../app/results/components/view";
import { JURORS_PAGE_SIZE, type ResultsJuror, type ResultsPageData } from "../../../app/results/domain/results-page";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";
import { renderPage } from "../../support/render-page";

const args = (req: Request, params: Record<string, string>) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

const juror = (name: string, leniency: number): ResultsJuror => ({
  label: { kind: "name", name },
  reviews: 3,
  leniency,
  bias: 0,
});

describe("a large jury on the results pages", () => {
  it("the leniency chart keeps a jury of twenty whole, in the table's order", () => {
    const jurors = Array.from({ length: LENIENCY_CHART_MAX }, (_, i) => juror(`J${i}`, (i % 7) - 3));
    expect(furthestFromAverage(jurors)).toEqual(jurors);
  });

  it("of a larger jury the chart draws the twenty furthest from the average, most lenient first, the table's order between equals", () => {
    // Juror 2k is (k + 1) tenths harsher than the average, juror 2k + 1 as much more lenient.
    const jurors = Array.from({ length: 31 }, (_, i) =>
      juror(`J${i}`, (i % 2 === 1 ? 1 : -1) * (Math.floor(i / 2) + 1) * 0.1),
    );
    // J30 (−1.6), then J28 and J29 (±1.5) down to J12 and J13 (±0.7): nineteen; of J10 and J11
    // (±0.6), J10, first in the table.
    const drawn = furthestFromAverage(jurors).map((j) => (j.label.kind === "name" ? j.label.name : ""));
    expect(drawn).toEqual([
      ...[29, 27, 25, 23, 21, 19, 17, 15, 13].map((i) => `J${i}`),
      ...[10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30].map((i) => `J${i}`),
    ]);
    // A tie at the cut: of two jurors as far, the one first in the table is drawn.
    const tied = [...Array.from({ length: 19 }, (_, i) => juror(`far${i}`, 2)), juror("first", 1), juror("second", -1)];
    const names = furthestFromAverage(tied).map((j) => (j.label.kind === "name" ? j.label.name : ""));
    expect(names).toContain("first");
    expect(names).not.toContain("second");
  });

  it("a link in the results keeps the reader's place in both tables, and the first pages leave the address bare", () => {
    expect(resultsHref("/r", { page: 1, jurors: 1 })).toBe("/r");
    expect(resultsHref("/r", { page: 3, jurors: 2 }, "jurors")).toBe("/r?page=3&jurors=2#jurors");
    expect(resultsHref("/r", { page: 2, jurors: 1, application: "a b" }, "breakdown")).toBe(
      "/r?application=a+b&page=2#breakdown",
    );
  });

  it("the secretariat's page lists thirty jurors twenty-five at a time and draws the twenty furthest", async () => {
    const f = await buildScoredEdition({ apps: 3, jurors: 30, conflicts: [] });
    const cookie = await cookieFor(f.secretariat.id);
    const page = async (query: string) => {
      const res = await run(() =>
        secretariatResults.loader(
          args(request(`/secretariat/editions/${f.edition.id}/results${query}`, { cookie }), {
            editionId: f.edition.id,
          }),
        ),
      );
      expect(res.status).toBe(200);
      return (res.body as { results: ResultsPageData }).results;
    };
    const first = await page("");
    expect(first.problem).toBeNull();
    expect([first.jurorCount, first.jurorsPage, first.jurorsPages, first.jurors.length]).toEqual([30, 1, 2, 25]);
    const second = await page("?jurors=2&page=1");
    expect([second.jurorsPage, second.jurors.length]).toEqual([2, 5]);
    // Out of range: the nearest page, as the ranking's own pages do.
    expect((await page("?jurors=9")).jurorsPage).toBe(2);
    expect((await page("?jurors=-1")).jurorsPage).toBe(1);
    const everyone = [...first.jurors, ...second.jurors];
    expect(new Set(everyone.map((j) => JSON.stringify(j.label))).size).toBe(30);
    expect(first.leniency).toEqual(furthestFromAverage(everyone));
    expect(second.leniency).toEqual(first.leniency);

    const html = renderPage(
      () => <ResultsView data={second} basePath={`/secretariat/editions/${f.edition.id}/results`} />,
      { locale: "en", data: null },
    );
    expect(html).toContain("Jurors 26–30 of 30");
    expect(html).toContain("Drawn here: the 20 jurors furthest from the average, of 30");
    expect(html).toMatch(/<nav aria-label="Pages of the jurors’ table"[^>]*>.*?Previous jurors.*?<\/nav>/s);
    expect(html).not.toContain("Next jurors");
    expect(html.match(/<rect /g)?.length).toBeGreaterThanOrEqual(LENIENCY_CHART_MAX);
    expect(html).toContain(`href="/secretariat/editions/${f.edition.id}/results#jurors"`);
    const ar = renderPage(() => <ResultsView data={first} basePath="/r" />, { locale: "ar", data: null });
    expect(ar).toContain("أعضاء اللجنة من 1 إلى 25 من أصل 30");
    expect(ar).toContain('href="/r?jurors=2#jurors"');
  });

  it("a juror's page pages the jury too, by letter", async () => {
    const f = await buildScoredEdition({ apps: 2, jurors: JURORS_PAGE_SIZE + 1, conflicts: [] });
    const cookie = await cookieFor(f.jurors[3].user.id);
    const res = await run(() =>
      juryResults.loader(
        args(request(`/jury/${f.edition.id}/results?jurors=2`, { cookie }), { editionId: f.edition.id }),
      ),
    );
    expect(res.status).toBe(200);
    const results = (res.body as { results: ResultsPageData }).results;
    expect(results.jurors).toHaveLength(1);
    expect(results.jurors[0].label.kind).toBe("letter");
    expect(results.leniency).toHaveLength(LENIENCY_CHART_MAX);
  });
});
