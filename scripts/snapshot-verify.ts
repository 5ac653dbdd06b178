// Re-derives, from a decision snapshot alone, everything in it that scoring/ computed: the
// ranking and the certificate, the deliberation's count, its tie-break, and both integrity
// audits. An independent reading of the same rules as app/results/models (which read the rows
// from the database): a second implementation that must agree with the first. Pure: the command
// line reads the file.
import {
  borda,
  computeResults,
  cutOffTie,
  fairnessAudit,
  jurorIndependence,
  laureateCertificate,
  lotteryDraw,
  schulzeOfRankings,
  seedMatchesCommitment,
  settleCutOffTie,
  type CutOffTie,
  type ResultsInput,
  type ResultsOptions,
} from "../scoring/index";
import {
  fairnessTables,
  stagesReached,
  type FairnessGroup,
  type FairnessRowOf,
  type FairnessStage,
} from "../app/results/domain/integrity";

export const PARTS = ["results", "certificate", "tally", "borda", "tie-break", "independence", "fairness"] as const;
export type Part = (typeof PARTS)[number];

/**
 * One part's verdict: "matches"; "differs" (with what); "not re-checkable" (the snapshot lacks
 * an input, with why); "none" (nothing of the kind was decided, e.g. no deliberation held).
 */
export interface PartReport {
  part: Part;
  status: "matches" | "differs" | "not re-checkable" | "none";
  /** What was checked, why it could not be, or what differs (one line each). */
  details: string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a snapshot is untrusted JSON, read field by field */
type Json = any;

const MAX_DIFFERENCES = 5;
const normal = (value: unknown): Json => JSON.parse(JSON.stringify(value ?? null));
const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** Where the recorded and the re-derived values part, as "path: recorded X, re-derived Y" lines. */
export function differences(recorded: unknown, derived: unknown, path = ""): string[] {
  const out: string[] = [];
  const walk = (a: Json, b: Json, at: string) => {
    if (out.length >= MAX_DIFFERENCES) return;
    const label = at || "(whole)";
    if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
      if (Array.isArray(a) && a.length !== b.length) {
        out.push(`${label}: recorded ${a.length} entries, re-derived ${b.length}`);
        return;
      }
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys) walk(a[k], b[k], at ? `${at}.${k}` : k);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${label}: recorded ${show(a)}, re-derived ${show(b)}`);
  };
  walk(normal(recorded), normal(derived), path);
  return out;
}

const report = (part: Part, recorded: unknown, derived: unknown, checked: string): PartReport => {
  const diff = differences(recorded, derived);
  return diff.length ? { part, status: "differs", details: diff } : { part, status: "matches", details: [checked] };
};
const notRecheckable = (part: Part, why: string): PartReport => ({ part, status: "not re-checkable", details: [why] });
const none = (part: Part, why: string): PartReport => ({ part, status: "none", details: [why] });
const failed = (part: Part, e: unknown): PartReport => ({
  part,
  status: "differs",
  details: [`cannot be re-derived: ${(e as Error).message}`],
});

function resultsParts(s: Json): PartReport[] {
  if (!s.input || !s.options)
    return [
      notRecheckable("results", "the snapshot has no input and options"),
      notRecheckable("certificate", "the snapshot has no input and options"),
    ];
  const input = s.input as ResultsInput;
  const options = s.options as ResultsOptions;
  let results: ReturnType<typeof computeResults> | null = null;
  try {
    results = computeResults(input, options);
  } catch {
    // As the app does: no ranking and no certificate when the scores cannot be computed.
  }
  const method = results?.method;
  const ranking =
    results?.applications.map((a) => ({ applicationId: a.applicationId, rank: a.rank, score: a.scores[method!] })) ??
    [];
  const out = [report("results", s.ranking, ranking, `${ranking.length} applications ranked again from the reviews`)];
  if (!("certificate" in s)) return [...out, notRecheckable("certificate", "the snapshot keeps no certificate")];
  try {
    const certificate = results
      ? laureateCertificate(input, { method: results.method, laureates: results.laureates, seed: results.seed })
      : null;
    out.push(report("certificate", s.certificate, certificate, "margin, expected ranks and band computed again"));
  } catch (e) {
    out.push(failed("certificate", e));
  }
  return out;
}

interface Count {
  candidates: string[];
  ballots: number;
  order: string[];
  ties: string[][];
  pairwise: Json;
  strongestPaths: Json;
  rankings: string[][][];
}

/**
 * A ballot as it counts: the juror's recorded conflicts and anything outside the candidates
 * dropped (the juror abstains on every pair involving them), empty groups removed.
 */
function counted(rows: Json[], candidates: string[], excluded: Json[]): string[][][] {
  const out = new Map<string, Set<string>>();
  for (const e of excluded ?? []) out.set(e.jurorId, new Set(e.applicationIds));
  return rows.map((r: Json) =>
    (r.ranking as string[][])
      .map((g) => g.filter((id) => !out.get(r.jurorId)?.has(id) && candidates.includes(id)))
      .filter((g) => g.length > 0),
  );
}

function schulzeCount(rows: Json[], candidates: string[], excluded: Json[]): Count {
  const rankings = counted(rows, candidates, excluded);
  const s = schulzeOfRankings(rankings, candidates);
  return {
    candidates,
    ballots: rows.length,
    order: s?.order ?? (rows.length ? candidates : []),
    ties: s?.ties ?? (rows.length && candidates.length > 1 ? [candidates] : []),
    pairwise: s?.pairwise ?? null,
    strongestPaths: s?.strongestPaths ?? null,
    rankings,
  };
}

function bordaOf(count: Count) {
  const { order, strongestPaths: p, candidates } = count;
  const wins = Object.fromEntries(
    order.map((c) => [c, p ? order.filter((o) => o !== c && p[c][o] > p[o][c]).length : 0]),
  );
  const shares: Record<string, number[]> = Object.fromEntries(candidates.map((c) => [c, []]));
  for (const ranking of count.rankings) {
    const ranked = ranking.flat();
    if (ranked.length < 2) continue;
    const points = borda([{ ranking }], ranked);
    for (const c of ranked) shares[c].push(points[c] / (ranked.length - 1));
  }
  const means = Object.fromEntries(
    candidates.map((c) => [c, shares[c].length ? shares[c].reduce((a, b) => a + b, 0) / shares[c].length : 0]),
  );
  return { wins, borda: means };
}

/** The lottery among `ids` by their public references, as the app draws it. */
function draw(ids: string[], places: number, seed: string, references: Record<string, string>) {
  const byRef = new Map(ids.map((id) => [references[id] ?? id, id]));
  const tickets = lotteryDraw([...byRef.keys()], seed).map((t) => ({
    id: byRef.get(t.name)!,
    reference: t.name,
    ticket: t.ticket,
  }));
  return { winners: tickets.slice(0, places).map((t) => t.id), tickets };
}

/** What the rule makes of the voted order, with `decided`: a tie still pending is "unsettled". */
function settle(tb: Json, voted: Count, laureates: number, references: Record<string, string>) {
  const tie: CutOffTie | null =
    voted.ballots > 0 && voted.order.length > 0 ? cutOffTie({ order: voted.order, ties: voted.ties }, laureates) : null;
  const base = { status: "no_tie", tie, settledBy: null, fallback: null, winners: null, lottery: null };
  const out: Json = { ...base, order: voted.order, runoff: null };
  if (!tie) return out;
  const settled = (settledBy: string, winners: string[], extra: Json = {}) => {
    let order = voted.order;
    try {
      order = settleCutOffTie(voted.order, tie, winners);
    } catch {
      // As the app: a settlement that no longer fits the vote's tie is reported, the order stays.
    }
    return { ...out, status: "settled", settledBy, winners, order, ...extra };
  };
  const lottery = (fallback: string | null) => {
    const { winners, tickets } = draw(tie.tied, tie.places, tb.seed, references);
    return settled("lottery", winners, { lottery: tickets, fallback });
  };
  const unsettled = { ...out, status: "unsettled" };
  if (tb.rule === "lottery") return lottery(null);
  if (tb.rule === "chair") {
    // Whether the chair was seated and free of conflict is not in the snapshot: taken as recorded.
    if (tb.fallback === "chair_conflicted" || tb.fallback === "no_chair") return lottery(tb.fallback);
    const cast: string[] | undefined = tb.cast?.ids;
    if (cast && cast.length === tie.places && cast.every((id) => tie.tied.includes(id))) return settled("chair", cast);
    return unsettled;
  }
  const r = tb.runoff;
  if (!r) return unsettled;
  const candidates = [...r.candidates].sort();
  const count = schulzeCount(r.ballots ?? [], candidates, r.excluded);
  const result = count.pairwise ? count : null;
  const runoff = {
    order: result?.order ?? null,
    ties: result?.ties ?? null,
    pairwise: result?.pairwise ?? null,
    strongestPaths: result?.strongestPaths ?? null,
  };
  if (!r.closedAt) return { ...unsettled, runoff };
  const votedRunoff = result ?? { order: candidates, ties: [candidates] };
  const again = candidates.length > r.places ? cutOffTie(votedRunoff, r.places) : null;
  if (!again) return settled("jury", votedRunoff.order.slice(0, r.places), { runoff });
  const { winners, tickets } = draw(again.tied, again.places, tb.seed, references);
  return settled("jury", [...again.above, ...winners], { runoff, lottery: tickets, fallback: "runoff_tied" });
}

const jurors = (excluded: Json[] | undefined) => {
  const n = (excluded ?? []).length;
  return `${n} juror${n === 1 ? "" : "s"}`;
};

function deliberationParts(s: Json): PartReport[] {
  const d = s.deliberation;
  const parts: Part[] = ["tally", "borda", "tie-break"];
  if (d === undefined) return parts.map((p) => notRecheckable(p, "the snapshot has no deliberation section"));
  if (d === null) return parts.map((p) => none(p, "no deliberation was held"));
  if (!d.tally || !Array.isArray(d.ballots))
    return parts.map((p) => notRecheckable(p, "the snapshot keeps no tally of the ballots"));
  const t = d.tally;
  let count: Count;
  try {
    count = schulzeCount(d.ballots, [...d.shortlist].sort(), t.excluded);
  } catch (e) {
    return parts.map((p) => failed(p, e));
  }
  const strays = (t.excluded ?? []).flatMap((e: Json) =>
    e.applicationIds
      .filter((id: string) => !count.candidates.includes(id))
      .map((id: string) => `excluded: ${id} (juror ${e.jurorId}) is not on the shortlist`),
  );
  const tally = {
    method: t.method,
    ballots: count.ballots,
    candidates: count.candidates,
    ties: count.ties,
    pairwise: count.pairwise,
    strongestPaths: count.strongestPaths,
    // Without a rule the order is the vote's own; with one it is the tie-break's, checked there.
    ...(d.tieBreak ? {} : { order: count.order }),
  };
  const recorded = { ...t, wins: undefined, borda: undefined, references: undefined, excluded: undefined };
  if (d.tieBreak) delete recorded.order;
  const tallyReport = report(
    "tally",
    recorded,
    tally,
    `Schulze counted again from ${count.ballots} ballots, conflicts kept out as recorded (${jurors(t.excluded)})`,
  );
  if (strays.length) Object.assign(tallyReport, { status: "differs", details: [...strays, ...tallyReport.details] });
  const out = [tallyReport];
  out.push(
    t.borda === undefined
      ? notRecheckable("borda", "the snapshot keeps no Borda shares (recorded before version 2)")
      : report(
          "borda",
          { wins: t.wins, borda: t.borda },
          bordaOf(count),
          "Borda shares and Schulze wins counted again",
        ),
  );
  const tb = d.tieBreak;
  if (tb === undefined) return [...out, notRecheckable("tie-break", "the snapshot has no tie-break section")];
  if (tb === null) return [...out, none("tie-break", "no tie-break rule was fixed for this deliberation")];
  const laureates = s.edition?.laureateCount;
  if (!Number.isInteger(laureates)) return [...out, notRecheckable("tie-break", "the snapshot has no laureate count")];
  if (typeof tb.seed !== "string" || !seedMatchesCommitment(tb.seed, tb.commitment))
    return [
      ...out,
      {
        part: "tie-break",
        status: "differs",
        details: ["the revealed seed's SHA-256 is not the commitment published"],
      },
    ];
  // References: kept since version 2; before, the lottery's own record pairs ids and references.
  const references: Record<string, string> =
    t.references ?? Object.fromEntries((tb.lottery ?? []).map((l: Json) => [l.id, l.reference]));
  try {
    const derived = settle(tb, count, laureates, references);
    const recordedTb = {
      status: tb.status,
      tie: tb.tie,
      settledBy: tb.settledBy,
      fallback: tb.fallback,
      winners: tb.winners,
      lottery: tb.lottery,
      order: t.order,
      runoff: tb.runoff
        ? {
            order: tb.runoff.order,
            ties: tb.runoff.ties,
            pairwise: tb.runoff.pairwise,
            strongestPaths: tb.runoff.strongestPaths,
          }
        : null,
    };
    const how = [
      `rule ${tb.rule}, the seed's SHA-256 is the commitment`,
      derived.lottery ? `${derived.lottery.length} lottery tickets drawn again` : null,
      derived.runoff ? `run-off counted again from ${tb.runoff.ballots.length} ballots` : null,
      tb.rule === "chair" ? "the chair's vote and any conflict of the chair taken as recorded" : null,
      t.references ? null : "references taken from the lottery record (older snapshot)",
    ].filter(Boolean);
    out.push(report("tie-break", recordedTb, derived, how.join("; ")));
  } catch (e) {
    out.push(failed("tie-break", e));
  }
  return out;
}

const PLACE_FIELDS = ["jurorCountry", "jurorRegion", "applicationCountry", "applicationRegion", "entityCountry"];

function independencePart(s: Json): PartReport {
  const ind = s.integrity?.independence;
  if (!ind || !ind.places || !ind.options || !s.input)
    return notRecheckable("independence", "the snapshot has no jurors' independence audit with its places and options");
  const input = s.input as ResultsInput;
  const audited: ResultsInput = {
    criteria: input.criteria,
    scale: input.scale,
    reviews: input.reviews.map((r) => {
      const placed: Record<string, string> = {};
      for (const field of PLACE_FIELDS) {
        const place = ind.places[field]?.[field.startsWith("juror") ? r.jurorId : r.applicationId];
        if (place) placed[field] = place;
      }
      return { applicationId: r.applicationId, jurorId: r.jurorId, scores: r.scores, ...placed };
    }),
  };
  let derived: Json = { problem: null, pairs: [], homeBias: [] };
  if (audited.reviews.length === 0 || audited.criteria.length === 0) derived.problem = "integrity.no_reviews";
  else
    try {
      const { pairs, homeBias } = jurorIndependence(audited, ind.options);
      derived = { problem: null, pairs, homeBias };
    } catch {
      derived.problem = "integrity.cannot_compute";
    }
  return report(
    "independence",
    { problem: ind.problem, pairs: ind.pairs, homeBias: ind.homeBias },
    derived,
    `${derived.pairs.length} juror pairs and ${derived.homeBias.length} home-bias estimates computed again`,
  );
}

function fairnessPart(s: Json): PartReport {
  const f = s.integrity?.fairness;
  if (!f) return notRecheckable("fairness", "the snapshot has no fairness audit");
  if (!Array.isArray(f.rows))
    return notRecheckable("fairness", "the snapshot keeps the tables but not the rows they were counted from");
  const rows = f.rows as FairnessRowOf[];
  // Groups whose values the rows never hold (the declared gender): their tables stay as published.
  const countedOnly = new Set<string>(Array.isArray(f.countedOnly) ? f.countedOnly : []);
  const groups = (f.groups as FairnessGroup[]).filter((g) => !countedOnly.has(g));
  const recorded = (f.tables as { group: string }[]).filter((t) => !countedOnly.has(t.group));
  const stages: FairnessStage[] = rows.length ? stagesReached(rows.map((r) => r.stage)) : [];
  const cells = rows.length ? fairnessAudit(rows, { stages, groups, minCell: f.minCell }) : [];
  const tables = rows.length ? fairnessTables(rows, cells, stages, groups) : [];
  const kept = countedOnly.size ? `; kept as published, never per application: ${[...countedOnly].join(", ")}` : "";
  // Each row's income group was read from the list in force at the decision, not today's: it is
  // counted as frozen, and the list is named so that a reader can check a country against it.
  const income =
    groups.includes("income") && f.incomeClassification?.name
      ? `; income groups from ${f.incomeClassification.name}`
      : "";
  return report(
    "fairness",
    { stages: f.stages, tables: recorded },
    { stages, tables },
    `${groups.length} tables counted again from ${rows.length} applications${income}${kept}`,
  );
}

/**
 * Every part of a decision snapshot (the parsed JSON of its download) re-derived and compared
 * with what it recorded, in the order of {@link PARTS}. Throws only when `snapshot` is not an object.
 * Cost: that of computeResults, laureateCertificate and jurorIndependence on the snapshot's
 * input, plus two Schulze counts and one fairness audit.
 */
export function verifySnapshot(snapshot: unknown): PartReport[] {
  if (snapshot === null || typeof snapshot !== "object" || Array.isArray(snapshot))
    throw new Error("a decision snapshot is a JSON object");
  const s = snapshot as Json;
  const guard = (part: Part, f: () => PartReport) => {
    try {
      return f();
    } catch (e) {
      return failed(part, e);
    }
  };
  return [
    ...resultsParts(s),
    ...deliberationParts(s),
    guard("independence", () => independencePart(s)),
    guard("fairness", () => fairnessPart(s)),
  ];
}

/**
 * The report as the command line prints it, one line per part (then its details, indented), and
 * its exit code: 1 when any part differs, 2 when none differs but some could not be re-checked
 * (an older snapshot: not a pass), 0 when every part matches or had nothing to check.
 */
export function formatVerification(parts: PartReport[]): { text: string; code: number } {
  const lines: string[] = [];
  for (const p of parts) {
    if (p.status === "matches") lines.push(`${p.part}: matches (${p.details.join("; ")})`);
    else if (p.status === "none") lines.push(`${p.part}: nothing to re-check (${p.details.join("; ")})`);
    else if (p.status === "not re-checkable") lines.push(`${p.part}: NOT RE-CHECKABLE: ${p.details.join("; ")}`);
    else lines.push(`${p.part}: DIFFERS`, ...p.details.map((d) => `  ${d}`));
  }
  const differ = parts.filter((p) => p.status === "differs").map((p) => p.part);
  const unchecked = parts.filter((p) => p.status === "not re-checkable").map((p) => p.part);
  if (differ.length) lines.push(`FAILED: ${differ.join(", ")} differ${differ.length === 1 ? "s" : ""}`);
  else if (unchecked.length)
    lines.push(`INCOMPLETE: nothing differs, but ${unchecked.join(", ")} could not be re-checked`);
  else lines.push("OK: every part re-derived matches the snapshot");
  return { text: `${lines.join("\n")}\n`, code: differ.length ? 1 : unchecked.length ? 2 : 0 };
}
