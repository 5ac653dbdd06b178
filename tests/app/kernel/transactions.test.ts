// Several server processes write to one file (decision 023). A connection stands in for another
// process here: better-sqlite3 is synchronous, so it can write in the middle of a transaction.
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { databasePath, db } from "../../../db/client";
import { mailRequests } from "../../../db/schema";

function otherProcess(): Database.Database {
  const other = new Database(databasePath());
  // Not waiting: the test is whether the lock is free, not how long it stays taken.
  other.pragma("busy_timeout = 0");
  return other;
}

const row = (target: string) => ({ kind: "registration" as const, target, address: "127.0.0.1", at: new Date() });

describe("transactions on a file several processes share", () => {
  it("hold the write lock from their start, so another process's write cannot come between a read and the write", () => {
    const other = otherProcess();
    try {
      db().transaction((tx) => {
        tx.select().from(mailRequests).all();
        expect(() =>
          other
            .prepare("insert into mail_requests (kind, target, address, at) values ('registration', 'b@x.test', '', 0)")
            .run(),
        ).toThrow(/locked|busy/i);
        tx.insert(mailRequests).values(row("a@x.test")).run();
      });
      expect(db().select().from(mailRequests).where(eq(mailRequests.target, "a@x.test")).all()).toHaveLength(1);
      // Free again once the transaction is over.
      other
        .prepare("insert into mail_requests (kind, target, address, at) values ('registration', 'b@x.test', '', 0)")
        .run();
    } finally {
      other.close();
    }
  });

  it("still begin deferred when a caller asks for it", () => {
    const other = otherProcess();
    try {
      expect(() =>
        db().transaction(
          (tx) => {
            tx.select().from(mailRequests).all();
            other
              .prepare(
                "insert into mail_requests (kind, target, address, at) values ('registration', 'c@x.test', '', 0)",
              )
              .run();
            tx.insert(mailRequests).values(row("d@x.test")).run();
          },
          { behavior: "deferred" },
        ),
      ).toThrow(/busy|locked/i);
    } finally {
      other.close();
    }
  });
});
