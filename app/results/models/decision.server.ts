// The Director-General's decision and the announcement. Recording the decision freezes a
// snapshot of everything the ranking came from (inputs, rubric, method, ballots, software
// version) and of the laureates' certificate, with its SHA-256; it can never change afterwards.
// The laureates go into the public archive with the decision, published at the announcement
// instant: the public pages (and the applicants' own) read that instant and show nothing a
// second before it. At the instant, the scheduled job turns applications into laureate or not
// selected and tells every applicant and nominating entity (announcement.server.ts); no page
// ever does (a GET never writes).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { and, asc, eq, inArray, isNotNull, isNull, notExists } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  applications,
  archiveLaureates,
  ballots,
  criteria,
  decisions,
  deliberations,
  editions,
} from "../../../db/schema";
import { writeAudit } from "../../kernel/models/audit.server";
import type { Failure } from "../../kernel/models/result.server";
import type { Tx } from "../../kernel/models/transaction.server";
import { datesAsLived } from "./dates-as-lived.server";
import { getDecisionRow, getDeliberation } from "./deliberation.server";
import { fairnessOf, integritySnapshot, jurorAudit, type FairnessAudit, type JurorAudit } from "./integrity.server";
import { observerNotesForSnapshot } from "./observer.server";
import { deliberationRecord } from "./tie-break-votes.server";
import {
  editionResults,
  getEditionBrief,
  scoringClosed,
  type EditionBrief,
  type EditionResults,
} from "./results.server";
import type { LaureateCertificate } from "../../../scoring";
import { whenDone } from "../../kernel/server/computing.server";
import { editionCriteria } from "../../editions/models/columns.server";
import { applicationNaming } from "../../applications/models/columns.server";
import { editionCertificate } from "./certificate.server";
import { issueDiplomaCodes } from "./diploma-codes.server";

let version: string | undefined;
export function softwareVersion(): string {
  if (!version) {
    try {
      version =
        (JSON.parse(readFileSync(resolve("package.json"), "utf8")) as { version?: string }).version ?? "unknown";
    } catch {
      version = "unknown";
    }
  }
  return version;
}

/** Canonical JSON (sorted keys) so the same content always gives the same hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === "object") {
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** What the worker computed for the decision, awaited before its transaction. */
type Official = {
  r: EditionResults;
  certificate: LaureateCertificate | null;
  jurors: JurorAudit;
  fairness: FairnessAudit;
};

function buildSnapshot({
  official: { r, certificate, jurors, fairness },
  edition,
  laureates,
  decisionDate,
  announcementAt,
  decidedBy,
}: {
  official: Official;
  edition: EditionBrief;
  laureates: string[];
  decisionDate: Date;
  announcementAt: Date;
  decidedBy: string;
}) {
  const rubric = editionCriteria(edition.id, {
    key: criteria.key,
    titleEn: criteria.titleEn,
    titleFr: criteria.titleFr,
    weight: criteria.weight,
    position: criteria.position,
    levelDescriptors: criteria.levelDescriptors,
  });
  const deliberation = getDeliberation({ editionId: edition.id });
  const ballotRows = deliberation
    ? db()
        .select({ jurorId: ballots.jurorId, ranking: ballots.ranking, submittedAt: ballots.submittedAt })
        .from(ballots)
        .where(eq(ballots.deliberationId, deliberation.id))
        .orderBy(asc(ballots.jurorId))
        .all()
    : [];
  const decision = getDecisionRow({ editionId: edition.id });
  return {
    format: "ict-prize-decision-snapshot/2",
    software: { name: "ict-prize", version: softwareVersion() },
    edition: {
      id: edition.id,
      year: edition.year,
      method: edition.method,
      scale: { min: edition.scaleMin, max: edition.scaleMax },
      laureateCount: edition.laureateCount,
    },
    rubric,
    input: r.input,
    options: r.options,
    ranking:
      r.results?.applications.map((a) => ({
        applicationId: a.applicationId,
        rank: a.rank,
        score: a.scores[r.results!.method],
      })) ?? [],
    // How close the ranking was: re-derived by `npm run scoring -- results` from input and options.
    certificate,
    deliberation: deliberation
      ? {
          shortlist: deliberation.shortlist,
          openedAt: deliberation.openedAt,
          closedAt: deliberation.closedAt,
          ballots: ballotRows,
          ...deliberationRecord({ edition }),
        }
      : null,
    recommendation: decision?.recommendation ?? null,
    citations: decision?.citations ?? null,
    // The fairness audit in the words of the jury's report, as recorded with the recommendation in
    // the chair's language; integrity.fairness keeps the tables as they stood at the decision.
    fairnessSummary: decision?.minutesFairness ?? null,
    decision: { laureates, decisionDate, announcementAt, decidedBy },
    // Both audits as they stood when the decision was taken: jurors' independence, fairness by stage.
    integrity: integritySnapshot({ jurors, fairness }),
    // The observers' notes as filed when the decision was recorded: a later edit leaves these.
    observerNotes: observerNotesForSnapshot({ editionId: edition.id }),
  };
}

type DecisionArgs = {
  edition: EditionBrief;
  actorId: string;
  laureates: string[];
  decisionDate: Date;
  announcementAt: Date;
  now?: Date;
};

/**
 * Records the decision and its snapshot. The official results, certificate and both audits are awaited from
 * the worker first; everything after is read, checked and written without a pause, so that the
 * checks and the transaction see one state of the database.
 */
export async function recordDecision(args: DecisionArgs): Promise<{ ok: true; sha256: string } | Failure> {
  const { edition, actorId, now = new Date() } = args;
  if (!scoringClosed(edition, now)) return recordDecisionNow(args, null);
  const r = await whenDone(editionResults({ edition, viewer: { kind: "secretariat", userId: actorId } }));
  const certificate = await whenDone(editionCertificate(r));
  const jurors = await whenDone(jurorAudit({ edition }));
  const fairness = await whenDone(fairnessOf({ edition, laureates: args.laureates }));
  return recordDecisionNow(args, { r, certificate, jurors, fairness });
}

function recordDecisionNow(
  { edition, actorId, laureates, decisionDate, announcementAt, now = new Date() }: DecisionArgs,
  official: Official | null,
): { ok: true; sha256: string } | Failure {
  const existing = getDecisionRow({ editionId: edition.id });
  if (existing?.decidedAt) return { ok: false, field: "laureates", error: "errors.decision_exists" };
  if (!official || !scoringClosed(edition, now) || !["scoring", "deliberation"].includes(edition.phase))
    return { ok: false, field: "laureates", error: "errors.decision_not_now" };
  if (announcementAt.getTime() <= now.getTime())
    return { ok: false, field: "announcementAt", error: "errors.announcement_past" };
  if (decisionDate.getTime() > now.getTime() + 864e5)
    return { ok: false, field: "decisionDate", error: "errors.decision_date_future" };
  const unique = [...new Set(laureates)];
  const valid = unique.length
    ? db()
        .select({ id: applications.id })
        .from(applications)
        .where(
          and(
            eq(applications.editionId, edition.id),
            eq(applications.state, "eligible"),
            inArray(applications.id, unique),
          ),
        )
        .all()
    : [];
  if (valid.length !== unique.length || unique.length === 0)
    return { ok: false, field: "laureates", error: "errors.decision_laureates_invalid" };
  // Once the jury has deliberated, its shortlist is the choice the page offers: an application
  // the jury never voted on is no laureate, whatever a forged form names.
  const shortlist = getDeliberation({ editionId: edition.id })?.shortlist;
  if (shortlist && unique.some((id) => !shortlist.includes(id)))
    return { ok: false, field: "laureates", error: "errors.decision_laureates_invalid" };
  const asLived = datesAsLived({ edition, announcementAt, now });
  if (!asLived.ok) return asLived;
  const snapshot = canonicalJson(
    buildSnapshot({ official, edition, laureates: unique, decisionDate, announcementAt, decidedBy: actorId }),
  );
  const hash = sha256(snapshot);
  const written = db().transaction((tx) => {
    const values = {
      laureates: unique,
      decisionDate,
      decidedBy: actorId,
      decidedAt: now,
      snapshot,
      snapshotSha256: hash,
      announcementAt,
    };
    let changes: number;
    if (existing)
      changes = tx
        .update(decisions)
        .set(values)
        .where(and(eq(decisions.id, existing.id), isNull(decisions.decidedAt)))
        .run().changes;
    else
      changes = tx
        .insert(decisions)
        .values({ editionId: edition.id, ...values })
        .onConflictDoNothing()
        .run().changes;
    if (changes !== 1) return false;
    const moved = Object.entries(asLived.moved);
    if (moved.length) {
      tx.update(editions)
        .set({ ...Object.fromEntries(moved.map(([date, { to }]) => [date, to])), updatedAt: now })
        .where(eq(editions.id, edition.id))
        .run();
      // One row per decision; the close keeps its from/to at the top, as before other dates moved.
      const close = asLived.moved.scoringClosesAt;
      writeAudit(
        {
          actorId,
          action: "edition.scoring_close_moved",
          objectType: "edition",
          objectId: edition.id,
          details: {
            ...(close ? { from: close.from.toISOString(), to: close.to.toISOString() } : {}),
            moved: Object.fromEntries(
              moved.map(([date, { from, to }]) => [date, { from: from.toISOString(), to: to.toISOString() }]),
            ),
            reason: "scoring closed early",
          },
        },
        tx,
      );
    }
    tx.update(editions)
      .set({ phase: "decided", announcementAt, updatedAt: now })
      .where(eq(editions.id, edition.id))
      .run();
    archiveLaureatesOf(tx, {
      editionId: edition.id,
      year: edition.year,
      laureates: unique,
      publishedAt: announcementAt,
    });
    tx.update(deliberations)
      .set({ closedAt: now })
      .where(and(eq(deliberations.editionId, edition.id), isNull(deliberations.closedAt)))
      .run();
    writeAudit(
      {
        actorId,
        action: "decision.recorded",
        objectType: "edition",
        objectId: edition.id,
        details: {
          laureates: unique,
          decisionDate: decisionDate.toISOString(),
          announcementAt: announcementAt.toISOString(),
          snapshotSha256: hash,
          phase: "decided",
        },
      },
      tx,
    );
    return true;
  });
  if (!written) return { ok: false, field: "laureates", error: "errors.decision_exists" };
  return { ok: true, sha256: hash };
}

/** The decision as the secretariat sees it (the snapshot itself is only downloaded). */
export function decisionSummary({ editionId }: { editionId: string }) {
  const d = getDecisionRow({ editionId });
  if (!d) return null;
  return {
    recommendation: d.recommendation,
    citations: d.citations,
    minutes: d.minutes,
    minutesTally: d.minutesTally,
    minutesFairness: d.minutesFairness,
    recommendedAt: d.recommendedAt,
    laureates: d.laureates,
    decisionDate: d.decisionDate,
    decidedAt: d.decidedAt,
    snapshotSha256: d.snapshotSha256,
    announcementAt: d.announcementAt,
    announcedAt: d.announcedAt,
  };
}

export function decisionSnapshot({ editionId }: { editionId: string }) {
  const d = db()
    .select({ snapshot: decisions.snapshot, sha: decisions.snapshotSha256 })
    .from(decisions)
    .where(and(eq(decisions.editionId, editionId), isNotNull(decisions.decidedAt)))
    .get();
  return d?.snapshot ? { snapshot: d.snapshot, sha256: d.sha ?? "" } : null;
}

/** The laureates' rows of the public archive, published at the instant; those already there are kept. */
export function archiveLaureatesOf(
  tx: Tx,
  {
    editionId,
    year,
    laureates,
    publishedAt,
  }: { editionId: string; year: number; laureates: string[]; publishedAt: Date },
) {
  if (laureates.length === 0) return;
  const present = new Set(
    tx
      .select({ id: archiveLaureates.applicationId })
      .from(archiveLaureates)
      .where(and(eq(archiveLaureates.editionId, editionId), inArray(archiveLaureates.applicationId, laureates)))
      .all()
      .map((r) => r.id),
  );
  const apps = tx
    .select(applicationNaming)
    .from(applications)
    .where(and(eq(applications.editionId, editionId), inArray(applications.id, laureates)))
    .all();
  for (const app of apps) {
    if (present.has(app.id)) continue;
    tx.insert(archiveLaureates)
      .values({
        year,
        editionId,
        applicationId: app.id,
        project: app.title,
        organisation: app.organisation || null,
        country: app.country ?? "",
        publishedAt,
      })
      .run();
  }
  issueDiplomaCodes(tx, { editionId, year, laureates, announcementAt: publishedAt });
}

/**
 * Archives the laureates of recorded decisions that have none in the archive yet (decisions
 * recorded before the archive was written with the decision), published at their instant, so
 * that the public page goes live at the instant for them too. For the scheduled job.
 */
export function archiveRecordedDecisions(): number {
  const pending = db()
    .select({
      editionId: decisions.editionId,
      year: editions.year,
      laureates: decisions.laureates,
      announcementAt: decisions.announcementAt,
    })
    .from(decisions)
    .innerJoin(editions, eq(editions.id, decisions.editionId))
    .where(
      and(
        isNotNull(decisions.decidedAt),
        isNull(decisions.announcedAt),
        notExists(
          db()
            .select({ id: archiveLaureates.id })
            .from(archiveLaureates)
            .where(eq(archiveLaureates.editionId, decisions.editionId)),
        ),
      ),
    )
    .all();
  for (const d of pending) {
    db().transaction((tx) =>
      archiveLaureatesOf(tx, {
        editionId: d.editionId,
        year: d.year,
        laureates: d.laureates ?? [],
        publishedAt: d.announcementAt!,
      }),
    );
  }
  return pending.length;
}

export function editionOfYear({ year }: { year: number }) {
  return db().select({ id: editions.id }).from(editions).where(eq(editions.year, year)).get() ?? null;
}

export { getEditionBrief };
