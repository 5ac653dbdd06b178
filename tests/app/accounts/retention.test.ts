import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, attachments, auditLog, outbox } from "../../../db/schema";
import { applyRetention, retentionSchedule, setRetentionSchedule } from "../../../app/accounts/models/retention.server";
import { verifyAuditChain } from "../../../app/kernel/models/audit.server";
import { commitStagedFile, stageFile, storedPath } from "../../../app/kernel/models/file-store.server";
import { announceDue } from "../../../app/results/models/announcement.server";
import { DEFAULT_SCHEDULE } from "../../../app/kernel/domain/retention";
import { buildScoredEdition, decide } from "../../fixtures/results";
import { tinyPdf, VALID } from "../../fixtures/applications";

const DAY = 864e5;
const YEAR = 365.25 * DAY;
const CONTENT = { sections: { background: VALID.background, contact: VALID.contact }, completed: [] };

async function announcedEdition() {
  const f = await buildScoredEdition();
  for (const { app } of f.apps)
    db().update(applications).set({ content: CONTENT }).where(eq(applications.id, app.id)).run();
  const file = stageFile({ folder: "attachments", bytes: tinyPdf() });
  commitStagedFile(file);
  db()
    .insert(attachments)
    .values({
      applicationId: f.apps[4].app.id,
      originalName: "evidence.pdf",
      mimeType: "application/pdf",
      sizeBytes: 10,
      sha256: "x",
      storedName: file.storedName,
    })
    .run();
  const announcementAt = new Date(Date.now() + 30 * DAY);
  expect((await decide(f, announcementAt)).status).toBe(302);
  announceDue(new Date(announcementAt.getTime() + 1000), "http://localhost");
  return { ...f, announcementAt, file: storedPath("attachments", file.storedName) };
}

const appRow = (id: string) => db().select().from(applications).where(eq(applications.id, id)).get()!;

describe("the retention schedule", () => {
  it("anonymises an unsuccessful application only once the configured period after the announcement has passed, and keeps laureates", async () => {
    const f = await announcedEdition();
    const at = (years: number) => new Date(f.announcementAt.getTime() + years * YEAR);
    const [winner, , loser] = f.apps;
    expect(appRow(loser.app.id).state).toBe("not_selected");
    expect(retentionSchedule().unsuccessful_applications).toBe(5);

    expect(applyRetention(at(4.9)).applications).toEqual([]);
    expect(appRow(loser.app.id).title).toBe(loser.app.title);
    expect(existsSync(f.file)).toBe(true);

    const run = applyRetention(at(5.1));
    expect(run.applications).toHaveLength(4);
    expect(run.applications).toContain(loser.app.id);
    expect(appRow(loser.app.id).title).toMatch(/^Erased application/);
    expect(appRow(loser.app.id).anonymisedAt).not.toBeNull();
    expect(existsSync(f.file)).toBe(false);
    // The laureate is kept whole, contact details included: only an erasure request changes it.
    expect(appRow(winner.app.id)).toMatchObject({ title: winner.app.title, content: CONTENT, anonymisedAt: null });

    // The run is audited once, with ids and counts; a second run finds nothing and writes nothing.
    const rows = () => db().select().from(auditLog).where(eq(auditLog.action, "retention.applied")).all();
    expect(rows()).toHaveLength(1);
    expect(JSON.parse(rows()[0].details)).toMatchObject({ applications: run.applications, files: 1 });
    expect(applyRetention(at(5.2)).applications).toEqual([]);
    expect(rows()).toHaveLength(1);
    expect(verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("follows a schedule the secretariat shortened, and audits the change", async () => {
    const f = await announcedEdition();
    setRetentionSchedule({
      schedule: { ...DEFAULT_SCHEDULE, unsuccessful_applications: 2 },
      actorId: f.secretariat.id,
    });
    const change = db().select().from(auditLog).where(eq(auditLog.action, "retention.changed")).all().at(-1)!;
    expect(JSON.parse(change.details)).toEqual({ changed: { unsuccessful_applications: { from: 5, to: 2 } } });
    expect(applyRetention(new Date(f.announcementAt.getTime() + 1.9 * YEAR)).applications).toEqual([]);
    expect(applyRetention(new Date(f.announcementAt.getTime() + 2.1 * YEAR)).applications).toHaveLength(4);
    setRetentionSchedule({ schedule: DEFAULT_SCHEDULE, actorId: f.secretariat.id });
  });

  it("deletes sent e-mails after the e-mail period, their .eml copies with them, and keeps those still waiting", async () => {
    const now = Date.now();
    // A copy as the sender writes it, inside MAIL_DIR; and a path outside it, which is never touched.
    mkdirSync(process.env.MAIL_DIR!, { recursive: true });
    const copy = join(process.env.MAIL_DIR!, `${now}-old.eml`);
    writeFileSync(copy, "To: old@example.org");
    const outside = join(dirname(process.env.MAIL_DIR!), "not-a-mail-copy.txt");
    writeFileSync(outside, "kept");
    const sentMail = (toAddress: string, emlPath: string) =>
      db()
        .insert(outbox)
        .values({
          toAddress,
          locale: "en",
          template: "observer_removed",
          subject: "s",
          textBody: "b",
          state: "sent",
          sentAt: new Date(now),
          nextAttemptAt: new Date(now),
          emlPath,
        })
        .returning()
        .get();
    const sent = sentMail("old@example.org", copy);
    sentMail("forged@example.org", outside);
    const waiting = db()
      .insert(outbox)
      .values({
        toAddress: "new@example.org",
        locale: "en",
        template: "observer_removed",
        subject: "s",
        textBody: "b",
        nextAttemptAt: new Date(now),
      })
      .returning()
      .get();
    applyRetention(new Date(now + 300 * DAY));
    expect(db().select().from(outbox).where(eq(outbox.id, sent.id)).get()).toBeDefined();
    expect(existsSync(copy)).toBe(true);
    applyRetention(new Date(now + 400 * DAY));
    expect(db().select().from(outbox).where(eq(outbox.id, sent.id)).get()).toBeUndefined();
    expect(existsSync(copy)).toBe(false);
    expect(existsSync(outside)).toBe(true);
    expect(db().select().from(outbox).where(eq(outbox.id, waiting.id)).get()).toBeDefined();
  });
});
