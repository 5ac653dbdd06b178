import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { decisions, editions, reviews } from "../../../db/schema";
import { runCli } from "../../../scripts/scoring-cli";
import { editionCertificate } from "../../../app/results/models/certificate.server";
import { editionResults, getEditionBrief, warmResults } from "../../../app/results/models/results.server";
import { toLocal } from "../../../app/kernel/domain/paris-time";
import type { CertificateView, ResultsRow } from "../../../app/results/domain/results-page";
import * as secretariatResults from "../../../app/routes/secretariat.editions.$editionId.results";
import * as juryResults from "../../../app/routes/jury.$editionId.results";
import * as exportRoute from "../../../app/routes/secretariat.editions.$editionId.results_.export.$format";
import * as decisionPage from "../../../app/routes/secretariat.editions.$editionId.decision";
import type { LaureateCertificate } from "../../../scoring";
import { cookieFor, request, run } from "../../fixtures/builders";
import { buildScoredEdition } from "../../fixtures/results";

const args = (req: Request, params: Record<string, string> = {}) => ({
  request: req,
  params,
  context: { clientAddress: "203.0.113.9" },
});
type Fixture = Awaited<ReturnType<typeof buildScoredEdition>>;
type ResultsBody = { results: { rows: ResultsRow[]; certificate: { level: number; draws: number } | null } };
type DecisionBody = { certificate: { state: string; certificate: CertificateView | null } };
/** The certificate as JSON carries it: infinite margins are null. */
type CertificateJson = Omit<LaureateCertificate, "margin"> & {
  margin:
    | (Omit<NonNullable<LaureateCertificate["margin"]>, "scores" | "points"> & {
        scores: number | null;
        points: number | null;
      })
    | null;
};

const round2 = (v: number) => Math.round(v * 100) / 100;

async function resultsPage(f: Fixture, userId = f.secretariat.id) {
  const cookie = await cookieFor(userId);
  const route = userId === f.secretariat.id ? secretariatResults : juryResults;
  const res = await run(() => route.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id })));
  return res.body as ResultsBody;
}

async function decisionData(f: Fixture) {
  const cookie = await cookieFor(f.secretariat.id);
  return (await run(() => decisionPage.loader(args(request(`/x`, { cookie }), { editionId: f.edition.id }))))
    .body as DecisionBody;
}

/** The numbers a page shows, from a certificate as the cli prints it. */
function shown(c: CertificateJson, applications: { id: string }[]) {
  return {
    margin: c.margin && {
      scores: c.margin.scores,
      points: c.margin.points,
      entering: c.margin.entering,
      leaving: c.margin.leaving,
    },
    band: c.expectedRank.band,
    rows: applications.map(({ id }) => {
      const a = c.expectedRank.applications.find((x) => x.applicationId === id)!;
      return { rank: round2(a.expectedRank), low: a.low, high: a.high, inBand: a.inBand };
    }),
  };
}

describe("the laureates' certificate", () => {
  it("is computed once for the same scores, again when a score changes, and ahead of the first visit by the scheduled job", async () => {
    const f = await buildScoredEdition();
    const edition = getEditionBrief({ editionId: f.edition.id })!;
    expect(await warmResults()).toBeGreaterThanOrEqual(1);
    const viewer = { kind: "secretariat" as const, userId: f.secretariat.id };
    const first = (await editionCertificate(await editionResults({ edition, viewer })))!;
    const another = await editionResults({ edition, viewer: { ...viewer, userId: "another" } });
    expect(await editionCertificate(another)).toBe(first);
    db()
      .update(reviews)
      .set({ scores: { appropriateness: 1, innovation: 1, impact: 1 } })
      .where(and(eq(reviews.applicationId, f.apps[0].app.id), eq(reviews.jurorId, f.jurors[0].member.id)))
      .run();
    const after = (await editionCertificate(await editionResults({ edition, viewer })))!;
    expect(after).not.toBe(first);
    expect(after.expectedRank.applications).not.toEqual(first.expectedRank.applications);
    // What-if rankings have no certificate: nobody publishes one for them.
    const median = await editionResults({ edition, viewer, method: "median" });
    await expect(editionCertificate(median)).rejects.toThrow(/only the official/);
  });

  it("the results page shows each expected rank beside the bootstrap interval, and the cli re-derives the numbers of the results and decision pages from the exported JSON", async () => {
    const f = await buildScoredEdition({ apps: 7 });
    const page = await resultsPage(f);
    expect(page.results.certificate).toEqual({ level: 0.95, draws: 2000 });
    expect(page.results.rows.every((r) => r.expected !== null)).toBe(true);
    const cert = (await decisionData(f)).certificate.certificate!;
    expect(cert.laureates).toBe(2);
    const cookie = await cookieFor(f.secretariat.id);
    const exported = await exportRoute.loader(
      args(request(`/x`, { cookie }), { editionId: f.edition.id, format: "json" }),
    );
    const text = await exported.text();
    const cli = JSON.parse(runCli(["results", "export.json"], () => text).stdout) as { certificate: CertificateJson };
    expect(
      shown(
        cli.certificate,
        page.results.rows.map((r) => ({ id: r.applicationId })),
      ),
    ).toEqual({
      margin: cert.margin && {
        scores: cert.margin.scores,
        points: cert.margin.points,
        entering: cert.margin.entering.map((a) => a.applicationId),
        leaving: cert.margin.leaving.map((a) => a.applicationId),
      },
      band: cert.band.map((a) => a.applicationId),
      rows: page.results.rows.map((r) => r.expected),
    });
    for (const b of cert.band)
      expect(page.results.rows.find((r) => r.applicationId === b.applicationId)!.expected!.inBand).toBe(true);
  });

  it("a juror's results page carries neither the certificate nor the expected ranks", async () => {
    const f = await buildScoredEdition();
    const page = await resultsPage(f, f.jurors[2].user.id);
    expect(page.results.certificate).toBeNull();
    expect(page.results.rows.every((r) => r.expected === null)).toBe(true);
  });

  it("the decision page says the certificate comes once scoring closes, then shows the margin, the runner-up and the band", async () => {
    const f = await buildScoredEdition();
    db()
      .update(editions)
      .set({ scoringClosesAt: new Date(Date.now() + 864e5) })
      .where(eq(editions.id, f.edition.id))
      .run();
    expect((await decisionData(f)).certificate).toEqual({ state: "not_yet", certificate: null });
    db()
      .update(editions)
      .set({ scoringClosesAt: new Date(Date.now() - 864e5) })
      .where(eq(editions.id, f.edition.id))
      .run();
    const { certificate } = await decisionData(f);
    expect(certificate.state).toBe("ready");
    const c = certificate.certificate!;
    // The fixture's first two applications lead: the runner-up is the third, named by reference.
    expect(c.runnerUp?.last.reference).toBe(f.apps[1].app.reference);
    expect(c.runnerUp?.next.reference).toBe(f.apps[2].app.reference);
    expect(c.margin?.scores).toBeGreaterThanOrEqual(1);
    expect(c.margin?.entering.map((a) => a.reference)).toEqual([f.apps[2].app.reference]);
  });

  it("the decision snapshot freezes the certificate, and the cli re-derives the same certificate from the snapshot", async () => {
    const f = await buildScoredEdition();
    const cookie = await cookieFor(f.secretariat.id);
    const res = await run(() =>
      decisionPage.action(
        args(
          request(`/x`, {
            cookie,
            form: {
              intent: "decide",
              [`laureate_${f.apps[0].app.id}`]: "on",
              [`laureate_${f.apps[1].app.id}`]: "on",
              decisionDate: "2024-03-28",
              announcementAt: toLocal(new Date(Date.now() + 3600e3)),
              confirm: "on",
            },
          }),
          { editionId: f.edition.id },
        ),
      ),
    );
    expect(res.status).toBe(302);
    const snapshot = db().select().from(decisions).where(eq(decisions.editionId, f.edition.id)).get()!.snapshot!;
    const frozen = (JSON.parse(snapshot) as { certificate: CertificateJson }).certificate;
    expect(frozen.expectedRank.applications).toHaveLength(f.apps.length);
    expect(frozen.margin?.scores).toBeGreaterThanOrEqual(1);
    const rerun = JSON.parse(runCli(["results", "snapshot.json"], () => snapshot).stdout) as { certificate: unknown };
    // The snapshot's JSON is canonical (sorted keys): compare the values, not the text.
    expect(rerun.certificate).toEqual(frozen);
  });
});
