/**
 * Whether a larger crowd of readers got no less done than a smaller one, told apart from the
 * benchmark's own noise (docs/decisions/064-crowd-throughput-within-its-noise.md).
 *
 * On a saturated server both crowds do the same work per request, so their true throughputs are
 * equal and a strict "≥" between two measured means would be a coin toss. "Lower" here means lower
 * by more than the measurement can tell: more than twice the standard error of the difference of
 * the two means (Welch's, from the spread between rounds of the same size). A run too noisy to
 * tell a 5% loss from none (its margin over 5% of the smaller crowd's mean) is not met either:
 * noise never passes for equality.
 *
 * @example
 * crowdVerdict({ smaller: [108.0, 103.0, 106.1, 104.9], larger: [104.8, 102.4, 105.5, 103.9] }).met // true
 * crowdVerdict({ smaller: [27.1, 26.5, 27.4, 26.9], larger: [11.2, 10.9, 11.5, 11.0] }).met // false
 */
export function crowdVerdict({ smaller, larger }: { smaller: number[]; larger: number[] }) {
  for (const [name, rounds] of [
    ["smaller", smaller],
    ["larger", larger],
  ] as const) {
    if (rounds.length < 2)
      throw new Error(`The ${name} crowd needs at least two rounds to tell its noise, not ${rounds.length}`);
    if (!rounds.every((x) => Number.isFinite(x) && x > 0))
      throw new Error(`The ${name} crowd's throughputs must be positive numbers: ${rounds.join(", ")}`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = (xs: number[]) => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
  const smallerMean = mean(smaller);
  const largerMean = mean(larger);
  const margin = 2 * Math.sqrt(variance(smaller) / smaller.length + variance(larger) / larger.length);
  const tooNoisy = margin > MARGIN_AT_MOST * smallerMean;
  return {
    smallerMean,
    largerMean,
    /** The larger crowd's mean less the smaller's, in requests a second. */
    difference: largerMean - smallerMean,
    margin,
    tooNoisy,
    met: !tooNoisy && largerMean >= smallerMean - margin,
  };
}

/** The widest margin (as a share of the smaller crowd's mean) at which a verdict is given. */
export const MARGIN_AT_MOST = 0.05;
