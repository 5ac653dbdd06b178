import { compareIds, listNames } from "./ids";
import { solveJurorLayer } from "./juror-layer-flow";
import { MinCostFlow } from "./min-cost-flow";

export interface AssignmentProblem {
  applications: { id: string; reviewers: number; language?: string }[];
  jurors: { id: string; maxLoad: number; minLoad?: number; languages?: string[] }[];
  /** Pairs that must never be assigned: [jurorId, applicationId]. */
  conflicts?: [string, string][];
  /** Preference of a juror for an application, higher is better; missing pairs count 0. */
  affinity?: { jurorId: string; applicationId: string; value: number }[];
  /** Pairs that must be assigned (counted in loads, reviewers and total affinity). */
  fixed?: { jurorId: string; applicationId: string }[];
}

export interface AssignmentResult {
  /** Sorted by application id, then juror id. */
  pairs: { jurorId: string; applicationId: string }[];
  /** Sum of the (unrounded) affinity of the chosen pairs. */
  totalAffinity: number;
  /** Reviews per juror, keys in juror id order. */
  loads: Record<string, number>;
  /** Optimality certificate of the underlying min-cost flow. */
  certificate: {
    /** Smallest reduced cost over residual arcs with the final potentials (≥ 0 ⇒ optimal). */
    minReducedCost: number;
    residualArcsChecked: number;
    /** Affinities are rounded to multiples of this before optimising. */
    affinityQuantum: number;
    augmentations: number;
    /** Solves needed before no omitted arc had a negative reduced cost. */
    pricingRounds: number;
  };
}

const lang = (s: string) => s.trim().toLowerCase();

/**
 * Optimal juror–application assignment by minimum-cost flow
 * (source → juror → application → sink; successive shortest paths with potentials).
 *
 * Hard constraints: every application gets exactly `reviewers` jurors, no conflict pair, every
 * juror's load within [minLoad, maxLoad], a juror only gets applications in a language they
 * declared (case-insensitive; an application without `language` suits everyone), fixed pairs
 * kept. Objective, lexicographic: maximise total affinity (rounded to `affinityQuantum`, at most
 * 1e-6), then balance loads by minimising Σ load² (the k-th review of a juror costs k, a convex
 * cost as in HotCRP). Ties are resolved deterministically (ids are sorted before building the graph).
 *
 * Throws, naming what fails: duplicate or unknown ids, invalid numbers, a fixed pair that is a
 * conflict or language mismatch, total demand above total capacity, an application with fewer
 * eligible jurors than it needs, minimum loads that cannot be met, and any other infeasibility
 * (with the applications left short).
 * Cost: O(F·(E + V) log E) for F = total reviews, E eligible pairs, V = jurors + applications.
 *
 * @example
 * assignJurors({
 *   applications: [{ id: "A1", reviewers: 1 }, { id: "A2", reviewers: 1 }],
 *   jurors: [{ id: "J1", maxLoad: 1 }, { id: "J2", maxLoad: 1 }],
 *   conflicts: [["J1", "A1"]],
 * }).pairs; // [{ jurorId: "J2", applicationId: "A1" }, { jurorId: "J1", applicationId: "A2" }]
 */
export function assignJurors(problem: AssignmentProblem): AssignmentResult {
  return assignJurorsWith(problem, "auto");
}

/**
 * From this many juror × application pairs on, {@link assignJurors} solves on the juror layer
 * (scoring/juror-layer-flow.ts); below, on the whole graph, whose choices among equally good
 * assignments the pinned small instances (and every edition assigned so far) were made with.
 */
export const JUROR_LAYER_FROM = 20_000;

/**
 * Internal: {@link assignJurors} with the solver chosen ("auto" is what assignJurors does), so
 * tests can hold the two solvers to the same optimum on the same instances.
 *
 * @example
 * assignJurorsWith(problem, "jurors").totalAffinity === assignJurorsWith(problem, "graph").totalAffinity;
 */
export function assignJurorsWith(problem: AssignmentProblem, solver: "auto" | "graph" | "jurors"): AssignmentResult {
  if (problem === null || typeof problem !== "object") throw new Error("assignJurors: problem must be an object");
  if (!Array.isArray(problem.applications) || problem.applications.length === 0) {
    throw new Error("assignJurors: empty input, at least one application is needed");
  }
  if (!Array.isArray(problem.jurors) || problem.jurors.length === 0) {
    throw new Error("assignJurors: empty input, at least one juror is needed");
  }
  const apps = [...problem.applications].sort((x, y) => compareIds(x.id, y.id));
  const jurors = [...problem.jurors].sort((x, y) => compareIds(x.id, y.id));
  const A = apps.length;
  const J = jurors.length;
  const appPos = new Map<string, number>();
  apps.forEach((a, i) => {
    if (typeof a?.id !== "string" || a.id === "") throw new Error("assignJurors: an application has no id");
    if (appPos.has(a.id)) throw new Error(`assignJurors: application ${a.id} is listed twice`);
    if (!Number.isInteger(a.reviewers) || a.reviewers < 0) {
      throw new Error(
        `assignJurors: application ${a.id} needs a non-negative integer number of reviewers, got ${String(a.reviewers)}`,
      );
    }
    appPos.set(a.id, i);
  });
  const jurPos = new Map<string, number>();
  jurors.forEach((j, i) => {
    if (typeof j?.id !== "string" || j.id === "") throw new Error("assignJurors: a juror has no id");
    if (jurPos.has(j.id)) throw new Error(`assignJurors: juror ${j.id} is listed twice`);
    if (!Number.isInteger(j.maxLoad) || j.maxLoad < 0) {
      throw new Error(`assignJurors: juror ${j.id} has maxLoad ${String(j.maxLoad)}, expected a non-negative integer`);
    }
    const min = j.minLoad ?? 0;
    if (!Number.isInteger(min) || min < 0 || min > j.maxLoad) {
      throw new Error(
        `assignJurors: juror ${j.id} has minLoad ${String(j.minLoad)}, expected an integer from 0 to maxLoad (${j.maxLoad})`,
      );
    }
    jurPos.set(j.id, i);
  });
  const checkPair = (j: unknown, a: unknown, what: string) => {
    if (typeof j !== "string" || !jurPos.has(j))
      throw new Error(`assignJurors: ${what} names unknown juror ${String(j)}`);
    if (typeof a !== "string" || !appPos.has(a))
      throw new Error(`assignJurors: ${what} names unknown application ${String(a)}`);
  };
  // Pair facts in dense arrays indexed j·A + a: building graphs of 100 × 2,000 pairs through
  // string keys cost more than solving them.
  const at = (j: string, a: string) => jurPos.get(j)! * A + appPos.get(a)!;
  const conflicts = new Uint8Array(J * A);
  for (const c of problem.conflicts ?? []) {
    if (!Array.isArray(c) || c.length !== 2)
      throw new Error("assignJurors: a conflict must be a [jurorId, applicationId] pair");
    checkPair(c[0], c[1], `conflict [${String(c[0])}, ${String(c[1])}]`);
    conflicts[at(c[0], c[1])] = 1;
  }
  const affinity = new Float64Array(J * A);
  const affinityGiven = new Uint8Array(J * A);
  for (const f of problem.affinity ?? []) {
    checkPair(
      f?.jurorId,
      f?.applicationId,
      `affinity of juror ${String(f?.jurorId)} for application ${String(f?.applicationId)}`,
    );
    if (typeof f.value !== "number" || !Number.isFinite(f.value)) {
      throw new Error(
        `assignJurors: affinity of juror ${f.jurorId} for application ${f.applicationId} is not a finite number (${String(f.value)})`,
      );
    }
    const k = at(f.jurorId, f.applicationId);
    if (affinityGiven[k])
      throw new Error(`assignJurors: affinity of juror ${f.jurorId} for application ${f.applicationId} is given twice`);
    affinityGiven[k] = 1;
    affinity[k] = f.value;
  }
  const reads = (j: number, a: number) => {
    const l = apps[a].language;
    if (l === undefined || l === null || l === "") return true;
    return (jurors[j].languages ?? []).some((x) => lang(x) === lang(l));
  };
  const fixed = new Uint8Array(J * A);
  const fixedApp = new Int32Array(A);
  const fixedJur = new Int32Array(J);
  for (const f of problem.fixed ?? []) {
    checkPair(f?.jurorId, f?.applicationId, `fixed pair (${String(f?.jurorId)}, ${String(f?.applicationId)})`);
    const k = at(f.jurorId, f.applicationId);
    if (fixed[k]) throw new Error(`assignJurors: fixed pair (${f.jurorId}, ${f.applicationId}) is given twice`);
    if (conflicts[k])
      throw new Error(`assignJurors: fixed pair (${f.jurorId}, ${f.applicationId}) is a declared conflict`);
    const j = jurPos.get(f.jurorId)!;
    const a = appPos.get(f.applicationId)!;
    if (!reads(j, a)) {
      throw new Error(
        `assignJurors: fixed pair (${f.jurorId}, ${f.applicationId}): juror ${f.jurorId} does not read ${apps[a].language}`,
      );
    }
    fixed[k] = 1;
    fixedApp[a]++;
    fixedJur[j]++;
  }
  for (let a = 0; a < A; a++) {
    if (fixedApp[a] > apps[a].reviewers) {
      throw new Error(
        `assignJurors: application ${apps[a].id} has ${fixedApp[a]} fixed jurors but needs only ${apps[a].reviewers}`,
      );
    }
  }
  for (let j = 0; j < J; j++) {
    if (fixedJur[j] > jurors[j].maxLoad) {
      throw new Error(
        `assignJurors: juror ${jurors[j].id} has ${fixedJur[j]} fixed applications, above maxLoad ${jurors[j].maxLoad}`,
      );
    }
  }

  // ---- eligibility and quick feasibility checks
  const eligible: number[][] = Array.from({ length: A }, () => []);
  const eligibleOfJuror = new Int32Array(J);
  const short: string[] = [];
  for (let a = 0; a < A; a++) {
    let conflicted = 0;
    let language = 0;
    for (let j = 0; j < J; j++) {
      const k = j * A + a;
      if (fixed[k]) continue;
      if (conflicts[k]) conflicted++;
      else if (!reads(j, a)) language++;
      else if (jurors[j].maxLoad - fixedJur[j] > 0) {
        eligible[a].push(j);
        eligibleOfJuror[j]++;
      }
    }
    const have = eligible[a].length + fixedApp[a];
    if (have < apps[a].reviewers) {
      short.push(
        `${apps[a].id} (needs ${apps[a].reviewers}, ${have} eligible; ${conflicted} excluded by conflicts, ${language} by language)`,
      );
    }
  }
  const demand = apps.reduce((s, a) => s + a.reviewers, 0);
  const capacity = jurors.reduce((s, j) => s + j.maxLoad, 0);
  if (demand > capacity) {
    throw new Error(
      `assignJurors: infeasible: total demand of ${demand} reviews exceeds total juror capacity of ${capacity} (sum of maxLoad)`,
    );
  }
  if (short.length > 0) {
    throw new Error(
      `assignJurors: infeasible: applications with fewer eligible jurors than they need: ${listNames(short, 10)}`,
    );
  }
  const minTotal = jurors.reduce((s, j) => s + (j.minLoad ?? 0), 0);
  if (minTotal > demand) {
    throw new Error(
      `assignJurors: infeasible: the minimum loads add up to ${minTotal}, above the total demand of ${demand} reviews`,
    );
  }
  const lowJurors: string[] = [];
  for (let j = 0; j < J; j++) {
    if ((jurors[j].minLoad ?? 0) > eligibleOfJuror[j] + fixedJur[j]) {
      lowJurors.push(
        `${jurors[j].id} (minLoad ${jurors[j].minLoad}, ${eligibleOfJuror[j] + fixedJur[j]} applications they may review)`,
      );
    }
  }
  if (lowJurors.length > 0)
    throw new Error(
      `assignJurors: infeasible: jurors who cannot reach their minimum load: ${listNames(lowJurors, 10)}`,
    );

  // ---- network
  const restDemand = demand - fixedApp.reduce((s, x) => s + x, 0);
  const restMin = new Int32Array(J);
  const units = new Int32Array(J); // optional (balancing) units per juror
  let balanceMax = 0;
  let restMinTotal = 0;
  for (let j = 0; j < J; j++) {
    restMin[j] = Math.max(0, (jurors[j].minLoad ?? 0) - fixedJur[j]);
    restMinTotal += restMin[j];
    const room = Math.min(jurors[j].maxLoad - fixedJur[j], eligibleOfJuror[j]);
    units[j] = Math.max(0, Math.min(room - restMin[j], restDemand));
    const base = fixedJur[j] + restMin[j];
    for (let k = 1; k <= units[j]; k++) balanceMax += base + k;
  }
  if (restMinTotal > restDemand) {
    const named = jurors.filter((_, j) => restMin[j] > 0).map((jur) => `${jur.id} (minLoad ${jur.minLoad})`);
    throw new Error(
      `assignJurors: infeasible: after the fixed pairs the minimum loads need ${restMinTotal} reviews but only ${restDemand} remain; jurors below their minimum load: ${listNames(named, 10)}`,
    );
  }
  const M = balanceMax + 1;
  const nodes = 3 + J + A;
  let maxAbs = 0;
  for (let k = 0; k < J * A; k++) maxAbs = Math.max(maxAbs, Math.abs(affinity[k]));
  let exponent = -6;
  // keep every path cost an exact integer below 2^53: (max |affinity units|·M + balance)·4·nodes
  while ((Math.round(maxAbs / 10 ** exponent) * M + balanceMax) * 4 * nodes > 2 ** 53) exponent++;
  const quantum = 10 ** exponent;
  const SS = 0;
  const SRC = 1;
  const jNode = (j: number) => 2 + j;
  const aNode = (a: number) => 2 + J + a;
  const T = 2 + J + A;
  const arcCost = (j: number, a: number) => -Math.round(affinity[j * A + a] / quantum) * M;
  const costs = eligible.map((js, a) => js.map((j) => arcCost(j, a)));
  const chosen: { j: number; a: number }[] = [];
  for (const f of problem.fixed ?? []) chosen.push({ j: jurPos.get(f.jurorId)!, a: appPos.get(f.applicationId)! });
  const infeasible = (placed: number, left: string[], below: string[], full: string[]) =>
    new Error(
      `assignJurors: infeasible: only ${placed + (demand - restDemand)} of ${demand} reviews can be placed under the conflict, language and load constraints; applications left short: ${listNames(left, 10)}; jurors at capacity who could take them: ${listNames(full, 10)}${below.length > 0 ? `; jurors below their minimum load: ${listNames(below, 10)}` : ""}`,
    );
  let certificate: AssignmentResult["certificate"];
  if (solver === "jurors" || (solver === "auto" && A * J >= JUROR_LAYER_FROM)) {
    const r = solveJurorLayer({
      jurors: J,
      applications: A,
      eligible,
      costs,
      places: Int32Array.from(apps, (app, a) => app.reviewers - fixedApp[a]),
      restMin,
      units,
      base: Int32Array.from(jurors, (_, j) => fixedJur[j] + restMin[j]),
      demand: restDemand,
    });
    if (r.sent < restDemand) {
      const left: string[] = [];
      for (let a = 0; a < A; a++) {
        if (r.open[a] > 0)
          left.push(`${apps[a].id} (needs ${apps[a].reviewers}, got ${apps[a].reviewers - r.open[a]})`);
      }
      const below = jurors
        .filter((_, j) => r.minFlow[j] < restMin[j])
        .map((jur) => `${jur.id} (minLoad ${jur.minLoad})`);
      const full = jurors.filter((_, j) => !r.reachable[j]).map((j) => j.id);
      throw infeasible(r.sent, left, below, full);
    }
    if (r.minReducedCost < 0) {
      throw new Error(`assignJurors: internal error, the flow is not optimal (reduced cost ${r.minReducedCost})`);
    }
    for (let a = 0; a < A; a++) for (const j of eligible[a]) if (r.assigned[j * A + a]) chosen.push({ j, a });
    certificate = {
      minReducedCost: r.minReducedCost,
      residualArcsChecked: r.checked,
      affinityQuantum: quantum,
      augmentations: r.augmentations,
      pricingRounds: 1,
    };
  } else {
    certificate = solveOnGraph();
  }
  const loads = new Int32Array(J);
  chosen.sort((x, y) => x.a - y.a || x.j - y.j);
  let totalAffinity = 0;
  for (const c of chosen) {
    loads[c.j]++;
    totalAffinity += affinity[c.j * A + c.a];
  }
  const loadRecord: Record<string, number> = {};
  jurors.forEach((j, i) => (loadRecord[j.id] = loads[i]));
  return {
    pairs: chosen.map((c) => ({ jurorId: jurors[c.j].id, applicationId: apps[c.a].id })),
    totalAffinity,
    loads: loadRecord,
    certificate,
  };

  /** The whole network as a graph (successive shortest paths over every node, with pricing). */
  function solveOnGraph(): AssignmentResult["certificate"] {
    // Candidate arcs: per application its K cheapest eligible jurors (ties spread by a rotation of
    // juror indices); pricing below adds any omitted arc with a negative reduced cost, so the final
    // flow is optimal on the full graph.
    const ranked = eligible.map((js, a) =>
      js
        .map((j, i) => i)
        .sort((x, y) => costs[a][x] - costs[a][y] || ((js[x] + a) % J) - ((js[y] + a) % J) || js[x] - js[y]),
    );
    const active: Uint8Array[] = eligible.map((js) => new Uint8Array(js.length));
    let K = Math.max(8, 4 * Math.max(...apps.map((a) => a.reviewers)));
    for (let a = 0; a < A; a++) for (let i = 0; i < Math.min(K, ranked[a].length); i++) active[a][ranked[a][i]] = 1;
    let g: MinCostFlow;
    let pairArcs: { e: number; j: number; a: number }[];
    let appArc: Int32Array;
    let rounds = 0;
    const minArc = new Int32Array(J);
    let check = { min: 0, checked: 0 };
    for (;;) {
      rounds++;
      g = new MinCostFlow(nodes);
      g.addArc(SS, SRC, restDemand - restMinTotal, 0);
      for (let j = 0; j < J; j++) {
        minArc[j] = restMin[j] > 0 ? g.addArc(SS, jNode(j), restMin[j], 0) : -1;
        if (units[j] > 0) g.addConvexArc(SRC, jNode(j), units[j], fixedJur[j] + restMin[j]);
      }
      pairArcs = [];
      let all = true;
      for (let a = 0; a < A; a++) {
        eligible[a].forEach((j, i) => {
          if (!active[a][i]) {
            all = false;
            return;
          }
          pairArcs.push({ e: g.addArc(jNode(j), aNode(a), 1, costs[a][i]), j, a });
        });
      }
      appArc = new Int32Array(A);
      for (let a = 0; a < A; a++) appArc[a] = g.addArc(aNode(a), T, apps[a].reviewers - fixedApp[a], 0);
      const order = [
        SS,
        SRC,
        ...Array.from({ length: J }, (_, j) => jNode(j)),
        ...Array.from({ length: A }, (_, a) => aNode(a)),
        T,
      ];
      const sent = g.run(SS, T, restDemand, order);
      if (sent < restDemand) {
        if (!all) {
          K *= 4;
          for (let a = 0; a < A; a++)
            for (let i = 0; i < Math.min(K, ranked[a].length); i++) active[a][ranked[a][i]] = 1;
          continue;
        }
        const left: string[] = [];
        for (let a = 0; a < A; a++) {
          const got = g.flowOn(appArc[a]) + fixedApp[a];
          if (got < apps[a].reviewers) left.push(`${apps[a].id} (needs ${apps[a].reviewers}, got ${got})`);
        }
        const below = jurors
          .map((jur, j) =>
            minArc[j] >= 0 && g.flowOn(minArc[j]) < restMin[j] ? `${jur.id} (minLoad ${jur.minLoad})` : "",
          )
          .filter((x) => x !== "");
        const cut = g.reachable(SS);
        const full = jurors.filter((_, j) => !cut[jNode(j)]).map((j) => j.id);
        throw infeasible(sent, left, below, full);
      }
      // Pricing: reduced costs of omitted arcs under the final potentials.
      check = g.minReducedCost();
      const pot = g.potential;
      let added = 0;
      for (let a = 0; a < A; a++) {
        eligible[a].forEach((j, i) => {
          if (active[a][i]) return;
          const rc = costs[a][i] + pot[jNode(j)] - pot[aNode(a)];
          check.checked++;
          if (rc < check.min) check.min = rc;
          if (rc < 0) {
            active[a][i] = 1;
            added++;
          }
        });
      }
      if (added === 0) break;
      check = { min: 0, checked: 0 };
    }
    const { min, checked } = check;
    if (min < 0) throw new Error(`assignJurors: internal error, the flow is not optimal (reduced cost ${min})`);
    for (const p of pairArcs) if (g.flowOn(p.e) > 0) chosen.push({ j: p.j, a: p.a });
    return {
      minReducedCost: min,
      residualArcsChecked: checked,
      affinityQuantum: quantum,
      augmentations: g.augmentations,
      pricingRounds: rounds,
    };
  }
}
