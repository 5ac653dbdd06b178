// The secretariat's decisions on the conflicts register (app/jury/models/conflict-decisions.server.ts).
// Confirming every proposal at once is written a statement per table (decision 033); it must
// leave exactly what confirming each proposal in turn leaves.
import { and, asc, eq, gt, max } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog, conflicts, juryMembers, outbox, reviews } from "../../../db/schema";
import { detectConflicts } from "../../../app/jury/models/conflict-detect.server";
import { insertConflict } from "../../../app/jury/models/conflicts.server";
import {
  confirmConflict,
  confirmProposalsWithoutSubmittedReview,
} from "../../../app/jury/models/conflict-decisions.server";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { scenario, scoredReview, type Scenario } from "../../fixtures/jury-routes";

const ORIGIN = "http://localhost:3000";

/** The juror's review of the application (by their places in the scenario), scored and in `state`. */
const reviewIn = (s: Scenario, juror: number, application: number, state: "draft" | "submitted") =>
  scoredReview(s, s.jurors[juror].memberId, s.applications[application].id, state);

/**
 * An edition with proposals of every kind: detected ones (one on a submitted review, one on a
 * draft), one added by hand on another draft, and a second proposal (by hand) for a pair already
 * proposed by detection. Returns where the audit log stood before any decision.
 */
async function proposals() {
  const s = await scenario();
  db().update(juryMembers).set({ country: "IN" }).where(eq(juryMembers.id, s.jurors[1].memberId)).run();
  reviewIn(s, 2, 0, "submitted");
  reviewIn(s, 1, 2, "draft");
  reviewIn(s, 0, 1, "draft");
  await detectConflicts({ editionId: s.editionId, actorId: s.secretariat.id });
  db().transaction((tx) => {
    for (const [juror, application, reason] of [
      [0, 1, "Former employer"],
      [1, 2, "Co-author"],
    ] as const)
      expect(
        insertConflict(tx, {
          editionId: s.editionId,
          jurorId: s.jurors[juror].memberId,
          applicationId: s.applications[application].id,
          source: "manual",
          reason,
          createdBy: s.secretariat.id,
          status: "proposed",
        }),
      ).toEqual(expect.any(String));
  });
  db().delete(outbox).run();
  const auditFrom =
    db()
      .select({ id: max(auditLog.id) })
      .from(auditLog)
      .get()!.id ?? 0;
  return { s, auditFrom };
}

/** What the decisions wrote, with the scenario's own ids and names replaced by placeholders. */
function written(s: Scenario, auditFrom: number) {
  const names = new Map<string, string>([
    [s.editionId, "EDITION"],
    [s.secretariat.id, "STAFF"],
  ]);
  s.jurors.forEach((j, i) => {
    for (const [value, tag] of [
      [j.memberId, "JUROR"],
      [j.userId, "USER"],
      [j.email, "EMAIL"],
      [j.name, "NAME"],
    ] as const)
      names.set(value, `${tag}${i}`);
  });
  s.applications.forEach((a, i) => {
    for (const [value, tag] of [
      [a.id, "APP"],
      [a.title, "TITLE"],
      [a.reference, "REF"],
    ] as const)
      names.set(value, `${tag}${i}`);
  });
  const pairOf = (jurorId: string, applicationId: string) => `${names.get(jurorId)}/${names.get(applicationId)}`;
  const conflictRows = db()
    .select()
    .from(conflicts)
    .where(eq(conflicts.editionId, s.editionId))
    .orderBy(asc(conflicts.createdAt))
    .all();
  for (const c of conflictRows) names.set(c.id, `CONFLICT(${pairOf(c.jurorId, c.applicationId)} ${c.source})`);
  const reviewRows = db().select().from(reviews).all();
  for (const r of reviewRows) names.set(r.id, `REVIEW(${pairOf(r.jurorId, r.applicationId)})`);
  const anonymous = (value: unknown) => {
    let text = JSON.stringify(value);
    for (const [id, name] of names) text = text.split(id).join(name);
    return JSON.parse(text) as unknown;
  };
  return anonymous({
    conflicts: conflictRows
      .map((c) => ({ pair: pairOf(c.jurorId, c.applicationId), source: c.source, status: c.status, by: c.confirmedBy }))
      .sort((a, b) => `${a.pair}${a.source}`.localeCompare(`${b.pair}${b.source}`)),
    reviews: reviewRows
      .filter((r) => names.has(r.jurorId))
      .map((r) => ({
        pair: pairOf(r.jurorId, r.applicationId),
        state: r.state,
        version: r.version,
        reason: r.recuseReason,
      }))
      .sort((a, b) => a.pair.localeCompare(b.pair)),
    audit: db()
      .select({
        actorId: auditLog.actorId,
        action: auditLog.action,
        objectType: auditLog.objectType,
        objectId: auditLog.objectId,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(gt(auditLog.id, auditFrom))
      .orderBy(asc(auditLog.id))
      .all()
      .map((row) => ({ ...row, details: JSON.parse(row.details) as unknown })),
    mail: db()
      .select({ to: outbox.toAddress, template: outbox.template, subject: outbox.subject, body: outbox.textBody })
      .from(outbox)
      .all()
      .sort((a, b) => `${a.to}${a.body}`.localeCompare(`${b.to}${b.body}`)),
  });
}

describe("confirming every proposal at once", () => {
  it("writes exactly what confirming each proposal in turn writes: states, recusals, audit rows, e-mails", async () => {
    const inTurn = await proposals();
    const proposed = db()
      .select({ id: conflicts.id })
      .from(conflicts)
      .where(and(eq(conflicts.editionId, inTurn.s.editionId), eq(conflicts.status, "proposed")))
      .orderBy(asc(conflicts.createdAt))
      .all();
    expect(proposed).toHaveLength(4);
    const outcomes = proposed.map(({ id }) =>
      confirmConflict({
        editionId: inTurn.s.editionId,
        conflictId: id,
        actorId: inTurn.s.secretariat.id,
        origin: ORIGIN,
        submittedReviewAcknowledged: false,
      }),
    );
    // The submitted review's proposal waits for its own step.
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    const expected = written(inTurn.s, inTurn.auditFrom);

    const atOnce = await proposals();
    expect(
      confirmProposalsWithoutSubmittedReview({
        editionId: atOnce.s.editionId,
        actorId: atOnce.s.secretariat.id,
        origin: ORIGIN,
      }),
    ).toEqual({ ok: true, confirmed: 3, left: 1 });
    expect(written(atOnce.s, atOnce.auditFrom)).toEqual(expected);
    // What both wrote, for the record: two drafts recused, each once, and their jurors told.
    expect(expected).toMatchObject({
      reviews: [
        { pair: "JUROR0/APP1", state: "recused", reason: "Former employer" },
        { pair: "JUROR1/APP2", state: "recused" },
        { pair: "JUROR2/APP0", state: "submitted" },
      ],
      mail: [
        { to: "EMAIL0", template: "jury_conflict_confirmed" },
        { to: "EMAIL1", template: "jury_conflict_confirmed" },
      ],
    });
    expect(verifyAuditChain().ok).toBe(true);
  });

  it("confirms nothing and writes nothing when every proposal touches a submitted review", async () => {
    const s = await scenario();
    reviewIn(s, 2, 0, "submitted");
    await detectConflicts({ editionId: s.editionId, actorId: s.secretariat.id });
    const before = db()
      .select({ id: max(auditLog.id) })
      .from(auditLog)
      .get()!.id;
    expect(
      confirmProposalsWithoutSubmittedReview({ editionId: s.editionId, actorId: s.secretariat.id, origin: ORIGIN }),
    ).toEqual({ ok: true, confirmed: 0, left: 1 });
    expect(
      db()
        .select({ id: max(auditLog.id) })
        .from(auditLog)
        .get()!.id,
    ).toBe(before);
  });
});
