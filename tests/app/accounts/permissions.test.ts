import { describe, expect, it } from "vitest";
import { ACTIONS, can, rolesOf, type Action } from "../../../app/accounts/server/permissions.server";
import type { SessionUser } from "../../../app/accounts/server/session.server";

const base: SessionUser = { id: "u-self", sessionId: "s", email: "a@example.org", name: "A", locale: "en", isApplicant: false, isSecretariat: false, entities: [], juries: [] };
const actors: Record<string, SessionUser | null> = {
  visitor: null,
  applicant: { ...base, isApplicant: true },
  nominator: { ...base, entities: [{ id: "entity-1", name: "Commission", kind: "national_commission", country: "KE" }] },
  juror: { ...base, juries: [{ memberId: "m1", editionId: "edition-1", isChair: false }] },
  secretariat: { ...base, isSecretariat: true },
};

// Each action is tried against an object the actor owns / is attached to ("own") and one
// that belongs to someone else ("other"). Y = allowed, n = refused.
const own = { ownerId: "u-self", entityId: "entity-1", editionId: "edition-1" };
const other = { ownerId: "u-other", entityId: "entity-2", editionId: "edition-2" };

const TABLE: Record<Action, Record<string, [own: "Y" | "n", other: "Y" | "n"]>> = {
  "account.read": { visitor: ["n", "n"], applicant: ["Y", "n"], nominator: ["Y", "n"], juror: ["Y", "n"], secretariat: ["Y", "n"] },
  "account.update": { visitor: ["n", "n"], applicant: ["Y", "n"], nominator: ["Y", "n"], juror: ["Y", "n"], secretariat: ["Y", "n"] },
  "session.revoke": { visitor: ["n", "n"], applicant: ["Y", "n"], nominator: ["Y", "n"], juror: ["Y", "n"], secretariat: ["Y", "n"] },
  "application.create": { visitor: ["n", "n"], applicant: ["Y", "Y"], nominator: ["n", "n"], juror: ["n", "n"], secretariat: ["n", "n"] },
  "application.read": { visitor: ["n", "n"], applicant: ["Y", "n"], nominator: ["Y", "n"], juror: ["Y", "n"], secretariat: ["Y", "Y"] },
  "application.edit": { visitor: ["n", "n"], applicant: ["Y", "n"], nominator: ["Y", "n"], juror: ["Y", "n"], secretariat: ["Y", "n"] },
  "application.withdraw": { visitor: ["n", "n"], applicant: ["Y", "n"], nominator: ["Y", "n"], juror: ["Y", "n"], secretariat: ["Y", "n"] },
  "attachment.download": { visitor: ["n", "n"], applicant: ["Y", "n"], nominator: ["Y", "n"], juror: ["Y", "n"], secretariat: ["Y", "Y"] },
  "nomination.decide": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["Y", "n"], juror: ["n", "n"], secretariat: ["n", "n"] },
  "entity.settings": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["Y", "n"], juror: ["n", "n"], secretariat: ["n", "n"] },
  "screening.decide": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["n", "n"], juror: ["n", "n"], secretariat: ["Y", "Y"] },
  "application.export": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["n", "n"], juror: ["n", "n"], secretariat: ["Y", "Y"] },
  "nomination.workspace": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["Y", "n"], juror: ["n", "n"], secretariat: ["n", "n"] },
  "jury.workspace": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["n", "n"], juror: ["Y", "n"], secretariat: ["n", "n"] },
  "edition.manage": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["n", "n"], juror: ["n", "n"], secretariat: ["Y", "Y"] },
  "entity.manage": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["n", "n"], juror: ["n", "n"], secretariat: ["Y", "Y"] },
  "invitation.create": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["n", "n"], juror: ["n", "n"], secretariat: ["Y", "Y"] },
  "invitation.list": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["n", "n"], juror: ["n", "n"], secretariat: ["Y", "Y"] },
  "audit.read": { visitor: ["n", "n"], applicant: ["n", "n"], nominator: ["n", "n"], juror: ["n", "n"], secretariat: ["Y", "Y"] },
};

describe("permissions", () => {
  it("the table covers every action the module defines", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const [role, [onOwn, onOther]] of Object.entries(TABLE[action])) {
      it(`${role} ${onOwn === "Y" ? "may" : "may not"} ${action} on their own object and ${onOther === "Y" ? "may" : "may not"} on another's`, () => {
        expect(can(actors[role], action, own)).toBe(onOwn === "Y");
        expect(can(actors[role], action, other)).toBe(onOther === "Y");
      });
    }
  }

  // The juror rule on its own: an application someone else owns, sent to an entity the juror is
  // not a member of; only the reading rights the model computed (memberships with a live,
  // published, unrecused, unconflicted review of it) open its files.
  const application = { ownerId: "u-applicant", entityId: "entity-9", editionId: "edition-1" };
  const JUROR_FILES: [string, SessionUser | null, string[] | undefined, boolean][] = [
    ["an assigned juror may download the application's files", actors.juror, ["m1"], true],
    ["a juror of the same edition not assigned to it may not", actors.juror, ["m7"], false],
    ["a juror with no reading rights computed (recused, conflicted, unassigned) may not", actors.juror, [], false],
    ["facts without reading rights allow no juror", actors.juror, undefined, false],
    ["a visitor may not, whatever the facts", null, ["m1"], false],
    ["an applicant may not borrow a juror's reading rights", actors.applicant, ["m1"], false],
    ["a nominator of another entity may not borrow them either", actors.nominator, ["m1"], false],
  ];
  for (const [name, user, readerMemberIds, allowed] of JUROR_FILES) {
    it(name, () => {
      expect(can(user, "attachment.download", { ...application, readerMemberIds })).toBe(allowed);
    });
  }
  it("no other action is opened by a juror's reading rights", () => {
    for (const action of ACTIONS.filter((a) => a !== "attachment.download")) {
      expect({ action, allowed: can(actors.juror, action, { ...application, editionId: "edition-2", readerMemberIds: ["m1"] }) }).toEqual({ action, allowed: false });
    }
  });

  it("a user holding several roles gets each of them", () => {
    const both: SessionUser = { ...base, isApplicant: true, entities: actors.nominator!.entities, juries: actors.juror!.juries };
    expect(rolesOf(both)).toEqual(["applicant", "nominator", "juror"]);
    expect(rolesOf(null)).toEqual(["visitor"]);
  });
});
