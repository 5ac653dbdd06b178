// The results' input as typed arrays, for a worker's message (decision 026), and the digest its
// results are kept by: each made once per input.
import { createHash } from "node:crypto";
import type { ResultsInput } from "../../../scoring";
import { nextTurn, SLICE } from "../../kernel/server/slices.server";

/**
 * The reviews as typed arrays: posting 30,000 review objects to a worker clones them on the
 * request thread (~100 ms at 10,000 applications, during which it answers nobody); these arrays
 * cost a few milliseconds, and the worker makes the very same objects again. Only an input this
 * form holds exactly is packed (the app's own: every review scores exactly the criteria, with
 * numbers); any other goes as it is.
 */
export interface PackedInput {
  criteria: ResultsInput["criteria"];
  scale: ResultsInput["scale"];
  jurors?: string[];
  appIds: string[];
  jurorIds: string[];
  app: Int32Array;
  juror: Int32Array;
  /** Criteria keys in the order of `criteria`; scores[r·keys.length + c]. */
  keys: string[];
  scores: Float64Array;
  /** NaN where the review has no confidence. */
  confidence: Float64Array;
}

const REVIEW_FIELDS = new Set(["applicationId", "jurorId", "scores", "confidence"]);

// The packed form of an input, kept with it: the ranking and the results of one read are posted
// from the same input, packed once.
const packedInputs = new WeakMap<ResultsInput, Promise<PackedInput | null>>();

export function pack(input: ResultsInput): Promise<PackedInput | null> {
  if (input === null || typeof input !== "object") return Promise.resolve(null);
  let kept = packedInputs.get(input);
  if (!kept) packedInputs.set(input, (kept = packOnce(input)));
  return kept;
}

async function packOnce(input: ResultsInput): Promise<PackedInput | null> {
  if (input === null || typeof input !== "object" || !Array.isArray(input.reviews) || !Array.isArray(input.criteria))
    return null;
  const keys = input.criteria.map((c) => c?.key);
  if (keys.some((k) => typeof k !== "string") || new Set(keys).size !== keys.length) return null;
  const N = input.reviews.length;
  const C = keys.length;
  const appIndex = new Map<string, number>();
  const jurorIndex = new Map<string, number>();
  const out: PackedInput = {
    criteria: input.criteria,
    scale: input.scale,
    ...(input.jurors !== undefined ? { jurors: input.jurors } : {}),
    appIds: [],
    jurorIds: [],
    app: new Int32Array(N),
    juror: new Int32Array(N),
    keys,
    scores: new Float64Array(N * C),
    confidence: new Float64Array(N),
  };
  for (let r = 0; r < N; r++) {
    const review = input.reviews[r];
    if (review === null || typeof review !== "object") return null;
    for (const field in review) if (!REVIEW_FIELDS.has(field)) return null;
    const { applicationId, jurorId, scores, confidence } = review;
    if (typeof applicationId !== "string" || typeof jurorId !== "string") return null;
    if (scores === null || typeof scores !== "object" || Object.keys(scores).length !== C) return null;
    if ("confidence" in review && (typeof confidence !== "number" || Number.isNaN(confidence))) return null;
    let a = appIndex.get(applicationId);
    if (a === undefined) appIndex.set(applicationId, (a = out.appIds.push(applicationId) - 1));
    let j = jurorIndex.get(jurorId);
    if (j === undefined) jurorIndex.set(jurorId, (j = out.jurorIds.push(jurorId) - 1));
    out.app[r] = a;
    out.juror[r] = j;
    for (let c = 0; c < C; c++) {
      const v = (scores as Record<string, unknown>)[keys[c]];
      if (typeof v !== "number") return null;
      out.scores[r * C + c] = v;
    }
    out.confidence[r] = "confidence" in review ? (confidence as number) : NaN;
    if (r % SLICE === SLICE - 1) await nextTurn();
  }
  return out;
}

export function unpack(p: PackedInput): ResultsInput {
  const C = p.keys.length;
  const reviews: ResultsInput["reviews"] = new Array(p.app.length);
  for (let r = 0; r < p.app.length; r++) {
    const scores: Record<string, number> = {};
    for (let c = 0; c < C; c++) scores[p.keys[c]] = p.scores[r * C + c];
    reviews[r] = { applicationId: p.appIds[p.app[r]], jurorId: p.jurorIds[p.juror[r]], scores };
    if (!Number.isNaN(p.confidence[r])) reviews[r].confidence = p.confidence[r];
  }
  return { criteria: p.criteria, scale: p.scale, reviews, ...(p.jurors !== undefined ? { jurors: p.jurors } : {}) };
}

const digests = new WeakMap<ResultsInput, Promise<string>>();

/**
 * The digest the results of an input are kept by: of its packed form when it has one (a few
 * milliseconds at 30,000 reviews; the form holds the input whole), else of its JSON. Kept with
 * the input: its ranking and its results are keyed by the one digest.
 */
export function inputDigest(input: ResultsInput): Promise<string> {
  let kept = digests.get(input);
  if (!kept) digests.set(input, (kept = pack(input).then((p) => (p ? digestOfPacked(p) : digestOfJson(input)))));
  return kept;
}

function digestOfPacked(p: PackedInput): string {
  const { criteria, scale, jurors, appIds, jurorIds, keys } = p;
  const hash = createHash("sha256").update(JSON.stringify({ criteria, scale, jurors, appIds, jurorIds, keys }));
  for (const column of [p.app, p.juror, p.scores, p.confidence])
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  return hash.digest("hex");
}

/** Of everything but the reviews, then of the reviews a slice at a time, the event loop free in between. */
async function digestOfJson(input: ResultsInput): Promise<string> {
  const hash = createHash("sha256").update(JSON.stringify({ ...input, reviews: input.reviews?.length }));
  for (let i = 0; i < (input.reviews?.length ?? 0); i += SLICE) {
    hash.update(JSON.stringify(input.reviews.slice(i, i + SLICE)));
    await nextTurn();
  }
  return hash.digest("hex");
}

/**
 * On the request thread: `input` (built from the columns the reading worker read) is packed and
 * hashed as the worker packed and hashed the same input, so neither is done again.
 */
export function packedAlready(input: ResultsInput, packed: PackedInput | null, digest: string): void {
  packedInputs.set(input, Promise.resolve(packed));
  digests.set(input, Promise.resolve(digest));
}
