import { describe, expect, it } from "vitest";
import { closeDb, db } from "../../../db/client";
import { users } from "../../../db/schema";
import { untilNextWrite, writeGeneration } from "../../../app/kernel/server/memo.server";

describe("values kept until the next write", () => {
  it("a value is computed once while nothing is written, and again after any insert, update or delete", () => {
    let computed = 0;
    const read = () => untilNextWrite("count of users", () => ++computed);
    expect([read(), read()]).toEqual([1, 1]);
    db().insert(users).values({ email: "memo@example.org", name: "Memo", passwordHash: "x" }).run();
    expect([read(), read()]).toEqual([2, 2]);
    db().delete(users).run();
    expect(read()).toBe(3);
  });

  it("a new connection never reuses a generation of the previous one", () => {
    const before = writeGeneration();
    closeDb();
    expect(writeGeneration()).not.toBe(before);
  });
});
