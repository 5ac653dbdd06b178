import { existsSync, writeFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, attachments, auditLog, nominationLetters, outbox, users } from "../../../db/schema";
import {
  confirmErasure,
  declineErasure,
  pendingRequestOf,
  requestErasure,
} from "../../../app/accounts/models/erasure.server";
import { attemptLogin } from "../../../app/accounts/models/account.server";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { deliverDueMail, enqueueMail, mailCopyPaths } from "../../../app/kernel/models/outbox.server";
import { commitStagedFile, stageFile, storedPath } from "../../../app/kernel/models/file-store.server";
import { decisionSnapshot, sha256 } from "../../../app/results/models/decision.server";
import { runCli } from "../../../scripts/scoring-cli";
import { buildScoredEdition, decide } from "../../fixtures/results";
import { PASSWORD } from "../../fixtures/builders";
import { quotaUsage } from "../../../app/nominations/models/nomination.server";
import { tinyPdf, VALID } from "../../fixtures/applications";

const DAY = 864e5;
const CONTENT = { sections: { background: VALID.background, contact: VALID.contact }, completed: [] };

/** A decided edition whose applications carry contact details, an attachment and a nomination letter each. */
async function decidedEdition() {
  const f = await buildScoredEdition();
  for (const { app, applicant } of f.apps) {
    db()
      .update(applications)
      .set({ content: CONTENT, nominatedContent: CONTENT, contactEmail: "lea@example.org", nominatorComment: "Hi Léa" })
      .where(eq(applications.id, app.id))
      .run();
    const file = stageFile({ folder: "attachments", bytes: tinyPdf() });
    commitStagedFile(file);
    db()
      .insert(attachments)
      .values({
        applicationId: app.id,
        originalName: `cv-${applicant.name}.pdf`,
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: "x",
        storedName: file.storedName,
      })
      .run();
    const letter = stageFile({ folder: "letters", bytes: tinyPdf() });
    commitStagedFile(letter);
    db()
      .insert(nominationLetters)
      .values({
        applicationId: app.id,
        entityId: f.entity.id,
        uploadedBy: f.nominator.id,
        originalName: "letter.pdf",
        sizeBytes: 10,
        sha256: "y",
        storedName: letter.storedName,
      })
      .run();
  }
  const decided = await decide(f, new Date(Date.now() + 30 * DAY));
  expect(decided.status).toBe(302);
  return f;
}

const filesOf = (applicationId: string) => [
  ...db()
    .select({ storedName: attachments.storedName })
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId))
    .all()
    .map((r) => storedPath("attachments", r.storedName)),
  ...db()
    .select({ storedName: nominationLetters.storedName })
    .from(nominationLetters)
    .where(eq(nominationLetters.applicationId, applicationId))
    .all()
    .map((r) => storedPath("letters", r.storedName)),
];

const appRow = (id: string) => db().select().from(applications).where(eq(applications.id, id)).get()!;

describe("erasure on request", () => {
  it("erases a laureate's and an unsuccessful applicant's data while the decision snapshot and audit chain still verify", async () => {
    const f = await decidedEdition();
    const frozen = decisionSnapshot({ editionId: f.edition.id })!;
    const [laureate, , loser] = f.apps;
    const files = [...filesOf(laureate.app.id), ...filesOf(loser.app.id)];
    expect(files).toHaveLength(4);
    expect(files.every((p) => existsSync(p))).toBe(true);

    // A message sent to each so far, written as an .eml copy (no SMTP server here).
    for (const { applicant } of f.apps.slice(0, 3))
      enqueueMail({
        to: applicant.email,
        locale: "en",
        template: "observer_removed",
        vars: { name: applicant.name, year: 2026 },
      });
    delete process.env.SMTP_URL;
    while ((await deliverDueMail(new Date(Date.now() + 365 * DAY))) > 0);
    const copiesTo = (email: string) =>
      db()
        .select({ emlPath: outbox.emlPath })
        .from(outbox)
        .where(eq(outbox.toAddress, email))
        .all()
        .map((m) => m.emlPath!);
    // Still pending: one message whose copy its sender wrote before being stopped (the row not yet
    // marked sent), and one of which it had written part.
    const stopped = (email: string, written: (paths: { path: string; part: string }) => string) => {
      enqueueMail({ to: email, locale: "en", template: "observer_removed", vars: { name: "Stopped", year: 2026 } });
      const row = db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, email), eq(outbox.state, "pending")))
        .get()!;
      const file = written(mailCopyPaths(row));
      writeFileSync(file, `To: ${email}`);
      return file;
    };
    const copies = [
      ...copiesTo(laureate.applicant.email),
      ...copiesTo(loser.applicant.email),
      stopped(laureate.applicant.email, (c) => c.path),
      stopped(loser.applicant.email, (c) => c.part),
    ];
    const othersCopies = copiesTo(f.apps[1].applicant.email);
    expect(copies.length).toBeGreaterThan(2);
    expect([...copies, ...othersCopies].every((p) => existsSync(p))).toBe(true);

    for (const { applicant } of [laureate, loser]) {
      requestErasure({ userId: applicant.id });
      const request = pendingRequestOf({ userId: applicant.id })!;
      expect(confirmErasure({ requestId: request.id, actorId: f.secretariat.id })).toEqual({ ok: true });
    }
    // Their copies go with their messages; another applicant's stay.
    expect(copies.some((p) => existsSync(p))).toBe(false);
    expect(othersCopies.length).toBeGreaterThan(0);
    expect(othersCopies.every((p) => existsSync(p))).toBe(true);

    // The snapshot is the same text with the same hash, and the scoring re-derives what it froze.
    const after = decisionSnapshot({ editionId: f.edition.id })!;
    expect(after).toEqual(frozen);
    expect(sha256(after.snapshot)).toBe(frozen.sha256);
    const read = () => after.snapshot;
    expect(runCli(["verify", "snapshot.json"], read).code).toBe(0);
    const rerun = JSON.parse(runCli(["results", "snapshot.json"], read).stdout);
    const snapshot = JSON.parse(after.snapshot);
    expect(rerun.applications.map((a: { applicationId: string; rank: number }) => [a.applicationId, a.rank])).toEqual(
      snapshot.ranking.map((a: { applicationId: string; rank: number }) => [a.applicationId, a.rank]),
    );
    expect(verifyAuditChain()).toMatchObject({ ok: true });

    // Files are gone from disk and from the tables.
    expect(files.some((p) => existsSync(p))).toBe(false);
    expect(filesOf(laureate.app.id)).toEqual([]);

    // The laureate keeps the public record; the contact details go. The other application is anonymised.
    const won = appRow(laureate.app.id);
    expect(won).toMatchObject({
      title: laureate.app.title,
      organisation: laureate.app.organisation,
      contactEmail: null,
    });
    expect(won.nominatorComment).toBeNull();
    expect((won.content.sections as Record<string, unknown>).background).toEqual(VALID.background);
    expect(JSON.stringify(won.content)).not.toContain("Léa");
    expect(JSON.stringify(won.nominatedContent)).not.toContain("lea@example.org");
    const lost = appRow(loser.app.id);
    expect(lost.title).toMatch(/^Erased application [0-9A-F]{4}$/);
    expect(lost).toMatchObject({ organisation: "", reference: loser.app.reference, country: loser.app.country });
    expect(JSON.stringify(lost.content)).not.toContain("Green schools");

    // The user row holds a pseudonym; nothing in the audit log names them.
    for (const { applicant } of [laureate, loser]) {
      const u = db().select().from(users).where(eq(users.id, applicant.id)).get()!;
      expect(u.name).toMatch(/^Erased applicant [0-9A-F]{4}$/);
      expect(u.email).not.toBe(applicant.email);
      expect(u.disabledAt).not.toBeNull();
      const log = JSON.stringify(db().select().from(auditLog).all());
      expect(log).not.toContain(applicant.email);
      expect(log).not.toContain(applicant.name);
      const erased = db().select().from(auditLog).where(eq(auditLog.objectId, applicant.id)).all();
      expect(erased.find((r) => r.action === "user.erased")).toMatchObject({ actorId: f.secretariat.id });
      // Told at the address they had, before it was erased.
      const mails = db().select().from(outbox).where(eq(outbox.toAddress, applicant.email)).all();
      expect(mails.map((m) => m.template)).toEqual(["erasure_done"]);
    }
  });

  it("closes the account: the erased person cannot sign in any more", async () => {
    const f = await buildScoredEdition({ apps: 2 });
    const { applicant } = f.apps[0];
    expect((await attemptLogin({ email: applicant.email, password: PASSWORD, address: "192.0.2.1" })).ok).toBe(true);
    requestErasure({ userId: applicant.id });
    confirmErasure({ requestId: pendingRequestOf({ userId: applicant.id })!.id, actorId: f.secretariat.id });
    const erased = db().select().from(users).where(eq(users.id, applicant.id)).get()!;
    for (const email of [applicant.email, erased.email])
      expect((await attemptLogin({ email, password: PASSWORD, address: "192.0.2.2" })).ok).toBe(false);
    for (const password of [PASSWORD, "erased"])
      expect((await attemptLogin({ email: erased.email, password, address: "192.0.2.3" })).ok).toBe(false);
  });

  it("withdraws an application still in a running edition, frees the nomination it used and tells its entity", async () => {
    const f = await buildScoredEdition({ apps: 2 });
    const { app, applicant } = f.apps[0];
    const before = quotaUsage({ entityId: f.entity.id, editionId: f.edition.id });
    requestErasure({ userId: applicant.id });
    confirmErasure({ requestId: pendingRequestOf({ userId: applicant.id })!.id, actorId: f.secretariat.id });
    expect(appRow(app.id)).toMatchObject({ state: "withdrawn", title: expect.stringMatching(/^Erased application/) });
    expect(quotaUsage({ entityId: f.entity.id, editionId: f.edition.id })).toEqual({
      ...before,
      used: before.used - 1,
    });
    expect(appRow(f.apps[1].app.id).state).toBe("eligible");
    const told = db().select().from(outbox).where(eq(outbox.toAddress, f.nominator.email)).all().at(-1)!;
    expect(told.template).toBe("application_erased");
    expect(told.textBody).toContain(app.reference);
    expect(told.textBody).not.toContain(app.title);
    const audit = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "application.withdrawn"), eq(auditLog.objectId, app.id)))
      .get()!;
    expect(JSON.parse(audit.details)).toEqual({
      from: "eligible",
      to: "withdrawn",
      reference: app.reference,
      reason: "erasure",
    });
    expect(audit.actorId).toBe(f.secretariat.id);
  });

  it("declining leaves the person's data as it was and tells them the reason", async () => {
    const f = await decidedEdition();
    const { app, applicant } = f.apps[3];
    const files = filesOf(app.id);
    const before = appRow(app.id);
    requestErasure({ userId: applicant.id });
    requestErasure({ userId: applicant.id }); // a second click while one waits asks nothing more
    const request = pendingRequestOf({ userId: applicant.id })!;
    expect(
      declineErasure({ requestId: request.id, actorId: f.secretariat.id, reason: "Your appeal is still open." }),
    ).toEqual({ ok: true });
    expect(appRow(app.id)).toEqual(before);
    expect(db().select().from(users).where(eq(users.id, applicant.id)).get()).toMatchObject({
      email: applicant.email,
      name: applicant.name,
      disabledAt: null,
    });
    expect(files.every((p) => existsSync(p))).toBe(true);
    expect(pendingRequestOf({ userId: applicant.id })).toBeNull();
    const mails = db().select().from(outbox).where(eq(outbox.toAddress, applicant.email)).all();
    expect(mails.map((m) => m.template)).toEqual(["erasure_received", "erasure_declined"]);
    expect(mails[1].textBody).toContain("Your appeal is still open.");
    // A request already answered cannot be confirmed afterwards.
    expect(confirmErasure({ requestId: request.id, actorId: f.secretariat.id }).ok).toBe(false);
    expect(verifyAuditChain()).toMatchObject({ ok: true });
  });
});
