import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { auditLog } from "../../../db/schema";
import { GENESIS_HASH, verifyAuditChain, writeAudit, writeAudits } from "../../../app/kernel/models/audit.server";

describe("audit log", () => {
  it("each row carries the hash of the previous one and the chain verifies", () => {
    writeAudit({ actorId: null, action: "test.one", objectType: "test" });
    writeAudit({ actorId: "x", action: "test.two", objectType: "test", objectId: "1", details: { a: 1 } });
    writeAudit({ actorId: "x", action: "test.three", objectType: "test" });
    const rows = db().select().from(auditLog).all();
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].prevHash).toBe(rows[1].hash);
    expect(verifyAuditChain()).toEqual({ ok: true, rows: 3 });
  });

  it("an edited row is named as the first broken one", () => {
    const second = db().select().from(auditLog).all()[1];
    db().update(auditLog).set({ details: '{"a":2}' }).where(eq(auditLog.id, second.id)).run();
    expect(verifyAuditChain()).toMatchObject({ ok: false, brokenRowId: second.id });
    db().update(auditLog).set({ details: '{"a":1}' }).where(eq(auditLog.id, second.id)).run();
    expect(verifyAuditChain().ok).toBe(true);
  });

  it("a deleted row breaks the chain at the row after it", () => {
    const rows = db().select().from(auditLog).all();
    db().delete(auditLog).where(eq(auditLog.id, rows[1].id)).run();
    expect(verifyAuditChain()).toMatchObject({ ok: false, brokenRowId: rows[2].id });
  });

  it("a write inside a failed transaction leaves no audit row behind", () => {
    const before = db().select().from(auditLog).all().length;
    expect(() =>
      db().transaction((tx) => {
        writeAudit({ actorId: null, action: "test.rolled_back", objectType: "test" }, tx);
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect(db().select().from(auditLog).all().length).toBe(before);
  });

  it("several rows written at once are chained in the order given, after the rows before them", () => {
    db().delete(auditLog).run();
    writeAudit({ actorId: null, action: "test.before", objectType: "test" });
    writeAudits(
      Array.from({ length: 1200 }, (_, i) => ({
        actorId: "x",
        action: "test.many",
        objectType: "test",
        objectId: String(i),
        details: { i, text: "“quoted” \\ ا" },
      })),
    );
    const rows = db().select().from(auditLog).all();
    expect(rows).toHaveLength(1201);
    expect(rows.slice(1).map((r) => r.objectId)).toEqual(Array.from({ length: 1200 }, (_, i) => String(i)));
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(JSON.parse(rows[1200].details)).toEqual({ i: 1199, text: "“quoted” \\ ا" });
    expect(verifyAuditChain()).toEqual({ ok: true, rows: 1201 });
    writeAudits([]);
    expect(db().select().from(auditLog).all()).toHaveLength(1201);
  });
});
