// The one place that answers "may this user do this to this object". Every loader and action
// asks here (through requireUser/requireRole/requirePermission) before touching data; models
// then scope their queries by owner as a second line of defence.
import { data } from "@remix-run/node";
import { requireUser, type SessionUser } from "./session.server";

export type Role = "visitor" | "applicant" | "nominator" | "juror" | "secretariat";

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
}

type Rule = (user: SessionUser, object: ObjectFacts) => boolean;

const isSecretariat: Rule = (u) => u.isSecretariat;
const self: Rule = (u, o) => o.ownerId === u.id;
const memberOfEntity: Rule = (u, o) => !!o.entityId && u.entities.some((e) => e.id === o.entityId);
const jurorOfEdition: Rule = (u, o) => !!o.editionId && u.juries.some((j) => j.editionId === o.editionId);
const assignedJuror: Rule = (u, o) => !!o.readerMemberIds?.length && u.juries.some((j) => o.readerMemberIds!.includes(j.memberId));
const any = (...rules: Rule[]): Rule => (u, o) => rules.some((r) => r(u, o));

export const RULES = {
  "account.read": self,
  "account.update": self,
  "session.revoke": self,
  "application.create": (u) => u.isApplicant,
  "application.read": any(self, memberOfEntity, isSecretariat),
  "application.edit": self,
  "application.withdraw": self,
  // An application's files: its attachments and its nomination letter.
  "attachment.download": any(self, memberOfEntity, isSecretariat, assignedJuror),
  "nomination.decide": memberOfEntity,
  "entity.settings": memberOfEntity,
  "screening.decide": isSecretariat,
  "application.export": isSecretariat,
  "nomination.workspace": memberOfEntity,
  "jury.workspace": jurorOfEdition,
  "edition.manage": isSecretariat,
  "entity.manage": isSecretariat,
  "invitation.create": isSecretariat,
  "invitation.list": isSecretariat,
  "audit.read": isSecretariat,
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** Visitors (no user) may do none of these actions. */
export function can(user: SessionUser | null, action: Action, object: ObjectFacts = {}): boolean {
  if (!user) return false;
  return RULES[action](user, object);
}

export function rolesOf(user: SessionUser | null): Role[] {
  if (!user) return ["visitor"];
  const roles: Role[] = [];
  if (user.isApplicant) roles.push("applicant");
  if (user.entities.length > 0) roles.push("nominator");
  if (user.juries.length > 0) roles.push("juror");
  if (user.isSecretariat) roles.push("secretariat");
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

/** Signed in and allowed, else 404 (logged out users are sent to the sign-in page). */
export async function requirePermission(request: Request, action: Action, object: ObjectFacts = {}): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, action, object)) notFound();
  return user;
}

/** Signed in and holding the role, else 404: role areas are not advertised to others. */
export async function requireRole(request: Request, role: Exclude<Role, "visitor">): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!rolesOf(user).includes(role)) notFound();
  return user;
}

export { requireUser };
