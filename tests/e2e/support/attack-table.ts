// What every route must answer to every role in the attack world (tests/e2e/support/world.ts):
// one row per route id of the build. The attack specs enumerate the routes from the build's
// manifest and fail on a route that has no row here, so a new page cannot escape them.
import { ROLES, type Role, type World } from "./world";

/**
 * 200: the page; "file": a download (200, not HTML); 404; "login": a redirect to the sign-in
 * page; `{ redirect }`: a redirect to that path.
 */
export type Outcome = 200 | 404 | "file" | "login" | { redirect: string };

export interface PostRow {
  /** Each intent the route's forms send; null for a form without one. */
  intents: (string | null)[];
  /** Who may act with this intent: their incomplete post is read and refused with a 4xx other than 404. */
  act: (intent: string | null) => readonly Role[];
  /** What everybody else gets; by default the GET's refusal (404, or the sign-in page for a visitor). */
  refused?: (role: Role) => Outcome | "4xx";
  /** What an actor gets instead of a 4xx, when the action answers even an incomplete post with a
   * redirect (an intent with no field: the post is complete). Per intent when a function. */
  acted?: Outcome | ((intent: string | null) => Outcome | undefined);
}

export interface Row {
  path: (w: World) => string;
  get: Record<Role, Outcome>;
  post?: PostRow;
}

const SIGNED_IN = ROLES.filter((r) => r !== "visitor");
const JURORS = ["juror", "conflictedJuror", "chair"] as const satisfies readonly Role[];

function every(outcome: Outcome): Record<Role, Outcome> {
  return Object.fromEntries(ROLES.map((r) => [r, outcome])) as Record<Role, Outcome>;
}

/** `outcome` for these roles, 404 for the other signed-in roles, and `visitor` for the visitor. */
function only(roles: readonly Role[], outcome: Outcome, visitor: Outcome = "login"): Record<Role, Outcome> {
  return Object.fromEntries(
    ROLES.map((r) => [r, r === "visitor" ? visitor : roles.includes(r) ? outcome : 404]),
  ) as Record<Role, Outcome>;
}

const signedIn = (outcome: Outcome) => only(SIGNED_IN, outcome);
const all = (roles: readonly Role[]) => () => roles;
const nobody = () => [] as Role[];
const secretariatPage = (path: (w: World) => string, post?: Omit<PostRow, "act">, visitor: Outcome = "login"): Row => ({
  path,
  get: only(["secretariat"], 200, visitor),
  ...(post ? { post: { ...post, act: all(["secretariat"]) } } : {}),
});
const ed = (w: World) => `/secretariat/editions/${w.editionId}`;

export const TABLE: Record<string, Row> = {
  "routes/$": {
    path: () => "/no-such-page",
    get: every(404),
    post: { intents: [null], act: nobody, refused: () => 404 },
  },
  "routes/_index": { path: () => "/", get: every(200) },
  "routes/account": {
    path: () => "/account",
    get: signedIn(200),
    post: { intents: ["profile", "revoke"], act: all(SIGNED_IN) },
  },
  "routes/account_.data[.]zip": { path: () => "/account/data.zip", get: signedIn("file") },
  // Anyone signed in asks for their own erasure, but the secretariat (closed by a colleague instead).
  "routes/account_.erasure": {
    path: () => "/account/erasure",
    get: only(
      SIGNED_IN.filter((r) => r !== "secretariat"),
      200,
    ),
    post: {
      intents: ["request", "withdraw"],
      act: all(SIGNED_IN.filter((r) => r !== "secretariat")),
      // Withdrawing takes no field: with no request waiting, it says where things stand.
      acted: (intent) => (intent === "withdraw" ? { redirect: "/account/erasure" } : undefined),
    },
  },
  "routes/applications._index": {
    path: () => "/applications",
    get: only(["applicantA", "applicantB"], 200),
    post: { intents: [null], act: all(["applicantA", "applicantB"]) },
  },
  "routes/applications.$applicationId._index": {
    path: (w) => `/applications/${w.appA.id}`,
    get: only(["applicantA"], 200),
  },
  "routes/applications.$applicationId.attachments": {
    path: (w) => `/applications/${w.appA.id}/attachments`,
    get: only(["applicantA"], 200),
    post: { intents: ["delete"], act: all(["applicantA"]) },
  },
  "routes/applications.$applicationId.check": {
    path: (w) => `/applications/${w.appA.id}/check`,
    get: only(["applicantA"], 200),
    post: { intents: [null], act: all(["applicantA"]) },
  },
  "routes/applications.$applicationId.declarations": {
    path: (w) => `/applications/${w.appA.id}/declarations`,
    get: only(["applicantA"], 200),
    post: { intents: [null], act: all(["applicantA"]) },
  },
  "routes/applications.$applicationId.sections.$section": {
    path: (w) => `/applications/${w.appA.id}/sections/background`,
    get: only(["applicantA"], 200),
    post: { intents: ["save", "complete", "autosave"], act: all(["applicantA"]) },
  },
  "routes/applications.$applicationId.withdraw": {
    path: (w) => `/applications/${w.appA.id}/withdraw`,
    get: only(["applicantA"], 200),
    post: { intents: [null], act: all(["applicantA"]) },
  },
  // The owner, a member of the entity it was sent to, a juror assigned to it (not in conflict)
  // and the secretariat download it; to anyone else it does not exist.
  "routes/attachments.$attachmentId": {
    path: (w) => `/attachments/${w.attachmentId}`,
    get: only(["applicantA", "nominatorX", "juror", "secretariat"], "file"),
  },
  "routes/call": { path: () => "/call", get: every(200) },
  "routes/dashboard": { path: () => "/dashboard", get: signedIn(200) },
  // No diploma before the announcement, for anyone.
  "routes/diplomas.$applicationId": { path: (w) => `/diplomas/${w.appA.id}`, get: only([], 200) },
  "routes/forgot-password": {
    path: () => "/forgot-password",
    get: every(200),
    post: { intents: [null], act: all(ROLES) },
  },
  "routes/invitations.$token": {
    path: () => "/invitations/no-such-token-0123456789abcdef",
    get: every(200),
    post: { intents: [null], act: all(ROLES) },
  },
  "routes/jury._index": { path: () => "/jury", get: only(JURORS, 200) },
  "routes/jury.$editionId.ballot": {
    path: (w) => `/jury/${w.editionId}/ballot`,
    get: only(JURORS, 200, 404),
    post: {
      intents: ["vote", "runoff", "close", "recommend", "cast", "close_runoff"],
      act: (intent) => (intent === "vote" || intent === "runoff" ? JURORS : ["chair"]),
      refused: (role) => (role === "visitor" ? 404 : 404),
    },
  },
  "routes/jury.$editionId.conflicts": {
    path: (w) => `/jury/${w.editionId}/conflicts`,
    get: only(JURORS, 200),
    post: { intents: ["declare", "confirm", "withdraw"], act: all(JURORS) },
  },
  // Scoring is still open in this world: no results yet, and "what if" is no page at all.
  "routes/jury.$editionId.results": {
    path: (w) => `/jury/${w.editionId}/results`,
    get: only(JURORS, 200, 404),
    post: { intents: [null], act: nobody, refused: () => 404 },
  },
  "routes/jury.reviews.$reviewId": {
    path: (w) => `/jury/reviews/${w.reviewId}`,
    get: only(["juror"], 200),
    post: { intents: ["save_draft", "submit", "recuse", "reopen"], act: all(["juror"]) },
  },
  // The language switch answers every post with a redirect back (an unknown language is ignored).
  "routes/language": {
    path: () => "/language",
    get: every({ redirect: "/" }),
    // A post without one of the site's languages is the 400 page (decision 037's pass: its answer
    // as data was never seen, the loader sending everyone home).
    post: { intents: [null], act: all(ROLES) },
  },
  "routes/laureates._index": { path: () => "/laureates", get: every(200) },
  // Not announced yet: the year's page does not exist.
  "routes/laureates.$year": { path: (w) => `/laureates/${w.year}`, get: every(404) },
  "routes/login": {
    path: () => "/login",
    get: { ...every({ redirect: "/dashboard" }), visitor: 200 },
    post: { intents: [null], act: all(["visitor"]), refused: () => ({ redirect: "/dashboard" }) },
  },
  "routes/logout": {
    path: () => "/logout",
    get: every({ redirect: "/" }),
    post: { intents: [null], act: nobody, refused: () => ({ redirect: "/" }) },
  },
  // The entity that nominated, the applicant whose application it supports, a juror assigned to
  // that application (not in conflict) and the secretariat.
  "routes/nomination-letters.$letterId": {
    path: (w) => `/nomination-letters/${w.letterId}`,
    get: only(["applicantA", "nominatorX", "juror", "secretariat"], "file"),
  },
  "routes/nominations._index": {
    path: () => "/nominations",
    get: only(["nominatorX", "nominatorY"], 200),
    post: { intents: [null], act: all(["nominatorX", "nominatorY"]) },
  },
  "routes/nominations.$applicationId": {
    path: (w) => `/nominations/${w.appA.id}`,
    get: only(["nominatorX"], 200),
    post: { intents: ["return", "decline", "nominate"], act: all(["nominatorX"]) },
  },
  // The edition's observer reads its process, read-only, and files a note; nobody else sees these
  // pages (the secretariat has its own), and a visitor is sent to sign in.
  "routes/observe.$editionId._index": {
    path: (w) => `/observe/${w.editionId}`,
    get: only(["observer"], 200),
    post: { intents: [null], act: all(["observer"]) },
  },
  "routes/observe.$editionId.audit": { path: (w) => `/observe/${w.editionId}/audit`, get: only(["observer"], 200) },
  "routes/observe.$editionId.integrity": {
    path: (w) => `/observe/${w.editionId}/integrity`,
    get: only(["observer"], 200),
  },
  "routes/observe.$editionId.results": {
    path: (w) => `/observe/${w.editionId}/results`,
    get: only(["observer"], 200),
  },
  "routes/privacy": { path: () => "/privacy", get: every(200) },
  "routes/register": {
    path: () => "/register",
    get: { ...every({ redirect: "/dashboard" }), visitor: 200 },
    post: { intents: [null], act: all(["visitor"]), refused: () => ({ redirect: "/dashboard" }) },
  },
  // Reading the link changes nothing; its button's POST creates the account (an unknown token: 400).
  "routes/register_.confirm.$token": {
    path: () => "/register/confirm/no-such-token-0123456789abcdef",
    get: { ...every({ redirect: "/dashboard" }), visitor: 200 },
    post: { intents: [null], act: all(["visitor"]), refused: () => ({ redirect: "/dashboard" }) },
  },
  "routes/reset-password.$token": {
    path: () => "/reset-password/no-such-token-0123456789abcdef",
    get: every(200),
    post: { intents: [null], act: all(ROLES) },
  },
  "routes/secretariat._index": secretariatPage(() => "/secretariat"),
  "routes/secretariat.editions._index": secretariatPage(() => "/secretariat/editions"),
  "routes/secretariat.editions.$editionId._index": secretariatPage(ed, { intents: [null] }),
  "routes/secretariat.editions.$editionId.assignment": secretariatPage((w) => `${ed(w)}/assignment`, {
    intents: ["run", "add", "remove", "swap", "publish"],
  }),
  // Detection and "confirm every proposal that touches no submitted review" need no field: the
  // post is complete and answers with the register (a redirect); the others are refused incomplete.
  "routes/secretariat.editions.$editionId.conflicts": secretariatPage((w) => `${ed(w)}/conflicts`, {
    intents: [null, "detect", "confirm_safe", "confirm", "dismiss", "add"],
    acted: (intent) =>
      intent === "detect" || intent === "confirm_safe"
        ? { redirect: "/secretariat/editions/:edition/conflicts" }
        : undefined,
  }),
  "routes/secretariat.editions.$editionId.criteria": secretariatPage((w) => `${ed(w)}/criteria`, {
    intents: ["save", "move", "remove"],
  }),
  "routes/secretariat.editions.$editionId.decision": secretariatPage(
    (w) => `${ed(w)}/decision`,
    { intents: ["decide"] },
    404,
  ),
  // No decision recorded yet: no snapshot to download.
  "routes/secretariat.editions.$editionId.decision_.snapshot": {
    path: (w) => `${ed(w)}/decision/snapshot`,
    get: every(404),
  },
  "routes/secretariat.editions.$editionId.deliberation": secretariatPage(
    (w) => `${ed(w)}/deliberation`,
    { intents: ["tiebreak", "open", "close", "close_runoff"] },
    404,
  ),
  "routes/secretariat.editions.$editionId.eligibility": secretariatPage((w) => `${ed(w)}/eligibility`, {
    intents: ["save", "remove"],
  }),
  // The sections' wording: the secretariat's; in this world the call is closed, so a save is refused.
  "routes/secretariat.editions.$editionId.sections": secretariatPage((w) => `${ed(w)}/sections`, {
    intents: ["save"],
  }),
  // Revoking a diploma: no decision in this world, so no code exists, for anyone.
  "routes/secretariat.diplomas.$code": {
    path: () => "/secretariat/diplomas/NOSUCHCODE23",
    get: only([], 200),
    post: { intents: ["check", "revoke"], act: nobody },
  },
  // Verification is public; an unknown code is no diploma, and the keys are published to all.
  "routes/verify.$code._index": { path: () => "/verify/NOSUCHCODE23", get: every(404) },
  "routes/verify.$code.badge[.]json": { path: () => "/verify/NOSUCHCODE23/badge.json", get: every(404) },
  "routes/verify.$code.statement[.]json": { path: () => "/verify/NOSUCHCODE23/statement.json", get: every(404) },
  "routes/verify.key": { path: () => "/verify/key", get: every("file") },
  "routes/verify.key[.]pem": { path: () => "/verify/key.pem", get: every("file") },
  "routes/verify.revocations[.]json": { path: () => "/verify/revocations.json", get: every("file") },
  // The integrity audits: the secretariat's, not advertised to visitors; during scoring the
  // page reads the reviews submitted so far, and the fairness tables download at any time.
  "routes/secretariat.editions.$editionId.integrity": {
    path: (w) => `${ed(w)}/integrity`,
    get: only(["secretariat"], 200, 404),
  },
  "routes/secretariat.editions.$editionId.integrity_.export[.]csv": {
    path: (w) => `${ed(w)}/integrity/export.csv`,
    get: only(["secretariat"], "file", 404),
  },
  "routes/secretariat.editions.$editionId.jury": secretariatPage((w) => `${ed(w)}/jury`, {
    intents: ["invite", "update", "replace"],
  }),
  "routes/secretariat.editions.$editionId.phase": secretariatPage((w) => `${ed(w)}/phase?to=deliberation`, {
    intents: [null],
  }),
  // "remind" needs no field: an over-long juror id makes the post incomplete.
  "routes/secretariat.editions.$editionId.progress": secretariatPage((w) => `${ed(w)}/progress`, {
    intents: ["remind", "reopen_scoring"],
  }),
  // Scoring is still open: the results page says so, and "what if" is no page at all.
  "routes/secretariat.editions.$editionId.results": {
    path: (w) => `${ed(w)}/results`,
    get: only(["secretariat"], 200, 404),
    post: { intents: [null], act: nobody, refused: () => 404 },
  },
  "routes/secretariat.editions.$editionId.results_.export.$format": {
    path: (w) => `${ed(w)}/results/export/csv`,
    get: every(404),
  },
  "routes/secretariat.editions.$editionId.settings": secretariatPage((w) => `${ed(w)}/settings`, { intents: [null] }),
  "routes/secretariat.editions.new": secretariatPage(() => "/secretariat/editions/new", { intents: [null] }),
  "routes/secretariat.data-requests._index": secretariatPage(() => "/secretariat/data-requests"),
  // No request waits under that id: the answer page is nobody's.
  "routes/secretariat.data-requests.$requestId": {
    path: () => "/secretariat/data-requests/no-such-request",
    get: only([], 200),
    post: { intents: ["check", "erase", "decline"], act: nobody },
  },
  "routes/secretariat.retention": secretariatPage(() => "/secretariat/retention", { intents: [null] }),
  "routes/secretariat.entities": secretariatPage(() => "/secretariat/entities", { intents: [null] }),
  "routes/secretariat.invitations": secretariatPage(() => "/secretariat/invitations", { intents: [null] }),
  "routes/secretariat.screening._index": secretariatPage(() => "/secretariat/screening"),
  "routes/secretariat.screening.$applicationId": secretariatPage((w) => `/secretariat/screening/${w.appA.id}`, {
    intents: [null],
  }),
  "routes/secretariat.screening.export[.]csv": {
    path: () => "/secretariat/screening/export.csv",
    get: only(["secretariat"], "file"),
  },
  "routes/secretariat.screening.export[.]xlsx": {
    path: () => "/secretariat/screening/export.xlsx",
    get: only(["secretariat"], "file"),
  },
  "routes/setup.$token": {
    path: () => "/setup/no-such-token-0123456789abcdef",
    get: every(200),
    post: { intents: [null], act: all(ROLES) },
  },
};

/** A deliberately incomplete body for an intent: only the intent (and what keeps it incomplete). */
export function incompleteBody(routeId: string, intent: string | null): Record<string, string> {
  const body: Record<string, string> = intent === null ? {} : { intent };
  if (routeId === "routes/secretariat.editions.$editionId.progress" && intent === "remind")
    body.memberId = "x".repeat(200);
  return body;
}

/** The refusal a role gets when it may not act: the table's, else what its GET refused with. */
export function refusalFor(row: Row, role: Role): Outcome | "4xx" {
  if (row.post?.refused) return row.post.refused(role);
  const get = row.get[role];
  return get === 200 || get === "file" ? 404 : get;
}

export function describeOutcome(outcome: Outcome | "4xx"): string {
  return typeof outcome === "object" ? `redirect to ${outcome.redirect}` : String(outcome);
}
