// A jury has one chair: the chair closes the ballot, casts the deciding vote on a tie and records
// the recommendation, and the conflict check of the casting vote looks at one person.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { juryMembers, outbox } from "../../../db/schema";
import { acceptInvitation, createInvitation } from "../../../app/accounts/models/invitations.server";
import { updateJuror } from "../../../app/jury/models/members.server";
import { scenario, type Scenario } from "../../fixtures/jury-routes";

let n = 0;
const chairs = (s: Scenario) =>
  db()
    .select({ id: juryMembers.id })
    .from(juryMembers)
    .where(and(eq(juryMembers.editionId, s.editionId), eq(juryMembers.isChair, true)))
    .all();

function inviteChair(s: Scenario, email = `chair${++n}-${Date.now()}@example.org`) {
  const done = createInvitation({
    invitedBy: s.secretariat.id,
    email,
    name: "Second Chair",
    locale: "en",
    role: "juror",
    editionId: s.editionId,
    isChair: true,
    origin: "http://localhost",
    address: `10.7.0.${n}`,
  });
  return { done, email };
}

const tokenOf = (email: string) =>
  db()
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .all()
    .at(-1)!
    .textBody.match(/invitations\/([\w-]+)/)![1];

describe("one chair a jury", () => {
  it("a juror is not invited as chair while the jury has one", async () => {
    const s = await scenario();
    expect(chairs(s)).toHaveLength(1);
    expect(inviteChair(s).done).toEqual({ ok: false, field: "isChair", error: "errors.jury_chair_taken" });
  });

  it("a chair's invitation still open keeps others out, but its invitee may be invited again", async () => {
    const s = await scenario();
    const [chair] = chairs(s);
    db().update(juryMembers).set({ isChair: false }).where(eq(juryMembers.id, chair.id)).run();
    const first = inviteChair(s);
    expect(first.done).toMatchObject({ ok: true });
    expect(inviteChair(s).done).toMatchObject({ ok: false, error: "errors.jury_chair_taken" });
    expect(inviteChair(s, first.email).done).toMatchObject({ ok: true });
  });

  it("an invitation as chair accepted once another chair is seated seats a member", async () => {
    const s = await scenario();
    const [chair] = chairs(s);
    db().update(juryMembers).set({ isChair: false }).where(eq(juryMembers.id, chair.id)).run();
    const { email } = inviteChair(s);
    // Meanwhile the secretariat makes the former chair chair again, on the jury page.
    db().update(juryMembers).set({ isChair: true }).where(eq(juryMembers.id, chair.id)).run();
    const accepted = await acceptInvitation({
      token: tokenOf(email),
      name: "Second Chair",
      password: "a long enough passphrase",
      profile: { country: "FR", languages: ["en"], expertise: [] },
    });
    expect(accepted).toMatchObject({ ok: true });
    expect(chairs(s)).toEqual([{ id: chair.id }]);
  });

  it("the jury page does not make a second chair", async () => {
    const s = await scenario();
    const [chair] = chairs(s);
    const other = s.jurors.find((j) => j.memberId !== chair.id)!;
    const update = (memberId: string) =>
      updateJuror({
        editionId: s.editionId,
        actorId: s.secretariat.id,
        memberId,
        country: "SE",
        languages: ["en"],
        expertise: [],
        isChair: true,
      });
    expect(update(other.memberId)).toEqual({ ok: false, field: "isChair", error: "errors.jury_chair_taken" });
    expect(update(chair.id)).toEqual({ ok: true });
    expect(chairs(s)).toEqual([{ id: chair.id }]);
  });
});
