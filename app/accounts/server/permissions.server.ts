// Every access decision of the app lives here: "may this user see this page, do this to this
// object". The first line of every loader and action is one of the require-helpers below; where
// the answer needs facts only a query knows (who may read an application's files, whose diploma
// it is), the code that read them asks can() or authorize() with those facts. Models still scope
// their queries by owner, as a second line of defence, but never decide who may on their own.
import { data } from "@remix-run/node";
import { getSessionUser, requireUser as signedInOrSignIn, type SessionUser } from "./session.server";
import { handBackText } from "./signed-out-post.server";

export type Role = "visitor" | "applicant" | "nominator" | "juror" | "secretariat" | "observer";

/** What an object looks like to the permission rules: just the ownership facts. */
export interface ObjectFacts {
  ownerId?: string;
  entityId?: string | null;
  editionId?: string;
  /**
   * For an application's files: the jury memberships that may read the application — assignment
   * published, review not recused, no conflict of that juror with it. The model computes them,
   * scoped to the asking user, in the same query that finds the file.
   */
  readerMemberIds?: readonly string[];
  /**
   * For an application's files: whether its applicant has sent it (it is no longer a draft). The
   * secretariat reads an application from then on, as its screening page does; a draft is the
   * applicant's alone.
   */
  sent?: boolean;
}

type Rule = (user: SessionUser, object: ObjectFacts) => boolean;

const isApplicant: Rule = (u) => u.isApplicant;
const isSecretariat: Rule = (u) => u.isSecretariat;
const isNominator: Rule = (u) => u.entities.length > 0;
const isJuror: Rule = (u) => u.juries.length > 0;
const isObserver: Rule = (u) => u.observing.length > 0;
const observerOfEdition: Rule = (u, o) => !!o.editionId && u.observing.includes(o.editionId);
const self: Rule = (u, o) => o.ownerId === u.id;
const memberOfEntity: Rule = (u, o) => !!o.entityId && u.entities.some((e) => e.id === o.entityId);
const jurorOfEdition: Rule = (u, o) => !!o.editionId && u.juries.some((j) => j.editionId === o.editionId);
const secretariatOfSent: Rule = (u, o) => u.isSecretariat && o.sent === true;
const assignedJuror: Rule = (u, o) =>
  !!o.readerMemberIds?.length && u.juries.some((j) => o.readerMemberIds!.includes(j.memberId));
// The secretariat reads an edition's results and deliberation as the secretariat (names, every
// review), even when it also sits on that jury: the juror's view of them is not theirs.
const seatedJuror: Rule = (u, o) => !u.isSecretariat && jurorOfEdition(u, o);
const seatedChair: Rule = (u, o) =>
  !u.isSecretariat && !!o.editionId && u.juries.some((j) => j.editionId === o.editionId && j.isChair);
const any =
  (...rules: Rule[]): Rule =>
  (u, o) =>
    rules.some((r) => r(u, o));

const RULES = {
  // The applicant's area; each application's pages then find it by owner (404 for anyone else).
  "application.create": isApplicant,
  // An application's files: its attachments and its nomination letter.
  "attachment.download": any(self, memberOfEntity, secretariatOfSent, assignedJuror),
  // A laureate's diploma (and the link to it on the laureates page).
  "diploma.download": any(self, isSecretariat),
  // Withdrawing a laureate's diploma: its verification page then says it is revoked, and why.
  "diploma.revoke": isSecretariat,
  // The nominators' area; an application in it is then found through the user's own entities.
  "nomination.workspace": isNominator,
  // Acting for one entity: opening its workspace, setting its internal deadline.
  "entity.act": memberOfEntity,
  // The jurors' area; a review in it is then found by its juror.
  "jury.workspace": isJuror,
  "jury.conflicts": jurorOfEdition,
  "jury.results": seatedJuror,
  "ballot.vote": seatedJuror,
  // Closing the ballot and recording the jury's recommendation.
  "ballot.chair": seatedChair,
  // An edition's integrity audits (its jurors by name, its applications by group): the secretariat,
  // unless seated on that jury, since the audit judges the jury. Never a juror.
  "integrity.audit": (u, o) => isSecretariat(u, o) && !jurorOfEdition(u, o),
  // An edition's process seen read-only by its invited observer (the observer's pages, and the
  // note they file); never any other edition's, never an action of the secretariat. Not while
  // seated on that edition's jury, whose work the observer watches.
  "edition.observe": (u, o) => observerOfEdition(u, o) && !jurorOfEdition(u, o),
  // Asking for the erasure of one's own personal data. Not the secretariat's: their accounts are
  // closed by another member of the secretariat, so the system is never left without one.
  "erasure.request": (u) => !u.isSecretariat,
  // Every secretariat page: editions, screening, jury, results, deliberation, decision, entities,
  // invitations. Asked through requireSecretariat() only, so the secretariat has one gate.
  "secretariat.area": isSecretariat,
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** Visitors (no user) may do none of these actions. */
export function can(user: SessionUser | null, action: Action, object: ObjectFacts = {}): boolean {
  if (!user) return false;
  return RULES[action](user, object);
}

/** Allowed, else the 404 of an object that does not exist. */
export function authorize(user: SessionUser | null, action: Action, object: ObjectFacts = {}): void {
  if (!can(user, action, object)) notFound();
}

export function rolesOf(user: SessionUser | null): Role[] {
  if (!user) return ["visitor"];
  const roles: Role[] = [];
  if (isApplicant(user, {})) roles.push("applicant");
  if (isNominator(user, {})) roles.push("nominator");
  if (isJuror(user, {})) roles.push("juror");
  if (isSecretariat(user, {})) roles.push("secretariat");
  if (isObserver(user, {})) roles.push("observer");
  return roles;
}

/** The 404 every denial of an object answers with, so its existence is not revealed. */
export function notFound(): never {
  throw data({ message: "errors.not_found" }, { status: 404 });
}

/** The value when there is one (truthy), else the same 404 as notFound(): `const x = found(getX(...))`. */
export function found<T>(value: T | null | undefined | false): T {
  if (!value) notFound();
  return value;
}

/**
 * What a visitor (nobody signed in) is answered. Everywhere the sign-in page, which brings them
 * back; but the results area (results, their exports, deliberation, ballot, decision) is not
 * advertised even that much, so there a visitor gets the same 404 as anyone else who may not see it.
 */
export interface Gate {
  visitor?: "sign-in" | "not-found";
  /**
   * For a post: the fields whose text is handed back, on a 401 page, to someone no longer signed
   * in, rather than lost on the way to the sign-in page (signed-out-post.server.ts).
   */
  handBack?: (field: string) => boolean;
}
export const UNADVERTISED: Gate = { visitor: "not-found" };

/** Signed in, else the sign-in page (or, for an unadvertised page, the 404). */
export async function requireUser(
  request: Request,
  { visitor = "sign-in", handBack }: Gate = {},
): Promise<SessionUser> {
  if (handBack && request.method === "POST") {
    const user = await getSessionUser(request);
    if (user) return user;
    await handBackText(request, handBack);
  }
  if (visitor === "sign-in") return signedInOrSignIn(request);
  return (await getSessionUser(request)) ?? notFound();
}

/** Signed in and allowed, else 404 (a visitor is answered as the gate says). */
export async function requirePermission(
  request: Request,
  action: Exclude<Action, "secretariat.area">,
  object: ObjectFacts = {},
  gate: Gate = {},
): Promise<SessionUser> {
  const user = await requireUser(request, gate);
  authorize(user, action, object);
  return user;
}

/** The secretariat, else 404: the one gate of every secretariat page. */
export async function requireSecretariat(request: Request, gate: Gate = {}): Promise<SessionUser> {
  const user = await requireUser(request, gate);
  authorize(user, "secretariat.area");
  return user;
}
