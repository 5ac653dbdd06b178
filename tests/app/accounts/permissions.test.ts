import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  requirePermission,
  requireSecretariat,
  requireUser,
  rolesOf,
  UNADVERTISED,
  type Action,
} from "../../../app/accounts/server/permissions.server";
import type { SessionUser } from "../../../app/accounts/server/session.server";
import { addJuror, cookieFor, makeEdition, makeUser, request, run } from "../../fixtures/builders";

const base: SessionUser = {
  id: "u-self",
  sessionId: "s",
  email: "a@example.org",
  name: "A",
  locale: "en",
  isApplicant: false,
  isSecretariat: false,
  entities: [],
  juries: [],
  observing: [],
};
const actors: Record<string, SessionUser | null> = {
  visitor: null,
  applicant: { ...base, isApplicant: true },
  nominator: {
    ...base,
    entities: [{ id: "entity-1", name: "Commission", kind: "national_commission", country: "KE" }],
  },
  juror: { ...base, juries: [{ memberId: "m1", editionId: "edition-1", isChair: false }] },
  chair: { ...base, juries: [{ memberId: "m2", editionId: "edition-1", isChair: true }] },
  secretariat: { ...base, isSecretariat: true },
  // Invited to observe the process of edition-1 only.
  observer: { ...base, observing: ["edition-1"] },
  // A member of the secretariat who also chairs the jury of the edition.
  secretariatOnJury: {
    ...base,
    isSecretariat: true,
    juries: [{ memberId: "m3", editionId: "edition-1", isChair: true }],
  },
};
type Actor = keyof typeof actors;

// Each action is tried against an object the actor owns / is attached to ("own") and one
// that belongs to someone else ("other"). Y = allowed, n = refused.
const own = { ownerId: "u-self", entityId: "entity-1", editionId: "edition-1", sent: true };
const other = { ownerId: "u-other", entityId: "entity-2", editionId: "edition-2", sent: true };

type Cell = [own: "Y" | "n", other: "Y" | "n"];
const nobody: Cell = ["n", "n"];
/** Refused to everyone but the actors named. */
const only = (allowed: Partial<Record<Actor, Cell>>): Record<Actor, Cell> =>
  Object.fromEntries(Object.keys(actors).map((a) => [a, allowed[a as Actor] ?? nobody])) as Record<Actor, Cell>;

const TABLE: Record<Action, Record<Actor, Cell>> = {
  "application.create": only({ applicant: ["Y", "Y"] }),
  "attachment.download": only({
    applicant: ["Y", "n"],
    observer: ["Y", "n"],
    nominator: ["Y", "n"],
    juror: ["Y", "n"],
    chair: ["Y", "n"],
    secretariat: ["Y", "Y"],
    secretariatOnJury: ["Y", "Y"],
  }),
  "diploma.download": only({
    applicant: ["Y", "n"],
    observer: ["Y", "n"],
    nominator: ["Y", "n"],
    juror: ["Y", "n"],
    chair: ["Y", "n"],
    secretariat: ["Y", "Y"],
    secretariatOnJury: ["Y", "Y"],
  }),
  "diploma.revoke": only({ secretariat: ["Y", "Y"], secretariatOnJury: ["Y", "Y"] }),
  "nomination.workspace": only({ nominator: ["Y", "Y"] }),
  "entity.act": only({ nominator: ["Y", "n"] }),
  "jury.workspace": only({ juror: ["Y", "Y"], chair: ["Y", "Y"], secretariatOnJury: ["Y", "Y"] }),
  "jury.conflicts": only({ juror: ["Y", "n"], chair: ["Y", "n"], secretariatOnJury: ["Y", "n"] }),
  // The secretariat reads results and deliberation as the secretariat, on its own pages.
  "jury.results": only({ juror: ["Y", "n"], chair: ["Y", "n"] }),
  "ballot.vote": only({ juror: ["Y", "n"], chair: ["Y", "n"] }),
  // Closing the ballot and recording the recommendation: the chair of that edition's jury only.
  "ballot.chair": only({ chair: ["Y", "n"] }),
  // The observer reads their own edition's process only; nobody else reads it through this rule.
  "edition.observe": only({ observer: ["Y", "n"] }),
  "secretariat.area": only({ secretariat: ["Y", "Y"], secretariatOnJury: ["Y", "Y"] }),
  // Anyone signed in asks for their own erasure, except the secretariat (never left without one).
  "erasure.request": only({
    applicant: ["Y", "Y"],
    nominator: ["Y", "Y"],
    juror: ["Y", "Y"],
    chair: ["Y", "Y"],
    observer: ["Y", "Y"],
  }),
  // The audit judges the jury: a member of the secretariat seated on it may not read that edition's.
  "integrity.audit": only({ secretariat: ["Y", "Y"], secretariatOnJury: ["n", "Y"] }),
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
  it("the secretariat may not download the files of an application still in draft, which is the applicant's alone", () => {
    const draft = { ownerId: "u-applicant", entityId: null, editionId: "edition-1", sent: false };
    expect(can(actors.secretariat, "attachment.download", draft)).toBe(false);
    expect(can(actors.secretariat, "attachment.download", { ...draft, sent: undefined })).toBe(false);
    expect(can(actors.secretariat, "attachment.download", { ...draft, sent: true })).toBe(true);
  });

  it("no other action is opened by a juror's reading rights", () => {
    const facts = { ...application, editionId: "edition-2" };
    for (const action of ACTIONS.filter((a) => a !== "attachment.download")) {
      expect({ action, allowed: can(actors.juror, action, { ...facts, readerMemberIds: ["m1"] }) }).toEqual({
        action,
        allowed: can(actors.juror, action, facts),
      });
    }
  });

  it("a user holding several roles gets each of them", () => {
    const both: SessionUser = {
      ...base,
      isApplicant: true,
      entities: actors.nominator!.entities,
      juries: actors.juror!.juries,
    };
    expect(rolesOf(both)).toEqual(["applicant", "nominator", "juror"]);
    expect(rolesOf(null)).toEqual(["visitor"]);
    expect(rolesOf(actors.observer)).toEqual(["observer"]);
  });
});

// The require-helpers answer with real requests: "in" is the user let through, "login" the
// redirect to the sign-in page (back to the page asked), 404 the page that does not exist.
describe("the require-helpers", () => {
  type Outcome = "in" | "login" | 404;
  async function outcome(call: () => Promise<SessionUser>): Promise<Outcome> {
    const res = await run(call);
    if (res.status === 200) return "in";
    if (res.status === 302 && res.headers.get("Location") === "/login?redirectTo=%2Fpage%3Fq%3D1") return "login";
    if (res.status === 404) return 404;
    throw new Error(`unexpected answer ${res.status} ${res.headers.get("Location") ?? ""}`);
  }

  it("answer each kind of user as the table says, visitors included", async () => {
    const edition = makeEdition();
    const applicant = await makeUser();
    const juror = await makeUser({ roles: [] });
    const chair = await makeUser({ roles: [] });
    const secretariat = await makeUser({ roles: ["secretariat"] });
    addJuror(edition.id, juror.id);
    addJuror(edition.id, chair.id, true);
    const cookies: Record<string, string | undefined> = {
      visitor: undefined,
      applicant: await cookieFor(applicant.id),
      juror: await cookieFor(juror.id),
      chair: await cookieFor(chair.id),
      secretariat: await cookieFor(secretariat.id),
    };
    const on = { editionId: edition.id };
    const HELPERS: Record<string, (r: Request) => Promise<SessionUser>> = {
      requireUser: (r) => requireUser(r),
      "requireUser unadvertised": (r) => requireUser(r, UNADVERTISED),
      requireSecretariat: (r) => requireSecretariat(r),
      "requireSecretariat unadvertised": (r) => requireSecretariat(r, UNADVERTISED),
      "requirePermission jury.conflicts": (r) => requirePermission(r, "jury.conflicts", on),
      "requirePermission ballot.vote unadvertised": (r) => requirePermission(r, "ballot.vote", on, UNADVERTISED),
      "requirePermission ballot.chair unadvertised": (r) => requirePermission(r, "ballot.chair", on, UNADVERTISED),
    };
    const EXPECTED: Record<string, Record<string, Outcome>> = {
      requireUser: { visitor: "login", applicant: "in", juror: "in", chair: "in", secretariat: "in" },
      "requireUser unadvertised": { visitor: 404, applicant: "in", juror: "in", chair: "in", secretariat: "in" },
      requireSecretariat: { visitor: "login", applicant: 404, juror: 404, chair: 404, secretariat: "in" },
      "requireSecretariat unadvertised": { visitor: 404, applicant: 404, juror: 404, chair: 404, secretariat: "in" },
      "requirePermission jury.conflicts": {
        visitor: "login",
        applicant: 404,
        juror: "in",
        chair: "in",
        secretariat: 404,
      },
      "requirePermission ballot.vote unadvertised": {
        visitor: 404,
        applicant: 404,
        juror: "in",
        chair: "in",
        secretariat: 404,
      },
      "requirePermission ballot.chair unadvertised": {
        visitor: 404,
        applicant: 404,
        juror: 404,
        chair: "in",
        secretariat: 404,
      },
    };
    const observed: Record<string, Record<string, Outcome>> = {};
    for (const [helper, call] of Object.entries(HELPERS)) {
      observed[helper] = {};
      for (const [who, cookie] of Object.entries(cookies))
        observed[helper][who] = await outcome(() => call(request("/page?q=1", { cookie })));
    }
    expect(observed).toEqual(EXPECTED);
  });
});
