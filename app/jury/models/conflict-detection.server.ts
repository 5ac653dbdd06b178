// Automatic detection of conflicts of interest: a shared country or organisation between a
// juror and an application, recorded only as proposals for the secretariat to decide.
import { eq } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { conflicts } from "../../../db/schema";
import { activeJurors, type Tx } from "./shared.server";
import { eligibleApplications } from "./eligible-applications.server";
import { insertProposedConflicts } from "./conflicts.server";

/** Public webmail domains say nothing about an organisation. */
export const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "yahoo.com",
  "yahoo.fr",
  "hotmail.fr",
  "icloud.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "mail.ru",
  "yandex.ru",
  "qq.com",
  "163.com",
]);
/** The demo's placeholder domain (scripts/seed/demo.ts), shared by its accounts as webmail would be. */
export const DEMO_MAIL_DOMAIN = "demo.prize.test";
// Names reserved for documentation (RFC 2606) stand for no organisation in particular.
const RESERVED_DOMAIN = /(^|\.)(example|invalid|localhost)$|^example\.(com|net|org)$/;

export function organisationDomain(email: string | null | undefined): string | null {
  const domain = email?.split("@")[1]?.trim().toLowerCase();
  if (!domain || domain === DEMO_MAIL_DOMAIN || PUBLIC_MAIL_DOMAINS.has(domain) || RESERVED_DOMAIN.test(domain))
    return null;
  return domain;
}

export type Candidate = {
  jurorId: string;
  applicationId: string;
  source: "same_country" | "same_organisation";
  reason: string;
};

/**
 * What automatic detection finds and the register does not hold yet, in any status (a dismissed
 * proposal is never proposed again): the juror's country is the project's or the nominating
 * entity's, or the juror's e-mail domain is the applicant contact's (the model has no
 * organisation for jurors; public webmail and reserved domains are ignored). Reads only.
 */
export function conflictCandidates(tx: Tx | DB, editionId: string): Candidate[] {
  const jurors = activeJurors(editionId, tx);
  const apps = eligibleApplications(editionId, tx);
  // Indexed once by country and by domain: a pass over every juror and application was
  // seconds at 10,000 applications.
  const byCountry = new Map<string, string[]>();
  const byDomain = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const a of apps) {
    for (const country of new Set([a.country, a.entityCountry])) if (country) push(byCountry, country, a.id);
    const domain = organisationDomain(a.contactEmail);
    if (domain) push(byDomain, domain, a.id);
  }
  // A detected pair already in the register with that source (in any status), or declared by the
  // juror or set by hand (a confirmed conflict already), is not proposed again.
  const known = new Set<string>();
  for (const c of tx
    .select({ j: conflicts.jurorId, a: conflicts.applicationId, s: conflicts.source })
    .from(conflicts)
    .where(eq(conflicts.editionId, editionId))
    .all()) {
    if (c.s === "same_country" || c.s === "same_organisation") known.add(`${c.j}:${c.a}:${c.s}`);
    else for (const source of ["same_country", "same_organisation"]) known.add(`${c.j}:${c.a}:${source}`);
  }
  const found: Candidate[] = [];
  for (const j of jurors) {
    if (j.country)
      for (const id of byCountry.get(j.country) ?? [])
        if (!known.has(`${j.id}:${id}:same_country`))
          found.push({ jurorId: j.id, applicationId: id, source: "same_country", reason: j.country });
    const domain = organisationDomain(j.email);
    if (domain)
      for (const id of byDomain.get(domain) ?? [])
        if (!known.has(`${j.id}:${id}:same_organisation`))
          found.push({ jurorId: j.id, applicationId: id, source: "same_organisation", reason: domain });
  }
  return found;
}

/** Records what a detection found as proposals (audited each); returns how many were added. */
export function recordProposals(tx: Tx, editionId: string, candidates: Candidate[], actorId: string | null): number {
  return insertProposedConflicts(tx, editionId, candidates, actorId);
}

/**
 * A detection: the candidates read and recorded as proposals in one transaction (decision 040),
 * so that what is recorded is exactly what the register and the jury held when it was read; an
 * edit made meanwhile waits for it. Returns how many proposals were added.
 */
export function detectAndRecord({ editionId, actorId }: { editionId: string; actorId: string | null }): number {
  return db().transaction((tx) => recordProposals(tx, editionId, conflictCandidates(tx, editionId), actorId));
}
