import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignJurors,
  assignJurorsWith,
  JUROR_LAYER_FROM,
  mulberry32,
  type AssignmentProblem,
  type AssignmentResult,
} from "../../scoring/index";

const norm = (s: string) => s.trim().toLowerCase();

/** Every hard constraint of the problem holds in the result; returns the broken ones. */
function violations(p: AssignmentProblem, r: AssignmentResult): string[] {
  const out: string[] = [];
  const conflicts = new Set((p.conflicts ?? []).map(([j, a]) => `${j}|${a}`));
  const seen = new Set<string>();
  const perApp = new Map<string, number>();
  const perJuror = new Map<string, number>();
  for (const { jurorId, applicationId } of r.pairs) {
    const k = `${jurorId}|${applicationId}`;
    if (seen.has(k)) out.push(`duplicate ${k}`);
    seen.add(k);
    if (conflicts.has(k)) out.push(`conflict ${k}`);
    const app = p.applications.find((a) => a.id === applicationId)!;
    const jur = p.jurors.find((j) => j.id === jurorId)!;
    if (app.language && !(jur.languages ?? []).map(norm).includes(norm(app.language))) out.push(`language ${k}`);
    perApp.set(applicationId, (perApp.get(applicationId) ?? 0) + 1);
    perJuror.set(jurorId, (perJuror.get(jurorId) ?? 0) + 1);
  }
  for (const a of p.applications) if ((perApp.get(a.id) ?? 0) !== a.reviewers) out.push(`reviewers ${a.id}`);
  for (const j of p.jurors) {
    const l = perJuror.get(j.id) ?? 0;
    if (l > j.maxLoad || l < (j.minLoad ?? 0)) out.push(`load ${j.id}`);
    if (r.loads[j.id] !== l) out.push(`loads record ${j.id}`);
  }
  for (const f of p.fixed ?? [])
    if (!seen.has(`${f.jurorId}|${f.applicationId}`)) out.push(`fixed ${f.jurorId}|${f.applicationId}`);
  return out;
}

/** Exhaustive optimum: best total affinity, then smallest Σ load²; null when infeasible. */
function bruteForce(p: AssignmentProblem): { affinity: number; squares: number } | null {
  const conflicts = new Set((p.conflicts ?? []).map(([j, a]) => `${j}|${a}`));
  const aff = new Map((p.affinity ?? []).map((x) => [`${x.jurorId}|${x.applicationId}`, x.value]));
  const options = p.applications.map((a) => {
    const eligible = p.jurors.filter(
      (j) =>
        !conflicts.has(`${j.id}|${a.id}`) && (!a.language || (j.languages ?? []).map(norm).includes(norm(a.language))),
    );
    const subsets: string[][] = [];
    const rec = (start: number, chosen: string[]) => {
      if (chosen.length === a.reviewers) return void subsets.push([...chosen]);
      for (let i = start; i < eligible.length; i++) rec(i + 1, [...chosen, eligible[i].id]);
    };
    rec(0, []);
    return subsets;
  });
  let best: { affinity: number; squares: number } | null = null;
  const loads = new Map<string, number>();
  const walk = (i: number, total: number) => {
    if (i === options.length) {
      let squares = 0;
      for (const j of p.jurors) {
        const l = loads.get(j.id) ?? 0;
        if (l > j.maxLoad || l < (j.minLoad ?? 0)) return;
        squares += l * l;
      }
      if (
        !best ||
        total > best.affinity + 1e-9 ||
        (Math.abs(total - best.affinity) <= 1e-9 && squares < best.squares)
      ) {
        best = { affinity: total, squares };
      }
      return;
    }
    for (const subset of options[i]) {
      let add = 0;
      for (const j of subset) {
        loads.set(j, (loads.get(j) ?? 0) + 1);
        add += aff.get(`${j}|${p.applications[i].id}`) ?? 0;
      }
      walk(i + 1, total + add);
      for (const j of subset) loads.set(j, loads.get(j)! - 1);
    }
  };
  walk(0, 0);
  return best;
}

const problemArb = fc
  .record({
    apps: fc.integer({ min: 1, max: 4 }),
    jurors: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ apps, jurors, seed }): AssignmentProblem => {
    const next = mulberry32(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    const js = Array.from({ length: jurors }, (_, j) => {
      const maxLoad = Math.floor(next() * 4);
      return {
        id: `J${j}`,
        maxLoad,
        ...(next() < 0.3 ? { minLoad: Math.floor(next() * (maxLoad + 1)) } : {}),
        ...(next() < 0.5 ? { languages: next() < 0.5 ? ["en"] : ["EN", "fr"] } : {}),
      };
    });
    const as = Array.from({ length: apps }, (_, a) => ({
      id: `A${a}`,
      reviewers: Math.floor(next() * Math.min(3, jurors + 1)),
      ...(next() < 0.3 ? { language: pick(["en", "fr"]) } : {}),
    }));
    const conflicts: [string, string][] = [];
    const affinity: AssignmentProblem["affinity"] = [];
    for (const a of as) {
      for (const j of js) {
        if (next() < 0.15) conflicts.push([j.id, a.id]);
        if (next() < 0.8) affinity.push({ jurorId: j.id, applicationId: a.id, value: Math.floor(next() * 7) - 2 });
      }
    }
    return { applications: as, jurors: js, conflicts, affinity };
  });

type Solve = (p: AssignmentProblem) => AssignmentResult;

/** The property: no hard constraint broken, the brute-force optimum reached, or infeasible when it is. */
const matchesBruteForce = (solve: Solve) => (p: AssignmentProblem) => {
  const best = bruteForce(p);
  if (best === null) {
    expect(() => solve(p)).toThrow(/infeasible/);
    return;
  }
  const r = solve(p);
  expect(violations(p, r)).toEqual([]);
  const squares = Object.values(r.loads).reduce((s, l) => s + l * l, 0);
  expect({ affinity: r.totalAffinity, squares }).toEqual(best);
  expect(r.certificate.minReducedCost).toBeGreaterThanOrEqual(0);
};

/** The property: the same JSON with every input list reversed (infeasible instances skipped). */
const independentOfOrder = (solve: Solve) => (p: AssignmentProblem) => {
  let first: string;
  try {
    first = JSON.stringify(solve(p));
  } catch {
    return;
  }
  const reversed = {
    ...p,
    applications: [...p.applications].reverse(),
    jurors: [...p.jurors].reverse(),
    affinity: [...(p.affinity ?? [])].reverse(),
    conflicts: [...(p.conflicts ?? [])].reverse(),
  };
  expect(JSON.stringify(solve(reversed))).toBe(first);
};

describe("assignJurors", () => {
  it("assignJurors avoids the conflict and returns pairs, total affinity and loads", () => {
    const r = assignJurors({
      applications: [
        { id: "A1", reviewers: 1 },
        { id: "A2", reviewers: 1 },
      ],
      jurors: [
        { id: "J1", maxLoad: 1 },
        { id: "J2", maxLoad: 1 },
      ],
      conflicts: [["J1", "A1"]],
      affinity: [{ jurorId: "J1", applicationId: "A2", value: 0.5 }],
    });
    expect({ pairs: r.pairs, totalAffinity: r.totalAffinity, loads: r.loads }).toEqual({
      pairs: [
        { jurorId: "J2", applicationId: "A1" },
        { jurorId: "J1", applicationId: "A2" },
      ],
      totalAffinity: 0.5,
      loads: { J1: 1, J2: 1 },
    });
    expect(r.certificate.minReducedCost).toBeGreaterThanOrEqual(0);
  });

  it("assignJurors maximises affinity first and then balances loads", () => {
    const applications = ["A", "B", "C", "D"].map((id) => ({ id, reviewers: 1 }));
    const jurors = [
      { id: "J1", maxLoad: 4 },
      { id: "J2", maxLoad: 4 },
    ];
    // J1 is preferred for A only; everything else is indifferent → loads 2/2, A to J1
    const r = assignJurors({ applications, jurors, affinity: [{ jurorId: "J1", applicationId: "A", value: 1 }] });
    expect(r.loads).toEqual({ J1: 2, J2: 2 });
    expect(r.pairs[0]).toEqual({ jurorId: "J1", applicationId: "A" });
    expect(r.totalAffinity).toBe(1);
  });

  it("assignJurors respects languages, minimum loads and fixed pairs", () => {
    const p: AssignmentProblem = {
      applications: [
        { id: "A", reviewers: 2, language: "fr" },
        { id: "B", reviewers: 1 },
        { id: "C", reviewers: 1 },
      ],
      jurors: [
        { id: "J1", maxLoad: 3, languages: ["FR", "en"] },
        { id: "J2", maxLoad: 3, languages: ["fr"] },
        { id: "J3", maxLoad: 2, minLoad: 1, languages: ["en"] },
      ],
      fixed: [{ jurorId: "J1", applicationId: "B" }],
      affinity: [{ jurorId: "J1", applicationId: "C", value: 5 }],
    };
    const r = assignJurors(p);
    expect(violations(p, r)).toEqual([]);
    expect(r.pairs).toEqual([
      { jurorId: "J1", applicationId: "A" },
      { jurorId: "J2", applicationId: "A" },
      { jurorId: "J1", applicationId: "B" },
      { jurorId: "J3", applicationId: "C" },
    ]);
  });

  it("assignJurors throws naming a juror whose minimum load cannot be met", () => {
    expect(() =>
      assignJurors({
        applications: [
          { id: "A", reviewers: 1 },
          { id: "B", reviewers: 1 },
        ],
        jurors: [
          { id: "J1", maxLoad: 2 },
          { id: "J2", maxLoad: 2, minLoad: 2 },
        ],
        fixed: [{ jurorId: "J1", applicationId: "A" }],
      }),
    ).toThrow(/jurors below their minimum load: J2 \(minLoad 2\)/);
  });

  it("assignJurors throws when total demand exceeds capacity, with both numbers", () => {
    expect(() =>
      assignJurors({
        applications: [{ id: "A", reviewers: 3 }],
        jurors: [
          { id: "J1", maxLoad: 1 },
          { id: "J2", maxLoad: 1 },
        ],
      }),
    ).toThrow(/total demand of 3 reviews exceeds total juror capacity of 2/);
  });

  it("assignJurors throws naming an application with fewer eligible jurors than it needs", () => {
    expect(() =>
      assignJurors({
        applications: [
          { id: "A", reviewers: 1 },
          { id: "Bahasa-1", reviewers: 2, language: "id" },
        ],
        jurors: [
          { id: "J1", maxLoad: 5, languages: ["id"] },
          { id: "J2", maxLoad: 5 },
        ],
        conflicts: [["J1", "A"]],
      }),
    ).toThrow(
      /fewer eligible jurors than they need: Bahasa-1 \(needs 2, 1 eligible; 0 excluded by conflicts, 1 by language\)/,
    );
  });

  it("assignJurors throws naming applications left short when capacity is in the wrong place", () => {
    expect(() =>
      assignJurors({
        applications: [
          { id: "A", reviewers: 1 },
          { id: "B", reviewers: 1 },
        ],
        jurors: [
          { id: "J1", maxLoad: 1 },
          { id: "J2", maxLoad: 5 },
        ],
        conflicts: [
          ["J2", "A"],
          ["J2", "B"],
        ],
      }),
    ).toThrow(/only 1 of 2 reviews can be placed.*applications left short: (A|B) \(needs 1, got 0\)/);
  });

  it("assignJurors throws on unknown ids in conflicts and affinity, naming them", () => {
    const base = { applications: [{ id: "A", reviewers: 1 }], jurors: [{ id: "J", maxLoad: 1 }] };
    expect(() => assignJurors({ ...base, conflicts: [["Jx", "A"]] })).toThrow(/unknown juror Jx/);
    expect(() => assignJurors({ ...base, affinity: [{ jurorId: "J", applicationId: "Ax", value: 1 }] })).toThrow(
      /unknown application Ax/,
    );
    expect(() =>
      assignJurors({ ...base, affinity: [{ jurorId: "J", applicationId: "A", value: Number.NaN }] }),
    ).toThrow(/affinity of juror J for application A is not a finite number/);
    expect(() =>
      assignJurors({ ...base, fixed: [{ jurorId: "J", applicationId: "A" }], conflicts: [["J", "A"]] }),
    ).toThrow(/fixed pair \(J, A\) is a declared conflict/);
  });

  it("assignJurors throws on empty input", () => {
    expect(() => assignJurors({ applications: [], jurors: [{ id: "J", maxLoad: 1 }] })).toThrow(/empty input/);
    expect(() => assignJurors({ applications: [{ id: "A", reviewers: 1 }], jurors: [] })).toThrow(/empty input/);
  });

  it("assignJurors never breaks a hard constraint and matches the brute-force optimum on small instances", () => {
    fc.assert(fc.property(problemArb, matchesBruteForce(assignJurors)), { numRuns: 300 });
  });

  it("assignJurors is deterministic and independent of input order", () => {
    fc.assert(fc.property(problemArb, independentOfOrder(assignJurors)), { numRuns: 100 });
  });
});

/** Mid-size instances with everything at once: fixed pairs, minimum loads, languages, ties. */
const midArb = fc
  .record({
    apps: fc.integer({ min: 5, max: 60 }),
    jurors: fc.integer({ min: 3, max: 12 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ apps, jurors, seed }): AssignmentProblem => {
    const next = mulberry32(seed);
    const reviewers = 1 + Math.floor(next() * Math.min(3, jurors));
    const slack = 0.9 + next() * 0.6;
    const js = Array.from({ length: jurors }, (_, j) => {
      const maxLoad = Math.max(1, Math.round(((apps * reviewers) / jurors) * slack));
      return {
        id: `J${j}`,
        maxLoad,
        ...(next() < 0.2 ? { minLoad: Math.floor(next() * (maxLoad + 1)) } : {}),
        ...(next() < 0.3 ? { languages: next() < 0.5 ? ["en"] : ["en", "fr"] } : {}),
      };
    });
    const as = Array.from({ length: apps }, (_, a) => ({
      id: `A${a}`,
      reviewers,
      ...(next() < 0.2 ? { language: "en" } : {}),
    }));
    const coarse = next() < 0.5; // few distinct values: many equally good assignments
    const conflicts: [string, string][] = [];
    const affinity: NonNullable<AssignmentProblem["affinity"]> = [];
    const fixed: NonNullable<AssignmentProblem["fixed"]> = [];
    const fixedLoad = new Map<string, number>();
    for (const a of as) {
      for (const j of js) {
        const r = next();
        if (r < 0.08) conflicts.push([j.id, a.id]);
        else if (
          r < 0.1 &&
          !fixed.some((f) => f.applicationId === a.id) &&
          (fixedLoad.get(j.id) ?? 0) < j.maxLoad &&
          (!a.language || j.languages?.includes("en"))
        ) {
          fixed.push({ jurorId: j.id, applicationId: a.id });
          fixedLoad.set(j.id, (fixedLoad.get(j.id) ?? 0) + 1);
        }
        if (next() < 0.7) {
          const value = coarse ? Math.floor(next() * 3) : Math.round(next() * 1000) / 1000;
          affinity.push({ jurorId: j.id, applicationId: a.id, value });
        }
      }
    }
    return { applications: as, jurors: js, conflicts, affinity, fixed };
  });

const outcome = (p: AssignmentProblem, solver: "graph" | "jurors") => {
  try {
    const r = assignJurorsWith(p, solver);
    const quantum = r.certificate.affinityQuantum;
    const value = new Map((p.affinity ?? []).map((f) => [`${f.jurorId}|${f.applicationId}`, f.value]));
    const units = r.pairs.reduce(
      (s, x) => s + Math.round((value.get(`${x.jurorId}|${x.applicationId}`) ?? 0) / quantum),
      0,
    );
    const squares = Object.values(r.loads).reduce((s, l) => s + l * l, 0);
    return {
      ok: true as const,
      units,
      squares,
      broken: violations(p, r),
      certificate: r.certificate.minReducedCost >= 0,
    };
  } catch (e) {
    // Which applications end short may differ between two maximum flows; how many reviews fit may not.
    return { ok: false as const, error: /infeasible: [^;]*/.exec((e as Error).message)?.[0] ?? (e as Error).message };
  }
};

const onJurorLayer: Solve = (p) => assignJurorsWith(p, "jurors");

describe("assignJurors on the juror layer", () => {
  it("the juror-layer solver never breaks a hard constraint and matches the brute-force optimum on small instances", () => {
    fc.assert(fc.property(problemArb, matchesBruteForce(onJurorLayer)), { numRuns: 300 });
  });

  it("the juror-layer and whole-graph solvers reach the same optimum, or the same infeasibility, with fixed pairs, minimum loads, languages and ties", () => {
    fc.assert(
      fc.property(midArb, (p) => {
        const graph = outcome(p, "graph");
        const jurors = outcome(p, "jurors");
        expect(jurors).toEqual(graph);
        if (jurors.ok) expect(jurors.broken).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("the juror-layer solver is deterministic and independent of input order", () => {
    fc.assert(fc.property(midArb, independentOfOrder(onJurorLayer)), { numRuns: 60 });
  });

  it("assignJurors keeps the whole-graph solver below JUROR_LAYER_FROM pairs and uses the juror layer from there on", () => {
    const problem = (apps: number, jurors: number): AssignmentProblem => ({
      applications: Array.from({ length: apps }, (_, a) => ({ id: `A${a}`, reviewers: 2 })),
      jurors: Array.from({ length: jurors }, (_, j) => ({ id: `J${j}`, maxLoad: apps })),
    });
    // No affinities: every balanced assignment is optimal, so the two solvers' choices differ.
    const small = problem(Math.floor(JUROR_LAYER_FROM / 10) - 1, 10);
    const large = problem(JUROR_LAYER_FROM / 10, 10);
    expect(assignJurors(small)).toEqual(assignJurorsWith(small, "graph"));
    expect(assignJurors(large)).toEqual(assignJurorsWith(large, "jurors"));
    expect(assignJurorsWith(large, "jurors").pairs).not.toEqual(assignJurorsWith(large, "graph").pairs);
  });
});
