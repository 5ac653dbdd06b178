import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "../../../db/client";
import { applications, assignments, nominatingEntities, outbox, reviews, sessions, users } from "../../../db/schema";
import { writeAudit } from "../../../app/kernel/models/audit.server";
import { dataVersion, untilChanged, type Topic } from "../../../app/kernel/server/memo.server";
import { addJuror, makeEdition, makeEntity, makeUser } from "../../fixtures/builders";
import { makeApplication } from "../../fixtures/nominations";

const ALL: Topic[] = ["applications", "submitted", "jury", "scores"];

let edition: string;
let otherEdition: string;
let applicantId: string;
let entityId: string;
let memberId: string;

beforeAll(async () => {
  edition = makeEdition({ year: 2031 }).id;
  otherEdition = makeEdition({ year: 2032 }).id;
  applicantId = (await makeUser()).id;
  entityId = makeEntity().id;
  memberId = addJuror(edition, (await makeUser()).id).id;
});

/** Which topics of `editionId` the write changed. */
function moved(editionId: string, write: () => void): Topic[] {
  const before = ALL.map((t) => dataVersion(editionId, [t]));
  write();
  return ALL.filter((t, i) => dataVersion(editionId, [t]) !== before[i]);
}

function scoredPair() {
  const application = makeApplication({ editionId: edition, applicantId, entityId, state: "eligible" });
  const assignment = db()
    .insert(assignments)
    .values({ editionId: edition, jurorId: memberId, applicationId: application.id, publishedAt: new Date() })
    .returning()
    .get();
  const review = db()
    .insert(reviews)
    .values({ assignmentId: assignment.id, jurorId: memberId, applicationId: application.id })
    .returning()
    .get();
  return { application, assignment, review };
}

describe("cached values kept until what they read changes", () => {
  it("a value is computed once while its data stays the same, and again once it changes", () => {
    let computed = 0;
    const read = () => untilChanged({ editionId: edition, topics: ["submitted"], key: "sent count" }, () => ++computed);
    expect([read(), read()]).toEqual([1, 1]);
    makeApplication({ editionId: edition, applicantId, entityId });
    expect([read(), read()]).toEqual([2, 2]);
  });

  it("a sign-in, an e-mail queued and an audit row change no edition's data", async () => {
    const user = await makeUser();
    expect(
      moved(edition, () => {
        db()
          .insert(sessions)
          .values({ userId: user.id, tokenHash: `t-${user.id}`, expiresAt: new Date(Date.now() + 1e6) })
          .run();
        db()
          .insert(outbox)
          .values({
            toAddress: "a@example.org",
            locale: "en",
            subject: "s",
            textBody: "b",
            template: "t",
            nextAttemptAt: new Date(),
          })
          .run();
        writeAudit({ actorId: user.id, action: "user.login", objectType: "user", objectId: user.id });
      }),
    ).toEqual([]);
  });

  it("a draft saved moves only its own edition's applications, never what was sent or scored", () => {
    const draft = makeApplication({ editionId: otherEdition, applicantId, entityId, state: "draft" });
    const save = () =>
      db().update(applications).set({ title: "Draft, renamed" }).where(eq(applications.id, draft.id)).run();
    expect(moved(edition, save)).toEqual([]);
    expect(moved(otherEdition, save)).toEqual(["applications"]);
    expect(
      moved(otherEdition, () =>
        db().update(applications).set({ state: "awaiting_nominator" }).where(eq(applications.id, draft.id)).run(),
      ),
    ).toEqual(["applications", "submitted"]);
  });

  it("a review saved as a draft is the jury's business, a review submitted changes the scores", () => {
    const { review } = scoredPair();
    const set = (values: Partial<typeof reviews.$inferInsert>) => () =>
      db().update(reviews).set(values).where(eq(reviews.id, review.id)).run();
    expect(moved(edition, set({ state: "draft", overallComment: "so far" }))).toEqual(["jury"]);
    // The draft saved again: the jury's caches count states, so nothing of theirs moves.
    expect(moved(edition, set({ overallComment: "further", scores: { impact: 4 }, version: 7 }))).toEqual([]);
    expect(moved(edition, set({ state: "submitted" }))).toEqual(["jury", "scores"]);
    expect(moved(otherEdition, set({ overallComment: "again" }))).toEqual([]);
  });

  it("an assignment removed with its reviews is seen, and the removal is not refused", () => {
    const { assignment } = scoredPair();
    expect(moved(edition, () => db().delete(assignments).where(eq(assignments.id, assignment.id)).run())).toEqual([
      "jury",
      "scores",
    ]);
    expect(db().select().from(reviews).where(eq(reviews.assignmentId, assignment.id)).all()).toEqual([]);
  });

  it("renaming a nominating entity or a person changes every edition's cached values", async () => {
    const user = await makeUser();
    const versions = () => [dataVersion(edition, []), dataVersion(otherEdition, [])];
    let before = versions();
    db()
      .update(nominatingEntities)
      .set({ name: "Renamed Commission" })
      .where(eq(nominatingEntities.id, entityId))
      .run();
    expect(versions().map((v, i) => v === before[i])).toEqual([false, false]);
    before = versions();
    db().update(users).set({ name: "Renamed Person" }).where(eq(users.id, user.id)).run();
    expect(versions().map((v, i) => v === before[i])).toEqual([false, false]);
  });

  it("a write made by another process on the same file is seen at once", () => {
    const before = dataVersion(edition, ["submitted"]);
    const other = new Database(process.env.DATABASE_PATH!);
    other.prepare("update applications set state = 'eligible' where edition_id = ? and state <> 'draft'").run(edition);
    other.close();
    expect(dataVersion(edition, ["submitted"])).not.toBe(before);
  });

  it("a new connection never reuses a version of the previous one", () => {
    const before = dataVersion(edition, ALL);
    closeDb();
    expect(dataVersion(edition, ALL)).not.toBe(before);
  });
});
