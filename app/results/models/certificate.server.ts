// The laureates' certificate of an edition — how few scores would change the laureates, the
// Bayesian expected ranks and the applications that cannot be separated from the cut-off — for
// the secretariat's results and decision pages and the decision snapshot. It is computed by
// scoring/ (laureateCertificate) from exactly the input and options of the official results, the
// same call `npm run scoring -- results` makes on the exported JSON.
import { laureateCertificate, type LaureateCertificate, type Results } from "../../../scoring";
import type { EditionResults } from "./results.server";

// Kept per computed results object: the results cache hands back the same object for the same
// input digest (decision 006), so a certificate is computed once per set of scores, and one
// whose results were evicted goes with them.
const certificates = new WeakMap<Results, LaureateCertificate>();

/**
 * The certificate of the edition's official results (null when there are none). Only the
 * secretariat's official results have one: what-if weights or methods and jurors' views are
 * other rankings, whose certificate nobody publishes.
 */
export function editionCertificate(r: EditionResults): LaureateCertificate | null {
  const results = r.results;
  if (!results) return null;
  if (r.options.weights !== undefined || results.method !== r.edition.method)
    throw new Error("editionCertificate: only the official results have a certificate");
  const kept = certificates.get(results);
  if (kept) return kept;
  const computed = laureateCertificate(r.input, {
    method: results.method,
    laureates: results.laureates,
    seed: results.seed,
  });
  certificates.set(results, computed);
  return computed;
}
