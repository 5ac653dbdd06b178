// The results' bootstrap split into parts that separate workers can compute: resample r always
// draws the same numbers (the PRNG stream is advanced to r·n draws in O(1)), and a part keeps
// exactly the order statistics the quantiles need, so any split combines to the same JSON.
import { bootstrapPart, combineBootstrapParts, type BootstrapPart } from "./bootstrap";
import { finishResults, prepareResults, type PreparedResults } from "./results";
import type { Results, ResultsInput, ResultsOptions } from "./types";

export type { BootstrapPart } from "./bootstrap";

/**
 * Resamples [from, to) of the bootstrap of {@link computeResults}(input, options): a plain object
 * of typed arrays (structured-cloneable, so it can be posted from a worker). Each part repeats
 * the preparation (scores, fits, ranking), O(n log n + J³). Throws as computeResults does, and
 * unless 0 ≤ from ≤ to ≤ options.bootstrap are integers.
 * Cost: O(n log n + J³ + (to − from)·(n + A)), O(A·B/20) memory.
 *
 * @example
 * const options = { method: "mean", bootstrap: 2000, seed: 1 } as const;
 * const parts = [resultsBootstrapPart(input, options, 0, 1000), resultsBootstrapPart(input, options, 1000, 2000)];
 * combineResultsParts(input, options, parts); // deep-equal to computeResults(input, options)
 */
export function resultsBootstrapPart(
  input: ResultsInput,
  options: ResultsOptions,
  from: number,
  to: number,
): BootstrapPart {
  return preparedBootstrapPart(prepareResults(input, options ?? {}), from, to);
}

/**
 * {@link resultsBootstrapPart} from a preparation already made ({@link prepareResults}): a worker
 * computing a part and then the combination prepares once. Throws as resultsBootstrapPart does.
 * Cost: O((to − from)·(n + A)).
 *
 * @example
 * const prepared = prepareResults(input, options);
 * finishFromParts(prepared, [preparedBootstrapPart(prepared, 0, 1000), preparedBootstrapPart(prepared, 1000, 2000)]);
 */
export function preparedBootstrapPart(prepared: PreparedResults, from: number, to: number): BootstrapPart {
  if (prepared.bootstrap.resamples === 0) throw new Error("resultsBootstrapPart: the bootstrap is disabled (0)");
  return bootstrapPart(prepared.bootstrap, from, to);
}

/**
 * The results of {@link computeResults}(input, options) from bootstrap parts computed by
 * {@link resultsBootstrapPart} with the same input and options, covering [0, options.bootstrap)
 * exactly once in any order: the same JSON as computing everything at once, whatever the split.
 * Throws on parts of another bootstrap, overlapping parts or a gap.
 * Cost: O(n log n + J³ + P·A·B/20·log) for P parts.
 *
 * @example
 * combineResultsParts(input, options, [resultsBootstrapPart(input, options, 0, options.bootstrap)]);
 */
export function combineResultsParts(input: ResultsInput, options: ResultsOptions, parts: BootstrapPart[]): Results {
  return finishFromParts(prepareResults(input, options ?? {}), parts);
}

/**
 * {@link combineResultsParts} from a preparation already made ({@link prepareResults}). Throws
 * as combineResultsParts does. Cost: O(P·A·B/20·log) for P parts, plus the results table.
 *
 * @example
 * finishFromParts(prepared, [preparedBootstrapPart(prepared, 0, prepared.bootstrap.resamples)]);
 */
export function finishFromParts(prepared: PreparedResults, parts: BootstrapPart[]): Results {
  const B = prepared.bootstrap.resamples;
  if (B === 0) return finishResults(prepared, null);
  const A = prepared.idx.appIds.length;
  for (const p of parts ?? []) {
    if (p?.resamples !== B || p.applications !== A) {
      throw new Error(
        `combineResultsParts: a part of ${String(p?.resamples)} resamples over ${String(p?.applications)} applications does not belong to these results (${B} resamples, ${A} applications)`,
      );
    }
  }
  return finishResults(prepared, combineBootstrapParts(parts));
}
