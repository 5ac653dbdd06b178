// The laureates' certificate of an edition — how few scores would change the laureates, the
// Bayesian expected ranks and the applications that cannot be separated from the cut-off — for
// the secretariat's results and decision pages and the decision snapshot. It is computed by
// scoring/ (laureateCertificate) from exactly the input and options of the official results, the
// same call `npm run scoring -- results` makes on the exported JSON.
import type { LaureateCertificate, Results } from "../../../scoring";
import type { Pending } from "../../kernel/server/memo.server";
import type { EditionResults } from "./results.server";
import { computeInWorker } from "./results-worker.server";

// Kept per computed results object: the results cache hands back the same object for the same
// input digest (decision 006), so a certificate is computed once per set of scores, and one
// whose results were evicted goes with them. Computed in the worker (seconds at 10,000
// applications); the promise is kept with when it started, so callers during the computation
// share it and a page can say since when it runs.
const certificates = new WeakMap<Results, Pending<LaureateCertificate>>();

/**
 * The certificate of the edition's official results (null when there are none). Only the
 * secretariat's official results have one: what-if weights or methods and jurors' views are
 * other rankings, whose certificate nobody publishes.
 */
export async function editionCertificate(r: EditionResults): Promise<LaureateCertificate | null> {
  return pendingCertificate(r)?.promise ?? null;
}

/** The certificate's computation and its start (null when there are no official results). */
export function pendingCertificate(r: EditionResults): Pending<LaureateCertificate> | null {
  const results = r.results;
  if (!results) return null;
  if (r.options.weights !== undefined || results.method !== r.edition.method)
    throw new Error("editionCertificate: only the official results have a certificate");
  const kept = certificates.get(results);
  if (kept) return kept;
  const computed: Pending<LaureateCertificate> = {
    promise: computeInWorker({
      kind: "certificate",
      input: r.input,
      options: { method: results.method, laureates: results.laureates, seed: results.seed },
    }),
    since: new Date(),
  };
  // A failure is not kept: the next visit asks the worker again.
  computed.promise.catch(() => certificates.get(results) === computed && certificates.delete(results));
  certificates.set(results, computed);
  return computed;
}
