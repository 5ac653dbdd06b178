/**
 * Benchmark, not a test: `npx tsx scripts/bench-assignment-networkx.ts [apps] [jurors] [reviewers]`
 * (default 2,000 × 100 × 3, dense affinities, 2% conflicts) times assignJurors against networkx's
 * network simplex (scripts/assignment-networkx.py, through python3) on the same instance, written
 * as JSON to a temporary file, and checks that both reach the same optimum: the same total
 * affinity and, among those, the same Σ load². Skipped with a message without python3/networkx.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { assignJurors, mulberry32, type AssignmentProblem } from "../scoring/index";

/** The bench's instance (scripts/bench.ts): affinities in thousandths, all pairs given. */
export function assignmentInstance(
  apps: number,
  jurors: number,
  reviewers: number,
  conflictRate: number,
  seed: number,
): AssignmentProblem {
  const next = mulberry32(seed);
  const applications = Array.from({ length: apps }, (_, a) => ({ id: `A${a}`, reviewers }));
  const maxLoad = Math.ceil((apps * reviewers * 1.3) / jurors);
  const js = Array.from({ length: jurors }, (_, j) => ({ id: `J${j}`, maxLoad }));
  const conflicts: [string, string][] = [];
  const affinity: NonNullable<AssignmentProblem["affinity"]> = [];
  for (const a of applications) {
    for (const j of js) {
      if (conflictRate > 0 && next() < conflictRate) conflicts.push([j.id, a.id]);
      affinity.push({ jurorId: j.id, applicationId: a.id, value: Math.round(next() * 1000) / 1000 });
    }
  }
  return { applications, jurors: js, conflicts, affinity };
}

function main(): void {
  const [apps, jurors, reviewers] = [2000, 100, 3].map((d, i) => Number(process.argv[2 + i] ?? d));
  const problem = assignmentInstance(apps, jurors, reviewers, 0.02, 4);
  const probe = spawnSync("python3", ["-c", "import networkx"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    console.log("skipped: python3 with networkx is not available (Debian: apt-get install python3-networkx)");
    return;
  }
  const t = performance.now();
  const ours = assignJurors(problem);
  const oursMs = performance.now() - t;
  const quantum = ours.certificate.affinityQuantum;
  const units = (v: number) => Math.round(v / quantum);
  const value = new Map(problem.affinity!.map((f) => [`${f.jurorId} ${f.applicationId}`, f.value]));
  const oursUnits = ours.pairs.reduce((s, p) => s + units(value.get(`${p.jurorId} ${p.applicationId}`) ?? 0), 0);
  const oursSquares = Object.values(ours.loads).reduce((s, x) => s + x * x, 0);

  const dir = mkdtempSync(join(tmpdir(), "assignment-"));
  try {
    const file = join(dir, "instance.json");
    writeFileSync(
      file,
      JSON.stringify({
        applications: problem.applications,
        jurors: problem.jurors,
        conflicts: problem.conflicts,
        affinity: problem.affinity!.map((f) => ({ ...f, units: units(f.value) })),
      }),
    );
    const run = spawnSync("python3", [resolve("scripts/assignment-networkx.py"), file], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    if (run.status !== 0) throw new Error(`assignment-networkx.py failed: ${run.stderr}`);
    const nx = JSON.parse(run.stdout) as { seconds: number; affinityUnits: number; squares: number };
    const same = nx.affinityUnits === oursUnits && nx.squares === oursSquares;
    console.log(`instance: ${apps} applications × ${jurors} jurors × ${reviewers} reviewers, dense affinities`);
    console.log(
      `assignJurors:            ${(oursMs / 1000).toFixed(2)} s, affinity ${oursUnits} units, Σ load² ${oursSquares}`,
    );
    console.log(
      `networkx network_simplex: ${nx.seconds.toFixed(2)} s, affinity ${nx.affinityUnits} units, Σ load² ${nx.squares}`,
    );
    console.log(`speed-up ×${(nx.seconds / (oursMs / 1000)).toFixed(1)}, same optimum: ${same ? "yes" : "NO"}`);
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("bench-assignment-networkx.ts")) main();
