// Shapes the laureates' certificate for the pages: applications named by reference and title,
// infinite margins as null, expected ranks rounded as the page shows them.
import type { LaureateCertificate } from "../../../scoring";
import { editionCertificate } from "../models/certificate.server";
import { briefly } from "../../kernel/server/computing.server";
import { pendingResults, round, scoringClosed, type EditionBrief, type EditionResults } from "../models/results.server";
import type { CertificateApplication, CertificateView } from "../domain/results-page";

export function certificateView(r: EditionResults, cert: LaureateCertificate): CertificateView {
  const name = (applicationId: string): CertificateApplication => {
    const app = r.applications.get(applicationId);
    return { applicationId, reference: app?.reference ?? applicationId, title: app?.title ?? "" };
  };
  const er = cert.expectedRank;
  const byId = new Map(er.applications.map((a) => [a.applicationId, a]));
  const table = r.results?.applications ?? [];
  const L = cert.laureates;
  const official = new Map(table.map((a, i) => [a.applicationId, { rank: a.rank, laureate: i < L }]));
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  const last = table[L - 1] ? byId.get(table[L - 1].applicationId) : undefined;
  const next = table[L] ? byId.get(table[L].applicationId) : undefined;
  const m = cert.margin;
  return {
    laureates: L,
    level: er.level,
    draws: er.draws,
    margin: m
      ? {
          scores: finite(m.scores),
          points: finite(m.points),
          exact: m.exact,
          entering: m.entering.map(name),
          leaving: m.leaving.map(name),
        }
      : null,
    marginNote: cert.marginNote,
    runnerUp:
      last && next
        ? {
            last: { ...name(last.applicationId), low: last.low, high: last.high },
            next: { ...name(next.applicationId), expectedRank: round(next.expectedRank, 2) },
            within: next.expectedRank >= last.low && next.expectedRank <= last.high,
          }
        : null,
    band: er.band.map((id) => {
      const a = byId.get(id)!;
      return {
        ...name(id),
        expectedRank: round(a.expectedRank, 2),
        low: a.low,
        high: a.high,
        rank: official.get(id)?.rank ?? 0,
        laureate: official.get(id)?.laureate ?? false,
      };
    }),
  };
}

/** Expected rank and interval by application id, for the table's column. */
export function expectedByApplication(cert: LaureateCertificate | null) {
  if (!cert) return new Map<string, ExpectedRankCell>();
  let kept = expectedMaps.get(cert);
  if (!kept) {
    kept = new Map(
      cert.expectedRank.applications.map((a) => [
        a.applicationId,
        { rank: round(a.expectedRank, 2), low: a.low, high: a.high, inBand: a.inBand },
      ]),
    );
    expectedMaps.set(cert, kept);
  }
  return kept;
}
type ExpectedRankCell = { rank: number; low: number; high: number; inBand: boolean };
// Made once per certificate (kept with it), not on every page view: 10,000 entries at scale.
const expectedMaps = new WeakMap<LaureateCertificate, Map<string, ExpectedRankCell>>();

/**
 * The certificate of the edition's official results as the decision page shows it: "not_yet"
 * while scoring is open, "none" when there are no results to certify.
 */
export async function officialCertificateView(
  edition: EditionBrief,
  userId: string,
): Promise<{ state: "ready"; certificate: CertificateView } | { state: "not_yet" | "none"; certificate: null }> {
  if (!scoringClosed(edition)) return { state: "not_yet", certificate: null };
  // Computed in the worker: the page waits a moment, then shows the "computing" page instead.
  const pending = pendingResults({ edition, viewer: { kind: "secretariat", userId } });
  const { r, cert } = await briefly({
    ...pending,
    promise: pending.promise.then(async (r) => ({ r, cert: await editionCertificate(r) })),
  });
  return cert ? { state: "ready", certificate: certificateView(r, cert) } : { state: "none", certificate: null };
}
