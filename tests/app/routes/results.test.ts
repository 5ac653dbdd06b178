import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../scripts/scoring-cli";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import * as juryResults from "../../../app/routes/jury.$editionId.results";
import * as exportRoute from "../../../app/routes/secretariat.editions.$editionId.results_.export.$format";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { and, eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { applications, editions, reviews, users } from "../../../db/schema";
import { erasedName, erasedTitle } from "../../../app/accounts/domain/erasure";
import { buildScoredEdition, CRITERIA } from "../../fixtures/results";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});

type PageBody = {
  closed: boolean;
  results: {
    rows: { applicationId: string; reference: string; rank: number }[];
    problem: string | null;
    jurors: { label: { kind: string; name?: string; letter?: string } }[];
    breakdown: { reviews: { juror: { kind: string } }[] } | null;
  };
};

describe("results pages", () => {
  it("the secretariat sees every eligible application ranked, best first, with jurors by name", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await run(() =>
      secretariatResults.loader(
        args(request(`/secretariat/editions/${f.edition.id}/results?application=${f.apps[0].app.id}`, { cookie }), {
          editionId: f.edition.id,
        }),
      ),
    );
    expect(res.status).toBe(200);
    const body = res.body as PageBody;
    expect(body.results.problem).toBeNull();
    expect(body.results.rows.map((r) => r.reference)).toEqual(f.apps.map((a) => a.app.reference));
    expect(body.results.jurors.map((j) => j.label)).toContainEqual({ kind: "name", name: f.jurors[2].user.name });
    expect(body.results.breakdown?.reviews).toHaveLength(4); // juror 2 is in conflict with application 1
  });

  it("a conflicted juror never sees the rows of their conflicts, and sees other jurors as letters", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.jurors[1].user.id);
    const res = await run(() =>
      juryResults.loader(
        args(request(`/jury/${f.edition.id}/results?application=${f.apps[0].app.id}`, { cookie }), {
          editionId: f.edition.id,
        }),
      ),
    );
    const body = res.body as PageBody;
    expect(body.results.rows.map((r) => r.applicationId)).not.toContain(f.apps[0].app.id);
    expect(body.results.rows).toHaveLength(f.apps.length - 1);
    expect(body.results.breakdown).toBeNull();
    expect(JSON.stringify(body)).not.toContain(f.jurors[2].user.name);
    expect(body.results.jurors.every((j) => j.label.kind === "letter")).toBe(true);
  });

  it("the score distribution counts each criterion's submitted scores on the scale, and a juror's leaves out their conflicts", async () => {
    const f = await buildScoredEdition();
    // A draft counts for nothing.
    db()
      .update(reviews)
      .set({ state: "draft" })
      .where(and(eq(reviews.jurorId, f.jurors[4].member.id), eq(reviews.applicationId, f.apps[5].app.id)))
      .run();
    const submitted = db()
      .select({ applicationId: reviews.applicationId, scores: reviews.scores })
      .from(reviews)
      .where(eq(reviews.state, "submitted"))
      .all()
      .filter((r) => f.apps.some((a) => a.app.id === r.applicationId));
    const expected = (leftOut: string | null) =>
      CRITERIA.map((c) => {
        const counts = new Array(10).fill(0) as number[];
        // The fixture's scale is 1–10, lowest first.
        for (const r of submitted)
          if (r.applicationId !== leftOut) counts[(r.scores as Record<string, number>)[c.key] - 1]++;
        return { key: c.key, counts };
      });
    const distribution = async (userId: string, path: string) => {
      const route = path.startsWith("/jury") ? juryResults : secretariatResults;
      const cookie = await cookieFor(userId);
      const res = await run(() => route.loader(args(request(path, { cookie }), { editionId: f.edition.id })));
      const body = res.body as { results: { distribution: { key: string; counts: number[] }[] } };
      return body.results.distribution.map(({ key, counts }) => ({ key, counts }));
    };
    expect(submitted).toHaveLength(5 * 6 - 2);
    expect(await distribution(f.secretariat.id, `/secretariat/editions/${f.edition.id}/results`)).toEqual(
      expected(null),
    );
    // Juror 2 is in conflict with the first application: its reviews are not theirs to count.
    expect(await distribution(f.jurors[1].user.id, `/jury/${f.edition.id}/results`)).toEqual(
      expected(f.apps[0].app.id),
    );
  });

  it("an applicant, a nominator, a juror of another edition and a visitor all get 404", async () => {
    const f = await buildScoredEdition();
    const other = await buildScoredEdition();
    const path = `/secretariat/editions/${f.edition.id}/results`;
    for (const userId of [f.apps[0].applicant.id, f.nominator.id, other.jurors[0].user.id]) {
      const cookie = await cookieFor(userId);
      expect(
        (await run(() => secretariatResults.loader(args(request(path, { cookie }), { editionId: f.edition.id }))))
          .status,
      ).toBe(404);
      expect(
        (
          await run(() =>
            juryResults.loader(args(request(`/jury/${f.edition.id}/results`, { cookie }), { editionId: f.edition.id })),
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await run(() =>
            exportRoute.loader(
              args(request(`${path}/export/json`, { cookie }), { editionId: f.edition.id, format: "json" }),
            ),
          )
        ).status,
      ).toBe(404);
    }
    expect(
      (await run(() => juryResults.loader(args(request(`/jury/${f.edition.id}/results`), { editionId: f.edition.id }))))
        .status,
    ).toBe(404);
    expect((await run(() => secretariatResults.loader(args(request(path), { editionId: f.edition.id })))).status).toBe(
      404,
    );
  });

  it("an unknown edition answers 404 even to the secretariat", async () => {
    const secretariat = await makeUser({ roles: ["secretariat"] });
    const res = await run(async () =>
      secretariatResults.loader(
        args(request(`/secretariat/editions/nope/results`, { cookie: await cookieFor(secretariat.id) }), {
          editionId: "nope",
        }),
      ),
    );
    expect(res.status).toBe(404);
  });

  it("'what if' with a heavier weight on one criterion changes the ranking without changing the official one", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await run(() =>
      secretariatResults.action(
        args(
          request(`/secretariat/editions/${f.edition.id}/results`, {
            cookie,
            form: { method: "median", w_appropriateness: "1", w_innovation: "50", w_impact: "0.5" },
          }),
          { editionId: f.edition.id },
        ),
      ),
    );
    expect(res.status).toBe(200);
    const body = res.body as { whatIf: { rows: { reference: string; rank: number; officialRank: number }[] } };
    expect(body.whatIf.rows).toHaveLength(f.apps.length);
    expect(body.whatIf.rows[0].rank).toBe(1);
    const after = await run(() =>
      secretariatResults.loader(
        args(request(`/secretariat/editions/${f.edition.id}/results`, { cookie }), { editionId: f.edition.id }),
      ),
    );
    expect((after.body as PageBody).results.rows[0].reference).toBe(f.apps[0].app.reference);
  });

  it("'what if' refuses a negative weight and a weight that is not a number, next to each field", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await run(() =>
      secretariatResults.action(
        args(
          request(`/secretariat/editions/${f.edition.id}/results`, {
            cookie,
            form: { method: "mean", w_appropriateness: "-1", w_innovation: "abc", w_impact: "2" },
          }),
          { editionId: f.edition.id },
        ),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      errors: {
        w_appropriateness: { message: "errors.results_weight_positive" },
        w_innovation: { message: "errors.results_weight_nan" },
      },
      values: { w_innovation: "abc" },
    });
  });

  it("'what if' refuses a weight for a criterion the edition does not have", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await run(() =>
      secretariatResults.action(
        args(
          request(`/secretariat/editions/${f.edition.id}/results`, { cookie, form: { method: "mean", w_other: "2" } }),
          { editionId: f.edition.id },
        ),
      ),
    );
    expect(res).toMatchObject({
      status: 400,
      body: { errors: { method: { message: "errors.results_weight_unknown" } } },
    });
  });

  it("the JSON export re-runs through the scoring command line to the same ranking", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await exportRoute.loader(
      args(request(`/secretariat/editions/${f.edition.id}/results/export/json`, { cookie }), {
        editionId: f.edition.id,
        format: "json",
      }),
    );
    expect(res.headers.get("Content-Disposition")).toContain(".json");
    const text = await res.text();
    const out = runCli(["results", "export.json"], () => text);
    expect(out.code).toBe(0);
    const rerun = JSON.parse(out.stdout) as { applications: { applicationId: string }[] };
    const page = await run(() =>
      secretariatResults.loader(
        args(request(`/secretariat/editions/${f.edition.id}/results`, { cookie }), { editionId: f.edition.id }),
      ),
    );
    expect(rerun.applications.map((a) => a.applicationId)).toEqual(
      (page.body as PageBody).results.rows.map((r) => r.applicationId),
    );
  });

  it("a juror-bias edition's export names the bootstrap with the biases held, and re-runs to the page's intervals", async () => {
    const f = await buildScoredEdition();
    db().update(editions).set({ method: "jurorBias" }).where(eq(editions.id, f.edition.id)).run();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await exportRoute.loader(
      args(request(`/secretariat/editions/${f.edition.id}/results/export/json`, { cookie }), {
        editionId: f.edition.id,
        format: "json",
      }),
    );
    const text = await res.text();
    expect(JSON.parse(text).options).toMatchObject({ method: "jurorBias", jurorBiasBootstrap: "fixed" });
    const out = runCli(["results", "export.json"], () => text);
    expect(out.code).toBe(0);
    const rerun = JSON.parse(out.stdout) as {
      jurorBiasBootstrap: string;
      applications: { applicationId: string; rankInterval: { low: number; high: number } }[];
    };
    expect(rerun.jurorBiasBootstrap).toBe("fixed");
    const page = await run(() =>
      secretariatResults.loader(
        args(request(`/secretariat/editions/${f.edition.id}/results`, { cookie }), { editionId: f.edition.id }),
      ),
    );
    const rows = (page.body as { results: { rows: { applicationId: string; low: number; high: number }[] } }).results
      .rows;
    expect(rerun.applications.map((a) => [a.applicationId, a.rankInterval.low, a.rankInterval.high])).toEqual(
      rows.map((r) => [r.applicationId, r.low, r.high]),
    );
  });

  it("the CSV export has one row per application, best first, and neutralises formulas", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await exportRoute.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "csv" }));
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines).toHaveLength(f.apps.length + 1);
    expect(lines[0]).toContain("Rank");
    expect(lines[1]).toContain(f.apps[0].app.reference);
  });

  it("the exports list an eligible application no submitted review scores after the ranking, unranked", async () => {
    const f = await buildScoredEdition({ apps: 3 });
    const unscored = f.apps[1].app;
    db().update(reviews).set({ state: "draft", submittedAt: null }).where(eq(reviews.applicationId, unscored.id)).run();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await exportRoute.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "csv" }));
    const lines = (await res.text()).trim().split("\r\n");
    const header = lines[0].split(",");
    expect(lines).toHaveLength(4);
    const last = lines[3].split(",");
    expect(last).toHaveLength(header.length);
    expect(last.slice(0, 5)).toEqual(["", unscored.reference, "Project 2", "Organisation 2", "FI"]);
    expect(last[header.indexOf("Reviews")]).toBe("0");
    expect(last.filter((cell) => cell !== "")).toEqual([unscored.reference, "Project 2", "Organisation 2", "FI", "0"]);
    expect(lines.slice(1, 3).map((l) => l.split(",")[0])).toEqual(["1", "2"]);
    const xlsx = await exportRoute.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "xlsx" }));
    const sheet = strFromU8(unzipSync(new Uint8Array(await xlsx.arrayBuffer()))["xl/worksheets/sheet1.xml"]);
    expect(sheet.match(/<row /g)).toHaveLength(4);
    expect(sheet).toContain(unscored.reference);
  });

  it("the CSV export names an erased application and an erased juror in the secretariat's language", async () => {
    const f = await buildScoredEdition();
    for (const { user } of f.jurors) {
      db()
        .update(users)
        .set({ name: erasedName(user.id) })
        .where(eq(users.id, user.id))
        .run();
    }
    // One juror scores an application far below the others: their review is an outlier.
    const low = Object.fromEntries(CRITERIA.map((c) => [c.key, 1]));
    db()
      .update(reviews)
      .set({ scores: low })
      .where(and(eq(reviews.jurorId, f.jurors[4].member.id), eq(reviews.applicationId, f.apps[1].app.id)))
      .run();
    const title = erasedTitle(f.apps[0].app.id);
    db().update(applications).set({ title }).where(eq(applications.id, f.apps[0].app.id)).run();
    const french = await makeUser({ roles: ["secretariat"], locale: "fr" });
    const cookie = await cookieFor(french.id);
    const res = await exportRoute.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "csv" }));
    const text = await res.text();
    expect(text).toContain(`Candidature effacée ${title.slice(-4)}`);
    // The outliers' column names the jurors whose review stood out.
    expect(text).toMatch(/Candidat effacé [0-9A-F]{4}/);
    expect(text).not.toMatch(/Erased (applicant|application)/);
  });

  it("the page and the exports show every method side by side, the trimmed mean included", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const page = await run(() =>
      secretariatResults.loader(
        args(request(`/secretariat/editions/${f.edition.id}/results`, { cookie }), { editionId: f.edition.id }),
      ),
    );
    const row = (page.body as { results: { rows: Record<string, unknown>[] } }).results.rows[0];
    expect(Object.keys(row)).toEqual(expect.arrayContaining(["mean", "median", "trimmedMean", "zScore", "jurorBias"]));
    expect(typeof row.trimmedMean).toBe("number");
    const csv = await exportRoute.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "csv" }));
    const [header, first] = (await csv.text())
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    const column = header.indexOf("Trimmed mean");
    expect(header.slice(column - 2, column + 3)).toEqual([
      "Mean",
      "Median",
      "Trimmed mean",
      "Z-score",
      "Juror-bias model",
    ]);
    expect(Number(first[column])).toBeCloseTo(row.trimmedMean as number, 2);
  });

  it("the XLSX export is a zip holding a worksheet with the table", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await exportRoute.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "xlsx" }));
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toContain("xl/worksheets/sheet1.xml");
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain(f.apps[0].app.reference);
    expect(sheet.match(/<row /g)).toHaveLength(f.apps.length + 1);
    // The trimmed mean has its column between the median and the z-score, with the CSV's value.
    expect(sheet).toMatch(/>Median<\/t>.*>Trimmed mean<\/t>.*>Z-score<\/t>/);
    const csv = await exportRoute.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "csv" }));
    const [header, first] = (await csv.text())
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    const column = String.fromCharCode(65 + header.indexOf("Trimmed mean"));
    expect(sheet).toContain(`<c r="${column}2"><v>${first[header.indexOf("Trimmed mean")]}</v></c>`);
  });

  it("the XLSX export's tab is named in the secretariat's profile language, with the edition's year", async () => {
    const f = await buildScoredEdition();
    const french = await makeUser({ roles: ["secretariat"], locale: "fr" });
    const cookie = await cookieFor(french.id);
    const res = await exportRoute.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "xlsx" }));
    const workbook = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))["xl/workbook.xml"]);
    expect(workbook).toContain(`<sheet name="Résultats ${f.edition.year}"`);
  });

  it("before scoring closes the page says when results will come and computes nothing", async () => {
    const f = await buildScoredEdition();
    const { db } = await import("../../../db/client");
    const { editions } = await import("../../../db/schema");
    const { eq } = await import("drizzle-orm");
    db()
      .update(editions)
      .set({ scoringClosesAt: new Date(Date.now() + 864e5), announcementAt: new Date(Date.now() + 30 * 864e5) })
      .where(eq(editions.id, f.edition.id))
      .run();
    const res = await run(async () =>
      secretariatResults.loader(
        args(request(`/secretariat/editions/${f.edition.id}/results`, { cookie: await cookieFor(f.secretariat.id) }), {
          editionId: f.edition.id,
        }),
      ),
    );
    expect(res.body).toMatchObject({ closed: false, results: null });
  });
});
