import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../scoring/index";
import { gaussSeidelJurorBias } from "../../scoring/juror-bias";
import { indexReviews, type ReviewIndex } from "../../scoring/review-index";

/**
 * The sweeps as they were written before the three-review unrolling (decision 035): the
 * definition the bootstrap's recorded rank intervals were computed with, bit for bit.
 */
function referenceSweeps(
  idx: ReviewIndex,
  start: Int32Array,
  reviewsOf: Int32Array | null,
  q: Float64Array,
  b: Float64Array,
  tol: number,
  maxSweeps: number,
): number {
  const A = idx.appIds.length;
  const J = idx.jurorIds.length;
  const N = start[A];
  const num = new Float64Array(J);
  const den = new Float64Array(J);
  const y = new Float64Array(N);
  const w = new Float64Array(N);
  const jj = new Int32Array(N);
  for (let k = 0; k < N; k++) {
    const r = reviewsOf === null ? k : reviewsOf[k];
    y[k] = idx.score[r];
    w[k] = idx.weight[r];
    jj[k] = idx.juror[r];
  }
  const appW = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    let W = 0;
    for (let k = start[a]; k < start[a + 1]; k++) {
      W += w[k];
      den[jj[k]] += w[k];
    }
    appW[a] = W;
  }
  let sweep = 0;
  let shift = 0;
  while (sweep < maxSweeps) {
    sweep++;
    let change = 0;
    num.fill(0);
    for (let a = 0; a < A; a++) {
      let Y = 0;
      const s = start[a];
      const e = start[a + 1];
      for (let k = s; k < e; k++) Y += w[k] * (y[k] - b[jj[k]]);
      const nq = Y / appW[a];
      const d = Math.abs(nq - (q[a] + shift));
      if (d > change) change = d;
      q[a] = nq;
      for (let k = s; k < e; k++) num[jj[k]] += w[k] * (y[k] - nq);
    }
    let mb = 0;
    for (let j = 0; j < J; j++) {
      if (den[j] > 0) b[j] = num[j] / den[j];
      mb += b[j];
    }
    mb /= J;
    for (let j = 0; j < J; j++) b[j] -= mb;
    shift = mb;
    if (change < tol && sweep > 1) break;
  }
  if (sweep > 0) for (let a = 0; a < A; a++) q[a] += shift;
  return sweep;
}

/** Reviews of `apps` applications by 1–5 of `jurors` jurors each, scores and confidences at random. */
function reviews(apps: number, jurors: number, seed: number, threeEach: boolean) {
  const next = mulberry32(seed);
  const out = [];
  for (let a = 0; a < apps; a++) {
    const count = threeEach ? 3 : 1 + Math.floor(next() * 5);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, jurors)) chosen.add(Math.floor(next() * jurors));
    for (const j of chosen)
      out.push({ applicationId: `A${a}`, jurorId: `J${j}`, score: next(), confidence: 1 + Math.floor(next() * 3) });
  }
  return out;
}

describe("gaussSeidelJurorBias", () => {
  it("fits bit for bit as the sweeps did before three reviews were unrolled, on resamples with repeats", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer(),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        (apps, jurors, seed, threeEach, sweeps) => {
          const idx = indexReviews(reviews(apps, jurors, seed, threeEach), "test");
          const start = idx.appStart;
          const next = mulberry32(seed ^ 0x5bd1e995);
          // A bootstrap resample: each application's reviews drawn with replacement (repeated jurors).
          const picks = new Int32Array(idx.score.length);
          for (let a = 0; a < idx.appIds.length; a++) {
            const n = start[a + 1] - start[a];
            for (let k = 0; k < n; k++) picks[start[a] + k] = start[a] + Math.floor(next() * n);
          }
          for (const reviewsOf of [null, picks]) {
            const warmQ = Float64Array.from({ length: idx.appIds.length }, () => next());
            const warmB = Float64Array.from({ length: idx.jurorIds.length }, () => next() - 0.5);
            const [q1, b1, q2, b2] = [warmQ.slice(), warmB.slice(), warmQ.slice(), warmB.slice()];
            const used = gaussSeidelJurorBias(idx, start, reviewsOf, q1, b1, 1e-7, sweeps);
            expect(used).toBe(referenceSweeps(idx, start, reviewsOf, q2, b2, 1e-7, sweeps));
            expect(Array.from(q1)).toEqual(Array.from(q2));
            expect(Array.from(b1)).toEqual(Array.from(b2));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
