import { describe, expect, it } from "vitest";
import { jurorIndependence, mulberry32, type ResultsInput, type Review } from "../../scoring/index";

const one = [{ key: "q", weight: 1 }];
const scale = { min: 0, max: 10 };

const gauss = (next: () => number) => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
const countries = ["BH", "EG", "FR", "KE"];
const regions: Record<string, string> = { BH: "Arab States", EG: "Arab States", FR: "Europe", KE: "Africa" };

/**
 * A synthetic edition: 72 applications from four countries, each scored by all four jurors (one
 * per country) on two criteria: quality N(5, 1.5²) + juror leniency N(0, 0.7²) + noise N(0, 1),
 * rounded to 0–10. `collusion`: jur-1 copies jur-0's scores with noise N(0, 0.3²);
 * `home`: jur-0 (BH) adds 1.5 points to applications from BH.
 */
function edition(seed: number, plant: "none" | "collusion" | "home"): ResultsInput {
  const next = mulberry32(seed);
  const criteria = [
    { key: "design", weight: 1 },
    { key: "impact", weight: 2 },
  ];
  const leniency = countries.map(() => 0.7 * gauss(next));
  const clamp = (x: number) => Math.max(0, Math.min(10, Math.round(x)));
  const reviews: Review[] = [];
  for (let a = 0; a < 72; a++) {
    const country = countries[a % countries.length];
    const quality = 5 + 1.5 * gauss(next);
    const given: Record<string, number>[] = [];
    countries.forEach((jurorCountry, j) => {
      const scores: Record<string, number> = {};
      for (const { key } of criteria) {
        const home = plant === "home" && j === 0 && country === jurorCountry ? 1.5 : 0;
        scores[key] =
          plant === "collusion" && j === 1
            ? clamp(given[0][key] + 0.3 * gauss(next))
            : clamp(quality + leniency[j] + home + gauss(next));
      }
      given.push(scores);
      reviews.push({
        applicationId: `app-${String(a).padStart(2, "0")}`,
        jurorId: `jur-${j}`,
        scores,
        jurorCountry,
        jurorRegion: regions[jurorCountry],
        applicationCountry: country,
        applicationRegion: regions[country],
      });
    });
  }
  return { criteria, scale, reviews };
}

const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);
// A hundred seeded audits with 999 permutations each take seconds, many more on a loaded or slow machine.
const SEEDED_RUNS_TIMEOUT = 180_000;
const audit = (input: ResultsInput, seed: number) => jurorIndependence(input, { permutations: 999, seed, alpha: 0.05 });

/** Residuals of a fully crossed matrix (rows = applications, columns = jurors) by double centring. */
function doubleCentred(y: number[][]): number[][] {
  const rows = y.map((r) => r.reduce((s, x) => s + x, 0) / r.length);
  const cols = y[0].map((_, j) => y.reduce((s, r) => s + r[j], 0) / y.length);
  const grand = rows.reduce((s, x) => s + x, 0) / rows.length;
  return y.map((r, a) => r.map((x, j) => x - rows[a] - cols[j] + grand));
}

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

describe("jurorIndependence", () => {
  it("jurorIndependence measures a pair by the correlation of their residuals and its exact permutation p-value", () => {
    // Fully crossed, so the least-squares residuals are the double-centred matrix.
    const y = [
      [8, 6, 9],
      [6, 7, 4],
      [5, 5, 6],
      [2, 4, 1],
    ];
    const jurors = ["J1", "J2", "J3"];
    const reviews = y.flatMap((row, a) =>
      row.map((q, j) => ({ applicationId: `A${a}`, jurorId: jurors[j], scores: { q } })),
    );
    const e = doubleCentred(y);
    const expected = (j: number, k: number) => {
      const dot = (p: number[]) => e.reduce((s, r, a) => s + r[j] * e[p[a]][k], 0);
      const norm = (i: number) => Math.sqrt(e.reduce((s, r) => s + r[i] ** 2, 0));
      const observed = dot([0, 1, 2, 3]);
      const all = permutations(4);
      return {
        a: jurors[j],
        b: jurors[k],
        shared: 4,
        statistic: expect.closeTo(observed / (norm(j) * norm(k)), 12),
        p: expect.closeTo(all.filter((p) => dot(p) >= observed - 1e-12).length / all.length, 2),
        flagged: false,
      };
    };
    expect(jurorIndependence({ criteria: one, scale, reviews }, { permutations: 200000, seed: 3 })).toEqual({
      pairs: [expected(0, 1), expected(0, 2), expected(1, 2)],
      homeBias: [],
    });
  });

  it("jurorIndependence estimates home bias as the mean residual at home minus elsewhere, inside its interval", () => {
    // J1 (BH) gives BH applications 2 points more than J2 and J3 (FR), and others 0.5 less.
    const apps = ["B1", "B2", "B3", "F1", "F2", "F3"];
    const base = [6, 4, 7, 5, 8, 3];
    const reviews: Review[] = apps.flatMap((app, a) => {
      const country = app.startsWith("B") ? "BH" : "FR";
      const j1 = country === "BH" ? base[a] + 2 : base[a] - 0.5;
      return [
        { applicationId: app, jurorId: "J1", scores: { q: j1 }, jurorCountry: "BH", applicationCountry: country },
        {
          applicationId: app,
          jurorId: "J2",
          scores: { q: base[a] + (a % 2) },
          jurorCountry: "FR",
          applicationCountry: country,
        },
        {
          applicationId: app,
          jurorId: "J3",
          scores: { q: base[a] - (a % 2) },
          jurorCountry: "FR",
          applicationCountry: country,
        },
      ];
    });
    const r = jurorIndependence({ criteria: one, scale, reviews }, { permutations: 999, seed: 1, alpha: 0.05 });
    // Residuals of J1: +2 on B1–B3 and −0.5 on F1–F3 (J2 and J3 average to base): estimate 2.5.
    // J2 and J3 at home (FR) vs BH: J2's residual is base + (a%2) − mean(J1, J3).
    const residual = (j: "J2" | "J3", a: number) => {
      const own = base[a] + (j === "J2" ? a % 2 : -(a % 2));
      const other = base[a] + (j === "J2" ? -(a % 2) : a % 2);
      const j1 = a < 3 ? base[a] + 2 : base[a] - 0.5;
      return own - (j1 + other) / 2;
    };
    const homeMinusOther = (j: "J2" | "J3") =>
      [3, 4, 5].reduce((s, a) => s + residual(j, a), 0) / 3 - [0, 1, 2].reduce((s, a) => s + residual(j, a), 0) / 3;
    const row = (jurorId: string, estimate: number) => ({
      jurorId,
      group: "country",
      n: 3,
      estimate: expect.closeTo(estimate, 12),
      low: expect.any(Number),
      high: expect.any(Number),
      flagged: expect.any(Boolean),
    });
    expect(r.homeBias).toEqual([row("J1", 2.5), row("J2", homeMinusOther("J2")), row("J3", homeMinusOther("J3"))]);
    for (const h of r.homeBias) {
      expect(h.low).toBeLessThanOrEqual(h.estimate);
      expect(h.high).toBeGreaterThanOrEqual(h.estimate);
      expect(h.flagged).toBe(h.low > 0 || h.high < 0);
    }
  });

  it("jurorIndependence shifts the home-bias estimate and its interval by exactly what the juror adds at home", () => {
    for (const seed of [1, 2, 3]) {
      const input = edition(seed, "none");
      const shifted: ResultsInput = {
        ...input,
        reviews: input.reviews.map((r) =>
          r.jurorId === "jur-2" && r.applicationCountry === "FR"
            ? { ...r, scores: Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, v + 0.25])) }
            : r,
        ),
      };
      const scale10 = { ...shifted, scale: { min: 0, max: 11 } };
      const before = audit({ ...input, scale: { min: 0, max: 11 } }, seed).homeBias.find(
        (h) => h.jurorId === "jur-2" && h.group === "country",
      )!;
      const after = audit(scale10, seed).homeBias.find((h) => h.jurorId === "jur-2" && h.group === "country")!;
      expect(after).toEqual({
        ...before,
        estimate: expect.closeTo(before.estimate + 0.25, 9),
        low: expect.closeTo(before.low + 0.25, 9),
        high: expect.closeTo(before.high + 0.25, 9),
        flagged: after.low > 0 || after.high < 0,
      });
    }
  });

  it(
    "jurorIndependence flags a planted colluding pair in at least 99 of 100 seeded editions",
    () => {
      const flagged = SEEDS.filter(
        (seed) =>
          audit(edition(seed, "collusion"), seed).pairs.find((p) => p.a === "jur-0" && p.b === "jur-1")?.flagged,
      );
      expect(flagged.length).toBeGreaterThanOrEqual(99);
    },
    SEEDED_RUNS_TIMEOUT,
  );

  it(
    "jurorIndependence flags a planted home bias of 1.5 points in at least 99 of 100 seeded editions, and its interval covers 1.5",
    () => {
      const rows = SEEDS.map((seed) =>
        audit(edition(seed, "home"), seed).homeBias.find((h) => h.jurorId === "jur-0" && h.group === "country")!,
      );
      expect(rows.filter((h) => h.flagged).length).toBeGreaterThanOrEqual(99);
      expect(rows.filter((h) => h.low <= 1.5 && 1.5 <= h.high).length).toBeGreaterThanOrEqual(95);
    },
    SEEDED_RUNS_TIMEOUT,
  );

  it(
    "jurorIndependence flags at most 5 of 100 clean editions",
    () => {
      const falseFlags = SEEDS.filter((seed) => {
        const r = audit(edition(seed, "none"), seed);
        return r.pairs.some((p) => p.flagged) || r.homeBias.some((h) => h.flagged);
      });
      expect(falseFlags.length).toBeLessThanOrEqual(5);
    },
    SEEDED_RUNS_TIMEOUT,
  );

  it("jurorIndependence gives the same audit whatever the order of reviews, and depends on the seed only through p and the intervals", () => {
    const input = edition(5, "collusion");
    const a = audit(input, 9);
    expect(audit({ ...input, reviews: [...input.reviews].reverse() }, 9)).toEqual(a);
    const b = audit(input, 10);
    expect(b.pairs.map(({ a, b, shared, statistic }) => ({ a, b, shared, statistic }))).toEqual(
      a.pairs.map(({ a, b, shared, statistic }) => ({ a, b, shared, statistic })),
    );
    expect(b.homeBias.map((h) => h.estimate)).toEqual(a.homeBias.map((h) => h.estimate));
  });

  it("jurorIndependence tests only pairs with at least three shared applications and jurors with three home and three other applications", () => {
    const reviews: Review[] = [
      ...["A", "B", "C"].flatMap((app) => [
        { applicationId: app, jurorId: "J1", scores: { q: 5 }, jurorCountry: "BH", applicationCountry: "BH" },
        { applicationId: app, jurorId: "J2", scores: { q: 6 }, jurorCountry: "FR", applicationCountry: "BH" },
      ]),
      { applicationId: "D", jurorId: "J1", scores: { q: 4 }, applicationCountry: "FR" },
      { applicationId: "D", jurorId: "J3", scores: { q: 7 }, applicationCountry: "FR" },
    ];
    expect(jurorIndependence({ criteria: one, scale, reviews }, { permutations: 99 })).toEqual({
      pairs: [{ a: "J1", b: "J2", shared: 3, statistic: 0, p: 1, flagged: false }],
      homeBias: [],
    });
  });

  it("jurorIndependence sets the country of the nominating entity against the juror's country, as its own group", () => {
    // jur-0 (BH) adds 1.5 points to the applications a Bahraini entity nominated, wherever they come from.
    const base = edition(3, "none");
    const byBahrain = (applicationId: string) => Number(applicationId.slice(4)) % 3 === 0;
    const reviews = base.reviews.map((r) => ({
      ...r,
      entityCountry: byBahrain(r.applicationId) ? "BH" : "FR",
      scores:
        r.jurorId === "jur-0" && byBahrain(r.applicationId)
          ? Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, Math.min(10, v + 2)]))
          : r.scores,
    }));
    const audit = jurorIndependence({ ...base, reviews }, { permutations: 999, seed: 3 });
    const rows = audit.homeBias.filter((h) => h.group === "entityCountry");
    expect(rows.map((h) => h.jurorId)).toEqual(["jur-0", "jur-2"]); // the jurors from BH and FR
    const planted = rows.find((h) => h.jurorId === "jur-0")!;
    expect(planted.n).toBe(24);
    expect(planted.flagged).toBe(true);
    expect(planted.estimate).toBeGreaterThan(1);
    expect(audit.homeBias.filter((h) => h.group !== "entityCountry")).toHaveLength(8);
  });

  it("jurorIndependence throws on empty input, bad options and a juror with two countries", () => {
    const input = edition(1, "none");
    expect(() => jurorIndependence({ ...input, reviews: [] })).toThrow(/empty input/);
    expect(() => jurorIndependence(input, { permutations: 0 })).toThrow(
      /permutations must be an integer from 1 to 1000000, got 0/,
    );
    expect(() => jurorIndependence(input, { alpha: 1 })).toThrow(
      /alpha must be a number strictly between 0 and 1, got 1/,
    );
    expect(() => jurorIndependence(input, { seed: 1.5 })).toThrow(/seed must be an integer, got 1.5/);
    const conflicting = {
      ...input,
      reviews: input.reviews.map((r, i) => (i === 1 ? { ...r, jurorCountry: "XX" } : r)),
    };
    expect(() => jurorIndependence(conflicting)).toThrow(/juror jur-1 has two values of jurorCountry: "EG" and "XX"/);
    const blank = { ...input, reviews: input.reviews.map((r, i) => (i === 0 ? { ...r, applicationRegion: "" } : r)) };
    expect(() => jurorIndependence(blank)).toThrow(/applicationRegion must be a non-empty string, got ""/);
  });
});
